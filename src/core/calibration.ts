/**
 * Calibration: how statuses spread over levels, whether a rater rates systematically above or below everyone else,
 * and which people stand apart from their rater's pattern.
 *
 * Everything here measures a person by their mean gap: the mean of (rating − expectation) over the competencies
 * assessed at their current level. The person, not the single rating, is the unit of evidence, because one person's
 * ratings are given together and move together; counting them as independent would flag raters on thin evidence.
 *
 * Rater rule. For rater R, each person of R is compared with the people of other raters at the same track and level
 * (a "stratum"): residual = person's mean gap − mean of the others' people in that stratum. R's difference is the mean
 * residual of R's comparable people. R is flagged lenient (difference > 0) or severe (< 0) only when all hold:
 *   - at least MIN_PEOPLE (2) comparable people of R, holding at least MIN_RATINGS (10) assessed ratings;
 *   - at least 2 people of other raters in those strata, with spread to measure (more people than strata);
 *   - |difference| >= MIN_DIFFERENCE (0.5 scale points);
 *   - Welch's t for R's residuals against the others' residuals (within-stratum deviations, mean 0) reaches the
 *     two-sided 5% critical value at the Welch–Satterthwaite degrees of freedom.
 *
 * Outlier rule. A person (status not Insufficient data) stands apart from their rater's pattern when the rater has
 * at least 2 other scored people, the person's mean gap is at least OUTLIER_DIFFERENCE (1 scale point) away from the
 * mean of those others, and the person's status differs from the status most (over half) of those others share.
 */
import type { LevelId, TrackId } from "./framework";
import type { CareerMatrix } from "./matrix";
import { personKey } from "./names";
import type { Calibration, PersonReadiness, RaterCalibration, ReadinessStatus, StatusCounts } from "./types";

export const MIN_PEOPLE = 2;
export const MIN_RATINGS = 10;
export const MIN_DIFFERENCE = 0.5;
export const OUTLIER_DIFFERENCE = 1;

const STATUS_LABEL: Record<ReadinessStatus, string> = {
  ready: "Ready",
  almost: "Almost",
  "not-yet": "Not yet",
  insufficient: "Insufficient data",
};

/** Two-sided 5% critical values of Student's t by degrees of freedom; beyond the table, the normal 1.96. */
const T_975: [number, number][] = [
  [1, 12.706],
  [2, 4.303],
  [3, 3.182],
  [4, 2.776],
  [5, 2.571],
  [6, 2.447],
  [7, 2.365],
  [8, 2.306],
  [9, 2.262],
  [10, 2.228],
  [12, 2.179],
  [15, 2.131],
  [20, 2.086],
  [25, 2.06],
  [30, 2.042],
  [40, 2.021],
  [60, 2.0],
  [120, 1.98],
];

/** Critical t at `df`, taking the next tabulated df below so the test errs toward not flagging. */
export function tCritical(df: number): number {
  let critical = T_975[0][1];
  for (const [d, t] of T_975) if (df >= d) critical = t;
  return df >= 1000 ? 1.96 : critical;
}

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

