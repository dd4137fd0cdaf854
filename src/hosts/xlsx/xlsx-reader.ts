/** Reads an .xlsx file back into cell tables, values as a formula would see them. */
import ExcelJS from "exceljs";
import type { Cell } from "../../core/types";
import { keyFromOwnerName } from "../../workbook/owner-name";

export interface XlsxSheet {
  name: string;
  /** Ownership key when the add-in's marker points at this sheet. */
  key?: string;
  hidden: boolean;
  /** Used range from A1; trailing blank cells of a row are dropped. */
  values: Cell[][];
}

export async function loadWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  // ExcelJS's declared Buffer type is Node's; a Uint8Array view over the same bytes is what it reads.
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return workbook;
}

export async function readXlsx(bytes: Uint8Array): Promise<XlsxSheet[]> {
  return readWorkbook(await loadWorkbook(bytes));
}

export function readWorkbook(workbook: ExcelJS.Workbook): XlsxSheet[] {
  const keys = ownerKeysBySheet(workbook);
  return workbook.worksheets.map((sheet) => ({
    name: sheet.name,
    key: keys.get(sheet.name),
    hidden: sheet.state !== "visible",
    values: sheetValues(sheet),
  }));
}

/** Sheet name -> ownership key, from the `CM_…` defined names. */
export function ownerKeysBySheet(workbook: ExcelJS.Workbook): Map<string, string> {
  const keys = new Map<string, string>();
  for (const { name, ranges } of workbook.definedNames.model) {
    const key = keyFromOwnerName(name);
    if (key === undefined || ranges.length === 0) continue;
    const ref = ranges[0];
    const bang = ref.lastIndexOf("!");
    if (bang < 0) continue;
    const quoted = ref.slice(0, bang);
    const sheetName = quoted.startsWith("'") ? quoted.slice(1, -1).replace(/''/g, "'") : quoted;
    keys.set(sheetName, key);
  }
  return keys;
}

export function sheetValues(sheet: ExcelJS.Worksheet): Cell[][] {
  const values: Cell[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: Cell[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      // The cells a merge covers read as blank, as Excel shows them to formulas; only the top-left holds the value.
      if (cell.type === ExcelJS.ValueType.Merge) return;
      // A formula cell's `value` drops a cached result of 0 or FALSE; `result` keeps it.
      const value =
        cell.type === ExcelJS.ValueType.Formula
          ? plainValue(cell.result as ExcelJS.CellValue)
          : plainValue(cell.value);
      if (value === null) return;
      while (cells.length < colNumber - 1) cells.push(null);
      cells[colNumber - 1] = value;
    });
    if (cells.length === 0) return;
    while (values.length < rowNumber - 1) values.push([]);
    values[rowNumber - 1] = cells;
  });
  return values;
}

/** Formula -> its cached result, date -> ISO text, rich text -> plain text, hyperlink -> its text, error -> "#N/A"... */
export function plainValue(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return value.toISOString();
  if ("formula" in value || "sharedFormula" in value) {
    return plainValue((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  }
  if ("richText" in value) return value.richText.map((run) => run.text).join("");
  if ("hyperlink" in value) return plainValue(value.text as ExcelJS.CellValue);
  if ("error" in value) return value.error;
  return null;
}
