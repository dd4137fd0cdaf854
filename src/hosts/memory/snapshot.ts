/**
 * A plain JSON view of the memory workbook, for tests and for the workbench, which draws it as a grid the way Excel
 * shows it. Conditional formats, validations and tables come back in the sheet-spec vocabulary, so the workbench
 * can colour cells with the same code it uses for specs.
 */
import type { Cell } from "../../core/types";
import type { ColorScalePoint, ConditionalFormat, ListValidation } from "../../sheets/spec";
import { formatRect, quoteSheet, type Rect } from "./address";
import { sheetById } from "./document";
import { nameFormula } from "./name-proxies";
import { LOOK_KEYS, type CellLook } from "./state";
import type {
  MemCell,
  MemColorScaleCriterion,
  MemConditionalFormat,
  MemSheet,
  MemState,
  Visibility,
} from "./state";

export interface SheetSnapshot {
  name: string;
  /** 0-based tab position, counting hidden sheets. */
  position: number;
  visibility: Visibility;
  tabColor: string | null;
  /**
   * The grid from A1 to the last row and column with any content or formatting; all matrices share its shape.
   * `values[r][c]` is the cell at row r + 1, column c: what Excel shows (a formula cell's cached value, or null
   * when the memory workbook was not told it).
   */
  values: Cell[][];
  /** Formula text ("=SUM(B2:B9)") where the cell has one, else null. */
  formulas: (string | null)[][];
  /** Formatting per cell; null when the cell has none. */
  looks: (CellLook | null)[][];
  /** Points, by 0-based column (Excel's default is 8.43 characters, 64 px, 48 pt). */
  columnWidths: Record<number, number>;
  /** Points, by 1-based row. */
  rowHeights: Record<number, number>;
  freeze: { rows: number; columns: number };
  merges: string[];
  conditionalFormats: ConditionalFormat[];
  validations: (ListValidation & { errorTitle: string | null; inCellDropDown: boolean })[];
  tables: { name: string; range: string; style: string }[];
}

export interface WorkbookSnapshot {
  /** In tab order. */
  sheets: SheetSnapshot[];
  /** Workbook-scoped defined names with the formula Excel reports ("='Ratings'!$A$1", "=#REF!$A$1"). */
  names: { name: string; formula: string; comment: string }[];
  activeSheet: string | null;
  /** "Sheet!A1:B2" of the last select(), on the active sheet. */
  selection: string | null;
}

export type FormulaValue = (sheet: MemSheet, row: number, column: number) => Cell;

const POINT_TYPES: Record<string, ColorScalePoint["type"]> = {
  LowestValue: "lowest",
  HighestValue: "highest",
  Number: "number",
  Percentile: "percentile",
};

const OPERATORS: Record<string, Extract<ConditionalFormat, { kind: "cellValue" }>["operator"]> = {
  Between: "between",
  LessThan: "lessThan",
  LessThanOrEqual: "lessThanOrEqual",
  GreaterThan: "greaterThan",
  GreaterThanOrEqual: "greaterThanOrEqual",
  EqualTo: "equal",
  NotEqualTo: "notEqual",
};

function point(criterion: MemColorScaleCriterion): ColorScalePoint {
  const value = criterion.formula === undefined ? undefined : Number(criterion.formula.replace(/^=/, ""));
  return {
    type: POINT_TYPES[criterion.type] ?? "number",
    ...(value !== undefined && Number.isFinite(value) ? { value } : {}),
    color: criterion.color ?? "#FFFFFF",
  };
}

