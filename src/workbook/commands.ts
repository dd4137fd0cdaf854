/**
 * What the task pane, the ribbon and the workbench do to a workbook, written against WorkbookHost only. Each command
 * is one `update`: it reads the owned sheets it needs and writes every sheet it changes as one all-or-nothing
 * transaction, at a fixed cost whatever the team size.
 */
import { careerMatrixFromFramework, findTrack } from "../core/career-matrix";
import { type LevelRef, compareLevels } from "../core/comparison";
import type { Framework, TrackId } from "../core/framework";
import type { CareerMatrix } from "../core/matrix";
import { DEFAULT_RATING_RULE, type RatingRule } from "../core/rating-sources";
import { readRatings } from "../core/ratings";
import { RATING_RULE_WORD } from "../core/vocabulary";
import { scoreTeam } from "../core/readiness";
import type {
  Calibration,
  Cell,
  LevelComparison,
  PersonRatings,
  PersonReadiness,
  Problem,
  StatusCounts,
} from "../core/types";
import { comparisonSheetSpec } from "../sheets/comparison-sheet";
import { matrixKey, matrixSheetName, matrixSheetSpec } from "../sheets/matrix-sheet";
import { type NewPerson, RATINGS_KEY, RATINGS_NAME, ratingsSheetSpec } from "../sheets/ratings-sheet";
import { NINE_BOX_KEY, readSessionSettings, type SessionSettings } from "../sheets/nine-box-sheet";
import { READINESS_KEY } from "../sheets/readiness-sheet";
import type { SheetSpec } from "../sheets/spec";
import type { SheetRead, WorkbookChange, WorkbookHost } from "./host";
import { editedMatrix, isMatrixKey, type TrackEdits, trackOfKey } from "./matrix-edits";
import { scoringSheetName, scoringSheetSpecs } from "./scoring-sheets";

export interface BuildMatrixResult {
  /** Keys of the matrix sheets written. */
  written: string[];
  /** Per track that had a sheet: what the manager had changed (kept with keepEdits, replaced without). */
  edits: TrackEdits[];
  problems: Problem[];
}

/**
 * Writes a matrix sheet per track. With keepEdits an existing sheet is re-rendered from what it holds (its edits
 * kept); a sheet with errors is left as it is, so nothing typed is lost. Without keepEdits it is replaced by the
 * bundled matrix: the caller shows `edits` and asks first.
 */
export async function buildMatrix(
  host: WorkbookHost,
  framework: Framework,
  trackIds: TrackId[],
  options: { keepEdits: boolean },
): Promise<BuildMatrixResult> {
  const keys = trackIds.map(matrixKey);
  return host.update(
    (owned) => keys.filter((k) => owned.some((o) => o.key === k)),
    ({ reads, nameFor }) => {
      const base = careerMatrixFromFramework(framework);
      const { matrix, edits } = editedMatrix(base, reads);
      const problems: Problem[] = [];
      const specs: SheetSpec[] = [];
      for (const trackId of trackIds) {
        const track = base.tracks.find((t) => t.id === trackId);
        if (!track) {
          problems.push({ severity: "error", message: `Track "${trackId}" is not in the framework.` });
          continue;
        }
        const edit = edits.find((e) => e.track === trackId);
        if (options.keepEdits && edit) {
          problems.push(...edit.problems);
          if (edit.problems.some((p) => p.severity === "error")) {
            problems.push({
              severity: "error",
              sheet: edit.sheet,
              message: `${edit.sheet} was not rebuilt: fix the problems listed, then build it again.`,
            });
            continue;
          }
        }
        const source = options.keepEdits ? matrix : base;
        specs.push(matrixSheetSpec(source, trackId, nameFor(matrixKey(trackId), matrixSheetName(track))));
      }
      return {
        specs,
        activate: specs[0]?.key,
        result: { written: specs.map((s) => s.key), edits, problems },
      };
    },
  );
}

/** The matrix scoring uses: the bundled one with every track a manager maintains in a matrix sheet read back. */
export async function readCareerMatrix(
  host: WorkbookHost,
  framework: Framework,
): Promise<{ matrix: CareerMatrix; edits: TrackEdits[]; problems: Problem[] }> {
  const owned = await host.ownedSheets();
  const reads = await host.readSheets(owned.filter((o) => isMatrixKey(o.key)).map((o) => o.key));
  return editedMatrix(careerMatrixFromFramework(framework), reads);
}

