/**
 * A host-neutral description of one sheet. Sheet modules build specs from core results; hosts (Office.js, ExcelJS,
 * the in-memory workbook) write them without computing anything themselves.
 */
import type { Cell } from "../core/types";

/**
 * A formula cell; `f` is written as Excel would show it in the formula bar, starting with "=". `v` is the value the
 * core computed for it: hosts that cannot calculate (the in-memory workbook, an .xlsx file before it is opened) show
 * it, and Excel recalculates it live.
 */
export interface FormulaCell {
  f: string;
  v?: Cell;
}

export type SpecCell = Cell | FormulaCell;

/**
 * A formula cell of a column that holds the same relative formula on every person's row, its text made from the
 * row number when a host reads `f`. At 10,000 people the heatmaps hold 800,000 formulas: kept as text they took
 * over 500 MB; kept as a row number and the column's one function they take a few bytes each, and a host writing
 * them row by row makes each text once, as it writes it.
 */
class RowFormula implements FormulaCell {
  constructor(
    private readonly text: (row: number) => string,
    private readonly row: number,
    readonly v: Cell,
  ) {}

  get f(): string {
    return this.text(this.row);
  }
}

/** The cell on 1-based `row` of a column whose formula `text` gives for each row, with the value the core computed. */
export function rowFormula(text: (row: number) => string, row: number, v: Cell): FormulaCell {
  return new RowFormula(text, row, v);
}

export type SheetKind =
  | "matrix"
  | "ratings"
  | "expectations"
  | "readiness-heatmap"
  | "agreement-heatmap"
  | "competency-heatmap"
  | "team-summary"
  | "calibration"
  | "nine-box"
  | "calibration-baseline"
  | "calibration-log"
  | "calibration-outcome"
  | "comparison"
  | "framework";

/** Colours are "#RRGGBB". */
export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  fontColor?: string;
  fill?: string;
  fontSize?: number;
  numberFormat?: string;
  wrap?: boolean;
  horizontal?: "left" | "center" | "right";
  vertical?: "top" | "center" | "bottom";
  border?: "thin";
}

export interface StyledRange {
  /** A1 range on this sheet, e.g. "A1:F1". */
  range: string;
  style: CellStyle;
}

export interface ColorScalePoint {
  type: "lowest" | "highest" | "number" | "percentile";
  value?: number;
  color: string;
}

export type ConditionalFormat =
  | { kind: "colorScale"; range: string; min: ColorScalePoint; mid?: ColorScalePoint; max: ColorScalePoint }
  | {
      kind: "cellValue";
      range: string;
      operator:
        | "between"
        | "lessThan"
        | "lessThanOrEqual"
        | "greaterThan"
        | "greaterThanOrEqual"
        | "equal"
        | "notEqual";
      /** Number or formula text without "=" is fine for numbers; formulas start with "=". */
      formula1: string;
      formula2?: string;
      fill?: string;
      fontColor?: string;
    };

export interface ListValidation {
  range: string;
  /** Allowed values, shown as a drop-down. */
  list: string[];
  /** Shown when a value outside the list is typed. */
  error: string;
}

export interface SheetSpec {
  /** Sheet name shown on the tab (at most 31 characters, none of : \ / ? * [ ]). */
  name: string;
  kind: SheetKind;
  /**
   * Ownership marker: the add-in finds its sheets by key, never by name, so a user's own sheet with the same name is
   * never touched and a renamed sheet is still found. e.g. "matrix:backend", "ratings", "comparison:backend.senior~backend.staff".
   */
  key: string;
  /** Row-major cells from A1. Rows may be ragged; missing cells are blank. */
  cells: SpecCell[][];
  styles?: StyledRange[];
  /** Column widths in characters of the default font, from column A. */
  columnWidths?: number[];
  /** Row heights in points, by 0-based row index. */
  rowHeights?: Record<number, number>;
  freeze?: { rows: number; columns: number };
  merges?: string[];
  conditionalFormats?: ConditionalFormat[];
  validations?: ListValidation[];
  tabColor?: string;
  hidden?: boolean;
}
