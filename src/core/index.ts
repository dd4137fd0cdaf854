/** The domain core: one import for sheets, hosts, the task pane and the CLI. */
export type * from "./framework";
export type * from "./matrix";
export type * from "./types";

export { cellRef, columnIndex, columnLetter, parseA1, parseRange, rangeRef } from "./a1";
export type { CellAddress, RangeAddress } from "./a1";
export {
  careerMatrixFromFramework,
  competencyWeights,
  findCompetency,
  findLevel,
  findTrack,
  nextLevel,
} from "./career-matrix";
export { readRatings } from "./ratings";
export type { ReadRatingsOptions } from "./ratings";
export { scaleReader } from "./scale";
export type { ParsedRating, ScaleReader } from "./scale";
export { readinessStatus, scorePerson, scoreTeam } from "./readiness";
export {
  NO_TEAM,
  areaHeatmap,
  competencyHeatmap,
  readinessHeatmap,
  teamAreaHeatmap,
  teamHeatmap,
} from "./heatmaps";
export type { GapAgainst } from "./heatmaps";
export { OUTLIER_DIFFERENCE, calibrate } from "./calibration";
export type { CalibrateOptions } from "./calibration";
export { MIN_EFFECT, MIN_PEOPLE, SIGNIFICANCE, fitRaterModel } from "./rater-model";
export type { RaterEffect, RaterModel } from "./rater-model";
export { adjustRatings, raterAdjustedReadiness } from "./rater-adjusted";
export { compareLevels } from "./comparison";
export type { LevelRef } from "./comparison";
export { nameKey, personKey } from "./names";
export { FrameworkError, loadFramework } from "./load-framework";