export interface CreateRatingsResult {
  added: string[];
  skipped: { person: string; reason: string }[];
  problems: Problem[];
}

/**
 * Creates or extends the Ratings sheet: every rating already typed is kept, people and competency columns are added.
 * When the heatmaps exist they are rewritten in the same write, so their formulas follow the new columns.
 */
export async function createRatings(
  host: WorkbookHost,
  framework: Framework,
  people: NewPerson[],
): Promise<CreateRatingsResult> {
  return host.update(
    (owned) =>
      owned
        .filter((o) => o.key === RATINGS_KEY || o.key === NINE_BOX_KEY || isMatrixKey(o.key))
        .map((o) => o.key),
    ({ owned, reads, nameFor }) => {
      const base = careerMatrixFromFramework(framework);
      const { matrix, problems } = editedMatrix(base, reads);
      const existing = reads.find((r) => r.key === RATINGS_KEY);
      const sheetName = nameFor(RATINGS_KEY, RATINGS_NAME);
      const ratingsMatrix = {
        ...matrix,
        tracks: ratingTracks(matrix, reads, existing?.values ?? [], people),
      };
      const sheet = ratingsSheetSpec(ratingsMatrix, existing?.values ?? null, people, sheetName, [
        matrix,
        base,
      ]);
      const specs = [sheet.spec];
      // The heatmaps' formulas follow the Ratings sheet's columns: rewritten with it, in the same write.
      if (owned.some((o) => o.key === READINESS_KEY)) {
        const values = sheet.spec.cells as Cell[][];
        const scoring = score(matrix, values, sheetName);
        specs.push(
          ...scoringSheetSpecs({
            ...scoring,
            ratingsSheet: sheetName,
            ratingsValues: values,
            nameOf: (key) => nameFor(key, scoringSheetName(key)),
            session: sessionOf(reads, matrix),
          }).specs,
        );
      }
      return {
        specs,
        activate: RATINGS_KEY,
        result: { added: sheet.added, skipped: sheet.skipped, problems },
      };
    },
  );
}

export interface ScoreResult {
  scored: PersonReadiness[];
  calibration: Calibration | null;
  /** People by the status of their next level. */
  counts: StatusCounts;
  problems: Problem[];
  /** The thresholds and guideline the 9-box and distributions were drawn with. */
  session: SessionSettings;
  /** Rows of the Ratings sheet with someone on them; each is either scored or skipped. */
  rows: number;
  /** Rows not scored, each with the problem that kept it out. */
  skipped: SkippedRow[];
  /** Scored people with at least one rating. */
  rated: number;
  /** People with ratings but none from their manager: no readiness yet (the Readiness sheet says so). */
  awaiting: PersonRatings[];
  /** Which ratings readiness counts. */
  rule: RatingRule;
  /** The Ratings sheet's name as its tab reads, to tell its problems from the matrix sheets'. */
  ratingsSheet?: string;
}

/** A row of the Ratings sheet left out of the scores, and why. */
export interface SkippedRow {
  row: number;
  person: string;
  reason: Problem;
}

/**
 * Scores the Ratings sheet and writes Readiness, both gap heatmaps, Team summary, Calibration and the 9-box. The
 * 9-box keeps the session's thresholds typed on it unless `session` sets new ones.
 */
export async function scoreRatings(
  host: WorkbookHost,
  framework: Framework,
  session?: SessionSettings,
): Promise<ScoreResult> {
  return scoreAndWrite(host, framework, false, session);
}

/** Rewrites the heatmaps from the current Ratings sheet, when they exist (the ribbon's Refresh heatmaps). */
export async function refreshHeatmaps(host: WorkbookHost, framework: Framework): Promise<ScoreResult> {
  return scoreAndWrite(host, framework, true);
}

/**
 * The scores as the workbook's sheets stand, writing nothing: what a reopened pane shows, and what a tab shows again
 * after the ribbon's Refresh heatmaps or edits on the sheets. Undefined until the ratings have been scored once.
 */
