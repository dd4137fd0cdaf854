/**
 * What the add-in needs from a workbook, whatever holds it: Excel through Office.js, an .xlsx file through ExcelJS,
 * or the in-memory workbook of the tests and the browser workbench. Commands are written against this only.
 */
import type { Cell } from "../core/types";
import type { SheetSpec } from "../sheets/spec";

export interface OwnedSheet {
  key: string;
  /** Current tab name (the user may have renamed it). */
  name: string;
}

export interface SheetRead {
  key: string;
  name: string;
  /** The used range from A1, values as displayed to formulas (numbers, strings, booleans; blank = null). */
  values: Cell[][];
}

export interface WorkbookHost {
  /** The add-in's sheets, found by their ownership markers. */
  ownedSheets(): Promise<OwnedSheet[]>;
  /** Reads owned sheets by key in one round trip; a key with no sheet is absent from the result. */
  readSheets(keys: string[]): Promise<SheetRead[]>;
  /**
   * Writes specs: each replaces the sheet owned under its key, or is added. All or nothing: if anything fails the
   * workbook is left as it was. Sheets keep their position; new ones go after the last owned sheet.
   */
  writeSheets(specs: SheetSpec[], options?: { activate?: string }): Promise<void>;
  /** Selects a cell or range on an owned sheet and shows it. */
  select(key: string, a1: string): Promise<void>;
}
