/**
 * Calibration: how statuses spread over levels, which raters rate systematically above or below the others, what
 * readiness would be without those raters' lean, and which people stand apart from their rater's pattern.
 *
 * Raters are judged by the rater model (src/core/rater-model.ts), fitted on every rating: a rater is flagged lenient
 * or severe only when the effect is at least 0.5 scale points and significant. People rated by a flagged rater get
 * their rater-adjusted readiness beside the raw one (src/core/rater-adjusted.ts).
 *
 * Outlier rule. A person (status not Insufficient data) stands apart from their rater's pattern when the rater has
 * at least 2 other scored people, the person's mean gap (rating − expectation over the competencies assessed at
 * their current level) is at least OUTLIER_DIFFERENCE (1 scale point) away from the mean of those others, and the
 * person's status differs from the status most (over half) of those others share.
 */
import type { LevelId, TrackId } from "./framework";
import type { CareerMatrix } from "./matrix";
import { personKey } from "./names";
import { STATUS_WORD } from "./vocabulary";
import { raterAdjustedReadiness } from "./rater-adjusted";
import { fitRaterModel } from "./rater-model";
import type { Calibration, PersonRatings, PersonReadiness, ReadinessStatus, StatusCounts } from "./types";

export const OUTLIER_DIFFERENCE = 1;

const STATUS_LABEL = STATUS_WORD;

function emptyCounts(): StatusCounts {
  return { ready: 0, almost: 0, "not-yet": 0, insufficient: 0 };
}

interface Scored {
  readiness: PersonReadiness;
  rater: string;
  stratum: string;
  /** Mean gap at the current level. */
  gap: number;
  ratings: number;
  status: ReadinessStatus;
}

/** People with a current level and at least one assessed gap there. */
function measurable(scored: PersonReadiness[]): Scored[] {
  const out: Scored[] = [];
  for (const s of scored) {
    const current = s.current;
    if (!current) continue;
    let sum = 0;
    let n = 0;
    for (const g of current.gaps) {
      if (g.gap !== null) {
        sum += g.gap;
        n++;
      }
    }
    if (n === 0) continue;
    out.push({
      readiness: s,
      rater: personKey(s.person.rater),
      stratum: `${s.person.track}\u0000${s.person.level}`,
      gap: sum / n,
      ratings: n,
      status: current.status,
    });
  }
  return out;
}

/** Statuses at the current level, per track and level, in ladder order (levels nobody holds are left out). */
export function byLevel(matrix: CareerMatrix, scored: PersonReadiness[]): Calibration["byLevel"] {
  const counts = new Map<string, StatusCounts>();
  for (const s of scored) {
    if (!s.current) continue;
    const key = `${s.person.track}\u0000${s.person.level}`;
    let c = counts.get(key);
    if (!c) counts.set(key, (c = emptyCounts()));
    c[s.current.status]++;
  }
  const rows: { track: TrackId; level: LevelId; counts: StatusCounts }[] = [];
  for (const track of matrix.tracks) {
    for (const level of track.levels) {
      const c = counts.get(`${track.id}\u0000${level.id}`);
      if (c) rows.push({ track: track.id, level: level.id, counts: c });
    }
  }
  return rows;
}

function fmt(n: number): string {
  return (Math.round(n * 100) / 100).toFixed(2).replace("-", "−");
}

function outliers(groups: Map<string, { name: string; people: Scored[] }>): Calibration["outliers"] {
  const found: Calibration["outliers"] = [];
  for (const { name, people } of groups.values()) {
    if (people.length < 3) continue;
    // Leave-one-out from group totals keeps this linear in the size of the group.
    const total = people.reduce((acc, p) => acc + p.gap, 0);
    const counts = emptyCounts();
    for (const p of people) counts[p.status]++;
    const others = people.length - 1;
    for (const p of people) {
      if (p.status === "insufficient") continue;
      const othersMean = (total - p.gap) / others;
      if (Math.abs(p.gap - othersMean) < OUTLIER_DIFFERENCE) continue;
      counts[p.status]--;
      const usual = (Object.keys(counts) as ReadinessStatus[]).find((status) => counts[status] * 2 > others);
      counts[p.status]++;
      if (usual === undefined || usual === p.status) continue;
      const side = p.gap > othersMean ? "above" : "below";
      found.push({
        person: p.readiness.person.person,
        rater: name,
        reason: `Rated ${fmt(Math.abs(p.gap - othersMean))} points ${side} ${name}'s other people (mean gap ${fmt(p.gap)} against ${fmt(othersMean)}) and ${STATUS_LABEL[p.status]} at their level, while most of them are ${STATUS_LABEL[usual]}.`,
      });
    }
  }
  return found;
}

export interface CalibrateOptions {
  /**
   * More ratings of the same people by other raters (self, peer, a second manager): one entry per person and rater.
   * The rater model uses them as direct evidence; readiness stays that of the scored ratings.
   */
  otherRatings?: PersonRatings[];
}

export function calibrate(
  matrix: CareerMatrix,
  scored: PersonReadiness[],
  options: CalibrateOptions = {},
): Calibration {
  const levels = byLevel(matrix, scored);
  const totals = emptyCounts();
  for (const l of levels)
    for (const status of Object.keys(totals) as ReadinessStatus[]) totals[status] += l.counts[status];

  const competencies = [...new Set(matrix.tracks.flatMap((t) => t.competencies.map((c) => c.id)))];
  const model = fitRaterModel(
    [...scored.map((s) => s.person), ...(options.otherRatings ?? [])],
    competencies,
  );

  // Raters by name ignoring case and spacing, shown as first written; people with no rater belong to no group.
  const groups = new Map<string, { name: string; people: Scored[] }>();
  for (const s of scored) {
    const key = personKey(s.person.rater);
    if (key !== "" && !groups.has(key)) groups.set(key, { name: s.person.rater.trim(), people: [] });
  }
  for (const p of measurable(scored)) groups.get(p.rater)?.people.push(p);

  return {
    byLevel: levels,
    totals,
    raters: model.raters,
    raterModel: { abilitySpread: model.abilitySpread, noise: model.noise },
    adjusted: raterAdjustedReadiness(matrix, scored, model),
    outliers: outliers(groups),
  };
}
