/**
 * The heatmaps' live formulas compute what the core computes: every formula cell is evaluated over the workbook as
 * written and compared with the value the core put beside it.
 */
import type { Cell } from "../../src/core/types";
import { bundledFramework } from "../../src/data";
import type { FormulaCell, SheetSpec } from "../../src/sheets/spec";
import { createRatings, scoreRatings } from "../../src/workbook/commands";
import { CalculatedWorkbook as Workbook } from "../sheets/calculated-workbook";
import { SpecHost } from "./spec-host";
import { newPeople, teamOf, typeRatings } from "./team";

const framework = bundledFramework();

async function scored(size: number): Promise<SpecHost> {
  const host = new SpecHost();
  const team = teamOf(size);
  await createRatings(host, framework, newPeople(team));
  typeRatings(host, framework, team);
  await scoreRatings(host, framework);
  return host;
}

function formulaCells(spec: SheetSpec): { row: number; column: number; cell: FormulaCell }[] {
  return spec.cells.flatMap((cells, row) =>
    cells.flatMap((cell, column) =>
      cell !== null && typeof cell === "object" ? [{ row, column, cell }] : [],
    ),
  );
}

function expectSame(actual: Cell, expected: Cell | undefined, where: string): void {
  if (typeof expected === "number") {
    if (typeof actual !== "number")
      throw new Error(`${where}: formula gives ${String(actual)}, core ${expected}`);
    expect(Math.abs(actual - expected)).toBeLessThan(1e-9);
  } else if (actual !== (expected ?? null)) {
    throw new Error(`${where}: formula gives ${JSON.stringify(actual)}, core ${JSON.stringify(expected)}`);
  }
}

describe("live heatmap formulas", () => {
  const sheets = ["readiness-heatmap", "competency-heatmap:current", "competency-heatmap:next", "nine-box"];

  it.each(sheets)("on %s agree with the core for the sample team", async (key) => {
    const host = await scored(35);
    const book = Workbook.of([...host.sheets.values()]);
    const spec = host.sheets.get(key) as SheetSpec;
    const cells = formulaCells(spec);
    expect(cells.length).toBeGreaterThan(35);
    for (const { row, column, cell } of cells)
      expectSame(
        book.value(spec.name, row, column),
        cell.v,
        `${spec.name}!R${row + 1}C${column + 1} ${cell.f}`,
      );
  });

  it("agree with the core when Ratings holds off-scale numbers and ratings typed as text", async () => {
    const host = new SpecHost();
    const team = teamOf(12);
    await createRatings(host, framework, newPeople(team));
    typeRatings(host, framework, team);
    const ratings = host.sheets.get("ratings") as SheetSpec;
    const rated = (row: number) => ratings.cells[row].findIndex((c, i) => i >= 5 && typeof c === "number");
    // Pasted past the drop-downs: a number off the scale, a label and a number stored as text.
    ratings.cells[1][rated(1)] = 9;
    ratings.cells[2][rated(2)] = "Proficient";
    ratings.cells[3][rated(3)] = "3";
    const result = await scoreRatings(host, framework);
    expect(result.problems.map((p) => p.severity).sort()).toEqual(["error", "warning", "warning"]);

    const book = Workbook.of([...host.sheets.values()]);
    for (const key of sheets) {
      const spec = host.sheets.get(key) as SheetSpec;
      for (const { row, column, cell } of formulaCells(spec))
        expectSame(book.value(spec.name, row, column), cell.v, `${spec.name}!R${row + 1}C${column + 1}`);
    }
  });

  it("follow a rating changed after scoring, as Excel would recalculate", async () => {
    const host = await scored(35);
    const readiness = host.sheets.get("readiness-heatmap") as SheetSpec;
    const person = readiness.cells[4][0] as string;
    const before = Workbook.of([...host.sheets.values()]).value(readiness.name, 4, 5);

    // Lower every rating of the person to 0: readiness for the next level falls to 0 and the status follows.
    const ratings = host.sheets.get("ratings") as SheetSpec;
    const row = ratings.cells.findIndex((r) => r[0] === person);
    ratings.cells[row] = ratings.cells[row].map((c, i) => (i >= 5 && typeof c === "number" ? 0 : c));
    const after = Workbook.of([...host.sheets.values()]);
    expect(before).toBeGreaterThan(0);
    expect(after.value(readiness.name, 4, 5)).toBe(0);
    expect(after.value(readiness.name, 4, 7)).toBe("Not yet");
  });

  it("still find each person after the Ratings sheet is sorted", async () => {
    const host = await scored(12);
    const ratings = host.sheets.get("ratings") as SheetSpec;
    const [header, ...rows] = ratings.cells;
    ratings.cells = [header, ...rows.reverse()];
    const book = Workbook.of([...host.sheets.values()]);
    const spec = host.sheets.get("readiness-heatmap") as SheetSpec;
    for (const { row, column, cell } of formulaCells(spec)) {
      if (column === spec.cells[3].length - 1) continue; // the Ratings row itself moves
      expectSame(book.value(spec.name, row, column), cell.v, `${spec.name}!R${row + 1}C${column + 1}`);
    }
  });
});
