/**
 * The sheets Score ratings writes: Readiness and the gaps at the current and next level (live formulas over the
 * Ratings sheet), Team summary and Calibration (values as scored), and the 9-box with the status distributions (live).
 */
import { calibrate } from "../core/calibration";
import type { CareerMatrix } from "../core/matrix";
import type { Calibration, Cell, PersonRatings, PersonReadiness, RatingsColumn } from "../core/types";
import { AGREEMENT_KEY, AGREEMENT_NAME, agreementSheetSpec } from "../sheets/agreement-sheet";
import { CALIBRATION_KEY, CALIBRATION_NAME, calibrationSheetSpec } from "../sheets/calibration-sheet";
import {
  competencyHeatmapKey,
  competencyHeatmapName,
  competencyHeatmapSheetSpec,
} from "../sheets/competency-heatmap-sheet";
import { LiveFormulas, ratingsLayout } from "../sheets/live-formulas";
import {
  NINE_BOX_KEY,
  NINE_BOX_NAME,
  nineBoxSheetSpec,
  type SessionSettings,
} from "../sheets/nine-box-sheet";
import { READINESS_KEY, READINESS_NAME, readinessSheetSpec } from "../sheets/readiness-sheet";
import type { SheetSpec } from "../sheets/spec";
import { TEAM_SUMMARY_KEY, TEAM_SUMMARY_NAME, teamSummarySheetSpec } from "../sheets/team-summary-sheet";

/** Keys of the sheets Score ratings owns, with their default tab names. */
export const SCORING_SHEETS: { key: string; name: string }[] = [
  { key: READINESS_KEY, name: READINESS_NAME },
  { key: AGREEMENT_KEY, name: AGREEMENT_NAME },
  { key: competencyHeatmapKey("current"), name: competencyHeatmapName("current") },
  { key: competencyHeatmapKey("next"), name: competencyHeatmapName("next") },
  { key: TEAM_SUMMARY_KEY, name: TEAM_SUMMARY_NAME },
  { key: CALIBRATION_KEY, name: CALIBRATION_NAME },
  { key: NINE_BOX_KEY, name: NINE_BOX_NAME },
];

/** The default tab name of a scoring sheet. */
export function scoringSheetName(key: string): string {
  return SCORING_SHEETS.find((s) => s.key === key)?.name ?? key;
}

export interface ScoringInput {
  matrix: CareerMatrix;
  scored: PersonReadiness[];
  /** People with ratings but none from their manager (listed on Readiness as such). */
  awaiting?: PersonRatings[];
  /** Every row read, each with its source (self rows for the Agreement sheet). */
  sourceRows?: PersonRatings[];
  /** The Ratings sheet as it is in the workbook: its tab name, values and competency columns. */
  ratingsSheet: string;
  ratingsValues: Cell[][];
  columns: RatingsColumn[];
  /** Tab name of each scoring sheet, by key (the user may have renamed them). */
  nameOf: (key: string) => string;
  /** The session's thresholds and guideline for the 9-box and distributions; the framework's when absent. */
  session?: SessionSettings;
}

export function scoringSheetSpecs(input: ScoringInput): { specs: SheetSpec[]; calibration: Calibration } {
  const { matrix, scored, nameOf } = input;
  const live = new LiveFormulas(
    matrix,
    ratingsLayout(input.ratingsSheet, input.ratingsValues, input.columns),
  );
  const calibration = calibrate(matrix, scored);
  const specs = [
    readinessSheetSpec(matrix, scored, live, nameOf(READINESS_KEY), input.awaiting ?? []),
    agreementSheetSpec(
      matrix,
      scored.map((s) => s.person),
      input.sourceRows ?? [],
      live,
      nameOf(AGREEMENT_KEY),
    ),
    competencyHeatmapSheetSpec(matrix, scored, "current", live, nameOf(competencyHeatmapKey("current"))),
    competencyHeatmapSheetSpec(matrix, scored, "next", live, nameOf(competencyHeatmapKey("next"))),
    teamSummarySheetSpec(matrix, scored, nameOf(TEAM_SUMMARY_KEY)),
    calibrationSheetSpec(matrix, calibration, nameOf(CALIBRATION_KEY)),
    nineBoxSheetSpec(
      matrix,
      scored,
      live,
      input.session ?? { ready: matrix.scoring.ready, almost: matrix.scoring.almost, guideline: null },
      nameOf(NINE_BOX_KEY),
    ),
  ];
  return { specs, calibration };
}