export async function readScores(host: WorkbookHost, framework: Framework): Promise<ScoreResult | undefined> {
  const result = await scoreAndWrite(host, framework, true, undefined, false);
  return result.scored.length > 0 || result.rows > 0 ? result : undefined;
}

async function scoreAndWrite(
  host: WorkbookHost,
  framework: Framework,
  onlyIfScored: boolean,
  session?: SessionSettings,
  write = true,
): Promise<ScoreResult> {
  return host.update(
    (owned) =>
      owned
        .filter((o) => o.key === RATINGS_KEY || o.key === NINE_BOX_KEY || isMatrixKey(o.key))
        .map((o) => o.key),
    ({ owned, reads, nameFor }): WorkbookChange<ScoreResult> => {
      const none: ScoreResult = {
        scored: [],
        calibration: null,
        counts: statusCounts([]),
        problems: [],
        session: { ready: framework.scoring.ready, almost: framework.scoring.almost, guideline: null },
        rows: 0,
        skipped: [],
        rated: 0,
        awaiting: [],
        rule: DEFAULT_RATING_RULE,
      };
      const nothing = (result: ScoreResult) => ({ specs: [], result });
      if (onlyIfScored && !owned.some((o) => o.key === READINESS_KEY)) {
        none.problems.push({
          severity: "warning",
          message: "There are no heatmaps yet: score the ratings first.",
        });
        return nothing(none);
      }
      const ratings = reads.find((r) => r.key === RATINGS_KEY);
      if (!ratings) {
        none.problems.push({
          severity: "error",
          message: "There is no Ratings sheet: create it first, then rate people.",
        });
        return nothing(none);
      }
      const { matrix, problems } = editedMatrix(careerMatrixFromFramework(framework), reads);
      const scoring = score(matrix, ratings.values, ratings.name);
      problems.push(...scoring.problems);
      const framed = matrix.scoring.ratingRule ?? DEFAULT_RATING_RULE;
      if (framed !== DEFAULT_RATING_RULE)
        problems.push({
          severity: "warning",
          message: `The framework counts ${RATING_RULE_WORD[framed]} for readiness, but the workbook's sheets, which update as ratings are typed, count ${RATING_RULE_WORD[DEFAULT_RATING_RULE]}. For the framework's rule, score the Ratings sheet from the command line (career-matrix score --ratings).`,
        });
      const nineBoxSheet = reads.find((r) => r.key === NINE_BOX_KEY);
      const typed = readSessionSettings(nineBoxSheet?.values, matrix.scoring, nineBoxSheet?.name ?? "");
      if (!session) problems.push(...typed.problems);
      const settings = session ?? typed.settings;
      const { skipped } = skippedRows(ratings.values, scoring.scored, scoring.problems, scoring.read.rows);
      // People, not rows: a person's self and peer rows are theirs, not more people.
      const rows = scoring.scored.length + scoring.read.awaiting.length + skipped.length;
      const rated = scoring.scored.filter((s) => Object.keys(s.person.ratings).length > 0).length;
      if (scoring.columns.length === 0 || scoring.scored.length === 0) {
        problems.push({
          severity: "error",
          sheet: ratings.name,
          message:
            "Nothing to score: the Ratings sheet needs at least one person with a track and level, and competency columns.",
        });
        return nothing({
          ...none,
          problems,
          rows,
          skipped,
          awaiting: scoring.read.awaiting,
          ratingsSheet: ratings.name,
        });
      }
      const { specs, calibration } = scoringSheetSpecs({
        ...scoring,
        awaiting: scoring.read.awaiting,
        sourceRows: scoring.read.rows,
        ratingsSheet: ratings.name,
        ratingsValues: ratings.values,
        nameOf: (key) => nameFor(key, scoringSheetName(key)),
        session: settings,
      });
      return {
        specs: write ? specs : [],
        ...(write ? { activate: session ? NINE_BOX_KEY : READINESS_KEY } : {}),
        result: {
          scored: scoring.scored,
          calibration,
          counts: statusCounts(scoring.scored),
          problems,
          session: settings,
          rows,
          skipped,
          rated,
          awaiting: scoring.read.awaiting,
          rule: scoring.read.rule,
          ratingsSheet: ratings.name,
        },
      };
    },
  );
}

