/**
 * Competency columns are narrow: their header shows the competency's short label, with the full name in the row
 * below. One rule for every sheet with a column per competency.
 */
import type { CompetencyId } from "../core/framework";
import type { CareerMatrix } from "../core/matrix";
import { NOTE } from "./palette";
import type { CellStyle } from "./spec";

/** The short label of each competency that has one, from the first track that gives it. */
export function competencyLabels(matrix: CareerMatrix): Map<CompetencyId, string> {
  const labels = new Map<CompetencyId, string>();
  for (const track of matrix.tracks)
    for (const competency of track.competencies)
      if (competency.label && !labels.has(competency.id)) labels.set(competency.id, competency.label);
  return labels;
}

/** The header of a competency column: its short label, or its name when it has none. */
export function columnHeader(
  labels: Map<CompetencyId, string>,
  column: { key: string; label: string },
): string {
  return labels.get(column.key) ?? column.label;
}

/** The row of full names under the headers. */
export const FULL_NAME_STYLE: CellStyle = { ...NOTE, wrap: true, vertical: "top", horizontal: "center" };
/** Header and full-name row heights in points: one line of label, up to four lines of name. */
export const LABEL_ROW_HEIGHT = 30;
export const FULL_NAME_ROW_HEIGHT = 54;
