/**
 * The 9-box sheet Score ratings writes: box counts and distributions are live formulas that follow ratings changed
 * in a session, equal to what the core computes; the session's thresholds and guideline are kept and read back.
 */
import { careerMatrixFromFramework } from "../../src/core/career-matrix";
import { distributions } from "../../src/core/distributions";
import { nineBox } from "../../src/core/nine-box";
import { readRatings } from "../../src/core/ratings";
import { scoreTeam } from "../../src/core/readiness";
import type { Cell } from "../../src/core/types";
import { bundledFramework } from "../../src/data";
import type { SheetSpec } from "../../src/sheets/spec";
import { createRatings, scoreRatings } from "../../src/workbook/commands";
import { CalculatedWorkbook as Workbook } from "../sheets/calculated-workbook";
import { SpecHost } from "./spec-host";
import { newPeople, teamOf, typeRatings } from "./team";

const framework = bundledFramework();
const matrix = careerMatrixFromFramework(framework);

async function scored(size: number): Promise<SpecHost> {
  const host = new SpecHost();
  const team = teamOf(size);
  await createRatings(host, framework, newPeople(team));
  typeRatings(host, framework, team);
  await scoreRatings(host, framework);
  return host;
}

/** The nine boxes as the sheet shows them after recalculating: name → count. */
function boxCounts(host: SpecHost): Record<string, Cell> {
  const spec = host.sheets.get("nine-box") as SheetSpec;
  const book = Workbook.of([...host.sheets.values()]);
  const header = spec.cells.findIndex((row) => row[0] === "Box");
  const counts: Record<string, Cell> = {};
  for (let row = header + 1; row <= header + 9; row++)
    counts[String(spec.cells[row][0])] = book.value(spec.name, row, 3);
  return counts;
}

function coreCounts(host: SpecHost, thresholds: { ready?: number; almost?: number } = {}) {
  const people = readRatings(host.values("ratings"), matrix, { numbersOnly: true }).people;
  const box = nineBox(matrix.scoring, scoreTeam(matrix, people), thresholds);
  return Object.fromEntries(box.cells.map((c) => [c.name, c.count]));
}

function rowStarting(spec: SheetSpec, first: Cell, from = 0): number {
  return spec.cells.findIndex((row, i) => i >= from && row[0] === first);
}

