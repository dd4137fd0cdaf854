/**
 * Readiness heatmap: people x the levels of their track's ladder, each cell a live formula over the person's Ratings
 * row, so a rating changed in a calibration session recolours it at once. Next level, its readiness, coverage and
 * status (as words beside the colours) come first, since that is what the session decides. The expectations the
 * formulas use sit in a block below the people.
 */
import { levelWithGrade } from "../core/career-matrix";
import { NO_TEAM, readinessHeatmap } from "../core/heatmaps";
import type { CareerMatrix } from "../core/matrix";
import { DEFAULT_RATING_RULE } from "../core/rating-sources";
import { scorePerson } from "../core/readiness";
import type { PersonRatings, PersonReadiness } from "../core/types";
import { NO_MANAGER_RATING, ratingRuleNote } from "../core/vocabulary";
import { columnLetter, rangeA1 } from "./a1";
import {
  blockStyles,
  COLUMNS_CHECK_CELL,
  COLUMNS_CHECK_STYLE,
  type LiveFormulas,
  personExpectationsKey,
  personTrackKey,
  quoted,
} from "./live-formulas";
import { HEADER, HELPER, NOTE, TITLE } from "./palette";
import type { SheetSpec, SpecCell } from "./spec";
import { readinessBands, STATUS_LABEL, statusFormats, statusFormula } from "./status";

import { READINESS_KEY } from "./sheet-keys";
export { READINESS_KEY };
export const READINESS_NAME = "Readiness";
export const READINESS_HEADER_ROW = 3;
export const READINESS_FIELDS = [
  "Person",
  "Team",
  "Track",
  "Level",
  "Next level",
  "Readiness",
  "Coverage",
  "Status",
] as const;
/** After the levels: where the paths fork (a Senior), the other next level (Engineering Manager). */
export const READINESS_FORK_FIELDS = ["Or next", "Its readiness", "Its status"] as const;
const FIRST_LEVEL = READINESS_FIELDS.length;

/**
 * `awaiting`: people with ratings but none from their manager; they get a row with the same formulas, which say
 * "No manager rating yet" until their manager's row is typed, then score at once.
 */
