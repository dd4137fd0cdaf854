/**
 * Agreement heatmap: per person with a self rating, self − manager in each Ratings competency column, as live
 * formulas over the Ratings sheet (each row found by name and source, so sorting the sheet is safe), with the largest
 * disagreement and how many competencies are far apart at the front of the row.
 */
import type { CompetencyId } from "../core/framework";
import type { CareerMatrix } from "../core/matrix";
import { personKey } from "../core/names";
import { agreementTable, FAR_APART, type PersonAgreement } from "../core/rating-sources";
import type { PersonRatings } from "../core/types";
import { NO_TEAM } from "../core/heatmaps";
import { ratingRuleNote, SOURCE_WORD } from "../core/vocabulary";
import { DEFAULT_RATING_RULE } from "../core/rating-sources";
import { columnLetter, rangeA1 } from "./a1";
import { COLUMNS_CHECK_CELL, COLUMNS_CHECK_STYLE, type LiveFormulas, quoted } from "./live-formulas";
import { gapScale, HEADER, HELPER, NOTE, TITLE } from "./palette";
import { rowFormula, type SheetSpec, type SpecCell } from "./spec";

export const AGREEMENT_KEY = "agreement-heatmap";
export const AGREEMENT_NAME = "Agreement";
export const AGREEMENT_FIELDS = [
  "Person",
  "Team",
  "Track",
  "Level",
  "Largest gap",
  "On",
  `${FAR_APART}+ apart`,
] as const;
/** 0-based row of the header; people start below it. */
export const AGREEMENT_HEADER_ROW = 3;
const FIRST_COLUMN = AGREEMENT_FIELDS.length;

/** Self − manager for everyone with both, in the order the sheet lists them: most far-apart competencies first. */
export function agreementRows(
  people: PersonRatings[],
  rows: PersonRatings[],
  competencies: readonly CompetencyId[],
): PersonAgreement[] {
  const same = (a: PersonRatings, b: PersonRatings) =>
    a.track === b.track && personKey(a.person) === personKey(b.person);
  return agreementTable(people, rows, competencies, same)
    .map((entry, i) => ({ entry, i }))
    .sort(
      (x, y) =>
        y.entry.farApart - x.entry.farApart ||
        Math.abs(y.entry.largest?.difference ?? 0) - Math.abs(x.entry.largest?.difference ?? 0) ||
        x.i - y.i,
    )
    .map(({ entry }) => entry);
}

