/**
 * The files the pane exports. Loaded on first export only: ExcelJS and the CSV writer stay out of the pane's first
 * load.
 */
import { competencyHeatmap, readinessHeatmap, teamHeatmap } from "../../core/heatmaps";
import type { CareerMatrix } from "../../core/matrix";
import type { Framework } from "../../core/framework";
import type { LevelComparison, PersonReadiness } from "../../core/types";
import { toCsv } from "../../export/csv";
import { comparisonRows, heatmapRows } from "../../export/tables";
import { XlsxHost } from "../../hosts/xlsx/xlsx-host";
import { specsToXlsx, workbookToBytes } from "../../hosts/xlsx/xlsx-writer";
import { comparisonSheetSpec } from "../../sheets/comparison-sheet";
import { RATINGS_KEY } from "../../sheets/ratings-sheet";
import { READINESS_KEY } from "../../sheets/readiness-sheet";
import { buildMatrix, createRatings, scoreRatings } from "../../workbook/commands";
import type { WorkbookHost } from "../../workbook/host";
import { isMatrixKey, trackOfKey } from "../../workbook/matrix-edits";

export type HeatmapCsv = "readiness" | "current-gaps" | "next-gaps" | "teams";

export function comparisonXlsx(matrix: CareerMatrix, comparison: LevelComparison): Promise<Uint8Array> {
  const spec = comparisonSheetSpec(matrix, comparison);
  return specsToXlsx([spec], { activate: spec.key });
}

export function comparisonCsv(comparison: LevelComparison): string {
  return toCsv(comparisonRows(comparison));
}

/**
 * The heatmaps with everything their formulas read (the Ratings sheet, the hidden expectations and the matrix sheets,
 * edits included), so the file recalculates on its own when a rating changes. The same commands build it, on a copy of
 * the workbook's own sheets.
 */
export async function heatmapsXlsx(host: WorkbookHost, framework: Framework): Promise<Uint8Array> {
  const owned = await host.ownedSheets();
  const reads = await host.readSheets(
    owned.filter((o) => o.key === RATINGS_KEY || isMatrixKey(o.key)).map((o) => o.key),
  );
  if (!reads.some((r) => r.key === RATINGS_KEY)) {
    throw new Error("There is no Ratings sheet to export: create it on the Ratings tab first.");
  }
  const copy = new XlsxHost();
  await copy.writeSheets(
    reads.map((r) => ({
      name: r.name,
      key: r.key,
      kind: r.key === RATINGS_KEY ? "ratings" : "matrix",
      cells: r.values,
    })),
  );
  const tracks = reads.filter((r) => isMatrixKey(r.key)).map((r) => trackOfKey(r.key));
  if (tracks.length > 0) await buildMatrix(copy, framework, tracks, { keepEdits: true });
  await createRatings(copy, framework, []);
  const scored = await scoreRatings(copy, framework);
  const blocking = scored.problems.find((p) => p.severity === "error" && scored.scored.length === 0);
  if (blocking) throw new Error(blocking.message);
  await copy.select(READINESS_KEY, "A1");
  return workbookToBytes(copy.workbook);
}

export function heatmapCsv(matrix: CareerMatrix, scored: PersonReadiness[], which: HeatmapCsv): string {
  const heatmap =
    which === "readiness"
      ? readinessHeatmap(matrix, scored)
      : which === "teams"
        ? teamHeatmap(matrix, scored)
        : competencyHeatmap(matrix, scored, which === "current-gaps" ? "current" : "next");
  return toCsv(heatmapRows(heatmap));
}
