/**
 * The sheets Score ratings writes, built together because their formulas point at each other: Expectations (the
 * hidden lookup), Readiness, gaps at the current and next level, Team summary and Calibration.
 */
import { calibrate } from "../core/calibration";
import type { CareerMatrix } from "../core/matrix";
import type { Calibration, Cell, PersonReadiness, RatingsColumn } from "../core/types";
import { calibrationSheetSpec, CALIBRATION_KEY, CALIBRATION_NAME } from "../sheets/calibration-sheet";
import {
  competencyHeatmapKey,
  competencyHeatmapName,
  competencyHeatmapSheetSpec,
} from "../sheets/competency-heatmap-sheet";
import {
  EXPECTATIONS_KEY,
  EXPECTATIONS_NAME,
  expectationsSheetSpec,
  LiveFormulas,
  ratingsLayout,
} from "../sheets/expectations-sheet";
import { READINESS_KEY, READINESS_NAME, readinessSheetSpec } from "../sheets/readiness-sheet";
import type { SheetSpec } from "../sheets/spec";
import { TEAM_SUMMARY_KEY, TEAM_SUMMARY_NAME, teamSummarySheetSpec } from "../sheets/team-summary-sheet";

/** Keys of the sheets Score ratings owns, with their default tab names. */
export const SCORING_SHEETS: { key: string; name: string }[] = [
  { key: EXPECTATIONS_KEY, name: EXPECTATIONS_NAME },
  { key: READINESS_KEY, name: READINESS_NAME },
  { key: competencyHeatmapKey("current"), name: competencyHeatmapName("current") },
  { key: competencyHeatmapKey("next"), name: competencyHeatmapName("next") },
  { key: TEAM_SUMMARY_KEY, name: TEAM_SUMMARY_NAME },
  { key: CALIBRATION_KEY, name: CALIBRATION_NAME },
];

export interface ScoringInput {
  matrix: CareerMatrix;
  scored: PersonReadiness[];
  /** The Ratings sheet as written: its tab name, values and competency columns. */
  ratingsSheet: string;
  ratingsValues: Cell[][];
  columns: RatingsColumn[];
  /** Tab name of each scoring sheet, by key (the user may have renamed them). */
  nameOf: (key: string) => string;
}

export function scoringSheetSpecs(input: ScoringInput): { specs: SheetSpec[]; calibration: Calibration } {
  const { matrix, scored, nameOf } = input;
  const layout = ratingsLayout(input.ratingsSheet, input.ratingsValues, input.columns);
  const expectations = expectationsSheetSpec(matrix, layout, nameOf(EXPECTATIONS_KEY));
  const live = new LiveFormulas(layout, expectations.layout);
  const calibration = calibrate(matrix, scored);
  const specs = [
    expectations.spec,
    readinessSheetSpec(matrix, scored, live, nameOf(READINESS_KEY)),
    competencyHeatmapSheetSpec(matrix, scored, "current", live, nameOf(competencyHeatmapKey("current"))),
    competencyHeatmapSheetSpec(matrix, scored, "next", live, nameOf(competencyHeatmapKey("next"))),
    teamSummarySheetSpec(
      matrix,
      scored,
      { readiness: nameOf(READINESS_KEY), currentGaps: nameOf(competencyHeatmapKey("current")) },
      nameOf(TEAM_SUMMARY_KEY),
    ),
    calibrationSheetSpec(matrix, calibration, nameOf(CALIBRATION_KEY)),
  ];
  return { specs, calibration };
}
