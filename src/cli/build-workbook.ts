/**
 * The career-matrix workbook built by the add-in's own commands, run against an .xlsx host instead of Excel: the
 * ratings table goes on the Ratings sheet as if pasted there, then the commands build the matrix, lay out the
 * Ratings sheet and score it, exactly as a manager would click through them.
 */
import type { Framework, TrackId } from "../core/framework";
import type { RatingSource } from "../core/rating-sources";
import type { Cell, Problem } from "../core/types";
import { SOURCE_WORD } from "../core/vocabulary";
import type { SamplePerson } from "../data";
import type { SampleRatings } from "../data/sample-team";
import { RATINGS_FIELDS, RATINGS_KEY, RATINGS_NAME, SPECIALISATION_FIELD } from "../sheets/ratings-sheet";
import { buildMatrix, createRatings, scoreRatings } from "../workbook/commands";
import type { WorkbookHost } from "../workbook/host";
import type { Progress } from "./progress";

/**
 * The sample team as a manager would paste it on the Ratings sheet: track and level names, competencies by id, a row
 * per source (the manager's, the person's own, their peers').
 */
export function sampleRatingsTable(framework: Framework, people: readonly SamplePerson[]): Cell[][] {
  const ids = [...new Set(people.flatMap((person) => Object.keys(person.ratings)))];
  const trackName = new Map(framework.tracks.map((track) => [track.id, track.name]));
  const levelName = new Map(framework.levels.map((level) => [level.id, level.name]));
  const specialisationName = new Map((framework.specialisations ?? []).map((s) => [s.id, s.name]));
  const withSpecialisation = people.some((p) => p.specialisation !== undefined);
  const row = (p: SamplePerson, source: RatingSource, rater: string, ratings: SampleRatings): Cell[] => [
    p.person,
    trackName.get(p.track) ?? p.track,
    levelName.get(p.level) ?? p.level,
    rater,
    p.team,
    SOURCE_WORD[source],
    ...(withSpecialisation
      ? [
          p.specialisation === undefined
            ? null
            : (specialisationName.get(p.specialisation) ?? p.specialisation),
        ]
      : []),
    ...ids.map((id) => ratings[id] ?? null),
  ];
  return [
    [...RATINGS_FIELDS, ...(withSpecialisation ? [SPECIALISATION_FIELD] : []), ...ids],
    // The manager's rows first, as a manager would fill the sheet; then everyone's own, then their peers'.
    ...people.map((p) => row(p, "manager", p.rater, p.ratings as SampleRatings)),
    ...people.flatMap((p) => (p.self ? [row(p, "self", p.person, p.self)] : [])),
    ...people.flatMap((p) => (p.peers ?? []).map((peer) => row(p, "peer", peer.rater, peer.ratings))),
  ];
}

export interface BuiltWorkbook<H extends WorkbookHost> {
  host: H;
  /** What the commands reported about the workbook (the ratings file's own problems are checked before). */
  problems: Problem[];
  people: number;
}

/**
 * Builds on `host`, a new workbook: the command line's XlsxStreamHost, which streams the file once built, or an
 * XlsxHost holding the whole workbook in memory.
 */
export async function buildWorkbook<H extends WorkbookHost>(
  host: H,
  framework: Framework,
  trackIds: TrackId[],
  table: Cell[][],
  progress: Progress = () => undefined,
): Promise<BuiltWorkbook<H>> {
  progress("building the matrix sheets");
  const built = await buildMatrix(host, framework, trackIds, { keepEdits: false });
  await host.writeSheets([{ name: RATINGS_NAME, kind: "ratings", key: RATINGS_KEY, cells: table }]);
  progress("laying out the Ratings sheet");
  const ratings = await createRatings(host, framework, []);
  progress("scoring and writing the heatmaps");
  const scored = await scoreRatings(host, framework);
  return {
    host,
    problems: [...built.problems, ...ratings.problems, ...scored.problems],
    people: scored.scored.length,
  };
}
