/** `career-matrix compare`: two levels side by side, to stdout, a CSV or a workbook. */
import { careerMatrixFromFramework, findLevel, findTrack } from "../core/career-matrix";
import { compareLevels } from "../core/comparison";
import type { CareerMatrix } from "../core/matrix";
import { listNames } from "../core/names";
import { toCsv } from "../export/csv";
import { comparisonRows } from "../export/tables";
import { XlsxHost } from "../hosts/xlsx/xlsx-host";
import { workbookToBytes } from "../hosts/xlsx/xlsx-writer";
import { insertComparison } from "../workbook/commands";
import type { CliContext } from "./context";
import { loadFrameworkFile } from "./inputs";
import { checkOutput, outputKind, writeOutput } from "./output-file";
import { textTable } from "./text-table";
import type { LevelArgument } from "./arguments";
import { UsageError } from "./usage";

function resolve(matrix: CareerMatrix, arg: LevelArgument): { track: string; level: string } {
  const track = findTrack(matrix, arg.track);
  if (!track) {
    const known = listNames(
      matrix.tracks.map((t) => t.id),
      20,
    );
    throw new UsageError(`${arg.option}: no track "${arg.track}"; the tracks are ${known}`);
  }
  const level = findLevel(track, arg.level);
  if (!level) {
    const known = listNames(
      track.levels.map((l) => l.id),
      20,
    );
    throw new UsageError(`${arg.option}: ${track.name} has no level "${arg.level}"; its levels are ${known}`);
  }
  return { track: track.id, level: level.id };
}

export interface CompareOptions {
  from: LevelArgument;
  to: LevelArgument;
  framework?: string;
  output?: string;
}

export async function compareCommand(options: CompareOptions, context: CliContext): Promise<void> {
  const kind = options.output === undefined ? undefined : outputKind(options.output, ["xlsx", "csv"]);
  if (options.output !== undefined) await checkOutput(options.output, [options.framework]);
  const framework = await loadFrameworkFile(options.framework);
  const matrix = careerMatrixFromFramework(framework);
  const from = resolve(matrix, options.from);
  const to = resolve(matrix, options.to);
  if (options.output !== undefined && kind === "xlsx") {
    // The add-in's Insert comparison command, on a new workbook: the same sheet Excel would get.
    const host = new XlsxHost();
    await insertComparison(host, framework, from, to);
    await writeOutput(options.output, await workbookToBytes(host.workbook), [options.framework]);
    return;
  }
  const rows = comparisonRows(compareLevels(matrix, from, to), matrix.areas);
  if (options.output === undefined) {
    // Descriptors are paragraphs: the terminal gets the expectations, the CSV and the workbook get everything.
    context.stdout(textTable(rows.map((row) => row.slice(0, 5))));
  } else {
    await writeOutput(options.output, toCsv(rows), [options.framework]);
  }
}
