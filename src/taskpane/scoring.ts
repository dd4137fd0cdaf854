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
}
