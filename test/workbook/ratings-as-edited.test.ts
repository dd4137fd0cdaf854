/**
 * The Ratings sheet as people edit it in Excel after scoring: sorted, a blank row inserted, a rating typed as a
 * formula, error values, a merged cell, a column moved or inserted. For each, the heatmaps' live formulas, as they
 * stand (not rewritten), recalculate to what the core scores from the sheet as edited; where they cannot (a column
 * moved or inserted among the competencies), the sheet says so and shows no number until Refresh rewrites the
 * formulas by header, after which they agree again.
 */
import { columnIndex, columnLetter } from "../../src/core/a1";
import type { Cell } from "../../src/core/types";
import { COLUMNS_CHANGED } from "../../src/sheets/live-formulas";
import type { SheetSpec } from "../../src/sheets/spec";
import { refreshHeatmaps, scoreRatings } from "../../src/workbook/commands";
import { CalculatedWorkbook as Workbook } from "../sheets/calculated-workbook";
import {
  framework,
  FIRST_COMPETENCY,
  isFormula,
  LIVE_SHEETS,
  personRows,
  ratingsOf,
  rescored,
  same,
  scored,
} from "./edited-ratings";
import type { SpecHost } from "./spec-host";

/**
 * Every formula of the live sheets, recalculated over the workbook as edited, against what the core scores from
 * the edited Ratings sheet, matched by person; returns the cells that disagree.
 */
async function disagreements(host: SpecHost): Promise<string[]> {
  const truth = await rescored(host);
  const book = Workbook.of([...host.sheets.values()]);
  const wrong: string[] = [];
  for (const key of LIVE_SHEETS) {
    const live = host.sheets.get(key) as SheetSpec;
    const core = truth.sheets.get(key) as SheetSpec;
    expect(book.value(live.name, 2, 0)).toBe("");
    const coreRows = personRows(core);
    const liveRows = personRows(live);
    expect([...liveRows.keys()].sort()).toEqual([...coreRows.keys()].sort());
    for (const [person, r] of liveRows) {
      const expected = core.cells[coreRows.get(person) as number];
      live.cells[r].forEach((cell, c) => {
        if (!isFormula(cell)) return;
        const wanted = expected[c];
        const value = book.value(live.name, r, c);
        const want = isFormula(wanted) ? (wanted.v ?? "") : wanted;
        if (!same(value === null ? "" : value, want === null ? "" : want))
          wrong.push(
            `${live.name}!${columnLetter(c)}${r + 1} (${person}): ${String(value)}, core ${String(want)}`,
          );
      });
    }
  }
  return wrong;
}

/** The live numbers of the heatmaps as they show now: every formula cell of every person row. */
function liveValues(host: SpecHost): Cell[] {
  const book = Workbook.of([...host.sheets.values()]);
  return LIVE_SHEETS.flatMap((key) => {
    const spec = host.sheets.get(key) as SheetSpec;
    const helpers = spec.cells[3].length - 3; // the key and row-finding helpers at the end stay as they are
    return [...personRows(spec).values()].flatMap((r) =>
      spec.cells[r].flatMap((cell, c) =>
        isFormula(cell) && c < helpers ? [book.value(spec.name, r, c)] : [],
      ),
    );
  });
}

/** A rated cell of the Ratings sheet (row, column, both 0-based) of the person on `row`. */
function ratedColumn(ratings: SheetSpec, row: number): number {
  return ratings.cells[row].findIndex((c, i) => i >= FIRST_COMPETENCY && typeof c === "number");
}

/**
 * Excel inserting an empty column at `at` (0-based) on the Ratings sheet: every reference to a Ratings column at or
 * right of it, on any sheet, moves right by one; a range around it grows.
 */
function insertRatingsColumn(host: SpecHost, at: number, header: string): void {
  const ratings = ratingsOf(host);
  ratings.cells.forEach((row, r) => {
    while (row.length < at) row.push(null);
    row.splice(at, 0, r === 0 ? header : null);
  });
  const shift = (letters: string): string => {
    const column = columnIndex(letters) as number;
    return columnLetter(column >= at ? column + 1 : column);
  };
  const reference = new RegExp(
    `(${ratings.name}!)(\\$?)([A-Z]+)(\\$?\\d*)(?::(\\$?)([A-Z]+)(\\$?\\d*))?`,
    "g",
  );
  for (const spec of host.sheets.values()) {
    if (spec.key === "ratings") continue;
    for (const row of spec.cells)
      row.forEach((cell, c) => {
        if (!isFormula(cell)) return;
        row[c] = {
          ...cell,
          f: cell.f.replace(
            reference,
            (_, sheet: string, d1: string, c1: string, r1: string, d2?: string, c2?: string, r2?: string) =>
              `${sheet}${d1}${shift(c1)}${r1}${c2 === undefined ? "" : `:${d2 ?? ""}${shift(c2)}${r2 ?? ""}`}`,
          ),
        };
      });
  }
}

