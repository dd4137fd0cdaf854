/**
 * Team summary: one row per team, how many people and their next-level statuses (COUNTIFS over the Readiness sheet),
 * then the team's mean gap per competency at the current level (AVERAGEIF over the current-level gaps sheet), so it
 * follows the ratings live like the heatmaps it summarises.
 */
import { competencyHeatmap, teamHeatmap } from "../core/heatmaps";
import type { CareerMatrix } from "../core/matrix";
import type { PersonReadiness, ReadinessStatus } from "../core/types";
import { columnLetter, rangeA1, sheetRef } from "./a1";
import { COMPETENCY_HEATMAP_FIELDS } from "./competency-heatmap-sheet";
import { gapScale, HEADER, NOTE, TITLE } from "./palette";
import type { SheetSpec, SpecCell } from "./spec";
import { STATUS_LABEL, STATUS_ORDER } from "./status";

export const TEAM_SUMMARY_KEY = "team-summary";
export const TEAM_SUMMARY_NAME = "Team summary";
const HEADER_ROW = 3;

export interface SummarySources {
  /** Tab name of the Readiness sheet: Team in column B, next-level Status in column H. */
  readiness: string;
  /** Tab name of the current-level gaps sheet: Team in column B, competencies from column E. */
  currentGaps: string;
}

export function teamSummarySheetSpec(
  matrix: CareerMatrix,
  scored: PersonReadiness[],
  sources: SummarySources,
  name = TEAM_SUMMARY_NAME,
): SheetSpec {
  const teams = teamHeatmap(matrix, scored, "current");
  const competencies = competencyHeatmap(matrix, scored, "current").columns;
  const readiness = sheetRef(sources.readiness);
  const gaps = sheetRef(sources.currentGaps);
  const firstGap = 2 + STATUS_ORDER.length;
  const lastColumn = firstGap + competencies.length - 1;

  const cells: SpecCell[][] = [
    ["Team summary"],
    ["People by next-level status, and each team's mean gap at the current level; live like the heatmaps."],
    [],
    ["Team", "People", ...STATUS_ORDER.map((s) => STATUS_LABEL[s]), ...competencies.map((c) => c.label)],
  ];
  teams.rows.forEach((team, t) => {
    const row = HEADER_ROW + 2 + t;
    const members = scored.filter((s) => s.person.team === team.key);
    const count = (status: ReadinessStatus): number =>
      members.filter((s) => s.next?.status === status).length;
    cells.push([
      team.label,
      { f: `=COUNTIF(${readiness}$B:$B,$A${row})`, v: members.length },
      ...STATUS_ORDER.map((status): SpecCell => ({
        f: `=COUNTIFS(${readiness}$B:$B,$A${row},${readiness}$H:$H,"${STATUS_LABEL[status]}")`,
        v: count(status),
      })),
      ...competencies.map((_, k): SpecCell => {
        const column = columnLetter(COMPETENCY_HEATMAP_FIELDS.length + k);
        return {
          f: `=IFERROR(AVERAGEIF(${gaps}$B:$B,$A${row},${gaps}$${column}:$${column}),"")`,
          v: teams.values[t][k] ?? "",
        };
      }),
    ]);
  });

  const firstRow = HEADER_ROW + 1;
  const lastRow = Math.max(firstRow, HEADER_ROW + teams.rows.length);
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
      { range: rangeA1(firstRow, 1, lastRow, firstGap - 1), style: { horizontal: "center" } },
      { range: gapRange, style: { numberFormat: "+0.0;-0.0;0", horizontal: "center" } },
    ],
    columnWidths: [22, 9, 9, 9, 9, 12, ...competencies.map(() => 11)],
    rowHeights: { [HEADER_ROW]: 60 },
    freeze: { rows: HEADER_ROW + 1, columns: 1 },
    conditionalFormats: [{ kind: "colorScale", range: gapRange, ...gapScale(2) }],
    tabColor: "#7030A0",
  };
}