export function agreementSheetSpec(
  matrix: CareerMatrix,
  people: PersonRatings[],
  rows: PersonRatings[],
  live: LiveFormulas,
  name = AGREEMENT_NAME,
): SheetSpec {
  const { first, last } = live.span;
  const header = live.ratings.values[0] ?? [];
  const spanColumns = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  const competencyAt = new Map(live.ratings.columns.map((c) => [c.column, c.competency]));
  const table = agreementRows(
    people,
    rows,
    live.ratings.columns.map((c) => c.competency),
  );
  const lastSpan = FIRST_COLUMN + spanColumns.length - 1;
  const selfColumn = lastSpan + 1;
  const managerColumn = selfColumn + 1;
  const range = (row: number) => `${columnLetter(FIRST_COLUMN)}${row}:${columnLetter(lastSpan)}${row}`;
  const headers = `$${columnLetter(FIRST_COLUMN)}$${AGREEMENT_HEADER_ROW + 1}:$${columnLetter(lastSpan)}$${AGREEMENT_HEADER_ROW + 1}`;
  const largestColumn = columnLetter(AGREEMENT_FIELDS.indexOf("Largest gap"));

  const cells: SpecCell[][] = [
    [`Agreement: self − ${SOURCE_WORD.manager.toLowerCase()}`],
    [
      "Each person's own rating minus their manager's, updating as ratings are typed on the Ratings sheet: above 0 " +
        "(blue) they rate themselves higher, below 0 (red) lower; blank where either has not rated. " +
        ratingRuleNote(DEFAULT_RATING_RULE),
    ],
    [live.columnsCheck(AGREEMENT_HEADER_ROW, FIRST_COLUMN)],
    [...AGREEMENT_FIELDS, ...spanColumns.map((column) => header[column] ?? null), "Self row", "Manager row"],
  ];
  if (table.length === 0)
    cells.push([
      `No one has both a ${SOURCE_WORD.self} and a ${SOURCE_WORD.manager} rating yet: add a row with Source ${SOURCE_WORD.self} for a person on the Ratings sheet, then score again.`,
    ]);

  const selfCell = (row: number) => `$${columnLetter(selfColumn)}${row}`;
  const managerCell = (row: number) => `$${columnLetter(managerColumn)}${row}`;
  table.forEach((entry, i) => {
    const row = AGREEMENT_HEADER_ROW + 2 + i;
    const person = entry.manager;
    const track = matrix.tracks.find((t) => t.id === person.track);
    const compared = entry.ranked.length > 0;
    const largest = entry.largest;
    const personCell = live.personText(person.row, person.person);
    cells.push([
      personCell,
      person.team === "" ? NO_TEAM : person.team,
      track?.name ?? person.track,
      track?.levels.find((l) => l.id === person.level)?.name ?? person.level,
      rowFormula(
        (r) =>
          `=IF(COUNT(${range(r)})=0,"",IF(MAX(${range(r)})>=-MIN(${range(r)}),MAX(${range(r)}),MIN(${range(r)})))`,
        row,
        compared ? (largest?.difference ?? 0) : "",
      ),
      rowFormula(
        (r) =>
          `=IF(OR(${largestColumn}${r}="",${largestColumn}${r}=0),"",INDEX(${headers},MATCH(${largestColumn}${r},${range(r)},0)))`,
        row,
        largest
          ? (header[live.ratings.columns.find((c) => c.competency === largest.competency)?.column ?? -1] ??
              "")
          : "",
      ),
      rowFormula(
        (r) =>
          `=IF(COUNT(${range(r)})=0,"",COUNTIF(${range(r)},${quoted(`>=${FAR_APART}`)})+COUNTIF(${range(r)},${quoted(`<=${-FAR_APART}`)}))`,
        row,
        compared ? entry.farApart : "",
      ),
      ...spanColumns.map((column) => {
        const competency = competencyAt.get(column);
        if (competency === undefined) return null;
        return rowFormula(
          (r) => `=${live.agreement(selfCell(r), managerCell(r), column)}`,
          row,
          entry.differences[competency] ?? "",
        );
      }),
      rowFormula((r) => `=${live.selfRow(`$A${r}`)}`, row, entry.self.row),
      rowFormula((r) => `=${live.ratingsRow(`$A${r}`)}`, row, live.ratingsRowValue(personCell) ?? ""),
    ]);
  });

  const firstRow = AGREEMENT_HEADER_ROW + 1;
  const lastRow = Math.max(firstRow, AGREEMENT_HEADER_ROW + table.length);
  const values = matrix.scale.map((p) => p.value);
  const spread = Math.max(...values) - Math.min(...values);
  const differences = rangeA1(firstRow, FIRST_COLUMN, lastRow, Math.max(lastSpan, FIRST_COLUMN));
  const largestRange = rangeA1(firstRow, FIRST_COLUMN - 3, lastRow, FIRST_COLUMN - 3);
  return {
    name,
    kind: "agreement-heatmap",
    key: AGREEMENT_KEY,
    cells,
    styles: [
      { range: "A1", style: TITLE },
      { range: "A2", style: NOTE },
      { range: COLUMNS_CHECK_CELL, style: COLUMNS_CHECK_STYLE },
      {
        range: rangeA1(AGREEMENT_HEADER_ROW, 0, AGREEMENT_HEADER_ROW, managerColumn),
        style: { ...HEADER, wrap: true },
      },
      { range: differences, style: { numberFormat: "+0;-0;0", horizontal: "center" } },
      { range: largestRange, style: { numberFormat: "+0;-0;0", horizontal: "center" } },
      { range: rangeA1(firstRow, selfColumn, lastRow, managerColumn), style: HELPER },
    ],
    columnWidths: [24, 16, 18, 14, 10, 18, 9, ...spanColumns.map(() => 11), 8, 8],
    rowHeights: { [AGREEMENT_HEADER_ROW]: 45 },
    freeze: { rows: AGREEMENT_HEADER_ROW + 1, columns: 1 },
    conditionalFormats: [
      { kind: "colorScale", range: differences, ...gapScale(Math.max(1, Math.ceil(spread / 2))) },
      { kind: "colorScale", range: largestRange, ...gapScale(Math.max(1, Math.ceil(spread / 2))) },
    ],
    tabColor: "#2F5597",
  };
}
