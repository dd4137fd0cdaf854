/**
 * The part of the Excel JavaScript API (Excel.*) the add-in uses, as plain TypeScript interfaces. The real
 * `Excel.RequestContext` is assignable to `ExcelContext` (checked by a type-level test), so production code passes
 * `Excel.run` unchanged while tests and the workbench pass the in-memory workbook's `run`.
 *
 * Enumerations are typed `string` so Excel's wider unions stay assignable; the values the host writes are the
 * documented ones ("Hidden", "ColorScale", "LowestValue", ...).
 */
import type { Cell } from "../../core/types";

export interface Loadable<Self> {
  /** Queues loading of the named scalar properties ("name,position" or ["name"]); readable after sync(). */
  load(propertyNames: string | string[]): Self;
}

export interface ExcelContext {
  workbook: ExcelWorkbook;
  sync(): Promise<unknown>;
}

export type ExcelRun = <T>(batch: (context: ExcelContext) => Promise<T>) => Promise<T>;

export interface ExcelWorkbook {
  worksheets: ExcelWorksheetCollection;
  names: ExcelNamedItemCollection;
  application: ExcelApplication;
}

export interface ExcelApplication {
  suspendApiCalculationUntilNextSync(): void;
  suspendScreenUpdatingUntilNextSync(): void;
}

export interface ExcelWorksheetCollection extends Loadable<ExcelWorksheetCollection> {
  items: ExcelWorksheet[];
  add(name?: string): ExcelWorksheet;
  getItem(key: string): ExcelWorksheet;
  getItemOrNullObject(key: string): ExcelWorksheet;
  getActiveWorksheet(): ExcelWorksheet;
  /** Cells of any sheet changed. [Api set: ExcelApi 1.9] */
  onChanged: ExcelEvent<ExcelWorksheetChangedEventArgs>;
  /** A sheet was added. [Api set: ExcelApi 1.7] */
  onAdded: ExcelEvent<ExcelWorksheetEventArgs>;
  /** A sheet was deleted. [Api set: ExcelApi 1.7] */
  onDeleted: ExcelEvent<ExcelWorksheetEventArgs>;
}

/** What onAdded and onDeleted are told. */
export interface ExcelWorksheetEventArgs {
  worksheetId: string;
}

export interface ExcelWorksheet extends Loadable<ExcelWorksheet> {
  name: string;
  position: number;
  /** "Visible" | "Hidden" | "VeryHidden". */
  visibility: string;
  tabColor: string;
  isNullObject: boolean;
  freezePanes: ExcelFreezePanes;
  tables: ExcelTableCollection;
  /** ExcelApi 1.9: the sheet's filter, as a user sets it on the Ratings sheet. */
  autoFilter: ExcelAutoFilter;
  getRange(address?: string): ExcelRange;
  getUsedRangeOrNullObject(valuesOnly?: boolean): ExcelRange;
  activate(): void;
  delete(): void;
  /** Cells of the sheet changed, by the user, a co-author or a program. [Api set: ExcelApi 1.7] */
  onChanged: ExcelEvent<ExcelWorksheetChangedEventArgs>;
}

/** An Office.js event: handlers are registered at the next sync. */
export interface ExcelEvent<Args> {
  add(handler: (args: Args) => Promise<unknown>): ExcelEventHandlerResult;
}

export interface ExcelEventHandlerResult {
  /** The context the handler was added in: removing it is synced there. */
  context: { sync(): Promise<unknown> };
  remove(): void;
}

export interface ExcelWorksheetChangedEventArgs {
  /** The range changed on the sheet, e.g. "F3" or "F3:H9". */
  address: string;
  worksheetId: string;
}

/** ExcelApi 1.9. Only filtering on values is modelled: the rows whose cell shows none of `values` are hidden. */
export interface ExcelAutoFilter {
  apply(range: string, columnIndex?: number, criteria?: { filterOn: "Values"; values?: string[] }): void;
  remove(): void;
}

export interface ExcelFreezePanes {
  freezeAt(frozenRange: string): void;
  freezeRows(count?: number): void;
  freezeColumns(count?: number): void;
}

