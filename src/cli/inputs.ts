/** Reading the files named on the command line; everything wrong with them becomes an InputError with locations. */
import fs from "node:fs/promises";
import path from "node:path";
import { cellRef } from "../core/a1";
import type { Framework } from "../core/framework";
import { readFrameworkFile } from "../core/framework-file";
import type { CareerMatrix } from "../core/matrix";
import { excelLimitProblems } from "../core/excel-limits";
import { listNames, nameKey } from "../core/names";
import { readRatings } from "../core/ratings";
import { DEFAULT_RATING_RULE, type RatingRule } from "../core/rating-sources";
import type { Cell, PersonRatings, RatingsRead } from "../core/types";
import { decodeText, ENCODING_LABEL, type TextEncoding } from "../core/decode-text";
import { bundledFramework } from "../data";
import { parseCsv } from "../export/csv";
import { XlsxRefused } from "../hosts/xlsx/xlsx-parts";
import { InputError } from "./usage";

/**
 * The largest ratings file read: 200,000 people with 20 ratings each is about 20 MB of CSV, and a workbook is
 * smaller than its CSV. Past it a file is refused before it is read, so no run ends out of memory.
 */
export const MAX_RATINGS_BYTES = 50 * 1024 * 1024;
/** The most people scored from one file (`score` on 200,000 people with 8 ratings: 20 s, 1.3 GB). */
export const MAX_RATINGS_ROWS = 200_000;

const ZIP_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

const megabytes = (bytes: number): string => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

