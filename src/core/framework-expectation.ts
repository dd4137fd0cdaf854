/** What a competency expects at a level on one track: the track's override if it has one, else the shared one. */
import type { Competency, Expectation, LevelId, TrackId } from "./framework";

export function expectationOn(
  competency: Competency,
  trackId: TrackId,
  levelId: LevelId,
): Expectation | undefined {
  const override = competency.overrides?.[trackId];
  if (override !== undefined && Object.prototype.hasOwnProperty.call(override, levelId)) {
    return override[levelId] ?? undefined;
  }
  return Object.prototype.hasOwnProperty.call(competency.expectations, levelId)
    ? (competency.expectations[levelId] ?? undefined)
    : undefined;
}
