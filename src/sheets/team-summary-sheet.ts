/**
 * Team summary: one row per team, how many people and their next-level statuses, then the team's mean gap per
 * competency at the current level. Values as scored: a summary formula over the heatmap sheets would refer to
 * sheets replaced in the same write (and end as #REF!), so this sheet is refreshed by scoring, not live.
 */
import { DEFAULT_RATING_RULE } from "../core/rating-sources";
import { ratingRuleNote } from "../core/vocabulary";
import { competencyHeatmap, teamHeatmap } from "../core/heatmaps";
import type { CareerMatrix } from "../core/matrix";
import type { Cell, PersonReadiness, ReadinessStatus } from "../core/types";
import { rangeA1 } from "./a1";
import { gapScale, HEADER, NOTE, TITLE } from "./palette";
import type { SheetSpec } from "./spec";
import {
  columnHeader,
  competencyLabels,
  FULL_NAME_ROW_HEIGHT,
  FULL_NAME_STYLE,
  LABEL_ROW_HEIGHT,
} from "./competency-labels";
import { STATUS_LABEL, STATUS_ORDER } from "./status";

export const TEAM_SUMMARY_KEY = "team-summary";
export const TEAM_SUMMARY_NAME = "Team summary";
const HEADER_ROW = 3;
/** Full competency names under the short-label headers; teams start below. */
const NAMES_ROW = HEADER_ROW + 1;

export function teamSummarySheetSpec(
  matrix: CareerMatrix,
  scored: PersonReadiness[],
  name = TEAM_SUMMARY_NAME,
): SheetSpec {
  const teams = teamHeatmap(matrix, scored, "current");
  const competencies = competencyHeatmap(matrix, scored, "current").columns;
  const firstGap = 2 + STATUS_ORDER.length;
  const lastColumn = firstGap + competencies.length - 1;
  const labels = competencyLabels(matrix);

  const cells: Cell[][] = [
    ["Team summary"],
    [
      "People by next-level status, and each team's mean gap at the current level. As scored: score again after changes. " +
        ratingRuleNote(DEFAULT_RATING_RULE),
    ],
    [],
    [
      "Team",
      "People",
      ...STATUS_ORDER.map((s) => STATUS_LABEL[s]),
      ...competencies.map((c) => columnHeader(labels, c)),
    ],
    [...new Array<Cell>(firstGap).fill(null), ...competencies.map((c) => c.label)],
  ];
  teams.rows.forEach((team, t) => {
    const members = scored.filter((s) => s.person.team === team.key);
    const count = (status: ReadinessStatus): number =>
      members.filter((s) => s.next?.status === status).length;
    cells.push([team.label, members.length, ...STATUS_ORDER.map(count), ...teams.values[t]]);
  });

  const firstRow = NAMES_ROW + 1;
  const lastRow = Math.max(firstRow, NAMES_ROW + teams.rows.length);
  const gapRange = rangeA1(firstRow, firstGap, lastRow, Math.max(lastColumn, firstGap));
  return {
    name,
    kind: "team-summary",
    key: TEAM_SUMMARY_KEY,
    cells,
    styles: [
      { range: "A1", style: TITLE },
      { range: "A2", style: NOTE },
      { range: rangeA1(HEADER_ROW, 0, HEADER_ROW, Math.max(lastColumn, firstGap - 1)), style: HEADER },
      { range: rangeA1(NAMES_ROW, 0, NAMES_ROW, Math.max(lastColumn, firstGap - 1)), style: FULL_NAME_STYLE },
      { range: rangeA1(firstRow, 1, lastRow, firstGap - 1), style: { horizontal: "center" } },
      { range: gapRange, style: { numberFormat: "+0.0;-0.0;0", horizontal: "center" } },
    ],
    columnWidths: [22, 9, 9, 9, 9, 12, ...competencies.map(() => 11)],
    rowHeights: { [HEADER_ROW]: LABEL_ROW_HEIGHT, [NAMES_ROW]: FULL_NAME_ROW_HEIGHT },
    freeze: { rows: NAMES_ROW + 1, columns: 1 },
    conditionalFormats: [{ kind: "colorScale", range: gapRange, ...gapScale(2) }],
    tabColor: "#7030A0",
  };
}