async function readBytes(file: string, maxBytes?: number): Promise<Buffer> {
  try {
    if (maxBytes !== undefined) {
      const { size } = await fs.stat(file);
      if (size > maxBytes) {
        throw new InputError([
          `${file}:1:1: the file is ${megabytes(size)}; career-matrix reads ratings files of up to ${megabytes(maxBytes)}: split it by team, or keep only the Person, Track, Level, Rater, Team and competency columns`,
        ]);
      }
    }
    return await fs.readFile(file);
  } catch (error) {
    if (error instanceof InputError) throw error;
    const reason =
      (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message;
    throw new InputError([`${file}:1:1: cannot read the file: ${reason}`]);
  }
}

/** Text of a file, its encoding decided (a UTF-16 JSON file from Notepad reads too) and said when not UTF-8. */
function fileText(file: string, bytes: Buffer, options: RatingsFileOptions): string {
  const decoded = decodeText(
    new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    options.encoding,
  );
  if (!decoded.ok) throw new InputError([`${file}:${decoded.line}:${decoded.column}: ${decoded.message}`]);
  if (decoded.encoding !== "utf-8" && decoded.how !== "as asked") {
    const why =
      decoded.how === "byte-order mark" ? "as its byte-order mark says" : "since it is not valid UTF-8";
    options.note?.(
      `${file}: read as ${ENCODING_LABEL[decoded.encoding]}, ${why} (--encoding chooses another)`,
    );
  }
  return decoded.text;
}

/** A framework file, or every problem with it as `FILE:$.path: message` (or `FILE:LINE:COLUMN: message`). */
export async function loadFrameworkFile(file: string | undefined): Promise<Framework> {
  if (file === undefined) return bundledFramework();
  const read = readFrameworkFile(await readBytes(file));
  if (read.framework === undefined) {
    throw new InputError(read.problems.map((problem) => `${file}:${problem.where}: ${problem.message}`));
  }
  return read.framework;
}

const hasRatingsHeader = (values: Cell[][]): boolean =>
  values.slice(0, 20).some((row) => {
    const keys = new Set(row.map((cell) => (typeof cell === "string" ? nameKey(cell) : "")));
    return keys.has("person") && keys.has("track") && keys.has("level");
  });

/**
 * The ratings sheet of a workbook: the one --sheet names, else the add-in's own, else one named Ratings, else the
 * first with the Person, Track and Level headers (said, as it is a guess), else the first visible sheet.
 */
async function xlsxRatingsCells(file: string, bytes: Buffer, options: RatingsFileOptions): Promise<Cell[][]> {
  let sheets;
  try {
    // Loaded for a workbook only: the workbook library takes half a second to load, which a CSV need not pay.
    const { readXlsx } = await import("../hosts/xlsx/xlsx-reader");
    sheets = await readXlsx(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (error) {
    if (error instanceof XlsxRefused) {
      throw new InputError([`${file}:1:1: cannot read this workbook: ${error.message}`]);
    }
    // The parser's own words ("Cannot read properties of undefined") help nobody who holds the file.
    throw new InputError([
      `${file}:1:1: not a readable .xlsx workbook: its parts are not as Excel writes them; open it in Excel or LibreOffice and save it again as .xlsx, or save the ratings as .csv`,
    ]);
  }
  const names = listNames(
    sheets.map((s) => `"${s.name}"`),
    12,
  );
  if (options.sheet !== undefined) {
    const wanted = nameKey(options.sheet);
    const named =
      sheets.find((s) => s.name === options.sheet) ?? sheets.find((s) => nameKey(s.name) === wanted);
    if (!named)
      throw new InputError([
        `${file}:1:1: no sheet "${options.sheet}" in the workbook; its sheets are ${names}`,
      ]);
    return named.values;
  }
  const own = sheets.find((s) => s.key === "ratings") ?? sheets.find((s) => nameKey(s.name) === "ratings");
  if (own) return own.values;
  const headed = sheets.find((s) => hasRatingsHeader(s.values));
  if (headed) {
    if (sheets.length > 1) {
      options.note?.(
        `${file}: reading sheet "${headed.name}", the first with Person, Track and Level headers (--sheet chooses another)`,
      );
    }
    return headed.values;
  }
  const sheet = sheets.find((s) => !s.hidden);
  if (!sheet) throw new InputError([`${file}:1:1: the workbook has no sheets`]);
  return sheet.values;
}

/** Spreadsheet files that are not .xlsx, known by their first bytes or name, with how to make them readable. */
function otherSpreadsheet(file: string, bytes: Buffer): string | undefined {
  const extension = path.extname(file).toLowerCase();
  const head = bytes.subarray(0, 100).toString("latin1");
  if (extension === ".ods" || head.includes("application/vnd.oasis.opendocument.spreadsheet")) {
    return "is an OpenDocument (.ods) spreadsheet, which career-matrix does not read: in LibreOffice choose File › Save As and pick Excel 2007-365 (.xlsx) or Text CSV (.csv)";
  }
  if (extension === ".numbers") {
    return "is a Numbers spreadsheet, which career-matrix does not read: in Numbers choose File › Export To › Excel (.xlsx) or CSV";
  }
  if (extension === ".xls" || bytes.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) {
    return "is an Excel 97-2003 (.xls) workbook, which career-matrix does not read: in Excel choose File › Save As › Excel Workbook (.xlsx), or save as CSV UTF-8";
  }
  return undefined;
}

export interface RatingsFile extends RatingsRead {
  /** The ratings table from its header row on, cells as typed. */
  table: Cell[][];
}

export interface RatingsFileOptions {
  /** The text encoding of a CSV file, instead of detecting it. */
  encoding?: TextEncoding;
  /** The sheet of a workbook to read, by name. */
  sheet?: string;
  /** Which ratings readiness counts; the framework's when absent. */
  rule?: RatingRule;
  /** Said once about the file as a whole (the encoding used when it is not UTF-8, the sheet read). */
  note?: (line: string) => void;
}

const EMPTY_READ: RatingsFile = {
  table: [],
  people: [],
  rows: [],
  awaiting: [],
  rule: DEFAULT_RATING_RULE,
  columns: [],
  problems: [],
};

/** A CSV file's cells, its encoding decided and said when it is not UTF-8. */
function csvCells(file: string, bytes: Buffer, options: RatingsFileOptions): Cell[][] | RatingsFile {
  const csv = parseCsv(fileText(file, bytes, options), { file });
  if (csv.problems.length > 0) return { ...EMPTY_READ, problems: csv.problems };
  return csv.rows;
}

/**
 * Reads a ratings file (.csv or .xlsx). The table starts at its header row, the first row with a Person column, so
 * a Ratings sheet with a title above its table reads as it is; problems point at rows and columns of the file.
 */
export async function ratingsTable(
  file: string,
  matrix: CareerMatrix,
  options: RatingsFileOptions = {},
): Promise<RatingsFile> {
  const bytes = await readBytes(file, MAX_RATINGS_BYTES);
  let cells: Cell[][];
  const other = otherSpreadsheet(file, bytes);
  if (other !== undefined) throw new InputError([`${file}:1:1: ${other}`]);
  // A workbook is known by its zip signature too: an .xlsx renamed .csv still reads.
  const workbook = path.extname(file).toLowerCase() === ".xlsx" || bytes.subarray(0, 4).equals(ZIP_SIGNATURE);
  if (workbook) {
    cells = await xlsxRatingsCells(file, bytes, options);
  } else {
    if (options.sheet !== undefined) {
      throw new InputError([
        `${file}:1:1: --sheet chooses a sheet of a workbook (.xlsx); a CSV file has none`,
      ]);
    }
    const csv = csvCells(file, bytes, options);
    if (!Array.isArray(csv)) return csv;
    cells = csv;
  }
  const limits = excelLimitProblems(cells, file);
  if (limits.length > 0) return { ...EMPTY_READ, problems: limits };
  if (cells.length - 1 > MAX_RATINGS_ROWS) {
    throw new InputError([
      `${file}:${MAX_RATINGS_ROWS + 2}:1: the file has ${(cells.length - 1).toLocaleString("en-US")} rows below its header; career-matrix reads up to ${MAX_RATINGS_ROWS.toLocaleString("en-US")} people from one file: split it by team`,
    ]);
  }
  const headerRow = Math.max(
    0,
    cells.findIndex((row) => row.some((cell) => typeof cell === "string" && nameKey(cell) === "person")),
  );
  const table = cells.slice(headerRow);
  const read = readRatings(table, matrix, { sheet: file, warnNumbersAsText: workbook, rule: options.rule });
  if (headerRow === 0) return { ...read, table };
  const shifted = (person: PersonRatings) => ({ ...person, row: person.row + headerRow });
  return {
    table,
    columns: read.columns,
    rule: read.rule,
    people: read.people.map(shifted),
    rows: read.rows.map(shifted),
    awaiting: read.awaiting.map(shifted),
    problems: read.problems.map((problem) => {
      if (problem.row === undefined) return problem;
      const row = problem.row + headerRow;
      if (!problem.column || !problem.cell) return { ...problem, row };
      const cell = cellRef(row, problem.column - 1);
      // The message names the cell as the reader saw it, relative to the header row.
      const message = problem.message.replace(new RegExp(`\\b${problem.cell}\\b`, "g"), cell);
      return { ...problem, row, cell, message };
    }),
  };
}
