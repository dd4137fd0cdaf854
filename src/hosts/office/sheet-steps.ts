/**
 * A sheet spec as a list of steps to queue on a new worksheet, each with the size of what it sends, so the host can
 * pack them into requests under Excel on the web's limit. Cells go as 2D `formulas` arrays around the cells that
 * hold something, never cell by cell; a column of one relative formula is written once and filled down, and a tall
 * number format is set on its first row and copied down, so what is sent does not grow with formulas per person.
 * Styles go once per styled range, as the spec gives them.
 */
import { columnLetter, parseRange, rangeRef } from "../../core/a1";
import type { Cell } from "../../core/types";
import type { CellStyle, ColorScalePoint, ConditionalFormat, SheetSpec } from "../../sheets/spec";
import { cellBlocks, findFills } from "./cell-blocks";
import { cellInput } from "./cell-input";
import type { ExcelBorderIndex, ExcelColorScaleCriterion, ExcelRange, ExcelWorksheet } from "./excel-api";

export interface Step {
  /** Approximate UTF-8 size of what the step queues. */
  bytes: number;
  /** Set on the step that freezes panes. */
  freezes?: boolean;
  /** Queues the step on `sheet`, whose current name is `name`. */
  queue(sheet: ExcelWorksheet, name: string): void;
}

/** Per-operation overhead in a request (object path, member name), generously rounded. */
const OPERATION_BYTES = 200;
/** A copy: the destination range, the copy and its source address. */
const COPY_BYTES = OPERATION_BYTES * 2;

const encoder = new TextEncoder();

export function jsonBytes(value: unknown): number {
  return encoder.encode(JSON.stringify(value)).length;
}

/** Excel's column width in characters of the default font (Calibri 11: 7 px a character, 5 px padding) in points. */
export function widthInPoints(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}

const HORIZONTAL = { left: "Left", center: "Center", right: "Right" } as const;
const VERTICAL = { top: "Top", center: "Center", bottom: "Bottom" } as const;
const POINT_TYPE = {
  lowest: "LowestValue",
  highest: "HighestValue",
  number: "Number",
  percentile: "Percentile",
} as const;
const OPERATOR = {
  between: "Between",
  lessThan: "LessThan",
  lessThanOrEqual: "LessThanOrEqual",
  greaterThan: "GreaterThan",
  greaterThanOrEqual: "GreaterThanOrEqual",
  equal: "EqualTo",
  notEqual: "NotEqualTo",
} as const;

function dimensions(range: string): { rows: number; columns: number; top: number; left: number } {
  const parsed = parseRange(range);
  if (!parsed) throw new Error(`"${range}" is not a cell range.`);
  return {
    top: parsed.start.row,
    left: parsed.start.column,
    rows: parsed.end.row - parsed.start.row + 1,
    columns: parsed.end.column - parsed.start.column + 1,
  };
}

/** Splits rows [0, count) into blocks whose payload stays under `budget` bytes. */
function rowBlocks(count: number, rowBytes: (row: number) => number, budget: number): [number, number][] {
  const blocks: [number, number][] = [];
  let start = 0;
  let size = 0;
  for (let r = 0; r < count; r++) {
    const bytes = rowBytes(r);
    if (r > start && size + bytes > budget) {
      blocks.push([start, r]);
      start = r;
      size = 0;
    }
    size += bytes;
  }
  if (count > start) blocks.push([start, count]);
  return blocks;
}

/** A sheet-qualified address on the sheet being built, for copyFrom. */
function on(name: string, address: string): string {
  return `'${name.replace(/'/g, "''")}'!${address}`;
}

function cellSteps(spec: SheetSpec, budget: number): Step[] {
  // The sheet is new, so a blank needs no writing.
  const cells: Cell[][] = spec.cells.map((row) =>
    row.map((cell) => {
      const input = cellInput(cell);
      return input === "" ? null : input;
    }),
  );
  const fills = findFills(cells, COPY_BYTES);
  for (const fill of fills)
    for (let row = fill.top + 1; row <= fill.bottom; row++)
      for (let column = fill.left; column <= fill.right; column++) cells[row][column] = null;

  const writes = cellBlocks(cells, OPERATION_BYTES).flatMap(({ top, left, rows }) => {
    const right = left + (rows[0]?.length ?? 1) - 1;
    const rowBytes = rows.map((row) => jsonBytes(row) + 1);
    return rowBlocks(rows.length, (r) => rowBytes[r], budget).map(([start, end]): Step => {
      const block = rows.slice(start, end);
      return {
        bytes: OPERATION_BYTES + rowBytes.slice(start, end).reduce((a, b) => a + b, 0),
        queue: (sheet) => {
          sheet.getRange(rangeRef(top + start + 1, left, top + end, right)).formulas = block;
        },
      };
    });
  });
  // After every write, so each fill's first row is in place.
  const copies = fills.map((fill): Step => ({
    bytes: COPY_BYTES,
    queue: (sheet, name) =>
      sheet
        .getRange(rangeRef(fill.top + 2, fill.left, fill.bottom + 1, fill.right))
        .copyFrom(on(name, rangeRef(fill.top + 1, fill.left, fill.top + 1, fill.right)), "Formulas"),
  }));
  return [...writes, ...copies];
}

