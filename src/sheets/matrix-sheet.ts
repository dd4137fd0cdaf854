/**
 * The matrix sheet of one track: where managers read and maintain the expectations. Each level has two columns, the
 * expected value (a drop-down of the scale, coloured light to dark) and its descriptor (wrapped text), so a value is
 * edited without touching the words and both read back without parsing.
 *
 * Only the competency's name is frozen, wrapped in a narrow column, so two levels fit beside a task pane on a laptop;
 * the area (shown by the band above each group), the short label and the Id sit after the levels.
 */
import { levelWithGrade } from "../core/career-matrix";
import type { CareerMatrix, MatrixCompetency, MatrixLevel } from "../core/matrix";
import type { TrackId } from "../core/framework";
import { rangeA1 } from "./a1";
import { legalSheetName } from "./sheet-names";
import { expectationScale, GROUP, HEADER, NOTE, TITLE } from "./palette";
import type { ConditionalFormat, SheetSpec, SpecCell, StyledRange } from "./spec";

import { matrixKey } from "./matrix-key";

export { MATRIX_KEY_PREFIX, matrixKey } from "./matrix-key";

/** Rows above the competencies: title, scale legend, how to edit, blank, level titles, Value/Expectation. */
export const MATRIX_HEADER_ROW = 4;
/** The competency's name: the one frozen column. */
export const COMPETENCY_COLUMN = 0;
export const FIRST_LEVEL_COLUMN = 1;
/** Header of the column after the levels: each competency's short label, used where columns are narrow (heatmaps). */
export const LABEL_HEADER = "Short label";
export const AREA_HEADER = "Area";
export const ID_HEADER = "Id";
/** Room below the last competency where the drop-downs already apply, for competencies added by hand. */
const ROOM_FOR_ADDITIONS = 100;

export function matrixSheetName(track: { name: string }): string {
  return legalSheetName(`${track.name} matrix`);
}

export function matrixSheetSpec(matrix: CareerMatrix, trackId: TrackId, name?: string): SheetSpec {
  const track = matrix.tracks.find((t) => t.id === trackId);
  if (!track) throw new Error(`Track "${trackId}" is not in the career matrix.`);
  const levels = track.levels;
  const labelColumn = FIRST_LEVEL_COLUMN + levels.length * 2;
  const areaColumn = labelColumn + 1;
  const idColumn = areaColumn + 1;
  const lastColumn = idColumn;
  const scale = matrix.scale.map((p) => p.value);

  const cells: SpecCell[][] = [
    [`${track.name} — career matrix`],
    [`Scale: ${matrix.scale.map((p) => `${p.value} ${p.label}`).join(" · ")}`],
    [
      "Edit values (drop-down) and expectations here; they are read back when you score. " +
        "Add a competency on a new row (pick its Area, leave Id blank); clear a row to remove it." +
        specialisationNote(matrix, track.competencies),
    ],
    [],
    [
      "Competency",
      ...levels.flatMap((l) => [levelWithGrade(l, l.title), null]),
      LABEL_HEADER,
      AREA_HEADER,
      ID_HEADER,
    ],
    [null, ...levels.flatMap(() => ["Value", "Expectation"])],
  ];
  const styles: StyledRange[] = [
    { range: "A1", style: TITLE },
    { range: "A2:A3", style: NOTE },
    { range: rangeA1(MATRIX_HEADER_ROW, 0, MATRIX_HEADER_ROW + 1, lastColumn), style: HEADER },
  ];
  const merges = levels.map((_, i) =>
    rangeA1(MATRIX_HEADER_ROW, FIRST_LEVEL_COLUMN + 2 * i, MATRIX_HEADER_ROW, FIRST_LEVEL_COLUMN + 2 * i + 1),
  );

  const areaName = new Map(matrix.areas.map((a) => [a.id, a.name]));
  let area: string | undefined;
  for (const competency of track.competencies) {
    if (competency.area !== area) {
      area = competency.area;
      const row = cells.length;
      cells.push([areaName.get(area) ?? area]);
      styles.push({ range: rangeA1(row, 0, row, lastColumn), style: GROUP });
    }
    cells.push(competencyRow(competency, levels, areaName));
  }
  const firstDataRow = MATRIX_HEADER_ROW + 2;
  const lastDataRow = Math.max(cells.length - 1, firstDataRow) + ROOM_FOR_ADDITIONS;

  const conditionalFormats: ConditionalFormat[] = [];
  const validations = [
    {
      range: rangeA1(firstDataRow, areaColumn, lastDataRow, areaColumn),
      list: matrix.areas.map((a) => a.name),
      error: "Pick an area from the list.",
    },
  ];
  levels.forEach((level, i) => {
    const valueColumn = FIRST_LEVEL_COLUMN + 2 * i;
    const values = rangeA1(firstDataRow, valueColumn, lastDataRow, valueColumn);
    const descriptors = rangeA1(firstDataRow, valueColumn + 1, lastDataRow, valueColumn + 1);
    styles.push({ range: values, style: { horizontal: "center", vertical: "top" } });
    styles.push({ range: descriptors, style: { wrap: true, vertical: "top" } });
    conditionalFormats.push({
      kind: "colorScale",
      range: values,
      ...expectationScale(Math.min(...scale), Math.max(...scale)),
    });
    validations.push({
      range: values,
      list: scale.map(String),
      error: `The expected value at ${level.title} must be on the scale: ${scale.join(", ")}.`,
    });
  });
  styles.push({
    range: rangeA1(firstDataRow, COMPETENCY_COLUMN, lastDataRow, COMPETENCY_COLUMN),
    style: { wrap: true, vertical: "top" },
  });
  styles.push({
    range: rangeA1(firstDataRow, labelColumn, lastDataRow, idColumn),
    style: { vertical: "top" },
  });

  return {
    name: name ?? matrixSheetName(track),
    kind: "matrix",
    key: matrixKey(track.id),
    cells,
    styles,
    columnWidths: [26, ...levels.flatMap(() => [7, 34]), 16, 18, 16],
    freeze: { rows: MATRIX_HEADER_ROW + 2, columns: FIRST_LEVEL_COLUMN },
    merges,
    conditionalFormats,
    validations,
    tabColor: "#1F4E79",
  };
}

/** Which rows belong to a specialisation, and that they count only for the people who took it on. */
function specialisationNote(matrix: CareerMatrix, competencies: MatrixCompetency[]): string {
  const offered = (matrix.specialisations ?? []).filter((s) =>
    competencies.some((c) => c.specialisation === s.id),
  );
  if (offered.length === 0) return "";
  const levelName = (id: string) =>
    matrix.tracks.flatMap((t) => t.levels).find((l) => l.id === id)?.name ?? id;
  const parts = offered.map((s) => {
    const names = competencies.filter((c) => c.specialisation === s.id).map((c) => `"${c.name}"`);
    return `${names.join(", ")} only for people with the ${s.name} specialisation, from ${levelName(s.from)}`;
  });
  return ` Specialisations (the Ratings sheet's Specialisation column): ${parts.join("; ")}.`;
}

function competencyRow(
  competency: MatrixCompetency,
  levels: MatrixLevel[],
  areaName: Map<string, string>,
): SpecCell[] {
  return [
    competency.name,
    ...levels.flatMap((level) => {
      const expectation = competency.expectations[level.id];
      return expectation ? [expectation.value, expectation.descriptor] : [null, null];
    }),
    competency.label ?? null,
    areaName.get(competency.area) ?? competency.area,
    competency.id,
  ];
}
