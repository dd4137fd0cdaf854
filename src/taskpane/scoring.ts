/** What scoring produced, shared by the Score and Calibration tabs. */
import type { CareerMatrix } from "../core/matrix";
import type { ScoreResult } from "../workbook/commands";

export interface Scoring {
  result: ScoreResult;
  /** The matrix as the workbook had it when scored (edits included), to name levels and competencies. */
  matrix: CareerMatrix;
  /** When the scores were computed, so a result never passes for newer than it is. */
  computedAt: Date;
  /** Scored by the user's action just now, or read again from the sheets as they stand. */
  origin: "scored" | "read";
}
