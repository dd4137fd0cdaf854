/** Results of reading and scoring ratings: the vocabulary shared by sheets, hosts, the task pane and the CLI. */
import type { AreaId, CompetencyId, LevelId, SpecialisationId, TrackId } from "./framework";
import type { MatrixExpectation } from "./matrix";
import type { RatingRule, RatingSource } from "./rating-sources";

/** A cell as any host reads it. */
export type Cell = string | number | boolean | null;

export type Severity = "error" | "warning";

/** Something the user can fix, pointed at the place to fix it. */
export interface Problem {
  severity: Severity;
  message: string;
  /** Sheet or file the problem is in, when known. */
  sheet?: string;
  /** A1 reference of the cell, e.g. "F12". */
  cell?: string;
  /** 1-based row and column, for line-oriented outputs (CSV: FILE:ROW:COLUMN). */
  row?: number;
  column?: number;
}

export interface PersonRatings {
  person: string;
  track: TrackId;
  level: LevelId;
  rater: string;
  team: string;
  /** The specialisation they took on, if any (its id); its competencies count for them only. */
  specialisation?: SpecialisationId;
  /** 1-based row of the person in the table read (for pointing back at it). */
  row: number;
  /** Who gave these ratings; absent is the manager (a table without a Source column). */
  source?: RatingSource;
  /** Assessed competencies only; a blank cell is not assessed. */
  ratings: Partial<Record<CompetencyId, number>>;
}

export interface RatingsColumn {
  competency: CompetencyId;
  header: string;
  /** 0-based column in the table read. */
  column: number;
}

export interface RatingsRead {
  /** One per person: the ratings readiness counts under `rule`, at the manager's row. */
  people: PersonRatings[];
  /** Every row read, each with its source: self and peer rows too. */
  rows: PersonRatings[];
  /** People with rows but no manager rating yet (their first row): they get no readiness until one is typed. */
  awaiting: PersonRatings[];
  rule: RatingRule;
  columns: RatingsColumn[];
  problems: Problem[];
}

export type ReadinessStatus = "ready" | "almost" | "not-yet" | "insufficient";

export interface Gap {
  competency: CompetencyId;
  expected: number;
  /** null = not assessed. */
  rating: number | null;
  /** rating − expected; null when not assessed. */
  gap: number | null;
}

export interface LevelReadiness {
  level: LevelId;
  /** Weighted share of assessed competencies whose rating meets the expectation, in [0, 1]. */
  readiness: number;
  /** Share of the competencies with an expectation at this level that were assessed, in [0, 1]. */
  coverage: number;
  /** Competencies with an expectation at this level. */
  expected: number;
  assessed: number;
  met: number;
  status: ReadinessStatus;
  /** Every competency with an expectation at this level, in matrix order. */
  gaps: Gap[];
  /** Assessed and unmet, largest shortfall first. */
  blockers: Gap[];
}

export interface PersonReadiness {
  person: PersonRatings;
  /** One entry per level of the person's track, ladder order. */
  levels: LevelReadiness[];
  current?: LevelReadiness;
  /** Readiness for the next level on the person's path, if any. */
  next?: LevelReadiness;
  /**
   * Readiness for every level they may go to next: `next` first, then, for a Senior, the management fork
   * (Engineering Manager). Empty at the top of a ladder.
   */
  nextLevels: LevelReadiness[];
  /** Highest-ranked level on the person's path with status Ready. */
  highestReady?: LevelId;
}

/** A grid of numbers (null = no value) with labelled rows and columns. */
export interface Heatmap {
  title: string;
  rows: { key: string; label: string }[];
  columns: { key: string; label: string; group?: string }[];
  values: (number | null)[][];
}

export interface StatusCounts {
  ready: number;
  almost: number;
  "not-yet": number;
  insufficient: number;
}

/** A rater's effect from the rater model (src/core/rater-model.ts). */
export interface RaterCalibration {
  /** As first written. */
  rater: string;
  /** Distinct people this rater rated. */
  people: number;
  ratings: number;
  /**
   * Scale points relative to the mean of the raters compared: + rates above them (lenient), − below (severe).
   * null when it cannot be estimated.
   */
  effect: number | null;
  standardError: number | null;
  /** Two-sided p-value of the effect against 0. */
  pValue: number | null;
  flag: "lenient" | "severe" | null;
  reason: string;
}

export interface ReadinessPair {
  level: LevelId;
  raw: { readiness: number; status: ReadinessStatus };
  adjusted: { readiness: number; status: ReadinessStatus };
}

/** Readiness of a person rated by a flagged rater, as rated and as the mean rater would have rated. */
export interface AdjustedReadiness {
  person: string;
  rater: string;
  /** The rater's effect the ratings were moved by, in scale points. */
  effect: number;
  current?: ReadinessPair;
  next?: ReadinessPair;
  /** Status at the current or the next level differs once adjusted. */
  statusChanged: boolean;
}

export interface Calibration {
  byLevel: { track: TrackId; level: LevelId; counts: StatusCounts }[];
  totals: StatusCounts;
  raters: RaterCalibration[];
  /** Spreads the rater model estimated, in scale points (0 when nothing was rated). */
  raterModel: { abilitySpread: number; noise: number };
  /** People rated by a flagged rater: raw readiness beside rater-adjusted readiness. */
  adjusted: AdjustedReadiness[];
  /** People whose status disagrees with their rater's pattern. */
  outliers: { person: string; rater: string; reason: string }[];
}

export interface ComparisonSide {
  track: TrackId;
  level: LevelId;
  trackName: string;
  title: string;
  /** The level's job grade, where the framework knows it. */
  grade?: number;
}

export interface ComparisonRow {
  competency: CompetencyId;
  name: string;
  area: AreaId;
  from?: MatrixExpectation;
  to?: MatrixExpectation;
  /** to − from, when both sides have an expectation. */
  change: number | null;
  presence: "both" | "from-only" | "to-only";
}

export interface LevelComparison {
  from: ComparisonSide;
  to: ComparisonSide;
  /** Across tracks: the framework's lateral move between the two roles, when it has one. */
  transfer?: { from: string; to: string };
  rows: ComparisonRow[];
}
