/**
 * Readiness of a person for every level of their track. For level L, over the competencies with an expectation at L:
 * readiness = weight of assessed competencies rated at or above the expectation / weight of assessed competencies
 * (0 when none is assessed); coverage = assessed / expected; status from the framework's thresholds.
 */
import { competencyWeights, countsFor, nextLevels, specialisationFor } from "./career-matrix";
import type { CompetencyId, LevelId, ScoringRules } from "./framework";
import { GapTable } from "./gap-table";
import type { CareerMatrix, MatrixLevel, TrackMatrix } from "./matrix";
import type { Gap, LevelReadiness, PersonRatings, PersonReadiness, ReadinessStatus } from "./types";

/**
 * Weighted shares such as 0.4 + 0.4 land a hair below a threshold of 0.8 in floating point; a person exactly at a
 * threshold must pass it.
 */
export const READINESS_TOLERANCE = 1e-9;
const EPSILON = READINESS_TOLERANCE;

/** Nothing assessed is Insufficient data even when the framework sets no minimum coverage. */
export function readinessStatus(readiness: number, coverage: number, scoring: ScoringRules): ReadinessStatus {
  if (coverage <= 0 || coverage + EPSILON < scoring.minCoverage) return "insufficient";
  if (readiness + EPSILON >= scoring.ready) return "ready";
  if (readiness + EPSILON >= scoring.almost) return "almost";
  return "not-yet";
}

interface ScoringLevel {
  level: MatrixLevel;
  /** Indexes into the track's competencies of those with an expectation at this level, matrix order. */
  competencies: Int32Array;
  expected: Float64Array;
  /** Per competency of the level: its expectation's offset in the gap table. */
  expectationSlots: Int32Array;
}

/** A track turned into flat arrays once, so scoring a person is a few tight loops. */
interface ScoringTrack {
  track: TrackMatrix;
  ids: CompetencyId[];
  weights: Float64Array;
  levels: ScoringLevel[];
  levelIndex: Map<LevelId, number>;
  /** Per level: index of the next level on its path, or -1. */
  next: Int32Array;
  /** Per level: indexes of every level that may come next (own path first, then the management fork). */
  nextLevels: number[][];
  gaps: GapTable;
  /** How many people are scored with this preparation. */
  people: number;
  /**
   * The ratings of everyone scored with it, side by side, NaN = not assessed: the k-th person's rating of `ids[i]` is
   * at k × ids.length + i. Their gaps are read from here.
   */
  ratings: Float64Array;
  scored: number;
}

/**
 * `specialisation`: the one the people scored with this preparation took on (undefined: none); competencies of any
 * other specialisation are left out, as if the track did not have them.
 */
function prepareTrack(
  matrix: CareerMatrix,
  fullTrack: TrackMatrix,
  specialisation: string | undefined,
): ScoringTrack {
  const track: TrackMatrix = fullTrack.competencies.every((c) => countsFor(c, specialisation))
    ? fullTrack
    : { ...fullTrack, competencies: fullTrack.competencies.filter((c) => countsFor(c, specialisation)) };
  const weightOf = competencyWeights(matrix, track);
  const ids = track.competencies.map((c) => c.id);
  const weights = Float64Array.from(ids, (id) => weightOf.get(id) ?? 1);
  const gaps = new GapTable(ids, matrix.scale);
  const levels = track.levels.map((level) => {
    const indexes: number[] = [];
    const values: number[] = [];
    track.competencies.forEach((c, i) => {
      const expectation = c.expectations[level.id];
      if (expectation) {
        indexes.push(i);
        values.push(expectation.value);
      }
    });
    return {
      level,
      competencies: Int32Array.from(indexes),
      expected: Float64Array.from(values),
      expectationSlots: Int32Array.from(indexes, (i, k) => gaps.expectationSlot(i, values[k])),
    };
  });
  const next = Int32Array.from(track.levels, (level) => {
    let best = -1;
    track.levels.forEach((l, i) => {
      if (l.path === level.path && l.rank > level.rank && (best < 0 || l.rank < track.levels[best].rank))
        best = i;
    });
    return best;
  });
  const levelIndex = new Map(track.levels.map((l, i) => [l.id, i]));
  return {
    track,
    ids,
    weights,
    levels,
    levelIndex,
    next,
    nextLevels: track.levels.map((level) =>
      nextLevels(track, level.id).map((l) => levelIndex.get(l.id) as number),
    ),
    gaps,
    people: 0,
    ratings: new Float64Array(0),
    scored: 0,
  };
}

/**
 * Stable insertion sort by gap, ascending, so equal shortfalls keep matrix order. Blocker lists are short, and this
 * runs for every level read, where the general sort's comparator calls cost more than the sorting.
 */
function largestShortfallFirst(blockers: Gap[]): void {
  for (let i = 1; i < blockers.length; i++) {
    const item = blockers[i];
    const gap = item.gap as number;
    let j = i - 1;
    while (j >= 0 && (blockers[j].gap as number) > gap) {
      blockers[j + 1] = blockers[j];
      j--;
    }
    blockers[j + 1] = item;
  }
}

/** Where a scored person's ratings are kept: their preparation, and the offset of their ratings in it. */
interface KeptRatings {
  t: ScoringTrack;
  offset: number;
}

