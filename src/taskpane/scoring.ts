/** What scoring produced, shared by the Score and Calibration tabs. */
import type { Framework } from "../core/framework";
import type { CareerMatrix } from "../core/matrix";
import type { ScoreResult } from "../workbook/commands";

export interface Scoring {
  result: ScoreResult;
  /** The matrix as the workbook had it when scored (edits included), to name levels and competencies. */
  matrix: CareerMatrix;
  /** The framework it was scored with: once another is chosen, the Score tab scores again. */
  framework: Framework;
  /** When the scores were computed, so a result never passes for newer than it is. */
  computedAt: Date;
  /** Scored by the user's action just now, or read again from the sheets as they stand. */
  origin: "scored" | "read";
}