interface Area {
  top: number;
  left: number;
  rows: number;
  columns: number;
}

function overlap(a: Area, b: Area): boolean {
  return (
    a.left < b.left + b.columns &&
    b.left < a.left + a.columns &&
    a.top < b.top + b.rows &&
    b.top < a.top + a.rows
  );
}

/**
 * A number format over `range`. When every earlier number format covers all of the range's rows or none, the rows
 * look alike once the first is set, so the first row is copied down as formats (these steps run before any other
 * formatting, and before merges and conditional formats, which a copy of formats would carry along).
 */
function numberFormatSteps(range: string, format: string, budget: number, earlier: Area[]): Step[] {
  const area = dimensions(range);
  const { top, left, rows, columns } = area;
  const row = Array.from({ length: columns }, () => format);
  const bytes = jsonBytes(row) + 1;
  const alike = earlier.every(
    (other) => !overlap(other, area) || (other.top <= top && other.top + other.rows >= top + rows),
  );
  if (alike && rows > 1 && (rows - 1) * bytes > COPY_BYTES) {
    const first = rangeRef(top, left, top, left + columns - 1);
    return [
      {
        bytes: OPERATION_BYTES + bytes,
        queue: (sheet) => {
          sheet.getRange(first).numberFormat = [row];
        },
      },
      {
        bytes: COPY_BYTES,
        queue: (sheet, name) =>
          sheet
            .getRange(rangeRef(top + 1, left, top + rows - 1, left + columns - 1))
            .copyFrom(on(name, first), "Formats"),
      },
    ];
  }
  return rowBlocks(rows, () => bytes, budget).map(([start, end]) => ({
    bytes: OPERATION_BYTES + bytes * (end - start),
    queue: (sheet) => {
      sheet.getRange(rangeRef(top + start, left, top + end - 1, left + columns - 1)).numberFormat =
        Array.from({ length: end - start }, () => row);
    },
  }));
}

function applyStyle(range: ExcelRange, style: CellStyle, rows: number, columns: number): void {
  if (style.fill !== undefined) range.format.fill.color = style.fill;
  if (style.fontColor !== undefined) range.format.font.color = style.fontColor;
  if (style.bold !== undefined) range.format.font.bold = style.bold;
  if (style.italic !== undefined) range.format.font.italic = style.italic;
  if (style.fontSize !== undefined) range.format.font.size = style.fontSize;
  if (style.wrap !== undefined) range.format.wrapText = style.wrap;
  if (style.horizontal !== undefined) range.format.horizontalAlignment = HORIZONTAL[style.horizontal];
  if (style.vertical !== undefined) range.format.verticalAlignment = VERTICAL[style.vertical];
  if (style.border === "thin") {
    const edges: ExcelBorderIndex[] = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"];
    if (rows > 1) edges.push("InsideHorizontal");
    if (columns > 1) edges.push("InsideVertical");
    for (const edge of edges) {
      const border = range.format.borders.getItem(edge);
      border.style = "Continuous";
      border.weight = "Thin";
    }
  }
}

/** Number formats first, in the spec's order (see numberFormatSteps), then the rest of each style. */
function styleSteps(spec: SheetSpec, budget: number): Step[] {
  const formats: Step[] = [];
  const earlier: Area[] = [];
  const looks = (spec.styles ?? []).map(({ range, style }): Step => {
    const area = dimensions(range);
    if (style.numberFormat !== undefined) {
      formats.push(...numberFormatSteps(range, style.numberFormat, budget, earlier));
      earlier.push(area);
    }
    return {
      bytes: OPERATION_BYTES * 12 + jsonBytes(style),
      queue: (sheet) => applyStyle(sheet.getRange(range), style, area.rows, area.columns),
    };
  });
  return [...formats, ...looks];
}

/** Consecutive equal values as [first, last, value] runs. */
function runs(values: (number | undefined)[]): [number, number, number][] {
  const out: [number, number, number][] = [];
  values.forEach((value, i) => {
    if (value === undefined) return;
    const last = out[out.length - 1];
    if (last && last[1] === i - 1 && last[2] === value) last[1] = i;
    else out.push([i, i, value]);
  });
  return out;
}

