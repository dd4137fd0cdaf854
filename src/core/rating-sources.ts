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

/** A person's self − manager differences, as the Agreement sheet shows them. */
export interface PersonAgreement {
  /** The manager's row (track, level, team); the person's self row is `self`. */
  manager: PersonRatings;
  self: PersonRatings;
  /** Per competency both rated: self − manager. */
  differences: Partial<Record<CompetencyId, number>>;
  /**
   * The largest difference either way, undefined when they agree everywhere: where a +d and a −d tie, the +d (the
   * person rates themselves higher); where competencies tie, the first in `competencies` order. The sheet's formula
   * picks the same one.
   */
  largest?: { competency: CompetencyId; difference: number };
  /** Competencies where they are `apart` points or more apart, either way. */
  farApart: number;
  /** Every difference, largest first (see `disagreements`). */
  ranked: Disagreement[];
}

/** Two ratings this far apart or more count as far apart on the Agreement sheet. */
export const FAR_APART = 2;

/**
 * Self − manager for each person with both a self row and a manager row (the first of each, as the sheets' formulas
 * find them), people in the order of `people`.
 */
export function agreementTable(
  people: PersonRatings[],
  rows: PersonRatings[],
  competencies: readonly CompetencyId[],
  samePerson: (a: PersonRatings, b: PersonRatings) => boolean,
): PersonAgreement[] {
  const table: PersonAgreement[] = [];
  for (const manager of people) {
    const self = rows.find((r) => r.source === "self" && samePerson(r, manager));
    if (!self) continue;
    const ranked = disagreements(self, manager, competencies);
    const differences: Partial<Record<CompetencyId, number>> = {};
    for (const d of ranked) differences[d.competency] = d.difference;
    const values = ranked.map((d) => d.difference);
    const most = values.length === 0 ? 0 : Math.max(...values);
    const least = values.length === 0 ? 0 : Math.min(...values);
    const value = most >= -least ? most : least;
    const entry: PersonAgreement = {
      manager,
      self,
      differences,
      farApart: values.filter((v) => Math.abs(v) >= FAR_APART).length,
      ranked,
    };
    const at = competencies.find((c) => differences[c] === value);
    if (value !== 0 && at !== undefined) entry.largest = { competency: at, difference: value };
    table.push(entry);
  }
  return table;
}
