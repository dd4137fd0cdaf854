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

export interface ScoreOptions {
  ratings: string;
  /** The ratings file's text encoding, instead of detecting it. */
  encoding?: TextEncoding;
  /** The sheet of a ratings workbook to read. */
  sheet?: string;
  framework?: string;
  format: ScoreFormat;
}

const percent = (share: number): string => `${Math.round(share * 100)}%`;

export async function scoreCommand(options: ScoreOptions, context: CliContext): Promise<void> {
  const matrix = careerMatrixFromFramework(
    await loadFrameworkFile(options.framework, (line) => context.stderr(`${line}\n`)),
  );
  context.progress(`reading ${options.ratings}`);
  const read = await ratingsTable(options.ratings, matrix, {
    encoding: options.encoding,
    sheet: options.sheet,
    note: (line) => context.stderr(`${line}\n`),
  });
  reportProblems(options.ratings, read.problems, context);
  context.progress(`scoring ${read.people.length} people`);
  const scored = scoreTeam(matrix, read.people);
  if (options.format === "json") {
    const people = scored.map(({ person, levels, current, next, highestReady }) => ({
      person: person.person,
      track: person.track,
      level: person.level,
      team: person.team,
      rater: person.rater,
      row: person.row,
      current: current && summary(current),
      next: next && summary(next),
      highestReady: highestReady ?? null,
      levels: levels.map(summary),
    }));
    context.stdout(`${JSON.stringify(people, null, 2)}\n`);
  } else if (options.format === "csv") {
    context.stdout(toCsv(readinessRows(matrix, scored), { bom: false }));
  } else {
    context.stdout(textTable(readinessRows(matrix, scored, percent)));
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
