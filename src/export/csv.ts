/**
 * CSV for people who open it in a spreadsheet: RFC 4180 quoting, CRLF line ends, an optional UTF-8 byte-order mark
 * so Excel reads non-Latin names correctly, and no cell a spreadsheet would run as a formula.
 */
import Papa from "papaparse";
import type { Cell, Problem } from "../core/types";

export type CsvDelimiter = "," | ";";
/** What a file may be separated by: Excel writes semicolons in many European locales, tabs as "Unicode Text". */
export type CsvReadDelimiter = CsvDelimiter | "\t";

export interface CsvWriteOptions {
  delimiter?: CsvDelimiter;
  /** Start with a UTF-8 byte-order mark (Excel needs it to read UTF-8). Default true. */
  bom?: boolean;
}

export interface CsvRead {
  rows: Cell[][];
  delimiter: CsvReadDelimiter;
  /** Malformed quoting and the like, pointed at the 1-based record and field. */
  problems: Problem[];
}

const BOM = "\uFEFF";
/** First characters that make Excel, LibreOffice or Google Sheets evaluate a cell (OWASP CSV injection). */
const FORMULA_TRIGGER = /^[=+\-@\t\r]/;
/** A plain decimal number written as text; a spreadsheet reads it as that number and never as a formula. */
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
/** Numbers read back as numbers only in their canonical form, so "007" or "1e3" stay as the text typed. */
const CANONICAL_NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?$/;

/**
 * Makes a text cell inert: text starting with = + - @ tab or carriage return gets a leading apostrophe, which
 * spreadsheets show as text. Text that is just a number ("-3", "+44") is left alone: it is read as a number, not run.
 * Number cells are written as numbers, so -3 stays -3.
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_TRIGGER.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

function cellText(cell: Cell): string {
  if (cell === null) return "";
  if (typeof cell === "number") return Number.isFinite(cell) ? String(cell) : "";
  if (typeof cell === "boolean") return cell ? "TRUE" : "FALSE";
  return neutraliseFormula(cell);
}

/** Either delimiter is quoted whichever is in use, so a reader that guesses the delimiter is never misled. */
function quote(field: string): string {
  return /[",;\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

export function toCsv(rows: Cell[][], options: CsvWriteOptions = {}): string {
  const delimiter = options.delimiter ?? ",";
  const lines = rows.map((row) => row.map((cell) => quote(cellText(cell))).join(delimiter));
  return (options.bom === false ? "" : BOM) + lines.map((line) => `${line}\r\n`).join("");
}

function toCell(field: string): Cell {
  if (field === "") return null;
  if (!CANONICAL_NUMBER.test(field)) return field;
  // Digits past what a number holds stay the text typed, never Infinity.
  const value = Number(field);
  return Number.isFinite(value) ? value : field;
}

/**
 * Reads CSV text as cells: the byte-order mark is dropped, the delimiter is whichever of comma, semicolon and tab the
 * header uses, quoted fields may hold delimiters, quotes and line breaks. Blank fields are null; canonical numbers
 * ("3", "-0.5") become numbers, as a spreadsheet would show them. Trailing blank lines are ignored.
 */
export function parseCsv(text: string, options: { file?: string } = {}): CsvRead {
  const body = text.startsWith(BOM) ? text.slice(1) : text;
  const delimiter = detectDelimiter(body);
  const result = Papa.parse<string[]>(body, { delimiter, skipEmptyLines: false });
  const rows = result.data.map((record) => record.map(toCell));
  while (rows.length > 0 && rows[rows.length - 1].every((cell) => cell === null)) rows.pop();
  const problems: Problem[] = result.errors.map((error) => {
    const row = (error.row ?? 0) + 1;
    return {
      severity: "error" as const,
      message: `${error.message}: close every quoted field with a double quote, and double any quote inside it`,
      sheet: options.file,
      row,
      column: Math.max(1, result.data[error.row ?? 0]?.length ?? 1),
    };
  });
  return { rows, delimiter, problems };
}

/**
 * Comma, semicolon or tab, whichever the first record (the header) uses most outside quotes; comma on a tie. The
 * header decides because it is the one line every file has, and a per-file guess over all lines is fooled by short
 * files.
 */
export function detectDelimiter(text: string): CsvReadDelimiter {
  const counts = new Map<CsvReadDelimiter, number>([
    [",", 0],
    [";", 0],
    ["\t", 0],
  ]);
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) break;
    else if (!quoted && (ch === "," || ch === ";" || ch === "\t")) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best: CsvReadDelimiter = ",";
  for (const [delimiter, count] of counts) if (count > (counts.get(best) ?? 0)) best = delimiter;
  return best;
}
