/**
 * Works out the fill and font colour Excel shows for conditional formats, so the workbench's rendering of the
 * in-memory workbook looks like the sheet in Excel: colour scales interpolate in RGB between their points, cell-value
 * rules compare numbers or (case-insensitively) text.
 */
import { columnIndex, parseRange, type RangeAddress } from "../core/a1";
import type { Cell } from "../core/types";
import type { ColorScalePoint, ConditionalFormat } from "../sheets/spec";

export interface ConditionalLook {
  fill?: string;
  fontColor?: string;
}

/** 1-based rows, 0-based columns, as `values[row - 1][column]`. */
export type LookGrid = (ConditionalLook | undefined)[][];

/** Also reads whole columns ("C:E") and whole rows ("3:7"), bounded by the used range. */
export function rangeWithin(ref: string, rows: number, columns: number): RangeAddress | undefined {
  const local = ref.slice(ref.lastIndexOf("!") + 1).replace(/\$/g, "");
  const columnsOnly = /^([A-Za-z]{1,3}):([A-Za-z]{1,3})$/.exec(local);
  if (columnsOnly) {
    const a = columnIndex(columnsOnly[1]);
    const b = columnIndex(columnsOnly[2]);
    if (a === undefined || b === undefined) return undefined;
    return { start: { row: 1, column: Math.min(a, b) }, end: { row: rows, column: Math.max(a, b) } };
  }
  const rowsOnly = /^([1-9][0-9]*):([1-9][0-9]*)$/.exec(local);
  if (rowsOnly) {
    const a = Number(rowsOnly[1]);
    const b = Number(rowsOnly[2]);
    return { start: { row: Math.min(a, b), column: 0 }, end: { row: Math.max(a, b), column: columns - 1 } };
  }
  return parseRange(local);
}

function numbersIn(values: Cell[][], range: RangeAddress): number[] {
  const numbers: number[] = [];
  for (let row = range.start.row; row <= range.end.row; row++) {
    for (let column = range.start.column; column <= range.end.column; column++) {
      const value = values[row - 1]?.[column];
      if (typeof value === "number" && Number.isFinite(value)) numbers.push(value);
    }
  }
  return numbers.sort((a, b) => a - b);
}

/** Excel's PERCENTILE.INC over the range. */
function percentile(sorted: number[], p: number): number {
  const rank = (Math.min(Math.max(p, 0), 100) / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
}

function pointValue(point: ColorScalePoint, sorted: number[]): number {
  switch (point.type) {
    case "lowest":
      return sorted[0];
    case "highest":
      return sorted[sorted.length - 1];
    case "percentile":
      return percentile(sorted, point.value ?? 50);
    case "number":
      return point.value ?? 0;
  }
}

function rgb(color: string): [number, number, number] {
  const hex = color.replace("#", "");
  return [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}

function hex([r, g, b]: number[]): string {
  return `#${[r, g, b]
    .map((c) => Math.round(c).toString(16).padStart(2, "0"))
    .join("")
    .toUpperCase()}`;
}

export function mix(from: string, to: string, t: number): string {
  const a = rgb(from);
  const b = rgb(to);
  return hex(a.map((c, i) => c + (b[i] - c) * t));
}

/** The colour a value gets on a scale of stops, ascending by value; outside the stops it takes the nearest end. */
export function scaleColor(stops: { value: number; color: string }[], value: number): string {
  if (value <= stops[0].value) return stops[0].color.toUpperCase();
  for (let i = 1; i < stops.length; i++) {
    const lower = stops[i - 1];
    const upper = stops[i];
    if (value <= upper.value) {
      const span = upper.value - lower.value;
      return span === 0
        ? upper.color.toUpperCase()
        : mix(lower.color, upper.color, (value - lower.value) / span);
    }
  }
  return stops[stops.length - 1].color.toUpperCase();
}

/** A rule operand as Excel would read it: "5", "=5", "=\"Ready\"" (no cell references: the add-in writes none). */
function operand(text: string | undefined): number | string | undefined {
  if (text === undefined) return undefined;
  const body = text.startsWith("=") ? text.slice(1).trim() : text.trim();
  const quoted = /^"((?:[^"]|"")*)"$/.exec(body);
  if (quoted) return quoted[1].replace(/""/g, '"');
  const number = Number(body);
  return body !== "" && Number.isFinite(number) ? number : undefined;
}

function compare(value: Cell, target: number | string): number | undefined {
  if (typeof target === "number") return typeof value === "number" ? value - target : undefined;
  if (typeof value !== "string") return undefined;
  return value.toLowerCase().localeCompare(target.toLowerCase());
}

function matches(format: Extract<ConditionalFormat, { kind: "cellValue" }>, value: Cell): boolean {
  if (value === null || value === "") return false;
  const a = operand(format.formula1);
  if (a === undefined) return false;
  const d = compare(value, a);
  if (d === undefined) return false;
  switch (format.operator) {
    case "equal":
      return d === 0;
    case "notEqual":
      return d !== 0;
    case "greaterThan":
      return d > 0;
    case "greaterThanOrEqual":
      return d >= 0;
    case "lessThan":
      return d < 0;
    case "lessThanOrEqual":
      return d <= 0;
    case "between": {
      const b = operand(format.formula2);
      const e = b === undefined ? undefined : compare(value, b);
      return e !== undefined && d >= 0 && e <= 0;
    }
  }
}

/**
 * The look of every cell the formats touch. Earlier formats take precedence over later ones for the same property,
 * as rules higher in Excel's list do.
 */
export function conditionalLooks(values: Cell[][], formats: ConditionalFormat[]): LookGrid {
  const rows = values.length;
  const columns = Math.max(0, ...values.map((r) => r.length));
  const looks: LookGrid = [];
  const apply = (row: number, column: number, look: ConditionalLook) => {
    const line = (looks[row - 1] ??= []);
    const current = line[column] ?? {};
    line[column] = { fill: current.fill ?? look.fill, fontColor: current.fontColor ?? look.fontColor };
  };

  for (const format of formats) {
    const range = rangeWithin(format.range, rows, columns);
    if (!range) continue;
    const lastRow = Math.min(range.end.row, rows);
    const lastColumn = Math.min(range.end.column, columns - 1);
    if (format.kind === "colorScale") {
      const sorted = numbersIn(values, range);
      if (sorted.length === 0) continue;
      const stops = [format.min, ...(format.mid ? [format.mid] : []), format.max]
        .map((p) => ({ value: pointValue(p, sorted), color: p.color }))
        .sort((a, b) => a.value - b.value);
      for (let row = range.start.row; row <= lastRow; row++) {
        for (let column = range.start.column; column <= lastColumn; column++) {
          const value = values[row - 1]?.[column];
          if (typeof value === "number" && Number.isFinite(value))
            apply(row, column, { fill: scaleColor(stops, value) });
        }
      }
    } else {
      for (let row = range.start.row; row <= lastRow; row++) {
        for (let column = range.start.column; column <= lastColumn; column++) {
          const value = values[row - 1]?.[column] ?? null;
          if (matches(format, value)) apply(row, column, { fill: format.fill, fontColor: format.fontColor });
        }
      }
    }
  }
  return looks;
}
