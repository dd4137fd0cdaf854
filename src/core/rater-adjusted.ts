/**
 * Rater-adjusted readiness: readiness as it would be if each flagged rater rated like the mean rater. It is shown
 * beside the raw readiness, never in its place: the ratings stay what the raters gave.
 *
 * A rating by a flagged rater is moved by the rater's effect and put on the nearest point of the scale (a rater
 * 0.7 points lenient: each of their ratings one point lower, within the scale; a tie keeps the rating). Ratings by
 * raters who are not flagged stay as they are: an effect that is small or uncertain is not corrected.
 */
import type { ScalePoint } from "./framework";
import type { CareerMatrix } from "./matrix";
import type { RaterModel } from "./rater-model";
import { scoreTeam } from "./readiness";
import type {
  AdjustedReadiness,
  LevelReadiness,
  PersonRatings,
  PersonReadiness,
  ReadinessPair,
} from "./types";

/** The scale point nearest to `value`; on a tie, the one nearer the rating as given. */
export function nearestPoint(scale: ScalePoint[], value: number, given: number): number {
  let best = given;
  let distance = Math.abs(value - given);
  for (const point of scale) {
    const d = Math.abs(value - point.value);
    if (d < distance - 1e-9) {
      best = point.value;
      distance = d;
    }
  }
  return best;
}

/** A person's ratings as the mean rater would give them, per the model's flagged effect of their rater. */
export function adjustRatings(matrix: CareerMatrix, person: PersonRatings, effect: number): PersonRatings {
  const ratings: PersonRatings["ratings"] = {};
  for (const [competency, rating] of Object.entries(person.ratings)) {
    if (typeof rating === "number") ratings[competency] = nearestPoint(matrix.scale, rating - effect, rating);
  }
  return { ...person, ratings };
}

function pair(
  raw: LevelReadiness | undefined,
  adjusted: LevelReadiness | undefined,
): ReadinessPair | undefined {
  if (!raw || !adjusted) return undefined;
  return {
    level: raw.level,
    raw: { readiness: raw.readiness, status: raw.status },
    adjusted: { readiness: adjusted.readiness, status: adjusted.status },
  };
}

/** Raw and adjusted readiness of every person rated by a flagged rater, in the order given. */
export function raterAdjustedReadiness(
  matrix: CareerMatrix,
  scored: PersonReadiness[],
  model: RaterModel,
): AdjustedReadiness[] {
  const affected = scored.filter((s) => model.flaggedEffect(s.person.rater) !== 0);
  const rescored = scoreTeam(
    matrix,
    affected.map((s) => adjustRatings(matrix, s.person, model.flaggedEffect(s.person.rater))),
  );
  return affected.map((s, i) => {
    const adjusted = rescored[i];
    const current = pair(s.current, adjusted.current);
    const next = pair(s.next, adjusted.next);
    const result: AdjustedReadiness = {
      person: s.person.person,
      rater: s.person.rater,
      effect: model.flaggedEffect(s.person.rater),
      statusChanged:
        (current !== undefined && current.raw.status !== current.adjusted.status) ||
        (next !== undefined && next.raw.status !== next.adjusted.status),
    };
    if (current) result.current = current;
    if (next) result.next = next;
    return result;
  });
}
