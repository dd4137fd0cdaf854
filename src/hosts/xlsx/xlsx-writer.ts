/**
 * Writes sheet specs to an .xlsx file with ExcelJS: the same sheets, formulas, styles, tables, colour scales,
 * validations and ownership markers the Office host puts into Excel.
 */
import ExcelJS from "exceljs";
import { checkCellTexts } from "../../core/excel-limits";
import type { CellStyle, ListValidation, SheetSpec, SpecCell } from "../../sheets/spec";
import { ownerName, sheetA1 } from "../../workbook/owner-name";
import { listFormula, SpecStyles } from "./spec-layout";
import { toConditionalFormatting, toExcelStyle } from "./xlsx-style";

export interface XlsxWriteOptions {
  /** Key of the sheet shown when the file opens. */
  activate?: string;
}

export async function specsToXlsx(specs: SheetSpec[], options: XlsxWriteOptions = {}): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  addSpecs(workbook, specs);
  const active =
    options.activate === undefined ? -1 : specs.findIndex((spec) => spec.key === options.activate);
  if (active >= 0) setActiveSheet(workbook, active);
  return workbookToBytes(workbook);
}

export async function workbookToBytes(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

/** The workbook window, showing the sheet at `index` (0-based, in tab order). */
function workbookView(index: number): ExcelJS.WorkbookView {
  return { x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, visibility: "visible", activeTab: index };
}

/** Shows the sheet at `index` (0-based, in tab order) when the file opens. */
export function setActiveSheet(workbook: ExcelJS.Workbook, index: number): void {
  workbook.views = [workbookView(index)];
  workbook.worksheets.forEach((sheet, i) => {
    // A sheet read from a file without a view of its own has none (null), not an empty list.
    const views = (sheet.views as Partial<ExcelJS.WorksheetView>[] | null) ?? [];
    sheet.views = (views.length > 0 ? views : [{}]).map((view) => ({
      ...view,
      tabSelected: i === index,
    }));
  });
}

/** The view that freezes a spec's panes, if it has any. */
function frozenView(spec: SheetSpec): Partial<ExcelJS.WorksheetView> | undefined {
  if (!spec.freeze || (spec.freeze.rows === 0 && spec.freeze.columns === 0)) return undefined;
  return { state: "frozen", xSplit: spec.freeze.columns, ySplit: spec.freeze.rows };
}

/** A tab colour in ExcelJS's terms. */
function tabColor(color: string): Partial<ExcelJS.Color> {
  return { argb: `FF${color.replace(/^#/, "").toUpperCase()}` };
}

export function addSpecs(workbook: ExcelJS.Workbook, specs: SheetSpec[]): void {
  for (const spec of specs) checkCellTexts(spec.name, spec.cells);
  for (const spec of specs) {
    const sheet = workbook.addWorksheet(spec.name);
    writeSpec(sheet, spec);
    workbook.definedNames.add(sheetA1(sheet.name), ownerName(spec.key));
  }
}

/** ExcelJS wants a formula without "=" and its cached result, which stays absent when the spec has none. */
export function toExcelValue(cell: SpecCell | undefined): ExcelJS.CellValue {
  if (cell === undefined || cell === null) return null;
  if (typeof cell !== "object") return cell;
  const formula = cell.f.startsWith("=") ? cell.f.slice(1) : cell.f;
  return cell.v === undefined || cell.v === null
    ? ({ formula } as ExcelJS.CellFormulaValue)
    : ({ formula, result: cell.v } as ExcelJS.CellFormulaValue);
}

/** Throws ExcelLimitError, before writing anything of the spec, for a text longer than an Excel cell holds. */
export function writeSpec(sheet: ExcelJS.Worksheet, spec: SheetSpec): void {
  checkCellTexts(spec.name, spec.cells);
  spec.cells.forEach((row, r) => {
    const excelRow = sheet.getRow(r + 1);
    row.forEach((cell, c) => {
      if (cell === null || cell === undefined) return;
      excelRow.getCell(c + 1).value = toExcelValue(cell);
    });
  });
  applyStyles(sheet, spec);
  (spec.columnWidths ?? []).forEach((width, c) => {
    sheet.getColumn(c + 1).width = width;
  });
  for (const [row, height] of Object.entries(spec.rowHeights ?? {}))
    sheet.getRow(Number(row) + 1).height = height;
  const frozen = frozenView(spec);
  if (frozen) sheet.views = [frozen];
  for (const merge of spec.merges ?? []) sheet.mergeCells(merge);
  for (const format of spec.conditionalFormats ?? [])
    sheet.addConditionalFormatting(toConditionalFormatting(format));
  for (const validation of spec.validations ?? []) addValidation(sheet, validation, spec.name);
  if (spec.tabColor) sheet.properties.tabColor = tabColor(spec.tabColor);
  if (spec.hidden) sheet.state = "hidden";
}

function applyStyles(sheet: ExcelJS.Worksheet, spec: SheetSpec): void {
  const styles = new SpecStyles(spec);
  // One ExcelJS style object per distinct style; cells share it and it is never mutated afterwards.
  const excelStyles = new Map<CellStyle, Partial<ExcelJS.Style>>();
  for (let row1 = 1; row1 <= styles.lastRow; row1++) {
    for (const [column, style] of styles.row(row1)) {
      let excelStyle = excelStyles.get(style);
      if (!excelStyle) {
        excelStyle = toExcelStyle(style);
        excelStyles.set(style, excelStyle);
      }
      sheet.getCell(row1, column + 1).style = excelStyle;
    }
  }
}

function addValidation(sheet: ExcelJS.Worksheet, validation: ListValidation, sheetName: string): void {
  const formula = listFormula(validation, sheetName);
  // ExcelJS keeps range validations in `dataValidations`, which its type declarations leave out.
  const validations = (
    sheet as unknown as { dataValidations: { add(address: string, v: ExcelJS.DataValidation): void } }
  ).dataValidations;
  validations.add(validation.range, {
    type: "list",
    allowBlank: true,
    formulae: [formula],
    showErrorMessage: true,
    errorStyle: "stop",
    errorTitle: "Not in the list",
    error: validation.error,
  });
}