describe("the live heatmaps over the Ratings sheet as people edit it in Excel", () => {
  it("agree with the core as scored, before any edit", async () => {
    expect(await disagreements(await scored())).toEqual([]);
  });

  it("agree after the sheet is sorted by name, Z to A", async () => {
    const host = await scored();
    const ratings = ratingsOf(host);
    const [header, ...rows] = ratings.cells;
    ratings.cells = [header, ...rows.sort((a, b) => String(b[0]).localeCompare(String(a[0])))];
    expect(await disagreements(host)).toEqual([]);
  });

  it("agree after a blank row is inserted among the people", async () => {
    const host = await scored();
    ratingsOf(host).cells.splice(5, 0, []);
    expect(await disagreements(host)).toEqual([]);
  });

  it("count a rating typed as a formula (=3) by its value", async () => {
    const host = await scored();
    const ratings = ratingsOf(host);
    for (const row of [1, 2, 3]) {
      const column = ratings.cells[row].findIndex(
        (c, i) => i >= FIRST_COMPETENCY && typeof c === "number" && c !== 3,
      );
      expect(column).toBeGreaterThan(0);
      ratings.cells[row][column] = { f: "=3", v: 3 };
    }
    expect(await disagreements(host)).toEqual([]);
  });

  it("leave out a rating cell holding an error value (#N/A, #REF!) as the core does, scoring the person's other ratings", async () => {
    const host = await scored();
    const ratings = ratingsOf(host);
    const na = ratedColumn(ratings, 1);
    const ref = ratedColumn(ratings, 2);
    // As Excel holds them: the formula, and the error it shows (which Office.js reads as "#N/A").
    ratings.cells[1][na] = { f: "=NA()", v: "#N/A" };
    ratings.cells[2][ref] = { f: "=INDEX(A1:A2,5)", v: "#REF!" };
    const truth = await rescored(host);
    const readiness = truth.sheets.get("readiness-heatmap") as SheetSpec;
    const row = personRows(readiness).get(String(ratings.cells[1][0])) as number;
    expect((readiness.cells[row][5] as { v: number }).v).toBeGreaterThan(0);
    expect(await disagreements(host)).toEqual([]);
    const result = await scoreRatings(host, framework);
    expect(result.problems.filter((p) => p.severity === "error").map((p) => p.cell)).toEqual([
      `${columnLetter(na)}2`,
      `${columnLetter(ref)}3`,
    ]);
  });

  it("agree after two rating cells are merged (Excel keeps the top-left value only)", async () => {
    const host = await scored();
    const ratings = ratingsOf(host);
    const column = ratedColumn(ratings, 2);
    ratings.cells[2][column + 1] = null;
    ratings.merges = [...(ratings.merges ?? []), `${columnLetter(column)}3:${columnLetter(column + 1)}3`];
    expect(await disagreements(host)).toEqual([]);
  });

  it("agree after a column is inserted before the competencies: Excel moves every reference with it", async () => {
    const host = await scored();
    insertRatingsColumn(host, FIRST_COMPETENCY, "Notes");
    expect(await disagreements(host)).toEqual([]);
  });

  it("say a column inserted among the competencies, hide every number, and agree again once refreshed", async () => {
    const host = await scored();
    insertRatingsColumn(host, FIRST_COMPETENCY + 2, "Notes");
    const book = Workbook.of([...host.sheets.values()]);
    for (const key of LIVE_SHEETS)
      expect(book.value((host.sheets.get(key) as SheetSpec).name, 2, 0)).toBe(COLUMNS_CHANGED);
    const shown = liveValues(host);
    expect(shown.length).toBeGreaterThan(100);
    expect(shown.filter((v) => v !== "" && v !== null)).toEqual([]);

    await refreshHeatmaps(host, framework);
    expect(await disagreements(host)).toEqual([]);
  });

  it("say two competency columns swapped, hide every number, and agree again once refreshed", async () => {
    const host = await scored();
    const ratings = ratingsOf(host);
    const [a, b] = [FIRST_COMPETENCY + 1, FIRST_COMPETENCY + 3];
    for (const row of ratings.cells) {
      while (row.length <= b) row.push(null);
      [row[a], row[b]] = [row[b], row[a]];
    }
    const book = Workbook.of([...host.sheets.values()]);
    for (const key of LIVE_SHEETS)
      expect(book.value((host.sheets.get(key) as SheetSpec).name, 2, 0)).toBe(COLUMNS_CHANGED);
    expect(liveValues(host).filter((v) => v !== "" && v !== null)).toEqual([]);

    await refreshHeatmaps(host, framework);
    expect(await disagreements(host)).toEqual([]);
  });
});
