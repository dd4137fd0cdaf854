/** Core results as plain rows of cells: what a CSV export or a quick table on stdout shows. */
import type { Cell, Heatmap, LevelComparison } from "../core/types";

/** Header row of column labels (prefixed by their group when there is one), then one row per heatmap row. */
export function heatmapRows(heatmap: Heatmap): Cell[][] {
  const header: Cell[] = [
    heatmap.title,
    ...heatmap.columns.map((column) => (column.group ? `${column.group}: ${column.label}` : column.label)),
  ];
  return [header, ...heatmap.rows.map((row, i) => [row.label, ...heatmap.values[i]])];
}

/** One row per competency: expectation and descriptor on each side and the change between them. */
export function comparisonRows(comparison: LevelComparison): Cell[][] {
  const side = (s: LevelComparison["from"]): string => `${s.title} (${s.trackName})`;
  const header: Cell[] = [
    "Area",
    "Competency",
    `Expectation: ${side(comparison.from)}`,
    `Expectation: ${side(comparison.to)}`,
    "Change",
    `Descriptor: ${side(comparison.from)}`,
    `Descriptor: ${side(comparison.to)}`,
  ];
  return [
    header,
    ...comparison.rows.map((row): Cell[] => [
      row.area,
      row.name,
      row.from?.value ?? null,
      row.to?.value ?? null,
      row.change,
      row.from?.descriptor ?? null,
      row.to?.descriptor ?? null,
    ]),
  ];
}
