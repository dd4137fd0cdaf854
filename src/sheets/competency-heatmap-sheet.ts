/**
 * Competency heatmap: people x competencies, each cell the gap (rating − expectation) against the person's current or
 * next level as a live formula over the Ratings sheet, coloured on a diverging scale centred at 0, with a mean gap per
 * area at the end of the row. The expectations the formulas use sit in a block below the people.
 */
import { DEFAULT_RATING_RULE } from "../core/rating-sources";
import { ratingRuleNote } from "../core/vocabulary";
import { areaHeatmap, competencyHeatmap, type GapAgainst, NO_TEAM } from "../core/heatmaps";
import type { CareerMatrix } from "../core/matrix";
import type { PersonReadiness } from "../core/types";
import { columnLetter, rangeA1 } from "./a1";
import { legalSheetName } from "./sheet-names";
import {
  columnHeader,
  competencyLabels,
  FULL_NAME_ROW_HEIGHT,
  FULL_NAME_STYLE,
  LABEL_ROW_HEIGHT,
} from "./competency-labels";
import {
  blockStyles,
  COLUMNS_CHECK_CELL,
  COLUMNS_CHECK_STYLE,
  type LiveFormulas,
  personExpectationsKey,
} from "./live-formulas";
import { gapScale, GROUP, HEADER, HELPER, NOTE, TITLE } from "./palette";
import { rowFormula, type SheetSpec, type SpecCell, type StyledRange } from "./spec";

export const COMPETENCY_HEATMAP_FIELDS = ["Person", "Team", "Track", "Level"] as const;
const HEADER_ROW = 3;
/** The row under the short labels holds each competency's full name; people start below it. */
const NAMES_ROW = HEADER_ROW + 1;
const FIRST_PERSON = NAMES_ROW + 1;
const FIRST_COMPETENCY = COMPETENCY_HEATMAP_FIELDS.length;

export function competencyHeatmapKey(against: GapAgainst): string {
  return `competency-heatmap:${against}`;
}

export function competencyHeatmapName(against: GapAgainst): string {
  return legalSheetName(against === "current" ? "Gaps at current level" : "Gaps at next level");
}

