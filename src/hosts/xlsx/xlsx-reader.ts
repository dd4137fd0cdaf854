/** Reads an .xlsx file back into cell tables, values as a formula would see them. */
import ExcelJS from "exceljs";
import { parseRange } from "../../core/a1";
import type { Cell } from "../../core/types";
import { keyFromOwnerName } from "../../workbook/owner-name";
import {
  packParts,
  readXlsxParts,
  valuesOnlySheet,
  XLSX_LIMITS,
  XlsxRefused,
  type XlsxLimits,
} from "./xlsx-parts";

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

/**
 * The sheets of an .xlsx file as values. Only the parts that hold values are inflated, within `limits`; merges,
 * validations and conditional formats are not expanded (a merge's covered cells read as blank, as formulas see
 * them). Throws XlsxRefused, with the reason, for a file past the limits or not a workbook.
 */
export async function readXlsx(bytes: Uint8Array, limits: XlsxLimits = XLSX_LIMITS): Promise<XlsxSheet[]> {
  const { workbook, merges } = await loadValuesWorkbook(bytes, limits);
  const sheets = readWorkbook(workbook);
  for (const sheet of sheets) blankMergedCells(sheet.values, merges.get(sheet.name) ?? []);
  return sheets;
}

export interface ValuesWorkbook {
  /** The workbook with its values, names and number formats; without merges, validations or formatting. */
  workbook: ExcelJS.Workbook;
  /** Each sheet's merged ranges, by sheet name. */
  merges: Map<string, string[]>;
}

/**
 * A workbook loaded for reading its values, safely: only the parts that hold values, inflated within `limits`, and
 * no merge, validation or conditional format expanded. Throws XlsxRefused with the reason.
 */
export async function loadValuesWorkbook(
  bytes: Uint8Array,
  limits: XlsxLimits = XLSX_LIMITS,
): Promise<ValuesWorkbook> {
  const parts = readXlsxParts(bytes, limits);
  const mergesByPart = new Map<string, string[]>();
  const decoder = new TextDecoder();
  const encoder = new TextEncoder();
  const partOfSheet = sheetParts(parts);
  const sheetOfPart = new Map([...partOfSheet].map(([sheet, part]) => [part, sheet]));
  const sharedStrings = countSharedStrings(parts);
  for (const [name, data] of parts) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(name)) continue;
    const sheet = valuesOnlySheet(decoder.decode(data));
    checkSharedStrings(sheet.xml, sharedStrings, sheetOfPart.get(name) ?? name);
    mergesByPart.set(name, sheet.merges);
    parts.set(name, encoder.encode(sheet.xml));
  }
  const workbook = await loadWorkbook(packParts(parts));
  const merges = new Map<string, string[]>();
  for (const [sheet, part] of partOfSheet) merges.set(sheet, mergesByPart.get(part) ?? []);
  return { workbook, merges };
}

/**
 * Cells that merges and data validations may cover in a workbook updated in place: ExcelJS expands both cell by cell
 * when it loads a workbook whole. A Ratings sheet of 5,000 people and the matrix sheets cover under a million.
 */
export const MAX_FORMATTED_CELLS = 3_000_000;

/**
 * A workbook loaded whole (formats, merges, validations, every part kept), to be updated and saved again, with the
 * caps of the values reader: every part inflated within `limits`, and merges and data validations refused past
 * `maxFormattedCells` before ExcelJS expands them. Throws XlsxRefused with the reason.
 */
export async function loadWholeWorkbook(
  bytes: Uint8Array,
  limits: XlsxLimits = XLSX_LIMITS,
  maxFormattedCells = MAX_FORMATTED_CELLS,
): Promise<ExcelJS.Workbook> {
  const parts = readXlsxParts(bytes, limits, "all");
  const decoder = new TextDecoder();
  const sheetOfPart = new Map([...sheetParts(parts)].map(([sheet, part]) => [part, sheet]));
  const sharedStrings = countSharedStrings(parts);
  let formatted = 0;
  for (const [name, data] of parts) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(name)) continue;
    const xml = decoder.decode(data);
    const sheet = sheetOfPart.get(name) ?? name;
    checkSharedStrings(valuesOnlySheet(xml).xml, sharedStrings, sheet);
    for (const { what, ref } of formattedRanges(xml)) {
      formatted += cellsOf(ref);
      if (formatted > maxFormattedCells)
        throw new XlsxRefused(
          `sheet ${sheet} has a ${what} over ${ref}; merges and validations may cover ${maxFormattedCells.toLocaleString("en-US")} cells in all when the command line updates a workbook: remove or narrow it in Excel, or update the workbook from the add-in`,
        );
    }
  }
  return loadWorkbook(packParts(parts));
}

