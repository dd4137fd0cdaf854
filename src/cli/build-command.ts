/** `career-matrix build`: the workbook the add-in builds, written to an .xlsx file. */
import { listNames } from "../core/names";
import type { Cell } from "../core/types";
import { sampleTeam } from "../data";
import { careerMatrixFromFramework } from "../core/career-matrix";
import { workbookToBytes } from "../hosts/xlsx/xlsx-writer";
import { keepFramework } from "../workbook/framework-in-workbook";
import { buildWorkbook, sampleRatingsTable } from "./build-workbook";
import type { CliContext } from "./context";
import { reportProblems } from "./context";
import { loadFrameworkFile, MAX_RATINGS_ROWS, ratingsTable } from "./inputs";
import { checkOutput, outputKind, writeOutput } from "./output-file";
import { InputError, UsageError } from "./usage";
import type { TextEncoding } from "../core/decode-text";
import { EXCEL_MAX_COLUMNS } from "../core/excel-limits";
import type { Framework, TrackId } from "../core/framework";
import { COMPETENCY_HEATMAP_FIELDS } from "../sheets/competency-heatmap-sheet";
import { ratingCompetencies, RATINGS_FIELDS, RATINGS_KEY } from "../sheets/ratings-sheet";
import { buildMatrix, createRatings, scoreRatings } from "../workbook/commands";
import { isMatrixKey, trackOfKey } from "../workbook/matrix-edits";
import { openForUpdate, saveWorkbook } from "./workbook-file";

export interface BuildOptions {
  ratings?: string;
  /** The ratings file's text encoding, instead of detecting it. */
  encoding?: TextEncoding;
  /** The sheet of a ratings workbook to read. */
  sheet?: string;
  framework?: string;
  tracks?: string[];
  /** A new workbook to write, or (into) an existing one to update in place: exactly one. */
  output?: string;
  into?: string;
}

export async function buildCommand(options: BuildOptions, context: CliContext): Promise<void> {
  if ((options.output === undefined) === (options.into === undefined))
    throw new UsageError("build needs either -o OUT.xlsx (a new workbook) or --into BOOK.xlsx (update one)");
  const inputs = [options.ratings, options.framework];
  if (options.output !== undefined) {
    outputKind(options.output, ["xlsx"]);
    await checkOutput(options.output, inputs);
  }
  const framework = await loadFrameworkFile(options.framework);
  const known = framework.tracks.map((track) => track.id);
  const unknown = (options.tracks ?? []).filter((id) => !known.includes(id));
  if (unknown.length > 0) {
    throw new UsageError(`--tracks: no track ${listNames(unknown)}; the tracks are ${listNames(known, 30)}`);
  }
  if (options.into !== undefined) return updateWorkbook(options.into, framework, options, context);
  const output = options.output as string;
  const trackIds = options.tracks && options.tracks.length > 0 ? options.tracks : known;
  checkColumns(framework, trackIds, options.framework ?? "the bundled framework");

  let table: Cell[][];
  if (options.ratings === undefined) {
    const people = sampleTeam().people.filter((person) => trackIds.includes(person.track));
    table = sampleRatingsTable(framework, people);
  } else {
    context.progress(`reading ${options.ratings}`);
    const read = await ratingsTable(options.ratings, careerMatrixFromFramework(framework), {
      encoding: options.encoding,
      sheet: options.sheet,
      note: (line) => context.stderr(`${line}\n`),
    });
    reportProblems(options.ratings, read.problems, context);
    if (read.people.length > MAX_BUILD_PEOPLE) {
      throw new InputError([
        `${options.ratings}: ${read.people.length.toLocaleString("en-US")} people; build writes at most ${MAX_BUILD_PEOPLE.toLocaleString("en-US")} into one workbook (each adds live formulas to four sheets; 5,000 take about 1.5 GB of memory): split the file by team, or use score, which reads up to ${MAX_RATINGS_ROWS.toLocaleString("en-US")}`,
      ]);
    }
    table = read.table;
  }

  const built = await buildWorkbook(framework, trackIds, table, context.progress);
  // The workbook remembers its framework, so the add-in and `framework export` use it next time.
  if (options.framework !== undefined) await keepFramework(built.host, framework);
  // The file's own problems were reported above; anything left is about the workbook as a whole.
  const remaining = built.problems.filter((problem) => problem.row === undefined);
  reportProblems(options.ratings ?? "sample team", remaining, context);
  context.progress(`writing ${output} (${built.people} people)`);
  await writeOutput(output, await workbookToBytes(built.host.workbook), inputs);
  context.progress("done");
}

/**
 * `build --into BOOK.xlsx`: the workbook's matrix sheets rebuilt with their edits kept (the tracks it has, or
 * --tracks), its Ratings sheet laid out again with every rating kept, and its heatmaps rescored, in place.
 */
async function updateWorkbook(
  file: string,
  framework: Framework,
  options: BuildOptions,
  context: CliContext,
): Promise<void> {
  if (options.ratings !== undefined)
    throw new UsageError(
      "build --into keeps the workbook's own Ratings sheet; --ratings is for a new workbook (-o)",
    );
  context.progress(`reading ${file}`);
  const host = await openForUpdate(file);
  const owned = await host.ownedSheets();
  const present = owned.filter((sheet) => isMatrixKey(sheet.key)).map((sheet) => trackOfKey(sheet.key));
  const trackIds =
    options.tracks && options.tracks.length > 0
      ? options.tracks
      : present.length > 0
        ? present
        : framework.tracks.map((track) => track.id);
  context.progress("building the matrix sheets");
  const problems = (await buildMatrix(host, framework, trackIds, { keepEdits: true })).problems;
  if (owned.some((sheet) => sheet.key === RATINGS_KEY)) {
    context.progress("laying out the Ratings sheet");
    problems.push(...(await createRatings(host, framework, [])).problems);
    context.progress("scoring and writing the heatmaps");
    problems.push(...(await scoreRatings(host, framework)).problems);
  }
  reportProblems(file, problems, context);
  context.progress(`updating ${file}`);
  await saveWorkbook(file, host);
  context.progress("done");
}

/**
 * The most people `build` writes into one workbook: every person adds live formulas to four sheets. Measured with
 * `/usr/bin/time -v`, 5,000 people on 28 competencies peak at 1.5 GB and 26 s (10,000 took 2.8 GB). Past it the file
 * is refused once read, before anything is built.
 */
export const MAX_BUILD_PEOPLE = 5_000;

/** Every sheet of the workbook must fit Excel's 16,384 columns: the gap heatmaps are the widest. */
function checkColumns(framework: Framework, trackIds: TrackId[], source: string): void {
  const matrix = careerMatrixFromFramework(framework, trackIds);
  const competencies = ratingCompetencies(matrix).length;
  const widest = Math.max(
    RATINGS_FIELDS.length + competencies,
    COMPETENCY_HEATMAP_FIELDS.length + competencies + matrix.areas.length + 3,
  );
  if (widest > EXCEL_MAX_COLUMNS) {
    throw new InputError([
      `${source}: the tracks ${listNames(trackIds, 4, "and")} have ${competencies.toLocaleString("en-US")} competencies; the heatmaps need a column for each and an Excel sheet holds ${EXCEL_MAX_COLUMNS.toLocaleString("en-US")} columns: choose fewer tracks with --tracks`,
    ]);
  }
}