export function competencyHeatmapSheetSpec(
  matrix: CareerMatrix,
  scored: PersonReadiness[],
  against: GapAgainst,
  live: LiveFormulas,
  name = competencyHeatmapName(against),
): SheetSpec {
  const heatmap = competencyHeatmap(matrix, scored, against);
  const areas = areaHeatmap(matrix, scored, against);
  const competencies = heatmap.columns;
  const labels = competencyLabels(matrix);
  const firstArea = FIRST_COMPETENCY + competencies.length;
  const keyColumn = firstArea + areas.columns.length;
  const positionColumn = keyColumn + 1;
  const helper = positionColumn + 1;
  const block = live.expectationsBlock(
    scored.map((s) => s.person.track),
    FIRST_PERSON + Math.max(1, scored.length) + 2,
  );
  const ratingsColumn = new Map(live.ratings.columns.map((c) => [c.competency, c.column]));
  // Competency columns of each area, contiguous because the heatmap groups them by area.
  const areaSpan = areas.columns.map((area) => {
    const inArea = competencies
      .map((c, i) => (c.group === area.label ? FIRST_COMPETENCY + i : -1))
      .filter((i) => i >= 0);
    return inArea.length > 0
      ? `${columnLetter(inArea[0])}%:${columnLetter(inArea[inArea.length - 1])}%`
      : null;
  });

  const groupRow: SpecCell[] = new Array(helper + 1).fill(null);
  groupRow[0] = block.columnsCheck;
  const merges: string[] = [];
  const styles: StyledRange[] = [
    { range: "A1", style: TITLE },
    { range: "A2", style: NOTE },
    { range: COLUMNS_CHECK_CELL, style: COLUMNS_CHECK_STYLE },
  ];
  competencies.forEach((c, i) => {
    if (i > 0 && competencies[i - 1].group === c.group) return;
    let last = i;
    while (last + 1 < competencies.length && competencies[last + 1].group === c.group) last++;
    groupRow[FIRST_COMPETENCY + i] = c.group ?? null;
    if (last > i)
      merges.push(rangeA1(HEADER_ROW - 1, FIRST_COMPETENCY + i, HEADER_ROW - 1, FIRST_COMPETENCY + last));
  });
  if (areas.columns.length > 0) {
    groupRow[firstArea] = "Mean gap by area";
    if (areas.columns.length > 1)
      merges.push(rangeA1(HEADER_ROW - 1, firstArea, HEADER_ROW - 1, keyColumn - 1));
  }

  const cells: SpecCell[][] = [
    [heatmap.title],
    [
      `Rating − expectation at each person's ${against} level, live over the Ratings sheet: ` +
        "below 0 (red) falls short, 0 meets, above 0 (blue) exceeds. Blank: not assessed or not expected. " +
        ratingRuleNote(DEFAULT_RATING_RULE),
    ],
    groupRow,
    [
      ...COMPETENCY_HEATMAP_FIELDS.map((f) => (f === "Level" && against === "next" ? "Next level" : f)),
      ...competencies.map((c) => columnHeader(labels, c)),
      ...areas.columns.map((a) => a.label),
      "Expectations key",
      "Expectations row",
      "Ratings row",
    ],
    [null, null, null, null, ...competencies.map((c) => c.label)],
  ];

  // Every column holds the same formula for everyone, made from the row number when a host writes it.
  const ratingsRowCell = (row: number) => `$${columnLetter(helper)}${row}`;
  const positionCell = (row: number) => `$${columnLetter(positionColumn)}${row}`;
  const gapFormulas = competencies.map((c) => {
    const column = ratingsColumn.get(c.key);
    return column === undefined
      ? undefined
      : (row: number) => `=${live.gap(block, ratingsRowCell(row), positionCell(row), column)}`;
  });
  const areaFormulas = areaSpan.map((range) =>
    range === null ? undefined : (row: number) => `=IFERROR(AVERAGE(${range.replace(/%/g, String(row))}),"")`,
  );
  const positionFormula = (row: number) =>
    `=${live.expectationsRow(block, `$${columnLetter(keyColumn)}${row}`)}`;
  const ratingsRowFormula = (row: number) => `=${live.ratingsRow(`$A${row}`)}`;

  scored.forEach((s, i) => {
    const row = FIRST_PERSON + 1 + i;
    const person = s.person;
    const track = matrix.tracks.find((t) => t.id === person.track);
    const target = against === "current" ? s.current : s.next;
    const levelName = target
      ? (track?.levels.find((l) => l.id === target.level)?.name ?? target.level)
      : null;
    const personCell = live.personText(person.row, person.person);
    const key = target ? personExpectationsKey(matrix, person, target.level) : null;

    // Blank where nothing is expected.
    const gapCells: SpecCell[] = gapFormulas.map((formula, k) =>
      formula ? rowFormula(formula, row, heatmap.values[i][k] ?? "") : null,
    );
    const areaCells: SpecCell[] = areaFormulas.map((formula, a) =>
      formula ? rowFormula(formula, row, areas.values[i][a] ?? "") : null,
    );
    cells.push([
      personCell,
      person.team === "" ? NO_TEAM : person.team,
      track?.name ?? person.track,
      levelName,
      ...gapCells,
      ...areaCells,
      key,
      rowFormula(positionFormula, row, (key && block.positionOf(key)) ?? ""),
      rowFormula(ratingsRowFormula, row, live.ratingsRowValue(personCell) ?? ""),
    ]);
  });

  while (cells.length < block.first) cells.push([]);
  cells.push(...block.rows);

  const firstRow = FIRST_PERSON;
  const lastRow = Math.max(firstRow, FIRST_PERSON + scored.length - 1);
  const spread =
    Math.max(1, ...matrix.scale.map((p) => p.value)) - Math.min(0, ...matrix.scale.map((p) => p.value));
  const gapRange = rangeA1(firstRow, FIRST_COMPETENCY, lastRow, Math.max(keyColumn - 1, FIRST_COMPETENCY));
  styles.push(
    { range: rangeA1(HEADER_ROW - 1, FIRST_COMPETENCY, HEADER_ROW - 1, helper), style: GROUP },
    { range: rangeA1(HEADER_ROW, 0, HEADER_ROW, helper), style: HEADER },
    {
      range: rangeA1(NAMES_ROW, 0, NAMES_ROW, helper),
      style: FULL_NAME_STYLE,
    },
    { range: gapRange, style: { numberFormat: "+0.0;-0.0;0", horizontal: "center" } },
    { range: rangeA1(firstRow, keyColumn, lastRow, helper), style: HELPER },
    ...blockStyles(block),
  );
  return {
    name,
    kind: "competency-heatmap",
    key: competencyHeatmapKey(against),
    cells,
    styles,
    columnWidths: [24, 16, 18, 14, ...competencies.map(() => 11), ...areas.columns.map(() => 12), 8, 8, 8],
    rowHeights: { [HEADER_ROW]: LABEL_ROW_HEIGHT, [NAMES_ROW]: FULL_NAME_ROW_HEIGHT },
    freeze: { rows: FIRST_PERSON, columns: 1 },
    merges,
    conditionalFormats: [
      { kind: "colorScale", range: gapRange, ...gapScale(Math.max(1, Math.ceil(spread / 2))) },
    ],
    tabColor: "#7030A0",
  };
}
