/**
 * `career-matrix framework validate FILE` and `career-matrix framework export --from BOOK.xlsx -o FILE`: check a
 * framework file, and save a workbook's matrix sheets, as edited, as one.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { loadWorkbook } from "../hosts/xlsx/xlsx-reader";
import { XlsxHost } from "../hosts/xlsx/xlsx-host";
import { frameworkFileText, matrixAsFramework } from "../workbook/framework-export";
import { frameworkInUse } from "../workbook/framework-in-workbook";
import type { CliContext } from "./context";
import { loadFrameworkFile } from "./inputs";
import { writeOutput } from "./output-file";
import { problemLine } from "./problems";
import { InputError, UsageError } from "./usage";

export interface FrameworkOptions {
  from?: string;
  output?: string;
  framework?: string;
  /** Every other option given, refused by name. */
  others: string[];
}

export async function frameworkCommand(
  args: string[],
  options: FrameworkOptions,
  context: CliContext,
): Promise<void> {
  const [action, file, extra] = args;
  const refuse = (allowed: string[]): void => {
    const given = [
      ...options.others,
      ...(["from", "output", "framework"] as const).filter((name) => options[name] !== undefined),
    ];
    const wrong = given.find((name) => !allowed.includes(name));
    if (wrong !== undefined) throw new UsageError(`framework ${action} does not take --${wrong}`);
  };
  switch (action) {
    case "validate": {
      refuse([]);
      if (file === undefined) throw new UsageError("framework validate needs FILE.json");
      if (extra !== undefined) throw new UsageError(`unexpected argument "${extra}"`);
      const framework = await loadFrameworkFile(file);
      const count = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;
      context.stdout(
        `${file}: a valid framework, "${framework.name}": ${count(framework.tracks.length, "track", "tracks")}, ` +
          `${count(framework.levels.length, "level", "levels")}, ` +
          `${count(framework.competencies.length, "competency", "competencies")}\n`,
      );
      return;
    }
    case "export": {
      refuse(["from", "output", "framework"]);
      if (file !== undefined) throw new UsageError(`unexpected argument "${file}"`);
      const book = options.from;
      const output = options.output;
      if (book === undefined || book === "") throw new UsageError("framework export needs --from BOOK.xlsx");
      if (output === undefined || output === "") throw new UsageError("framework export needs -o FILE.json");
      if (path.extname(output).toLowerCase() !== ".json")
        throw new UsageError(`-o ${output}: the output must end in .json`);
      if (path.extname(book).toLowerCase() !== ".xlsx")
        throw new UsageError(`--from ${book}: the workbook must be an .xlsx file`);
      const host = new XlsxHost(await readBook(book));
      // The framework the workbook was built with, unless --framework names another.
      let inUse = await loadFrameworkFile(options.framework);
      if (options.framework === undefined) {
        const kept = await frameworkInUse(host, inUse);
        for (const problem of kept.problems) context.stderr(`${book}:1:1: warning: ${problem}\n`);
        inUse = kept.framework;
      }
      const saved = await matrixAsFramework(host, inUse);
      const lines = saved.problems.map((problem) => sheetProblemLine(book, problem));
      if (saved.framework === undefined) throw new InputError(lines);
      for (const line of lines) context.stderr(`${line}\n`);
      await writeOutput(output, frameworkFileText(saved.framework));
      return;
    }
    case undefined:
      throw new UsageError("framework needs validate or export");
    default:
      throw new UsageError(`framework has no "${action}"; it has validate and export`);
  }
}

async function readBook(file: string) {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(file);
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message;
    throw new InputError([`${file}:1:1: cannot read the file: ${reason}`]);
  }
  try {
    return await loadWorkbook(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (error) {
    throw new InputError([`${file}:1:1: not a readable .xlsx workbook: ${(error as Error).message}`]);
  }
}

/** A workbook has several sheets: the line names the sheet and cell before the message. */
function sheetProblemLine(file: string, problem: Parameters<typeof problemLine>[1]): string {
  const at =
    problem.sheet && problem.cell
      ? `${problem.sheet}!${problem.cell}: `
      : problem.sheet
        ? `${problem.sheet}: `
        : "";
  return problemLine(file, { ...problem, message: `${at}${problem.message}` });
}