/** Inserts (or refreshes) a sheet comparing two (track, level) pairs of the matrix as the workbook has it. */
export async function insertComparison(
  host: WorkbookHost,
  framework: Framework,
  from: LevelRef,
  to: LevelRef,
): Promise<{ comparison: LevelComparison; key: string; problems: Problem[] }> {
  const base = careerMatrixFromFramework(framework);
  const wanted = [from, to].map((side) => findTrack(base, side.track)?.id).filter((id) => id !== undefined);
  return host.update(
    (owned) => owned.filter((o) => wanted.some((id) => o.key === matrixKey(id))).map((o) => o.key),
    ({ reads, nameFor }) => {
      const { matrix, problems } = editedMatrix(base, reads);
      const comparison = compareLevels(matrix, from, to);
      const spec = comparisonSheetSpec(matrix, comparison);
      spec.name = nameFor(spec.key, spec.name);
      return { specs: [spec], activate: spec.key, result: { comparison, key: spec.key, problems } };
    },
  );
}

/**
 * The rows with someone on them (a row of ratings without a name counts: it was meant for someone) that scoring left
 * out, each with the first error on its row, which is what kept it out.
 */
function skippedRows(
  values: Cell[][],
  scored: PersonReadiness[],
  problems: Problem[],
  read: PersonRatings[],
) {
  // A self or peer row read without an error is not skipped: it is compared on the Agreement sheet.
  const scoredRows = new Set([...scored.map((s) => s.person.row), ...read.map((r) => r.row)]);
  const personColumn = (values[0] ?? []).findIndex(
    (c) =>
      String(c ?? "")
        .trim()
        .toLowerCase() === "person",
  );
  const skipped: SkippedRow[] = [];
  let rows = 0;
  values.forEach((line, i) => {
    const row = i + 1;
    if (i === 0 || line.every((c) => c === null || String(c).trim() === "")) return;
    rows++;
    if (scoredRows.has(row)) return;
    const reason = problems.find((p) => p.row === row && p.severity === "error");
    if (!reason) return;
    skipped.push({ row, person: personColumn < 0 ? "" : String(line[personColumn] ?? "").trim(), reason });
  });
  return { rows, skipped };
}

/**
 * The sheets' formulas count the manager's row (found by name and source), so a workbook scores by the manager's
 * rating whatever rule a framework names; the command line applies other rules to files.
 */
function score(matrix: CareerMatrix, values: Cell[][], sheet: string) {
  const read = readRatings(values, matrix, { sheet, numbersOnly: true, rule: DEFAULT_RATING_RULE });
  return {
    matrix,
    read,
    scored: scoreTeam(matrix, read.people),
    columns: read.columns,
    problems: read.problems,
  };
}

/** Tracks given a column on the Ratings sheet: those with a matrix sheet, those of its people and of new people. */
function ratingTracks(matrix: CareerMatrix, reads: SheetRead[], existing: Cell[][], people: NewPerson[]) {
  const trackColumn = (existing[0] ?? []).findIndex(
    (c) =>
      String(c ?? "")
        .trim()
        .toLowerCase() === "track",
  );
  const named = [
    ...people.map((p) => p.track),
    ...(trackColumn < 0 ? [] : existing.slice(1).map((row) => String(row[trackColumn] ?? ""))),
  ];
  const ids = new Set<TrackId>(reads.filter((r) => isMatrixKey(r.key)).map((r) => trackOfKey(r.key)));
  for (const name of named) {
    const track = name.trim() === "" ? undefined : findTrack(matrix, name);
    if (track) ids.add(track.id);
  }
  const tracks = matrix.tracks.filter((t) => ids.has(t.id));
  return tracks.length > 0 ? tracks : matrix.tracks;
}

/** The session's thresholds as typed on the 9-box sheet (the framework's where none or not a share). */
function sessionOf(reads: SheetRead[], matrix: CareerMatrix): SessionSettings {
  const sheet = reads.find((r) => r.key === NINE_BOX_KEY);
  return readSessionSettings(sheet?.values, matrix.scoring, sheet?.name ?? "").settings;
}

function statusCounts(scored: PersonReadiness[]): StatusCounts {
  const counts: StatusCounts = { ready: 0, almost: 0, "not-yet": 0, insufficient: 0 };
  for (const s of scored) if (s.next) counts[s.next.status]++;
  return counts;
}
