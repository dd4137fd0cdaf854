/**
 * The words the add-in shows a manager, in one place: the task pane, the sheets and the command line all take them
 * from here, so a status, a level or a rater flag reads the same wherever it appears. The README's glossary explains
 * each of them.
 */
import type { RatingRule, RatingSource } from "./rating-sources";
import type { RaterCalibration, ReadinessStatus } from "./types";

type RaterFlag = NonNullable<RaterCalibration["flag"]>;

/** A readiness status as it reads on a badge, in a sheet cell (and the live formulas that write it) and in a table. */
export const STATUS_WORD: Readonly<Record<ReadinessStatus, string>> = {
  ready: "Ready",
  almost: "Almost",
  "not-yet": "Not yet",
  insufficient: "Insufficient data",
};

/** Said instead of a readiness for a person who has ratings but none from their manager: not a readiness of 0. */
export const NO_MANAGER_RATING = "No manager rating yet";

/** Who gave a rating, as the Ratings sheet's Source column and its drop-down spell it. */
export const SOURCE_WORD: Readonly<Record<RatingSource, string>> = {
  self: "Self",
  manager: "Manager",
  peer: "Peer",
};

/** Which ratings readiness counts, as every sheet that uses it states it. */
export const RATING_RULE_WORD: Readonly<Record<RatingRule, string>> = {
  manager: "the manager's rating",
  "manager-and-peers": "the mean of the manager's and the peers' ratings",
};

/** The sentence every sheet and result that shows a readiness carries. */
export function ratingRuleNote(rule: RatingRule): string {
  return `Readiness counts ${RATING_RULE_WORD[rule]}; self ratings are compared on the Agreement sheet.`;
}

/** Best first; Insufficient data last, since it is not a judgement. */
export const STATUS_ORDER: readonly ReadinessStatus[] = ["ready", "almost", "not-yet", "insufficient"];

/**
 * The two levels a readiness is about. "Ready" at the current level means the person meets the level they are at;
 * "Ready" for the next level means they meet the one above. Every count says which one it is about.
 */
export type LevelScope = "current" | "next";

export const LEVEL_WORD: Readonly<Record<LevelScope, string>> = {
  current: "current level",
  next: "next level",
};

/** "Ready for the next level", "Almost at the current level": a status with the level it is about. */
export function statusFor(status: ReadinessStatus, scope: LevelScope): string {
  return `${STATUS_WORD[status]} ${scope === "current" ? "at" : "for"} the ${LEVEL_WORD[scope]}`;
}

/** How a count of people by status is titled. */
export function readinessTitle(scope: LevelScope): string {
  return scope === "current"
    ? `Readiness at the ${LEVEL_WORD.current}`
    : `Readiness for the ${LEVEL_WORD.next}`;
}

/**
 * An expectation is a level's demand on a competency: a value on the rating scale and a sentence saying what is
 * expected. The sentence is called the expectation wherever a manager reads it; the number is its value.
 */
export const EXPECTATION_WORD = { value: "Value", text: "Expectation" } as const;

/** Raters whose ratings run above or below the others' for comparable people, in plain words. */
export const RATER_FLAG_WORD: Readonly<Record<RaterFlag, string>> = {
  lenient: "Rates high",
  severe: "Rates low",
};

/** The actions, named as their buttons and the sheets' notes name them. */
export const ACTION_WORD = {
  buildMatrix: "Build the matrix",
  createRatings: "Create the Ratings sheet",
  score: "Score ratings",
  calibrate: "Calibrate",
} as const;

/**
 * Words the add-in used to show and no longer does, each with the word that replaced it. A test fails when one comes
 * back into what the pane, the sheets or the command line show.
 */
export const RETIRED_WORDS: Readonly<Record<string, string>> = {
  Lenient: RATER_FLAG_WORD.lenient,
  Severe: RATER_FLAG_WORD.severe,
  descriptor: EXPECTATION_WORD.text,
  "Live over the Ratings sheet": "Updates as ratings are typed",
  "Score and write heatmaps": ACTION_WORD.score,
};

/**
 * A p-value in words a manager can weigh, the number kept beside them: "about 1 in 80 that chance alone explains it
 * (p = 0.012)".
 */
export function chanceInWords(p: number): string {
  if (p < 0.001) return "less than 1 in 1,000 that chance alone explains it (p < 0.001)";
  if (p >= 0.5) return `chance alone could well explain it (p = ${p.toFixed(2)})`;
  const odds = Math.max(1, Math.round(1 / p));
  return `about 1 in ${odds.toLocaleString("en-US")} that chance alone explains it (p = ${p.toFixed(p < 0.1 ? 3 : 2)})`;
}

/** A standard error in words: "give or take 0.12". */
export function giveOrTake(standardError: string): string {
  return `give or take ${standardError}`;
}
