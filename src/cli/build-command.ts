/** `career-matrix build`: the workbook the add-in builds, written to an .xlsx file. */
import { listNames } from "../core/names";
import type { Cell } from "../core/types";
import { sampleTeam } from "../data";
import { careerMatrixFromFramework } from "../core/career-matrix";
import { workbookToBytes } from "../hosts/xlsx/xlsx-writer";
import { buildWorkbook, sampleRatingsTable } from "./build-workbook";
import type { TextEncoding } from "../core/decode-text";
import type { CliContext } from "./context";
import { reportProblems } from "./context";
import { loadFrameworkFile, ratingsTable } from "./inputs";
import { outputKind, writeOutput } from "./output-file";
import { UsageError } from "./usage";

export interface BuildOptions {
  ratings?: string;
  /** The ratings file's text encoding, instead of detecting it. */
  encoding?: TextEncoding;
  framework?: string;
  tracks?: string[];
  output: string;
}

export async function buildCommand(options: BuildOptions, context: CliContext): Promise<void> {
  outputKind(options.output, ["xlsx"]);
  const framework = await loadFrameworkFile(options.framework, (line) => context.stderr(`${line}\n`));
  const known = framework.tracks.map((track) => track.id);
  const unknown = (options.tracks ?? []).filter((id) => !known.includes(id));
  if (unknown.length > 0) {
    throw new UsageError(`--tracks: no track ${listNames(unknown)}; the tracks are ${listNames(known, 30)}`);
  }
  const trackIds = options.tracks && options.tracks.length > 0 ? options.tracks : known;

  let table: Cell[][];
  if (options.ratings === undefined) {
    const people = sampleTeam().people.filter((person) => trackIds.includes(person.track));
    table = sampleRatingsTable(framework, people);
  } else {
    context.progress(`reading ${options.ratings}`);
    const read = await ratingsTable(options.ratings, careerMatrixFromFramework(framework), {
      encoding: options.encoding,
      note: (line) => context.stderr(`${line}\n`),
    });
    reportProblems(options.ratings, read.problems, context);
    table = read.table;
  }

  const built = await buildWorkbook(framework, trackIds, table, context.progress);
  // The file's own problems were reported above; anything left is about the workbook as a whole.
  const remaining = built.problems.filter((problem) => problem.row === undefined);
  reportProblems(options.ratings ?? "sample team", remaining, context);
  context.progress(`writing ${options.output} (${built.people} people)`);
  await writeOutput(options.output, await workbookToBytes(built.host.workbook));
  context.progress("done");
}
