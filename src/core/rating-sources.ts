/**
 * Who gave a rating (the person themselves, their manager, a peer) and which ratings readiness counts. One rule for
 * the core, the sheets' formulas, the pane and the command line: the manager's rating by default; a framework (or the
 * pane, for the session) may choose the mean of the manager's and the peers' ratings instead.
 */
import type { CompetencyId } from "./framework";
import type { PersonRatings } from "./types";

export type RatingSource = "self" | "manager" | "peer";

/** In the order the Source drop-down offers them. */
export const RATING_SOURCES: readonly RatingSource[] = ["self", "manager", "peer"];

/** A blank Source cell is a manager's rating: sheets written before the Source column keep scoring as they did. */
export const BLANK_SOURCE: RatingSource = "manager";

/** Which ratings readiness counts. */
export type RatingRule = "manager" | "manager-and-peers";

export const RATING_RULES: readonly RatingRule[] = ["manager", "manager-and-peers"];

export const DEFAULT_RATING_RULE: RatingRule = "manager";

/** The sources a rule counts; a person with none of them has no readiness yet. */
export function countedSources(rule: RatingRule): readonly RatingSource[] {
  return rule === "manager" ? ["manager"] : ["manager", "peer"];
}

/**
 * The rule's ratings for one person from all their rows (every row is the same person on the same track): the
 * manager's row as it is under the manager rule; under the mean rule, per competency the mean of the manager's and
 * the peers' ratings given. Undefined when the person has no manager rating: a peer alone does not make a readiness.
 * Track, level, team and specialisation are the manager's row's; `row` points at it.
 */
export function ratingsByRule(rows: PersonRatings[], rule: RatingRule): PersonRatings | undefined {
  const manager = rows.find((r) => r.source === "manager");
  if (!manager) return undefined;
  if (rule === "manager") return manager;
  const counted = rows.filter((r) => r.source === "manager" || r.source === "peer");
  const sums = new Map<CompetencyId, { total: number; count: number }>();
  for (const r of counted)
    for (const [competency, value] of Object.entries(r.ratings) as [CompetencyId, number][]) {
      const sum = sums.get(competency) ?? { total: 0, count: 0 };
      sum.total += value;
      sum.count += 1;
      sums.set(competency, sum);
    }
  const ratings: Partial<Record<CompetencyId, number>> = {};
  for (const [competency, { total, count }] of sums) ratings[competency] = total / count;
  return { ...manager, ratings };
}

/** Self − manager per competency both rated, for one person: positive where they rate themselves higher. */
export interface Disagreement {
  competency: CompetencyId;
  self: number;
  manager: number;
  difference: number;
}

/**
 * Every competency both the person and their manager rated, largest disagreement first (by size, either way; ties
 * keep the order of `competencies`).
 */
export function disagreements(
  self: PersonRatings,
  manager: PersonRatings,
  competencies: readonly CompetencyId[],
): Disagreement[] {
  const found: Disagreement[] = [];
  for (const competency of competencies) {
    const s = self.ratings[competency];
    const m = manager.ratings[competency];
    if (s === undefined || m === undefined) continue;
    found.push({ competency, self: s, manager: m, difference: s - m });
  }
  return found
    .map((d, i) => ({ d, i }))
    .sort((x, y) => Math.abs(y.d.difference) - Math.abs(x.d.difference) || x.i - y.i)
    .map(({ d }) => d);
}