function conditionalFormat(format: MemConditionalFormat): ConditionalFormat | undefined {
  const range = formatRect(format.rect);
  if (format.type === "ColorScale") {
    if (!format.criteria) return undefined;
    const { minimum, midpoint, maximum } = format.criteria;
    return {
      kind: "colorScale",
      range,
      min: point(minimum),
      ...(midpoint ? { mid: point(midpoint) } : {}),
      max: point(maximum),
    };
  }
  if (!format.rule) return undefined;
  return {
    kind: "cellValue",
    range,
    operator: OPERATORS[format.rule.operator] ?? "equal",
    formula1: format.rule.formula1,
    ...(format.rule.formula2 !== undefined ? { formula2: format.rule.formula2 } : {}),
    ...(format.fill ? { fill: format.fill } : {}),
    ...(format.fontColor ? { fontColor: format.fontColor } : {}),
  };
}

function look(cell: MemCell | undefined): CellLook | null {
  if (!cell) return null;
  const out: CellLook = {};
  for (const key of LOOK_KEYS) {
    if (key !== "borders" && cell[key] !== undefined) (out as Record<string, unknown>)[key] = cell[key];
  }
  if (cell.borders && Object.keys(cell.borders).length > 0) out.borders = { ...cell.borders };
  return Object.keys(out).length > 0 ? out : null;
}

function extent(sheet: MemSheet): { rows: number; columns: number } {
  let rows = 0;
  let columns = 0;
  sheet.rows.forEach((row, i) =>
    row?.forEach((cell, c) => {
      if (cell && (cell.value !== null || cell.formula !== undefined || look(cell))) {
        rows = Math.max(rows, i + 1);
        columns = Math.max(columns, c + 1);
      }
    }),
  );
  return { rows, columns };
}

function grid<T>(rows: number, columns: number, at: (row: number, column: number) => T): T[][] {
  return Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, (_, c) => at(r + 1, c)));
}

function sheetSnapshot(state: MemState, sheet: MemSheet, formulaValue: FormulaValue): SheetSnapshot {
  const { rows, columns } = extent(sheet);
  const cell = (r: number, c: number): MemCell | undefined => sheet.rows[r - 1]?.[c];
  const range = (rect: Rect) => formatRect(rect);
  return {
    name: sheet.name,
    position: state.sheets.indexOf(sheet),
    visibility: sheet.visibility,
    tabColor: sheet.tabColor === "" ? null : sheet.tabColor,
    values: grid(rows, columns, (r, c) => {
      const x = cell(r, c);
      if (x?.formula !== undefined) return formulaValue(sheet, r, c);
      return x?.value ?? null;
    }),
    formulas: grid(rows, columns, (r, c) => cell(r, c)?.formula ?? null),
    looks: grid(rows, columns, (r, c) => look(cell(r, c))),
    columnWidths: Object.fromEntries(sheet.columnWidths),
    rowHeights: Object.fromEntries(sheet.rowHeights),
    freeze: { ...sheet.freeze },
    merges: sheet.merges.map(range),
    conditionalFormats: sheet.conditionalFormats
      .map(conditionalFormat)
      .filter((f): f is ConditionalFormat => f !== undefined),
    validations: sheet.validations.map((v) => ({
      range: range(v.rect),
      list: v.list ? v.list.source.split(",") : [],
      error: v.errorAlert?.message ?? "",
      errorTitle: v.errorAlert?.title ?? null,
      inCellDropDown: v.list?.inCellDropDown ?? false,
    })),
    tables: sheet.tables.map((t) => ({ name: t.name, range: range(t.rect), style: t.style })),
  };
}

export function snapshotOf(state: MemState, formulaValue: FormulaValue): WorkbookSnapshot {
  const active = state.activeSheetId === null ? undefined : sheetById(state, state.activeSheetId);
  const selected = state.selection ? sheetById(state, state.selection.sheetId) : undefined;
  return {
    sheets: state.sheets.map((sheet) => sheetSnapshot(state, sheet, formulaValue)),
    names: state.names.map((n) => ({ name: n.name, formula: nameFormula(state, n), comment: n.comment })),
    activeSheet: active?.name ?? null,
    selection: selected && state.selection ? `${quoteSheet(selected.name)}!${state.selection.address}` : null,
  };
}
