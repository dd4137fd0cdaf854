/**
 * The Ratings sheet edited in Excel (the Office host over the in-memory workbook): sorted, filtered to one team with
 * the other rows hidden, a column hidden, two cells merged, an error value typed. Scoring reads every person, hidden
 * or not, points at the error's cell, and leaves the user's filter, hidden rows and merge as they were; the live
 * formulas it wrote, recalculated over the workbook, give what the core wrote beside them. With two competency
 * columns swapped, they hide their numbers until Refresh heatmaps rewrites them by header.
 */
import { columnLetter } from "../../src/core/a1";
import type { Cell } from "../../src/core/types";
import type { MemoryWorkbook, SheetSnapshot } from "../../src/hosts/memory";
import { COLUMNS_CHANGED } from "../../src/sheets/live-formulas";
import type { SpecCell } from "../../src/sheets/spec";
import { createRatings, refreshHeatmaps, scoreRatings } from "../../src/workbook/commands";
import { CalculatedWorkbook as Workbook } from "../sheets/calculated-workbook";
import { FIRST_COMPETENCY, framework } from "./edited-ratings";
import { officeWorkbook, sheetNamed, typeInto, typeRatings } from "./office-workbook";
import { newPeople, teamOf } from "./team";

const LIVE_SHEETS = ["Readiness", "Gaps at current level", "Gaps at next level"];

async function scoredWorkbook() {
  const workbook = officeWorkbook();
  const team = teamOf(12);
  await createRatings(workbook.host, framework, newPeople(team));
  await typeRatings(workbook.book, framework, team);
  await scoreRatings(workbook.host, framework);
  return workbook;
}

/** The workbook as Excel holds it, for the evaluator: formulas where cells have them, an error typed as an error. */
function asExcelHoldsIt(book: MemoryWorkbook): Workbook {
  return new Workbook(
    book.snapshot().sheets.map((sheet: SheetSnapshot) => ({
      name: sheet.name,
      cells: sheet.values.map((row, r) =>
        row.map((value, c): SpecCell => {
          const formula = sheet.formulas[r]?.[c];
          if (formula) return { f: formula };
          return value === "#N/A" ? { f: "=NA()" } : value;
        }),
      ),
    })),
  );
}

/** Every formula cell of the live sheets whose recalculated value differs from the value the core wrote there. */
function disagreements(book: MemoryWorkbook): string[] {
  const evaluated = asExcelHoldsIt(book);
  const wrong: string[] = [];
  for (const name of LIVE_SHEETS) {
    const sheet = sheetNamed(book, name);
    sheet.formulas.forEach((row, r) =>
      row.forEach((formula, c) => {
        if (!formula) return;
        const core = sheet.values[r][c];
        const value = evaluated.value(name, r, c);
        const same =
          typeof core === "number" && typeof value === "number"
            ? Math.abs(core - value) < 1e-9
            : (value ?? "") === (core ?? "");
        if (!same) wrong.push(`${name}!${columnLetter(c)}${r + 1}: ${String(value)}, core ${String(core)}`);
      }),
    );
  }
  return wrong;
}

async function hiddenRows(book: MemoryWorkbook, address: string): Promise<(boolean | null)[]> {
  return book.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem("Ratings");
    const [top, bottom] = address.split(":").map(Number);
    const rows = Array.from({ length: bottom - top + 1 }, (_, i) => sheet.getRange(`${top + i}:${top + i}`));
    for (const row of rows) row.load("rowHidden");
    await context.sync();
    return rows.map((row) => row.rowHidden);
  });
}

describe("the Ratings sheet edited in Excel, scored through the Office host", () => {
  it("scores everyone, hidden or not, keeps the user's filter and merge, and its formulas agree with the core", async () => {
    const { book, host } = await scoredWorkbook();
    // The snapshot's grid runs on over the drop-downs' empty rows: the people are the rows with a name.
    const before = sheetNamed(book, "Ratings").values.filter((row) => row[0] !== null);
    const width = before[0].length;
    const last = before.length;
    // Sorted Z to A by name, as Sort moves the rows.
    const sorted = before.slice(1).sort((a, b) => String(b[0]).localeCompare(String(a[0])));
    await typeInto(
      book,
      "Ratings",
      `A2:${columnLetter(width - 1)}${last}`,
      sorted.map((row) => row.map((c) => c ?? "")),
    );
    const rated = (row: Cell[]) => row.findIndex((c, i) => i >= FIRST_COMPETENCY && typeof c === "number");
    const error = rated(sorted[2]);
    await typeInto(book, "Ratings", `${columnLetter(error)}4`, [["#N/A"]]);
    const team = String(sorted[0][4]);
    const merged = rated(sorted[1]);
    await book.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Ratings");
      sheet.autoFilter.apply(`A1:${columnLetter(width - 1)}${last}`, 4, {
        filterOn: "Values",
        values: [team],
      });
      sheet.getRange(
        `${columnLetter(FIRST_COMPETENCY + 2)}:${columnLetter(FIRST_COMPETENCY + 2)}`,
      ).columnHidden = true;
      sheet.getRange(`${columnLetter(merged)}3:${columnLetter(merged + 1)}3`).merge();
      await context.sync();
    });
    const hidden = await hiddenRows(book, `2:${last}`);
    expect(hidden.filter((h) => h === true).length).toBeGreaterThan(3);
    expect(hidden[0]).toBe(false);

    const result = await scoreRatings(host, framework);
    expect(result.scored.map((s) => s.person.person).sort()).toEqual(
      sorted.map((row) => String(row[0])).sort(),
    );
    expect(result.problems.filter((p) => p.severity === "error").map((p) => `${p.sheet}!${p.cell}`)).toEqual([
      `Ratings!${columnLetter(error)}4`,
    ]);
    expect(disagreements(book)).toEqual([]);
    // Scoring never rewrites the Ratings sheet: the filter, the hidden rows and the merge are the user's still.
    expect(await hiddenRows(book, `2:${last}`)).toEqual(hidden);
    expect(sheetNamed(book, "Ratings").merges).toEqual([
      `${columnLetter(merged)}3:${columnLetter(merged + 1)}3`,
    ]);
  });

  it("hides the numbers once two competency columns are swapped, until Refresh heatmaps rewrites them", async () => {
    const { book, host } = await scoredWorkbook();
    const values = sheetNamed(book, "Ratings").values;
    const [a, b] = [FIRST_COMPETENCY + 1, FIRST_COMPETENCY + 3];
    const column = (c: number) => values.map((row) => [row[c] ?? ""]);
    await typeInto(book, "Ratings", `${columnLetter(a)}1:${columnLetter(a)}${values.length}`, column(b));
    await typeInto(book, "Ratings", `${columnLetter(b)}1:${columnLetter(b)}${values.length}`, column(a));

    const stale = asExcelHoldsIt(book);
    for (const name of LIVE_SHEETS) {
      expect(stale.value(name, 2, 0)).toBe(COLUMNS_CHANGED);
      const sheet = sheetNamed(book, name);
      const helpers = sheet.values[3].filter((v) => v !== null).length - 3;
      const shown = sheet.formulas.flatMap((row, r) =>
        row.flatMap((formula, c) => (formula && r > 3 && c < helpers ? [stale.value(name, r, c)] : [])),
      );
      expect(shown.length).toBeGreaterThan(10);
      expect(shown.filter((v) => v !== "" && v !== null)).toEqual([]);
    }

    await refreshHeatmaps(host, framework);
    expect(disagreements(book)).toEqual([]);
    expect(asExcelHoldsIt(book).value("Readiness", 2, 0)).toBe("");
  });
});
