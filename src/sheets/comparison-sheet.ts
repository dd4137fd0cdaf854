/**
 * A level comparison laid out for reading and printing: each competency's expectation on both sides, value and
 * descriptor, the change, and whether it is on both sides or one.
 */
import { levelWithGrade } from "../core/career-matrix";
import type { CareerMatrix } from "../core/matrix";
import type { ComparisonSide, LevelComparison } from "../core/types";
import { rangeA1 } from "./a1";
import { legalSheetName } from "./sheet-names";
import { GROUP, HEADER, TITLE } from "./palette";
import type { SheetSpec, SpecCell, StyledRange } from "./spec";

export function comparisonKey(comparison: LevelComparison): string {
  const { from, to } = comparison;
  return `comparison:${from.track}.${from.level}~${to.track}.${to.level}`;
}

/** "Backend Senior vs Staff", or "Backend Senior vs Frontend Senior" across tracks. */
export function comparisonSheetName(matrix: CareerMatrix, comparison: LevelComparison): string {
  const { from, to } = comparison;
  const right = from.track === to.track ? levelName(matrix, to) : `${to.trackName} ${levelName(matrix, to)}`;
  return legalSheetName(`${from.trackName} ${levelName(matrix, from)} vs ${right}`);
}

function levelName(matrix: CareerMatrix, side: ComparisonSide): string {
  const track = matrix.tracks.find((t) => t.id === side.track);
  return track?.levels.find((l) => l.id === side.level)?.name ?? side.level;
}

export function comparisonSheetSpec(
  matrix: CareerMatrix,
  comparison: LevelComparison,
  name = comparisonSheetName(matrix, comparison),
): SheetSpec {
  const { from, to } = comparison;
  const areaName = new Map(matrix.areas.map((a) => [a.id, a.name]));
  const fromLabel = from.title || from.level;
  const toLabel = to.title || to.level;
  const presence = { both: "Both", "from-only": `${fromLabel} only`, "to-only": `${toLabel} only` };
  const tracks = from.track === to.track ? from.trackName : `${from.trackName} → ${to.trackName}`;
  const cells: SpecCell[][] = [
    [`${fromLabel} → ${toLabel}`],
    [
      comparison.transfer
        ? `${tracks}: a lateral transfer of the framework (${comparison.transfer.from} → ${comparison.transfer.to})`
        : tracks,
    ],
    [],
    [
      "Area",
      "Competency",
      levelWithGrade(from, fromLabel),
      null,
      levelWithGrade(to, toLabel),
      null,
      "Change",
      "On",
    ],
    [null, null, "Value", "Expectation", "Value", "Expectation", null, null],
  ];
  const styles: StyledRange[] = [
    { range: "A1", style: TITLE },
    { range: "A2", style: { italic: true } },
    { range: "A4:H5", style: HEADER },
  ];
  let area: string | undefined;
  for (const row of comparison.rows) {
    if (row.area !== area) {
      area = row.area;
      styles.push({ range: rangeA1(cells.length, 0, cells.length, 7), style: GROUP });
      cells.push([areaName.get(row.area) ?? row.area]);
    }
    cells.push([
      areaName.get(row.area) ?? row.area,
      row.name,
      row.from?.value ?? null,
      row.from?.descriptor ?? null,
      row.to?.value ?? null,
      row.to?.descriptor ?? null,
      row.change,
      presence[row.presence],
    ]);
  }
  const last = Math.max(cells.length - 1, 5);
  return {
    name,
    kind: "comparison",
    key: comparisonKey(comparison),
    cells,
    styles: [
      ...styles,
      { range: rangeA1(5, 0, last, 7), style: { vertical: "top" } },
      { range: rangeA1(5, 3, last, 3), style: { wrap: true, vertical: "top" } },
      { range: rangeA1(5, 5, last, 5), style: { wrap: true, vertical: "top" } },
      { range: rangeA1(5, 2, last, 2), style: { horizontal: "center", vertical: "top" } },
      { range: rangeA1(5, 4, last, 4), style: { horizontal: "center", vertical: "top" } },
      {
        range: rangeA1(5, 6, last, 6),
        style: { numberFormat: "+0;-0;0", horizontal: "center", vertical: "top" },
      },
    ],
    columnWidths: [16, 26, 7, 40, 7, 40, 8, 16],
    freeze: { rows: 5, columns: 2 },
    merges: ["C4:D4", "E4:F4"],
    conditionalFormats: [
      {
        kind: "cellValue",
        range: `G6:G${last + 1}`,
        operator: "greaterThan",
        formula1: "0",
        fill: "#DDEBF7",
      },
      { kind: "cellValue", range: `G6:G${last + 1}`, operator: "lessThan", formula1: "0", fill: "#FCE4D6" },
    ],
    tabColor: "#2F5597",
  };
}
