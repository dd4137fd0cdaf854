/** `career-matrix score`: readiness per person on stdout, as a table, JSON or CSV. */
import { careerMatrixFromFramework } from "../core/career-matrix";
import { scoreTeam } from "../core/readiness";
import type { LevelReadiness } from "../core/types";
import { toCsv } from "../export/csv";
import { readinessRows } from "../export/tables";
import { loadFrameworkFile, ratingsTable } from "./inputs";
import type { TextEncoding } from "../core/decode-text";
import type { CliContext } from "./context";
import { reportProblems } from "./context";
import type { ScoreFormat } from "./arguments";
import { textTable } from "./text-table";
import type { CareerMatrix } from "../core/matrix";
import { listNames } from "../core/names";
import type { PersonRatings, PersonReadiness } from "../core/types";
import { NO_MANAGER_RATING } from "../core/vocabulary";
import { scoreRatings } from "../workbook/commands";
import { UsageError } from "./usage";
import {
  matrixOfRatingsFile,
  openForUpdate,
  saveWorkbook,
  workbookFramework,
  workbookMatrix,
} from "./workbook-file";

export interface ScoreOptions {
  /** A ratings file, or (into) the workbook whose Ratings sheet is scored and whose heatmaps are updated. */
  ratings?: string;
  into?: string;
  /** The ratings file's text encoding, instead of detecting it. */
  encoding?: TextEncoding;
  /** The sheet of a ratings workbook to read. */
  sheet?: string;
  framework?: string;
  format: ScoreFormat;
}

const percent = (share: number): string => `${Math.round(share * 100)}%`;

export async function scoreCommand(options: ScoreOptions, context: CliContext): Promise<void> {
  if ((options.ratings === undefined) === (options.into === undefined))
    throw new UsageError("score needs either --ratings FILE or --into BOOK.xlsx");
  const named = options.framework !== undefined;
  const framework = await loadFrameworkFile(options.framework);
  let matrix: CareerMatrix;
  let scored: PersonReadiness[];
  let awaiting: PersonRatings[];
  if (options.into !== undefined) {
    context.progress(`reading ${options.into}`);
    const host = await openForUpdate(options.into);
    const inUse = await workbookFramework(options.into, host, framework, named, context);
    const result = await scoreRatings(host, inUse);
    reportProblems(options.into, result.problems, context);
    matrix = await workbookMatrix(options.into, host, inUse, { ...context, stderr: () => undefined });
    context.progress(`updating ${options.into}`);
    await saveWorkbook(options.into, host);
    scored = result.scored;
    awaiting = result.awaiting;
  } else {
    const file = options.ratings as string;
    // A workbook's ratings are scored against its own matrix sheets, as the add-in scores them.
    matrix =
      (await matrixOfRatingsFile(file, framework, context, named)) ?? careerMatrixFromFramework(framework);
    context.progress(`reading ${file}`);
    const read = await ratingsTable(file, matrix, {
      encoding: options.encoding,
      sheet: options.sheet,
      note: (line) => context.stderr(`${line}\n`),
    });
    reportProblems(file, read.problems, context);
    context.progress(`scoring ${read.people.length} people`);
    scored = scoreTeam(matrix, read.people);
    awaiting = read.awaiting;
  }
  if (awaiting.length > 0)
    context.stderr(
      `${awaiting.length === 1 ? "1 person has" : `${awaiting.length} people have`} ratings but none from their manager (${NO_MANAGER_RATING}): ${listNames(
        awaiting.map((p) => p.person),
        6,
        "and",
      )}\n`,
    );
  if (options.format === "json") {
    const people = scored.map(({ person, levels, current, next, nextLevels, highestReady }) => ({
      person: person.person,
      track: person.track,
      level: person.level,
      specialisation: person.specialisation ?? null,
      team: person.team,
      rater: person.rater,
      row: person.row,
      current: current && summary(current),
      next: next && summary(next),
      nextLevels: nextLevels.map(summary),
      highestReady: highestReady ?? null,
      levels: levels.map(summary),
    }));
    const waiting = awaiting.map((person) => ({
      person: person.person,
      track: person.track,
      level: person.level,
      specialisation: person.specialisation ?? null,
      team: person.team,
      rater: null,
      row: person.row,
      status: NO_MANAGER_RATING,
      current: null,
      next: null,
      nextLevels: [],
      highestReady: null,
      levels: [],
    }));
    context.stdout(`${JSON.stringify([...people, ...waiting], null, 2)}\n`);
  } else if (options.format === "csv") {
    context.stdout(toCsv(readinessRows(matrix, scored, undefined, awaiting), { bom: false }));
  } else {
    context.stdout(textTable(readinessRows(matrix, scored, percent, awaiting)));
  }
}

function summary(level: LevelReadiness) {
  return {
    level: level.level,
    readiness: level.readiness,
    coverage: level.coverage,
    status: level.status,
    blockers: level.blockers.map(({ competency, gap }) => ({ competency, gap })),
  };
}