/** The ranges merges and data validations of a sheet cover, as written (a validation's sqref may list several). */
function formattedRanges(xml: string): { what: string; ref: string }[] {
  const end = xml.lastIndexOf("sheetData>");
  const tail = end < 0 ? xml : xml.slice(end);
  const found: { what: string; ref: string }[] = [];
  for (const [element] of tail.matchAll(/<(?:\w+:)?mergeCell\b[^>]*>/g)) {
    const ref = attribute(element, "ref");
    if (ref !== undefined) found.push({ what: "merged range", ref });
  }
  for (const [element] of tail.matchAll(/<(?:\w+:)?dataValidation\b[^>]*>/g)) {
    for (const ref of (attribute(element, "sqref") ?? "").split(/\s+/).filter(Boolean))
      found.push({ what: "data validation", ref });
  }
  return found;
}

function cellsOf(ref: string): number {
  const range = parseRange(ref);
  if (!range) return 1;
  return (range.end.row - range.start.row + 1) * (range.end.column - range.start.column + 1);
}

function countSharedStrings(parts: Map<string, Uint8Array>): number {
  const data = parts.get("xl/sharedStrings.xml");
  if (!data) return 0;
  return [...new TextDecoder().decode(data).matchAll(/<(?:\w+:)?si\b/g)].length;
}

/** A cell pointing past the shared strings is damage ExcelJS trips over; name the cell instead. */
function checkSharedStrings(xml: string, count: number, sheet: string): void {
  for (const match of xml.matchAll(/<(?:\w+:)?c\b([^>]*)>\s*<(?:\w+:)?v>\s*(\d+)\s*</g)) {
    if (!/\st\s*=\s*["']s["']/.test(match[1]) || Number(match[2]) < count) continue;
    const ref = attribute(match[1], "r") ?? "a cell";
    throw new XlsxRefused(
      `cell ${ref} of sheet ${sheet} refers to shared string ${Number(match[2]) + 1}, but the workbook has ${count}: the file is damaged; open it in Excel or LibreOffice and save it again as .xlsx`,
    );
  }
}

const XML_ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function unescapeXml(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos|#x[0-9a-fA-F]+|#\d+);/g, (_, entity: string) =>
    entity.startsWith("#x")
      ? String.fromCodePoint(parseInt(entity.slice(2), 16))
      : entity.startsWith("#")
        ? String.fromCodePoint(Number(entity.slice(1)))
        : XML_ENTITIES[entity],
  );
}

function attribute(element: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(element);
  return match ? unescapeXml(match[1] ?? match[2]) : undefined;
}

/** Sheet name -> its worksheet part, from workbook.xml and its relations. */
function sheetParts(parts: Map<string, Uint8Array>): Map<string, string> {
  const decoder = new TextDecoder();
  const text = (name: string): string => {
    const data = parts.get(name);
    return data ? decoder.decode(data) : "";
  };
  const targets = new Map<string, string>();
  for (const [element] of text("xl/_rels/workbook.xml.rels").matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const id = attribute(element, "Id");
    const target = attribute(element, "Target");
    if (id === undefined || target === undefined) continue;
    targets.set(id, target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  }
  const bySheet = new Map<string, string>();
  for (const [element] of text("xl/workbook.xml").matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = attribute(element, "name");
    const id = attribute(element, "r:id") ?? attribute(element, "\\w+:id");
    const target = id === undefined ? undefined : targets.get(id);
    if (name !== undefined && target !== undefined) bySheet.set(name, target);
  }
  return bySheet;
}

/** Cells a merge covers read as blank, as Excel shows them to formulas; only the top-left keeps its value. */
function blankMergedCells(values: Cell[][], merges: string[]): void {
  for (const ref of merges) {
    const range = parseRange(ref);
    if (!range) continue;
    // Only the rows and columns that hold values: a merge over the whole sheet costs what the values cost.
    const lastRow = Math.min(range.end.row, values.length);
    for (let row1 = range.start.row; row1 <= lastRow; row1++) {
      const row = values[row1 - 1];
      if (!row) continue;
      const lastColumn = Math.min(range.end.column, row.length - 1);
      for (let column = range.start.column; column <= lastColumn; column++) {
        if (row1 !== range.start.row || column !== range.start.column) row[column] = null;
      }
    }
  }
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