describe("9-box sheet", () => {
  it("shows the nine named boxes with the core's counts, shares and names, and people apart listed", async () => {
    const host = await scored(24);
    const values = host.values("nine-box");
    const people = readRatings(host.values("ratings"), matrix, { numbersOnly: true }).people;
    const box = nineBox(matrix.scoring, scoreTeam(matrix, people));
    const header = values.findIndex((row) => row[0] === "Box");
    expect(values[header]).toEqual([
      "Box",
      "Current level",
      "Next level",
      "People",
      "Share",
      "Names (as scored)",
      "Box key",
    ]);
    for (const [i, cell] of box.cells.entries()) {
      const row = values[header + 1 + i];
      expect(row.slice(0, 5)).toEqual([
        cell.name,
        expect.any(String),
        expect.any(String),
        cell.count,
        cell.share,
      ]);
      expect(row[5] ?? "").toBe(cell.people.join(", "));
    }
    expect(box.placed).toBeGreaterThan(0);
    expect(values[header + 10].slice(0, 4)).toEqual(["Placed in the grid", null, null, box.placed]);
    const apartTitle = values.findIndex((row) => row[0] === "Listed apart (as scored)");
    const apart = values.slice(apartTitle + 2, apartTitle + 2 + box.apart.length).map((r) => r[0]);
    expect(apart).toEqual(box.apart.map((a) => a.person));
  });

  it("moves people between boxes live when ratings change in the session, as the core would", async () => {
    const host = await scored(24);
    expect(boxCounts(host)).toEqual(coreCounts(host));
    const ratings = host.sheets.get("ratings") as SheetSpec;
    // Three people's ratings lowered to 0 and one raised to the top of the scale, after scoring.
    for (const row of [1, 2, 3])
      ratings.cells[row] = ratings.cells[row].map((c, i) => (i >= 5 && typeof c === "number" ? 0 : c));
    ratings.cells[4] = ratings.cells[4].map((c, i) => (i >= 5 && typeof c === "number" ? 4 : c));
    const before = (host.sheets.get("nine-box") as SheetSpec).cells;
    const after = coreCounts(host);
    expect(boxCounts(host)).toEqual(after);
    expect(after["Needs support"]).toBeGreaterThanOrEqual(3);
    // The names are as scored until Score or Refresh heatmaps redraws them.
    expect((host.sheets.get("nine-box") as SheetSpec).cells).toBe(before);
  });

  it("uses the session's thresholds, keeps them on re-scoring, and follows thresholds typed on the sheet", async () => {
    const host = await scored(24);
    await scoreRatings(host, framework, { ready: 0.9, almost: 0.7, guideline: 0.25 });
    expect(
      host
        .values("nine-box")
        .slice(4, 8)
        .map((r) => r[1]),
    ).toEqual([0.9, 0.7, matrix.scoring.minCoverage, 0.25]);
    expect(boxCounts(host)).toEqual(coreCounts(host, { ready: 0.9, almost: 0.7 }));

    const again = await scoreRatings(host, framework);
    expect(again.session).toEqual({ ready: 0.9, almost: 0.7, guideline: 0.25 });

    // Typed straight into the sheet: the counts follow before anything is re-run.
    const spec = host.sheets.get("nine-box") as SheetSpec;
    spec.cells[4][1] = 0.6;
    spec.cells[5][1] = 0.4;
    expect(boxCounts(host)).toEqual(coreCounts(host, { ready: 0.6, almost: 0.4 }));
  });

  it("says which cell holds a threshold that is not a share, and uses the framework's meanwhile", async () => {
    const host = await scored(8);
    const spec = host.sheets.get("nine-box") as SheetSpec;
    spec.cells[4][1] = "high";
    const result = await scoreRatings(host, framework);
    expect(result.problems).toEqual([
      expect.objectContaining({
        severity: "warning",
        sheet: "9-box",
        cell: "B5",
        message: expect.stringContaining(
          'Ready at or above should be a share between 0% and 100%, not "high"',
        ),
      }),
    ]);
    expect(result.session.ready).toBe(matrix.scoring.ready);
  });

  it("counts statuses for the next level per level, team and rater, and marks those above the guideline", async () => {
    const host = await scored(30);
    const { ready, almost } = matrix.scoring;
    await scoreRatings(host, framework, { ready, almost, guideline: 0.25 });
    const spec = host.sheets.get("nine-box") as SheetSpec;
    const book = Workbook.of([...host.sheets.values()]);
    const people = readRatings(host.values("ratings"), matrix, { numbersOnly: true }).people;
    const expected = distributions(matrix.scoring, scoreTeam(matrix, people), {}, 0.25);
    const title = rowStarting(spec, "Status for the next level, per team");
    expect(spec.cells[title + 1]).toEqual([
      "Team",
      null,
      "Ready",
      "Almost",
      "Not yet",
      "Insufficient data",
      "People",
      "Ready share",
      "Ready (bar)",
      "Guideline",
    ]);
    expect(expected.byTeam.some((t) => t.outside)).toBe(true);
    expect(expected.byTeam.some((t) => !t.outside)).toBe(true);
    expected.byTeam.forEach((team, i) => {
      const row = title + 2 + i;
      const shown = [2, 3, 4, 5, 6, 7, 8, 9].map((c) => book.value(spec.name, row, c));
      expect([spec.cells[row][0], ...shown]).toEqual([
        team.group,
        team.counts.ready,
        team.counts.almost,
        team.counts["not-yet"],
        team.counts.insufficient,
        team.people,
        team.readyShare,
        "█".repeat(Math.trunc(team.readyShare * 20)),
        team.outside ? "Above guideline" : "",
      ]);
    });
    // Without a guideline nothing is marked.
    spec.cells[7][1] = null;
    const none = Workbook.of([...host.sheets.values()]);
    for (let i = 0; i < expected.byTeam.length; i++) expect(none.value(spec.name, title + 2 + i, 9)).toBe("");
  });
});
