/**
 * A workbook the command line reads as the add-in would (its matrix sheets as edited) or updates in place with
 * `--into`: the owned sheets take the new content, every other sheet, formula and name of the user's stays as it was,
 * and the file is replaced whole or not at all.
 */
import fs from "node:fs/promises";
import path from "node:path";
import type { Framework } from "../core/framework";
import type { CareerMatrix } from "../core/matrix";
import { XlsxRefused } from "../hosts/xlsx/xlsx-parts";
import { loadValuesWorkbook, loadWholeWorkbook } from "../hosts/xlsx/xlsx-reader";
import { XlsxHost } from "../hosts/xlsx/xlsx-host";
import { workbookToBytes } from "../hosts/xlsx/xlsx-writer";
import { readCareerMatrix } from "../workbook/commands";
import { isMatrixKey } from "../workbook/matrix-edits";
import { reportProblems, type CliContext } from "./context";
import { writeOutput } from "./output-file";
import { InputError, UsageError } from "./usage";

/** Parts of an .xlsx that the workbook library would drop on saving: updating in place would lose them. */
const UNKEPT_PARTS: [string, string][] = [
  ["xl/charts/", "charts"],
  ["xl/pivotTables/", "pivot tables"],
  ["xl/drawings/", "drawings or pictures"],
  ["xl/slicers/", "slicers"],
  ["xl/vbaProject.bin", "macros"],
];

/** What an .xlsx holds that cannot be kept, from its zip directory (part names are stored uncompressed). */
export function unkeptParts(bytes: Uint8Array): string[] {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
  return UNKEPT_PARTS.filter(([part]) => text.includes(part)).map(([, what]) => what);
}

async function readWorkbookFile(file: string): Promise<Uint8Array> {
  if (path.extname(file).toLowerCase() !== ".xlsx")
    throw new UsageError(`--into ${file}: the workbook must be an .xlsx file`);
  try {
    return new Uint8Array(await fs.readFile(file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === "ENOENT" ? "no such file" : (error as Error).message;
    throw new InputError([`${file}:1:1: cannot read the workbook: ${reason}`]);
  }
}

/** The whole workbook, read within the same caps as ratings are: a hostile or huge file is refused, with why. */
async function hostOf(file: string, bytes: Uint8Array): Promise<XlsxHost> {
  try {
    return new XlsxHost(await loadWholeWorkbook(bytes));
  } catch (error) {
    if (error instanceof XlsxRefused) throw new InputError([`${file}:1:1: not updated: ${error.message}`]);
    // The parser's own words ("Cannot read properties of undefined") help nobody who holds the file.
    throw new InputError([
      `${file}:1:1: not a readable .xlsx workbook: its parts are not as Excel writes them; open it in Excel or LibreOffice and save it again as .xlsx`,
    ]);
  }
}

/** Opens a workbook to update in place; refuses one holding what saving it here would drop. */
export async function openForUpdate(file: string): Promise<XlsxHost> {
  const bytes = await readWorkbookFile(file);
  const unkept = unkeptParts(bytes);
  if (unkept.length > 0)
    throw new InputError([
      `${file}:1:1: the workbook has ${unkept.join(", ")}, which updating it here would lose; update it from the add-in in Excel instead, or write a new workbook with -o`,
    ]);
  return hostOf(file, bytes);
}

export async function saveWorkbook(file: string, host: XlsxHost): Promise<void> {
  await writeOutput(file, await workbookToBytes(host.workbook));
}

/**
 * The matrix a workbook's ratings are scored against: the framework's, with every matrix sheet of the workbook read
 * back as the manager edited it. The sheets' problems are reported against the file.
 */
export async function workbookMatrix(
  file: string,
  host: XlsxHost,
  framework: Framework,
  context: CliContext,
): Promise<CareerMatrix> {
  const { matrix, problems } = await readCareerMatrix(host, framework);
  reportProblems(file, problems, context);
  return matrix;
}

/** For `--ratings BOOK.xlsx`: the workbook's edited matrix, or undefined for a CSV or a workbook without one. */
export async function matrixOfRatingsFile(
  file: string,
  framework: Framework,
  context: CliContext,
): Promise<CareerMatrix | undefined> {
  if (path.extname(file).toLowerCase() !== ".xlsx") return undefined;
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await fs.readFile(file));
  } catch {
    // The ratings reader says what is wrong with the file.
    return undefined;
  }
  // Read as the ratings are read (only the parts holding values, capped): a hostile file costs nothing here.
  const host = await loadValuesWorkbook(bytes).then(
    ({ workbook }) => new XlsxHost(workbook),
    () => undefined,
  );
  if (!host || !(await host.ownedSheets()).some((sheet) => isMatrixKey(sheet.key))) return undefined;
  return workbookMatrix(file, host, framework, context);
}