export function readinessSheetSpec(
  matrix: CareerMatrix,
  scoredPeople: PersonReadiness[],
  live: LiveFormulas,
  name = READINESS_NAME,
  awaiting: PersonRatings[] = [],
): SheetSpec {
  const unrated = new Set(awaiting.map((p) => p.person));
  const scored = [...scoredPeople, ...awaiting.map((p) => scorePerson(matrix, p))];
  const heatmap = readinessHeatmap(matrix, scored);
  const levels = heatmap.columns;
  const fork0 = FIRST_LEVEL + levels.length;
  const [forkReadiness, forkStatus] = [fork0 + 1, fork0 + 2].map(columnLetter);
  const trackKey = fork0 + READINESS_FORK_FIELDS.length;
  const nextKey = trackKey + 1;
  const forkKey = nextKey + 1;
  const helper = forkKey + 1;
  const gradeOf = new Map(
    matrix.tracks
      .flatMap((t) => t.levels.map((l) => [l.id, l.grade] as const))
      .filter(([, g]) => g !== undefined),
  );
  const { ready, almost, minCoverage } = matrix.scoring;
  const percent = (x: number): string => `${Math.round(x * 100)}%`;
  const block = live.expectationsBlock(
    scored.map((s) => s.person.track),
    READINESS_HEADER_ROW + Math.max(1, scored.length) + 3,
  );

  const cells: SpecCell[][] = [
    ["Readiness by level"],
    [
      `Updates as ratings are typed on the Ratings sheet. ${STATUS_LABEL.ready} ≥ ${percent(ready)}, ${STATUS_LABEL.almost} ≥ ${percent(almost)}; ` +
        `${STATUS_LABEL.insufficient} below ${percent(minCoverage)} of the next level's competencies assessed. ` +
        ratingRuleNote(DEFAULT_RATING_RULE),
    ],
    [block.columnsCheck],
    [
      ...READINESS_FIELDS,
      ...levels.map((l) => levelWithGrade({ name: l.label, grade: gradeOf.get(l.key) })),
      ...READINESS_FORK_FIELDS,
      "Track key",
      "Next level key",
      "Or next key",
      "Ratings row",
    ],
  ];

  scored.forEach((s, i) => {
    const row = READINESS_HEADER_ROW + 2 + i;
    const person = s.person;
    const track = matrix.tracks.find((t) => t.id === person.track);
    const levelName = (id: string | undefined): string | null =>
      (id && track?.levels.find((l) => l.id === id)?.name) || null;
    const personCell = live.personText(person.row, person.person);
    const ratingsRow = `$${columnLetter(helper)}${row}`;
    const trackCell = `$${columnLetter(trackKey)}${row}`;
    const nextCell = `$${columnLetter(nextKey)}${row}`;
    const forkCell = `$${columnLetter(forkKey)}${row}`;

    const waiting = unrated.has(person.person);
    const value = (v: number | string | undefined): number | string => (waiting ? "" : (v ?? ""));
    // Every level column holds the same formula for everyone; a level not on the person's track shows blank.
    const levelCells: SpecCell[] = levels.map((column, c) => ({
      f: `=${live.readiness(block, ratingsRow, `${trackCell}&${quoted(`|${column.key}`)}`, trackCell)}`,
      v: value(heatmap.values[i][c] ?? ""),
    }));
    const next = s.next;
    // Where the paths fork (a Senior), the other next level: Engineering Manager.
    const fork = s.nextLevels.find((l) => l !== next);
    const status = (formula: string, v: string) => ({
      f: `=IF(${ratingsRow}="",${quoted(NO_MANAGER_RATING)},${formula})`,
      v: waiting ? NO_MANAGER_RATING : v,
    });
    cells.push([
      personCell,
      person.team === "" ? NO_TEAM : person.team,
      track?.name ?? person.track,
      levelName(person.level),
      levelName(next?.level),
      { f: `=${live.readiness(block, ratingsRow, nextCell, trackCell)}`, v: value(next?.readiness) },
      { f: `=${live.coverage(block, ratingsRow, nextCell)}`, v: value(next?.coverage) },
      status(statusFormula(`F${row}`, `G${row}`, matrix.scoring), next ? STATUS_LABEL[next.status] : ""),
      ...levelCells,
      levelName(fork?.level),
      { f: `=${live.readiness(block, ratingsRow, forkCell, trackCell)}`, v: value(fork?.readiness) },
      status(
        statusFormula(`${forkReadiness}${row}`, live.coverage(block, ratingsRow, forkCell), matrix.scoring),
        fork ? STATUS_LABEL[fork.status] : "",
      ),
      personTrackKey(matrix, person),
      next ? personExpectationsKey(matrix, person, next.level) : null,
      fork ? personExpectationsKey(matrix, person, fork.level) : null,
      { f: `=${live.ratingsRow(`$A${row}`)}`, v: live.ratingsRowValue(personCell) ?? "" },
    ]);
  });

  while (cells.length < block.first) cells.push([]);
  cells.push(...block.rows);

  const firstRow = READINESS_HEADER_ROW + 1;
  const lastRow = Math.max(firstRow, READINESS_HEADER_ROW + scored.length);
  const lastLevel = fork0 - 1;
  const levelRange = rangeA1(firstRow, FIRST_LEVEL, lastRow, Math.max(lastLevel, FIRST_LEVEL));
  return {
    name,
    kind: "readiness-heatmap",
    key: READINESS_KEY,
    cells,
    styles: [
      { range: "A1", style: TITLE },
      { range: "A2", style: NOTE },
      { range: COLUMNS_CHECK_CELL, style: COLUMNS_CHECK_STYLE },
      { range: rangeA1(READINESS_HEADER_ROW, 0, READINESS_HEADER_ROW, helper), style: HEADER },
      { range: `F${firstRow + 1}:G${lastRow + 1}`, style: { numberFormat: "0%", horizontal: "center" } },
      {
        range: `${forkReadiness}${firstRow + 1}:${forkReadiness}${lastRow + 1}`,
        style: { numberFormat: "0%", horizontal: "center" },
      },
      { range: levelRange, style: { numberFormat: "0%", horizontal: "center" } },
      { range: rangeA1(firstRow, trackKey, lastRow, helper), style: HELPER },
      ...blockStyles(block),
    ],
    columnWidths: [24, 16, 18, 14, 14, 12, 12, 17, ...levels.map(() => 14), 14, 12, 17, 8, 8, 8, 8],
    rowHeights: { [READINESS_HEADER_ROW]: 32 },
    freeze: { rows: READINESS_HEADER_ROW + 1, columns: 1 },
    conditionalFormats: [
      ...readinessBands(`F${firstRow + 1}:F${lastRow + 1}`, matrix.scoring),
      ...readinessBands(levelRange, matrix.scoring),
      ...statusFormats(`H${firstRow + 1}:H${lastRow + 1}`),
      ...readinessBands(`${forkReadiness}${firstRow + 1}:${forkReadiness}${lastRow + 1}`, matrix.scoring),
      ...statusFormats(`${forkStatus}${firstRow + 1}:${forkStatus}${lastRow + 1}`),
    ],
    tabColor: "#C55A11",
  };
}