function layoutSteps(spec: SheetSpec): Step[] {
  const steps: Step[] = [];
  for (const [first, last, width] of runs(spec.columnWidths ?? [])) {
    steps.push({
      bytes: OPERATION_BYTES,
      queue: (sheet) => {
        sheet.getRange(`${columnLetter(first)}:${columnLetter(last)}`).format.columnWidth =
          widthInPoints(width);
      },
    });
  }
  const heights: (number | undefined)[] = [];
  for (const [row, height] of Object.entries(spec.rowHeights ?? {})) heights[Number(row)] = height;
  for (const [first, last, height] of runs(heights)) {
    steps.push({
      bytes: OPERATION_BYTES,
      queue: (sheet) => {
        sheet.getRange(`${first + 1}:${last + 1}`).format.rowHeight = height;
      },
    });
  }
  const freeze = spec.freeze;
  if (freeze && (freeze.rows > 0 || freeze.columns > 0)) {
    steps.push({
      bytes: OPERATION_BYTES,
      freezes: true,
      queue: (sheet) => {
        if (freeze.rows > 0 && freeze.columns > 0)
          sheet.freezePanes.freezeAt(rangeRef(1, 0, freeze.rows, freeze.columns - 1));
        else if (freeze.rows > 0) sheet.freezePanes.freezeRows(freeze.rows);
        else sheet.freezePanes.freezeColumns(freeze.columns);
      },
    });
  }
  if (spec.tabColor) {
    const color = spec.tabColor;
    steps.push({ bytes: OPERATION_BYTES, queue: (sheet) => void (sheet.tabColor = color) });
  }
  return steps;
}

function criterion(point: ColorScalePoint): ExcelColorScaleCriterion {
  const type = POINT_TYPE[point.type];
  return point.type === "lowest" || point.type === "highest"
    ? { type, color: point.color }
    : { type, formula: String(point.value ?? (point.type === "percentile" ? 50 : 0)), color: point.color };
}

function conditionalFormatStep(format: ConditionalFormat): Step {
  return {
    bytes: OPERATION_BYTES * 5 + jsonBytes(format),
    queue: (sheet) => {
      const range = sheet.getRange(format.range);
      if (format.kind === "colorScale") {
        const added = range.conditionalFormats.add("ColorScale");
        added.colorScale.criteria = {
          minimum: criterion(format.min),
          ...(format.mid ? { midpoint: criterion(format.mid) } : {}),
          maximum: criterion(format.max),
        };
        return;
      }
      const added = range.conditionalFormats.add("CellValue");
      if (format.fill) added.cellValue.format.fill.color = format.fill;
      if (format.fontColor) added.cellValue.format.font.color = format.fontColor;
      added.cellValue.rule = {
        operator: OPERATOR[format.operator],
        formula1: format.formula1,
        ...(format.formula2 !== undefined ? { formula2: format.formula2 } : {}),
      };
    },
  };
}

/** Excel keeps a literal drop-down list as one comma-separated text of at most 255 characters. */
export function listSource(sheet: string, range: string, list: string[]): string {
  const comma = list.find((item) => item.includes(","));
  if (comma !== undefined)
    throw new Error(
      `The drop-down list for ${sheet}!${range} has an item with a comma ("${comma}"), which Excel cannot list.`,
    );
  const source = list.join(",");
  if (source.length === 0 || source.length > 255) {
    throw new Error(
      `The drop-down list for ${sheet}!${range} is ${source.length} characters long; Excel allows 1 to 255.`,
    );
  }
  return source;
}

/**
 * The content of a spec, queued on the hidden sheet it is built on: cells, styles, merges, conditional formats and
 * validation, in an order Excel accepts (merges before nothing that could overlap them). All of it travels with a
 * copy of the range.
 */
export function contentSteps(spec: SheetSpec, budget: number): Step[] {
  const validations: Step[] = (spec.validations ?? []).map((validation) => {
    const source = listSource(spec.name, validation.range, validation.list);
    return {
      bytes: OPERATION_BYTES * 3 + source.length + validation.error.length,
      queue: (sheet) => {
        const range = sheet.getRange(validation.range);
        range.dataValidation.rule = { list: { inCellDropDown: true, source } };
        range.dataValidation.errorAlert = {
          message: validation.error,
          showAlert: true,
          style: "Stop",
          title: "Not in the list",
        };
      },
    };
  });
  const merges: Step[] = (spec.merges ?? []).map((merge) => ({
    bytes: OPERATION_BYTES,
    queue: (sheet) => sheet.getRange(merge).merge(false),
  }));
  return [
    ...cellSteps(spec, budget),
    ...styleSteps(spec, budget),
    ...merges,
    ...(spec.conditionalFormats ?? []).map(conditionalFormatStep),
    ...validations,
  ];
}

/**
 * What a copy does not carry, queued on the sheet in its final place once it is visible: column widths, row heights,
 * freeze panes (Excel freezes only a sheet that is shown) and the tab colour. What the spec does not set stays as
 * the user left it.
 */
export function sheetLayoutSteps(spec: SheetSpec): Step[] {
  const steps = layoutSteps(spec);
  return spec.hidden ? steps.filter((step) => !step.freezes) : steps;
}
