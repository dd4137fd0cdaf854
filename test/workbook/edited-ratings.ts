/**
 * A scored workbook whose Ratings sheet a test then edits as people do in Excel, and what the core scores from the
 * sheet as edited, to compare the live heatmaps with.
 */
import { careerMatrixFromFramework } from "../../src/core/career-matrix";
import type { Cell } from "../../src/core/types";
import { bundledFramework } from "../../src/data";
import { firstRatingColumn } from "../../src/sheets/ratings-sheet";
import type { SheetSpec, SpecCell } from "../../src/sheets/spec";
import { createRatings, scoreRatings } from "../../src/workbook/commands";
import { SpecHost } from "./spec-host";
import { newPeople, teamOf, typeRatings } from "./team";

export const framework = bundledFramework();
export const LIVE_SHEETS = ["readiness-heatmap", "competency-heatmap:current", "competency-heatmap:next"];
/** 0-based column of the first competency on the Ratings sheet. */
export const FIRST_COMPETENCY = firstRatingColumn(careerMatrixFromFramework(framework));

export async function scored(): Promise<SpecHost> {
  const host = new SpecHost();
  const team = teamOf(12);
  await createRatings(host, framework, newPeople(team));
  typeRatings(host, framework, team);
  await scoreRatings(host, framework);
  return host;
}

export function ratingsOf(host: SpecHost): SheetSpec {
  return host.sheets.get("ratings") as SheetSpec;
}

export function isFormula(cell: SpecCell | undefined): cell is { f: string; v?: Cell } {
  return cell !== null && cell !== undefined && typeof cell === "object";
}

/** The heatmaps as the core writes them for the Ratings sheet as it now is, from a copy of the workbook. */
export async function rescored(host: SpecHost): Promise<SpecHost> {
  const copy = new SpecHost();
  for (const [key, spec] of host.sheets) copy.sheets.set(key, structuredClone(spec));
  await scoreRatings(copy, framework);
  return copy;
}

/** Rows of a live sheet holding a person, by name: those with formulas, below the check cell's row. */
export function personRows(spec: SheetSpec): Map<string, number> {
  const rows = new Map<string, number>();
  spec.cells.forEach((row, r) => {
    if (r > 2 && row.some(isFormula)) rows.set(String(row[0]), r);
  });
  return rows;
}

export function same(actual: Cell, expected: Cell | undefined): boolean {
  if (typeof expected === "number" && typeof actual === "number") return Math.abs(actual - expected) < 1e-9;
  return actual === (expected ?? null);
}