function byLevel(matrix: CareerMatrix, scored: PersonReadiness[]): Calibration["byLevel"] {
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

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function mean(values: number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

/** Sum, sum of squares and count of mean gaps: enough to take one rater's people out of a stratum in O(1). */
class Moments {
  sum = 0;
  squares = 0;
  count = 0;
  add(x: number): void {
    this.sum += x;
    this.squares += x * x;
    this.count++;
  }
}

function momentsOf(people: Scored[]): Map<string, Moments> {
  const byStratum = new Map<string, Moments>();
  for (const p of people) {
    let m = byStratum.get(p.stratum);
    if (!m) byStratum.set(p.stratum, (m = new Moments()));
    m.add(p.gap);
  }
  return byStratum;
}

function rater(
  name: string,
  people: Scored[],
  everyone: Map<string, Moments>,
  peopleCount: number,
): RaterCalibration {
  const own = momentsOf(people);
  const residuals: number[] = [];
  let ratings = 0;
  let othersCount = 0;
  let othersSquares = 0;
  let strata = 0;
  for (const [stratum, mine] of own) {
    const all = everyone.get(stratum) as Moments;
    const count = all.count - mine.count;
    if (count === 0) continue;
    const sum = all.sum - mine.sum;
    const baseline = sum / count;
    for (const p of people) {
      if (p.stratum !== stratum) continue;
      residuals.push(p.gap - baseline);
      ratings += p.ratings;
    }
    strata++;
    othersCount += count;
    // Others' spread around their own stratum mean; clamped because subtraction can leave a rounding-size negative.
    othersSquares += Math.max(0, all.squares - mine.squares - (sum * sum) / count);
  }
  const base = { rater: name, people: peopleCount, ratings };
  if (residuals.length === 0) {
    return {
      ...base,
      meanGapDifference: null,
      flag: null,
      reason: "No one else rated people at the same track and level, so there is nothing to compare with.",
    };
  }
  const n = residuals.length;
  const difference = mean(residuals);
  const side = difference >= 0 ? "above" : "below";
  const stated = `${fmt(Math.abs(difference))} points ${side} others at the same levels (${plural(n, "person", "people")}, ${plural(ratings, "rating")})`;
  const result = (flag: RaterCalibration["flag"], reason: string): RaterCalibration => ({
    ...base,
    meanGapDifference: difference,
    flag,
    reason,
  });

  const othersDf = othersCount - strata;
  if (n < MIN_PEOPLE || ratings < MIN_RATINGS || othersCount < 2 || othersDf < 1) {
    return result(
      null,
      `${capitalise(stated)}: too little evidence to judge. A flag needs at least ${MIN_RATINGS} ratings of ${MIN_PEOPLE} people, compared with at least 2 people of other raters at the same levels.`,
    );
  }
  if (Math.abs(difference) < MIN_DIFFERENCE) return result(null, `In line with others: ${stated}.`);

  const a = residuals.reduce((acc, r) => acc + (r - difference) ** 2, 0) / (n - 1) / n;
  const b = othersSquares / othersDf / othersCount;
  const se = Math.sqrt(a + b);
  // Identical ratings on both sides leave no noise at all: any difference is then certain.
  const t = se > 0 ? Math.abs(difference) / se : Infinity;
  const df = se > 0 ? (a + b) ** 2 / ((a * a) / (n - 1) + (b * b) / othersDf) : n + othersCount - 2;
  const needed = tCritical(df);
  if (t < needed) {
    return result(
      null,
      `${capitalise(stated)}, but ratings vary too much to be sure (t = ${fmt(t)}, needs ${fmt(needed)}).`,
    );
  }
  return result(
    difference > 0 ? "lenient" : "severe",
    `Rates ${stated}${Number.isFinite(t) ? `, t = ${fmt(t)}` : ""}: review these ratings together.`,
  );
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
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

export function calibrate(matrix: CareerMatrix, scored: PersonReadiness[]): Calibration {
  const levels = byLevel(matrix, scored);
  const totals = emptyCounts();
  for (const l of levels)
    for (const status of Object.keys(totals) as ReadinessStatus[]) totals[status] += l.counts[status];

  const all = measurable(scored);
  // Raters by name ignoring case and spacing, shown as first written; people with no rater only serve as others.
  const groups = new Map<string, { name: string; people: Scored[]; count: number }>();
  for (const s of scored) {
    const key = personKey(s.person.rater);
    if (key === "") continue;
    const group = groups.get(key);
    if (group) group.count++;
    else groups.set(key, { name: s.person.rater.trim(), people: [], count: 1 });
  }
  for (const p of all) groups.get(p.rater)?.people.push(p);
  const everyone = momentsOf(all);

  return {
    byLevel: levels,
    totals,
    raters: [...groups.values()].map((g) => rater(g.name, g.people, everyone, g.count)),
    outliers: outliers(groups),
  };
}
