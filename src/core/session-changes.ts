/**
 * What a calibration session changed: the ratings as they were at the start (the baseline) against the ratings as
 * they are now. People are matched by name as the Ratings sheet matches them (case and spacing ignored).
 */
import type { CompetencyId } from "./framework";
import type { CareerMatrix } from "./matrix";
import { personKey } from "./names";
import { scoreTeam } from "./readiness";
import type { PersonRatings, PersonReadiness, ReadinessStatus } from "./types";

export interface RatingChange {
  person: string;
  competency: CompetencyId;
  /** null = not rated. */
  before: number | null;
  after: number | null;
}

export interface StatusChange {
  person: string;
  rater: string;
  level: string;
  current: { before: ReadinessStatus; after: ReadinessStatus } | null;
  next: { level: string; before: ReadinessStatus; after: ReadinessStatus } | null;
}

export interface RaterChange {
  rater: string;
  /** Ratings given both before and after. */
  ratings: number;
  changed: number;
  /** Mean of (after − before) over those ratings. */
  meanChange: number;
}

export interface SessionChanges {
  ratings: RatingChange[];
  /** People whose status at their current or next level changed. */
  statuses: StatusChange[];
  raters: RaterChange[];
  /** In the ratings now but not in the baseline, and the other way round. */
  added: string[];
  removed: string[];
}

function status(s: PersonReadiness, which: "current" | "next"): ReadinessStatus | undefined {
  return s[which]?.status;
}

export function sessionChanges(
  matrix: CareerMatrix,
  baseline: PersonRatings[],
  now: PersonRatings[],
): SessionChanges {
  const before = new Map(baseline.map((p) => [personKey(p.person), p]));
  const after = new Map(now.map((p) => [personKey(p.person), p]));
  const pairs = now.flatMap((p) => {
    const b = before.get(personKey(p.person));
    return b ? [{ before: b, after: p }] : [];
  });
  const scoredBefore = scoreTeam(
    matrix,
    pairs.map((p) => p.before),
  );
  const scoredAfter = scoreTeam(
    matrix,
    pairs.map((p) => p.after),
  );

  const ratings: RatingChange[] = [];
  const statuses: StatusChange[] = [];
  const byRater = new Map<string, RaterChange & { sum: number }>();
  pairs.forEach((pair, i) => {
    const competencies = new Set([...Object.keys(pair.before.ratings), ...Object.keys(pair.after.ratings)]);
    const rater = pair.after.rater.trim();
    let entry = byRater.get(personKey(rater));
    if (!entry)
      byRater.set(personKey(rater), (entry = { rater, ratings: 0, changed: 0, meanChange: 0, sum: 0 }));
    for (const competency of competencies) {
      const b = pair.before.ratings[competency] ?? null;
      const a = pair.after.ratings[competency] ?? null;
      if (b !== null && a !== null) {
        entry.ratings++;
        entry.sum += a - b;
        if (a !== b) entry.changed++;
      }
      if (a !== b) ratings.push({ person: pair.after.person, competency, before: b, after: a });
    }
    const was = scoredBefore[i];
    const is = scoredAfter[i];
    const current =
      pair.before.level === pair.after.level ? [status(was, "current"), status(is, "current")] : [];
    const next = pair.before.level === pair.after.level ? [status(was, "next"), status(is, "next")] : [];
    const currentChanged = current.length === 2 && current[0] !== current[1];
    const nextChanged = next.length === 2 && next[0] !== next[1];
    if (currentChanged || nextChanged || pair.before.level !== pair.after.level) {
      statuses.push({
        person: pair.after.person,
        rater,
        level: pair.after.level,
        current:
          current[0] && current[1] && pair.before.level === pair.after.level
            ? { before: current[0], after: current[1] }
            : null,
        next:
          is.next && next[0] && next[1] ? { level: is.next.level, before: next[0], after: next[1] } : null,
      });
    }
  });

  return {
    ratings,
    statuses,
    raters: [...byRater.values()]
      .filter((r) => r.ratings > 0)
      .map(({ sum, ...r }) => ({ ...r, meanChange: sum / r.ratings })),
    added: now.filter((p) => !before.has(personKey(p.person))).map((p) => p.person),
    removed: baseline.filter((p) => !after.has(personKey(p.person))).map((p) => p.person),
  };
}