/** Every competency with an expectation at the level, in matrix order. */
function gapsAt({ t, offset }: KeptRatings, l: ScoringLevel): Gap[] {
  const gaps: Gap[] = new Array(l.competencies.length);
  for (let k = 0; k < gaps.length; k++) {
    const i = l.competencies[k];
    const rating = t.ratings[offset + i];
    gaps[k] = t.gaps.gap(i, l.expected[k], rating, l.expectationSlots[k], t.gaps.ratingSlot(rating));
  }
  return gaps;
}

/** Assessed and unmet, largest shortfall first. */
function blockersAmong(gaps: Gap[]): Gap[] {
  const blockers = gaps.filter((g) => g.rating !== null && g.rating < g.expected);
  largestShortfallFirst(blockers);
  return blockers;
}

/**
 * A level's gaps and blockers are worked out when first read, then kept: scoring 10,000 people at every level of their
 * track would otherwise make a million arrays for the garbage collector to trace, when the heatmaps and calibration
 * read one or two levels per person. They are own, enumerable properties like the others, so a result prints,
 * compares and spreads as a plain object does; where they come from is a hidden property.
 */
const KEPT = "keptRatings";
type LazyLevel = LevelReadiness & { [KEPT]: KeptRatings };

function keep<K extends "gaps" | "blockers">(level: LevelReadiness, key: K, value: LevelReadiness[K]) {
  Object.defineProperty(level, key, { value, enumerable: true });
  return value;
}

const GAPS: PropertyDescriptor = {
  enumerable: true,
  configurable: true,
  get(this: LazyLevel): Gap[] {
    const kept = this[KEPT];
    return keep(this, "gaps", gapsAt(kept, kept.t.levels[kept.t.levelIndex.get(this.level) as number]));
  },
};

const BLOCKERS: PropertyDescriptor = {
  enumerable: true,
  configurable: true,
  get(this: LazyLevel): Gap[] {
    return keep(this, "blockers", blockersAmong(this.gaps));
  },
};

function scoreLevel(
  t: ScoringTrack,
  l: ScoringLevel,
  kept: KeptRatings,
  scoring: ScoringRules,
): LevelReadiness {
  const { competencies, expected } = l;
  const { ratings, weights } = t;
  const count = competencies.length;
  let assessed = 0;
  let met = 0;
  let assessedWeight = 0;
  let metWeight = 0;
  for (let k = 0; k < count; k++) {
    const i = competencies[k];
    const rating = ratings[kept.offset + i];
    if (Number.isNaN(rating)) continue;
    assessed++;
    assessedWeight += weights[i];
    if (rating >= expected[k]) {
      met++;
      metWeight += weights[i];
    }
  }
  const readiness = assessedWeight > 0 ? metWeight / assessedWeight : 0;
  const coverage = count > 0 ? assessed / count : 0;
  const level = {
    level: l.level.id,
    readiness,
    coverage,
    expected: count,
    assessed,
    met,
    status: readinessStatus(readiness, coverage, scoring),
  } as LevelReadiness;
  Object.defineProperty(level, KEPT, { value: kept });
  Object.defineProperty(level, "gaps", GAPS);
  Object.defineProperty(level, "blockers", BLOCKERS);
  return level;
}

function scoreWith(t: ScoringTrack, person: PersonRatings, scoring: ScoringRules): PersonReadiness {
  if (t.ratings.length === 0) t.ratings = new Float64Array(t.people * t.ids.length);
  const kept: KeptRatings = { t, offset: t.scored * t.ids.length };
  t.scored++;
  for (let i = 0; i < t.ids.length; i++) {
    const value = person.ratings[t.ids[i]];
    t.ratings[kept.offset + i] = typeof value === "number" && Number.isFinite(value) ? value : NaN;
  }
  const levels = t.levels.map((l) => scoreLevel(t, l, kept, scoring));
  const result: PersonReadiness = { person, levels, nextLevels: [] };
  const at = t.levelIndex.get(person.level);
  if (at === undefined) return result;
  result.current = levels[at];
  if (t.next[at] >= 0) result.next = levels[t.next[at]];
  result.nextLevels = t.nextLevels[at].map((i) => levels[i]);
  const path = t.levels[at].level.path;
  let best = -1;
  levels.forEach((l, i) => {
    const level = t.levels[i].level;
    if (level.path === path && l.status === "ready" && (best < 0 || level.rank > t.levels[best].level.rank))
      best = i;
  });
  if (best >= 0) result.highestReady = t.levels[best].level.id;
  return result;
}

/** A person whose track is not in the matrix scores no level at all rather than failing the team. */
export function scorePerson(matrix: CareerMatrix, person: PersonRatings): PersonReadiness {
  return scoreTeam(matrix, [person])[0];
}

export function scoreTeam(matrix: CareerMatrix, people: PersonRatings[]): PersonReadiness[] {
  // First each person's preparation, so each knows how many ratings to keep; then the scores.
  const prepared = new Map<string, ScoringTrack>();
  const preparations = people.map((person) => {
    const specialisation = specialisationFor(matrix, person.track, person.specialisation)?.id;
    const key = `${person.track}\u0000${specialisation ?? ""}`;
    let t = prepared.get(key);
    if (!t) {
      const track = matrix.tracks.find((tr) => tr.id === person.track);
      if (!track) return undefined;
      t = prepareTrack(matrix, track, specialisation);
      prepared.set(key, t);
    }
    t.people++;
    return t;
  });
  return people.map((person, i) => {
    const t = preparations[i];
    return t ? scoreWith(t, person, matrix.scoring) : { person, levels: [], nextLevels: [] };
  });
}
