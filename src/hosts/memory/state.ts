/** The memory workbook's document state: what Excel holds, without any of the request machinery. */
import type { Cell } from "../../core/types";
import type { Rect } from "./address";

export type Visibility = "Visible" | "Hidden" | "VeryHidden";
export type BorderEdge = "top" | "bottom" | "left" | "right";

/** Formatting of one cell; absent keys are Excel's defaults. Colours are "#RRGGBB". */
export interface CellLook {
  numberFormat?: string;
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  italic?: boolean;
  /** Points. */
  fontSize?: number;
  wrap?: boolean;
  /** Excel's names: "Left", "Center", "Right", "Top", "Bottom" ... */
  horizontal?: string;
  vertical?: string;
  /** Edges with a border, and their style ("Thin"). */
  borders?: Partial<Record<BorderEdge, string>>;
}

/** Every formatting key of a cell, borders last (they are copied as an object). */
export const LOOK_KEYS = [
  "numberFormat",
  "fill",
  "fontColor",
  "bold",
  "italic",
  "fontSize",
  "wrap",
  "horizontal",
  "vertical",
  "borders",
] as const;

export interface MemCell extends CellLook {
  /** Constant value; for a formula cell, unused (the calculation works out what it shows). */
  value: Cell;
  formula?: string;
}

export interface MemColorScaleCriterion {
  type: string;
  color?: string;
  formula?: string;
}

export type MemConditionalFormat =
  | {
      type: "ColorScale";
      rect: Rect;
      criteria?: {
        minimum: MemColorScaleCriterion;
        midpoint?: MemColorScaleCriterion;
        maximum: MemColorScaleCriterion;
      };
    }
  | {
      type: "CellValue";
      rect: Rect;
      rule?: { operator: string; formula1: string; formula2?: string };
      fill?: string;
      fontColor?: string;
    };

export interface MemValidation {
  rect: Rect;
  list?: { inCellDropDown: boolean; source: string };
  errorAlert?: { message: string; showAlert: boolean; style: string; title: string };
}

export interface MemTable {
  id: number;
  name: string;
  rect: Rect;
  hasHeaders: boolean;
  style: string;
}

export interface MemSheet {
  id: number;
  name: string;
  visibility: Visibility;
  /** "" = no colour, as Excel reports it. */
  tabColor: string;
  /** rows[row - 1][column]; sparse. */
  rows: (MemCell | undefined)[][];
  /** Points, by 0-based column. */
  columnWidths: Map<number, number>;
  /** Points, by 1-based row. */
  rowHeights: Map<number, number>;
  freeze: { rows: number; columns: number };
  merges: Rect[];
  conditionalFormats: MemConditionalFormat[];
  validations: MemValidation[];
  tables: MemTable[];
  /** 1-based rows and 0-based columns hidden, by hand or by the sheet's filter (Excel keeps one flag for both). */
  hiddenRows?: Set<number>;
  hiddenColumns?: Set<number>;
  /** The sheet's AutoFilter: its range and, per 0-based column of the range, the texts it shows. */
  autoFilter?: MemAutoFilter;
}

export interface MemAutoFilter {
  rect: Rect;
  shown: Map<number, string[]>;
}

/** A workbook-scoped defined name; the reference is kept by sheet identity so it follows renames. */
export interface MemName {
  name: string;
  comment: string;
  /** null once the sheet it pointed at was deleted (#REF!). */
  sheetId: number | null;
  /** Absolute local address, e.g. "$A$1". */
  address: string;
  /** Set when the name holds a text constant (="...") instead of a reference. */
  text?: string;
}

export interface MemState {
  sheets: MemSheet[];
  names: MemName[];
  activeSheetId: number | null;
  selection: { sheetId: number; address: string } | null;
  nextId: number;
}

export function emptySheet(id: number, name: string): MemSheet {
  return {
    id,
    name,
    visibility: "Visible",
    tabColor: "",
    rows: [],
    columnWidths: new Map(),
    rowHeights: new Map(),
    freeze: { rows: 0, columns: 0 },
    merges: [],
    conditionalFormats: [],
    validations: [],
    tables: [],
  };
}

export function cellAt(sheet: MemSheet, row: number, column: number): MemCell | undefined {
  return sheet.rows[row - 1]?.[column];
}

export function ensureCell(sheet: MemSheet, row: number, column: number): MemCell {
  let cells = sheet.rows[row - 1];
  if (!cells) {
    cells = [];
    sheet.rows[row - 1] = cells;
  }
  let cell = cells[column];
  if (!cell) {
    cell = { value: null };
    cells[column] = cell;
  }
  return cell;
}
