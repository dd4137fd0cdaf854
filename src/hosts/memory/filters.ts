/**
 * Hidden rows and columns and the sheet's AutoFilter, as Excel keeps them: one hidden flag per row whether a user or
 * the filter set it; a filter on values hides the rows below its header whose cell shows none of the values. Hiding
 * changes what a user sees, never what `values` reads.
 */
import type { ExcelAutoFilter } from "../office/excel-api";
import { formatRect, intersects, parseAddress, type Rect, rectColumns, rectRows } from "./address";
import { type MemoryContext, quoteArg } from "./client-object";
import { OfficeError } from "./errors";
import { cellAt, type MemSheet } from "./state";

/** Rows or columns hidden in one request: past this the memory workbook refuses rather than hold a huge set. */
const MAX_HIDDEN = 100_000;

/** true when every row (column) of the rect is hidden, false when none is, null when some are. */
export function hiddenState(sheet: MemSheet, rect: Rect, axis: "rows" | "columns"): boolean | null {
  const hidden = axis === "rows" ? sheet.hiddenRows : sheet.hiddenColumns;
  const [from, to] = axis === "rows" ? [rect.top, rect.bottom] : [rect.left, rect.right];
  let count = 0;
  for (const index of hidden ?? []) if (index >= from && index <= to) count++;
  return count === 0 ? false : count === to - from + 1 ? true : null;
}

export function setHidden(sheet: MemSheet, rect: Rect, axis: "rows" | "columns", hidden: boolean): void {
  if (typeof hidden !== "boolean")
    throw new OfficeError(
      "InvalidArgument",
      `${axis === "rows" ? "rowHidden" : "columnHidden"} takes true or false.`,
    );
  const [from, to] = axis === "rows" ? [rect.top, rect.bottom] : [rect.left, rect.right];
  if (hidden && to - from + 1 > MAX_HIDDEN)
    throw new OfficeError(
      "InvalidOperation",
      `The memory workbook does not hide ${axis} across ${formatRect(rect)}.`,
    );
  const set = axis === "rows" ? (sheet.hiddenRows ??= new Set()) : (sheet.hiddenColumns ??= new Set());
  if (hidden) for (let i = from; i <= to; i++) set.add(i);
  else for (const index of [...set]) if (index >= from && index <= to) set.delete(index);
}

/** The text a filter matches a cell by: what the cell shows. */
function shownText(sheet: MemSheet, row: number, column: number): string {
  const value = cellAt(sheet, row, column)?.value ?? null;
  if (value === null) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return String(value);
}

export function applyAutoFilter(
  sheet: MemSheet,
  rect: Rect,
  columnIndex: number | undefined,
  criteria: { filterOn: string; values?: string[] } | undefined,
): void {
  if (sheet.autoFilter && formatRect(sheet.autoFilter.rect) !== formatRect(rect))
    throw new OfficeError(
      "InvalidOperation",
      `The sheet already has a filter on ${formatRect(sheet.autoFilter.rect)}; remove it before filtering ${formatRect(rect)}.`,
    );
  if (sheet.tables.some((table) => intersects(table.rect, rect)))
    throw new OfficeError(
      "InvalidOperation",
      `${formatRect(rect)} overlaps a table, which has its own filter.`,
    );
  if (rectRows(rect) > MAX_HIDDEN)
    throw new OfficeError(
      "InvalidOperation",
      `The memory workbook does not filter ranges as tall as ${formatRect(rect)}.`,
    );
  const filter = sheet.autoFilter ?? { rect, shown: new Map<number, string[]>() };
  if (columnIndex !== undefined) {
    if (!Number.isInteger(columnIndex) || columnIndex < 0 || columnIndex >= rectColumns(rect))
      throw new OfficeError(
        "InvalidArgument",
        `Column ${columnIndex} is outside the filter's ${formatRect(rect)}.`,
      );
    if (!criteria || criteria.filterOn !== "Values" || !Array.isArray(criteria.values))
      throw new OfficeError(
        "InvalidArgument",
        'The memory workbook filters on values only: { filterOn: "Values", values }.',
      );
    filter.shown.set(columnIndex, criteria.values.map(String));
  }
  sheet.autoFilter = filter;
  const hidden = (sheet.hiddenRows ??= new Set());
  for (let row = rect.top + 1; row <= rect.bottom; row++) {
    const shown = [...filter.shown].every(([column, values]) =>
      values.includes(shownText(sheet, row, rect.left + column)),
    );
    if (shown) hidden.delete(row);
    else hidden.add(row);
  }
}

export function removeAutoFilter(sheet: MemSheet): void {
  const filter = sheet.autoFilter;
  if (!filter) return;
  for (let row = filter.rect.top + 1; row <= filter.rect.bottom; row++) sheet.hiddenRows?.delete(row);
  delete sheet.autoFilter;
}

export class AutoFilterProxy implements ExcelAutoFilter {
  constructor(
    private readonly context: MemoryContext,
    private readonly sheetPath: string,
    private readonly sheet: () => MemSheet,
  ) {}

  private queue(member: string, args: unknown, apply: () => void): void {
    this.context.enqueue({ path: `${this.sheetPath}.autoFilter`, member, args, apply });
  }

  apply(range: string, columnIndex?: number, criteria?: { filterOn: "Values"; values?: string[] }): void {
    this.queue("apply", [quoteArg(range), columnIndex, criteria], () =>
      applyAutoFilter(this.sheet(), parseAddress(range), columnIndex, criteria),
    );
  }

  remove(): void {
    this.queue("remove", [], () => removeAutoFilter(this.sheet()));
  }
}
