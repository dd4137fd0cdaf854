/** Reading the files named on the command line; everything wrong with them becomes an InputError with locations. */
import fs from "node:fs/promises";
import path from "node:path";
import { cellRef } from "../core/a1";
import type { Framework } from "../core/framework";
import { readFrameworkFile } from "../core/framework-file";
import type { CareerMatrix } from "../core/matrix";
import { nameKey } from "../core/names";
import { readRatings } from "../core/ratings";
import type { Cell, RatingsRead } from "../core/types";
import { bundledFramework } from "../data";
import { parseCsv } from "../export/csv";
import { readXlsx } from "../hosts/xlsx/xlsx-reader";
import { InputError } from "./usage";

async function readBytes(file: string): Promise<Buffer> {
  try {
    return await fs.readFile(file);
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message;
    throw new InputError([`${file}:1:1: cannot read the file: ${reason}`]);
  }
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

/** The ratings sheet of a workbook: the add-in's own, else one named Ratings, else the first visible sheet. */
async function xlsxRatingsCells(file: string, bytes: Buffer): Promise<Cell[][]> {
  let sheets;
  try {
    sheets = await readXlsx(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (error) {
    throw new InputError([`${file}:1:1: not a readable .xlsx workbook: ${(error as Error).message}`]);
  }
  const sheet =
    sheets.find((s) => s.key === "ratings") ??
    sheets.find((s) => nameKey(s.name) === "ratings") ??
    sheets.find((s) => !s.hidden);
  if (!sheet) throw new InputError([`${file}:1:1: the workbook has no sheets`]);
  return sheet.values;
}

export interface RatingsFile extends RatingsRead {
  /** The ratings table from its header row on, cells as typed. */
  table: Cell[][];
}

/**
 * Reads a ratings file (.csv or .xlsx). The table starts at its header row, the first row with a Person column, so
 * a Ratings sheet with a title above its table reads as it is; problems point at rows and columns of the file.
 */
export async function ratingsTable(file: string, matrix: CareerMatrix): Promise<RatingsFile> {
  const bytes = await readBytes(file);
  let cells: Cell[][];
  if (path.extname(file).toLowerCase() === ".xlsx") {
    cells = await xlsxRatingsCells(file, bytes);
  } else {
    const csv = parseCsv(bytes.toString("utf8"), { file });
    if (csv.problems.length > 0) return { table: [], people: [], columns: [], problems: csv.problems };
    cells = csv.rows;
  }
  const headerRow = Math.max(
    0,
    cells.findIndex((row) => row.some((cell) => typeof cell === "string" && nameKey(cell) === "person")),
  );
  const table = cells.slice(headerRow);
  const read = readRatings(table, matrix, { sheet: file });
  if (headerRow === 0) return { ...read, table };
  return {
    table,
    columns: read.columns,
    people: read.people.map((person) => ({ ...person, row: person.row + headerRow })),
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