export interface ExcelRange extends Loadable<ExcelRange> {
  /** Plain values; an empty cell reads as "". Writing a string parses it as if typed ("'" keeps it text). */
  values: Cell[][];
  /** Formulas where a cell has one, else the constant; writing "=..." makes a formula. */
  formulas: Cell[][];
  numberFormat: string[][];
  address: string;
  worksheet: ExcelWorksheet;
  rowCount: number;
  columnCount: number;
  isNullObject: boolean;
  format: ExcelRangeFormat;
  conditionalFormats: ExcelConditionalFormatCollection;
  dataValidation: ExcelDataValidation;
  /** ExcelApi 1.2: true when every row (column) of the range is hidden, false when none is, null when some are. */
  rowHidden: boolean;
  columnHidden: boolean;
  merge(across?: boolean): void;
  /** ExcelApi 1.2. */
  unmerge(): void;
  /** ExcelApi 1.1: "All" clears contents and formats (merges and conditional formats too); validation stays. */
  clear(applyTo?: "All" | "Formats" | "Contents"): void;
  select(): void;
  /**
   * Copies the range at `source` here (ExcelApi 1.9); the add-in passes a sheet-qualified address. A destination
   * that is a whole multiple of the source repeats it; formulas move their relative references as a fill does.
   * "Formulas" copies contents only, "Formats" formatting only.
   */
  copyFrom(
    source: string,
    copyType?: "All" | "Formulas" | "Values" | "Formats",
    skipBlanks?: boolean,
    transpose?: boolean,
  ): void;
}

export interface ExcelRangeFormat {
  fill: { color: string };
  font: { bold: boolean; italic: boolean; color: string; size: number };
  wrapText: boolean;
  /** Points. */
  columnWidth: number;
  /** Points. */
  rowHeight: number;
  /** "Left" | "Center" | "Right" | "General" ... */
  horizontalAlignment: string;
  /** "Top" | "Center" | "Bottom" ... */
  verticalAlignment: string;
  borders: ExcelRangeBorderCollection;
}

export type ExcelBorderIndex =
  "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideVertical" | "InsideHorizontal";

export interface ExcelRangeBorderCollection {
  getItem(index: ExcelBorderIndex): ExcelRangeBorder;
}

export interface ExcelRangeBorder {
  /** "Continuous" | "None" ... */
  style: string;
  color: string;
  /** "Thin" | "Medium" ... */
  weight: string;
}

export interface ExcelConditionalFormatCollection {
  /** "ColorScale" | "CellValue" are the types the add-in uses. */
  add(type: "ColorScale" | "CellValue"): ExcelConditionalFormat;
  /** ExcelApi 1.6. */
  clearAll(): void;
}

export interface ExcelConditionalFormat {
  colorScale: { criteria: ExcelColorScaleCriteria };
  cellValue: {
    format: { fill: { color: string }; font: { color: string } };
    rule: { formula1: string; formula2?: string; operator: string };
  };
}

export interface ExcelColorScaleCriterion {
  color?: string;
  formula?: string;
  /** "LowestValue" | "HighestValue" | "Number" | "Percentile" ... */
  type: string;
}

export interface ExcelColorScaleCriteria {
  minimum: ExcelColorScaleCriterion;
  midpoint?: ExcelColorScaleCriterion;
  maximum: ExcelColorScaleCriterion;
}

export interface ExcelDataValidation {
  rule: { list?: { inCellDropDown: boolean; source: string | ExcelRange } };
  errorAlert: { message: string; showAlert: boolean; style: string; title: string };
  clear(): void;
}

export interface ExcelTableCollection {
  add(address: string, hasHeaders: boolean): ExcelTable;
}

export interface ExcelTable extends Loadable<ExcelTable> {
  name: string;
  style: string;
}

export interface ExcelNamedItemCollection extends Loadable<ExcelNamedItemCollection> {
  items: ExcelNamedItem[];
  add(name: string, reference: string, comment?: string): ExcelNamedItem;
  getItem(name: string): ExcelNamedItem;
  getItemOrNullObject(name: string): ExcelNamedItem;
}

export interface ExcelNamedItem extends Loadable<ExcelNamedItem> {
  name: string;
  comment: string;
  /** "=Sheet!$A$1"; follows sheet renames, and becomes "=#REF!..." when the sheet is deleted. */
  formula: string;
  isNullObject: boolean;
  /** The range the name refers to; the request fails if it refers to none (#REF!). */
  getRange(): ExcelRange;
  delete(): void;
}
