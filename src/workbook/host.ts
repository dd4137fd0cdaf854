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

/** What a command sees of the workbook when it updates it: owned sheets, the ones it asked to read, and their names. */
export interface WorkbookView {
  owned: OwnedSheet[];
  reads: SheetRead[];
  /**
   * The tab name a sheet about to be written takes: an owned sheet keeps its name (the user's rename too), a new one
   * gets `wanted`, or "wanted (2)" ... when a sheet already has it. Formulas refer to sheets by these names.
   */
  nameFor(key: string, wanted: string): string;
}

/** What a command writes, and what it reports. No specs: nothing is written. */
export interface WorkbookChange<T> {
  specs: SheetSpec[];
  /** Key of the sheet to show afterwards. */
  activate?: string;
  result: T;
}

export interface WorkbookHost {
  /** The add-in's sheets, found by their ownership markers. */
  ownedSheets(): Promise<OwnedSheet[]>;
  /** Reads owned sheets by key in one round trip; a key with no sheet is absent from the result. */
  readSheets(keys: string[]): Promise<SheetRead[]>;
  /**
   * A command's read and write as one transaction. Reads the owned sheets `read` picks, then writes the specs `write`
   * makes from them. All or nothing: a failure leaves the workbook as it was, or as the whole write leaves it. Owned
   * sheets are updated in place (never deleted or renamed), so what the user built on them keeps working; new sheets
   * go after the last owned sheet. When another writer (a second pane, the ribbon, a co-author) is writing at the
   * same time, this one waits and calls `read` and `write` again on what the workbook then holds, or stops with a
   * message saying why; it never writes over a change it did not read.
   */
  update<T>(
    read: (owned: OwnedSheet[]) => string[],
    write: (view: WorkbookView) => WorkbookChange<T>,
  ): Promise<T>;
  /** An update that reads nothing: writes specs whose names are already decided. */
  writeSheets(specs: SheetSpec[], options?: { activate?: string }): Promise<void>;
  /** Selects a cell or range on an owned sheet and shows it. */
  select(key: string, a1: string): Promise<void>;
  /**
   * Calls `onChange` after each change of an owned sheet's cells (Excel's worksheet.onChanged), until the returned
   * function is called. Absent where the host cannot tell (an .xlsx file): a session is then compared at its end only.
   */
  watchSheet?(key: string, onChange: () => void): Promise<() => Promise<void>>;
  /**
   * Calls `onChange` after cells change on any sheet, or a sheet is added or deleted (by the user, a co-author or a
   * command), until the returned function is called. Absent where the host cannot tell.
   */
  watchWorkbook?(onChange: () => void): Promise<() => Promise<void>>;
}
