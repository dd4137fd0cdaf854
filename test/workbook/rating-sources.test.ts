/**
 * Self, manager and peer rows on the Ratings sheet, through the commands on the in-memory workbook: readiness counts
 * the manager's row, a person with only a self rating reads "No manager rating yet", the Agreement sheet shows
 * self − manager, and every live formula gives the core's number, also after the Ratings sheet is sorted.
 */
import type { Cell } from "../../src/core/types";
import { NO_MANAGER_RATING } from "../../src/core/vocabulary";
import { bundledFramework } from "../../src/data";
import { AGREEMENT_HEADER_ROW } from "../../src/sheets/agreement-sheet";
import { READINESS_HEADER_ROW } from "../../src/sheets/readiness-sheet";
import type { SheetSpec } from "../../src/sheets/spec";
import { createRatings, scoreRatings } from "../../src/workbook/commands";
import { CalculatedWorkbook } from "../sheets/calculated-workbook";
import { SpecHost } from "./spec-host";

const framework = bundledFramework();
const nameOf = (id: string): string => framework.competencies.find((c) => c.id === id)?.name ?? id;

/** Types ratings into the row of `person` with `source` ("" for the manager's row), by competency header. */
function rate(host: SpecHost, person: string, source: string, ratings: Record<string, number>): void {
  const spec = host.sheets.get("ratings") as SheetSpec;
  const header = spec.cells[0].map((c) => String(c ?? ""));
  const sourceAt = header.indexOf("Source");
  const row = spec.cells.find((r, i) => i > 0 && r[0] === person && String(r[sourceAt] ?? "") === source);
  if (!row) throw new Error(`no ${source || "manager"} row for ${person}`);
  for (const [id, value] of Object.entries(ratings)) {
    const name = nameOf(id);
    const column = header.indexOf(name);
    if (column < 0) throw new Error(`no column ${name}`);
    while (row.length <= column) row.push(null);
    row[column] = value;
  }
}

async function team(): Promise<SpecHost> {
  const host = new SpecHost();
  const ana = { person: "Ana Lima", track: "backend", level: "senior", team: "Create" };
  await createRatings(host, framework, [
    { ...ana, rater: "Kim" },
    { ...ana, rater: "Ana Lima", source: "self" },
    { ...ana, rater: "Bo Chen", source: "peer" },
    { person: "Cy Diaz", track: "backend", level: "intermediate", rater: "Kim", team: "Create" },
    {
      person: "Dee Park",
      track: "backend",
      level: "intermediate",
      rater: "Dee Park",
      team: "Create",
      source: "self",
    },
  ]);
  rate(host, "Ana Lima", "", { "code-review": 3, architecture: 2, mentoring: 4 });
  rate(host, "Ana Lima", "Self", { "code-review": 4, architecture: 4, mentoring: 4 });
  rate(host, "Ana Lima", "Peer", { "code-review": 1, architecture: 1 });
  rate(host, "Cy Diaz", "", { "code-review": 3 });
  rate(host, "Dee Park", "Self", { "code-review": 4, architecture: 4 });
  return host;
}

function rowsOf(spec: SheetSpec, headerRow: number): Map<string, Cell[]> {
  const book = CalculatedWorkbook.of([spec]);
  void book;
  const found = new Map<string, Cell[]>();
  spec.cells.slice(headerRow + 1).forEach((cells, i) => {
    if (typeof cells[0] !== "string" || cells[0] === "") return;
    found.set(
      cells[0],
      cells.map((c) => (c !== null && typeof c === "object" ? (c.v ?? null) : c)),
    );
    void i;
  });
  return found;
}

/** Every formula of a sheet, evaluated over the whole workbook, against the value the core wrote beside it. */
function formulasAgree(host: SpecHost, key: string, skipping: string[] = []): number {
  const book = CalculatedWorkbook.of([...host.sheets.values()]);
  const spec = host.sheets.get(key) as SheetSpec;
  const skipped = new Set(skipping);
  const headers = spec.cells.map((r) => r.map((c) => (typeof c === "string" ? c : "")));
  let count = 0;
  spec.cells.forEach((cells, row) =>
    cells.forEach((cell, column) => {
      if (cell === null || typeof cell !== "object") return;
      if (headers.some((h) => skipped.has(h[column]))) return;
      const actual = book.value(spec.name, row, column);
      const expected = cell.v ?? null;
      const where = `${spec.name}!R${row + 1}C${column + 1} ${cell.f.slice(0, 120)}`;
      if (typeof expected === "number" && typeof actual === "number")
        expect([where, Math.abs(actual - expected) < 1e-9]).toEqual([where, true]);
      else expect([where, actual]).toEqual([where, expected === "" ? "" : expected]);
      count++;
    }),
  );
  return count;
}

describe("sources of a rating on the Ratings sheet", () => {
  it("scores the manager's row, not the self or peer row, and lists a self-only person as having no manager rating yet", async () => {
    const host = await team();
    const result = await scoreRatings(host, framework);
    expect(result.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(result.scored.map((s) => [s.person.person, s.person.ratings])).toEqual([
      ["Ana Lima", { "code-review": 3, architecture: 2, mentoring: 4 }],
      ["Cy Diaz", { "code-review": 3 }],
    ]);
    expect(result.awaiting.map((p) => p.person)).toEqual(["Dee Park"]);
    expect(result.rows).toBe(3);

    const readiness = host.sheets.get("readiness-heatmap") as SheetSpec;
    expect(String(readiness.cells[1][0])).toContain("Readiness counts the manager's rating");
    const header = readiness.cells[READINESS_HEADER_ROW] as string[];
    const dee = rowsOf(readiness, READINESS_HEADER_ROW).get("Dee Park") as Cell[];
    expect(dee[header.indexOf("Status")]).toBe(NO_MANAGER_RATING);
    expect(dee[header.indexOf("Readiness")]).toBe("");
    expect(dee[header.indexOf("Next level")]).toBe("Senior");
    expect(formulasAgree(host, "readiness-heatmap")).toBeGreaterThan(20);
  });

  it("writes self − manager on the Agreement sheet, with the largest disagreement, as live formulas", async () => {
    const host = await team();
    await scoreRatings(host, framework);
    const agreement = host.sheets.get("agreement-heatmap") as SheetSpec;
    const header = agreement.cells[AGREEMENT_HEADER_ROW] as string[];
    const rows = rowsOf(agreement, AGREEMENT_HEADER_ROW);
    // Only Ana has both a self and a manager row.
    expect([...rows.keys()]).toEqual(["Ana Lima"]);
    const ana = rows.get("Ana Lima") as Cell[];
    expect(ana[header.indexOf(nameOf("code-review"))]).toBe(1);
    expect(ana[header.indexOf(nameOf("architecture"))]).toBe(2);
    expect(ana[header.indexOf(nameOf("mentoring"))]).toBe(0);
    expect(ana[header.indexOf("Largest gap")]).toBe(2);
    expect(ana[header.indexOf("On")]).toBe(nameOf("architecture"));
    expect(ana[header.indexOf("2+ apart")]).toBe(1);
    expect(formulasAgree(host, "agreement-heatmap")).toBeGreaterThan(20);
  });

  it("keeps every number when the Ratings sheet is sorted so a self row comes before the manager's", async () => {
    const host = await team();
    await scoreRatings(host, framework);
    const ratings = host.sheets.get("ratings") as SheetSpec;
    const [head, ...body] = ratings.cells;
    ratings.cells = [head, ...body.reverse()];
    // The core's values from before the sort must still be what every formula gives, but the rows found.
    const rows = ["Ratings row", "Self row", "Manager row"];
    expect(formulasAgree(host, "readiness-heatmap", rows)).toBeGreaterThan(20);
    expect(formulasAgree(host, "agreement-heatmap", rows)).toBeGreaterThan(20);
    expect(formulasAgree(host, "competency-heatmap:current", rows)).toBeGreaterThan(0);
  });

  it("warns that the sheets count the manager's rating when the framework names another rule, and keep doing so", async () => {
    const host = await team();
    const mean = {
      ...framework,
      scoring: { ...framework.scoring, ratingRule: "manager-and-peers" as const },
    };
    const result = await scoreRatings(host, mean);
    expect(result.problems.map((p) => p.message)).toContain(
      "The framework counts the mean of the manager's and the peers' ratings for readiness, but the workbook's sheets, which update as ratings are typed, count the manager's rating. For the framework's rule, score the Ratings sheet from the command line (career-matrix score --ratings).",
    );
    expect(result.rule).toBe("manager");
    expect(result.scored[0].person.ratings).toEqual({ "code-review": 3, architecture: 2, mentoring: 4 });
    expect(formulasAgree(host, "readiness-heatmap")).toBeGreaterThan(20);
  });

  it("turns Dee's status into a readiness as soon as their manager's row is typed", async () => {
    const host = await team();
    await scoreRatings(host, framework);
    const ratings = host.sheets.get("ratings") as SheetSpec;
    const sourceAt = (ratings.cells[0] as string[]).indexOf("Source");
    const dee = ratings.cells.find((r) => r[0] === "Dee Park") as Cell[];
    const manager = [...dee];
    manager[sourceAt] = "Manager";
    ratings.cells.push(manager);
    const readiness = host.sheets.get("readiness-heatmap") as SheetSpec;
    const header = readiness.cells[READINESS_HEADER_ROW] as string[];
    const row = readiness.cells.findIndex((r) => r[0] === "Dee Park");
    const book = CalculatedWorkbook.of([...host.sheets.values()]);
    expect(book.value(readiness.name, row, header.indexOf("Status"))).not.toBe(NO_MANAGER_RATING);
    expect(typeof book.value(readiness.name, row, header.indexOf("Readiness"))).toBe("number");
  });

  it("says what is wrong at the cell: a source not one of the three, the same source and rater twice, one name on two tracks", async () => {
    const host = await team();
    const ratings = host.sheets.get("ratings") as SheetSpec;
    const header = ratings.cells[0] as string[];
    const [sourceAt, trackAt] = [header.indexOf("Source"), header.indexOf("Track")];
    const cy = ratings.cells.find((r) => r[0] === "Cy Diaz") as Cell[];
    ratings.cells.push(
      Object.assign([...cy], { [sourceAt]: "Boss" }),
      Object.assign([...cy], { [sourceAt]: "Manager" }),
      Object.assign([...cy], { [0]: "Dee Park", [trackAt]: "Frontend", [sourceAt]: "Manager" }),
    );
    const result = await scoreRatings(host, framework);
    const problems = result.problems.map((p) => [p.cell, p.severity, p.message]);
    const letter = String.fromCharCode(65 + sourceAt);
    expect(problems).toContainEqual([
      `${letter}7`,
      "error",
      `Source "Boss" in ${letter}7 for Cy Diaz is not a source of ratings: type Self, Manager or Peer (blank is Manager). The row is not counted until then.`,
    ]);
    expect(problems).toContainEqual([
      "A5",
      "error",
      "Cy Diaz's Manager rating by Kim in row 5 is given again in row 8: only row 5 is scored. Remove row 8 or merge it into row 5.",
    ]);
    expect(problems).toContainEqual([
      "A8",
      "error",
      "Cy Diaz's Manager rating by Kim appears again in A8 (first in row 5): only row 5 is scored. Remove this row or merge it into row 5.",
    ]);
    const twoTracks = result.problems.filter((p) => p.message.startsWith("Dee Park is on two tracks"));
    // The manager's row says which track counts; the self row on the other track is left out, not merged.
    expect(twoTracks.map((p) => [p.cell, p.severity])).toEqual([
      ["B6", "error"],
      ["B9", "warning"],
    ]);
    expect(twoTracks[0].message).toBe(
      'Dee Park is on two tracks: row 6 (Backend) and row 9 (Frontend). If they are two people, add something to one name (such as "Dee Park (Backend)") on all of that person\'s rows; if one person, correct the track. Row 6 is not counted until then.',
    );
    expect(result.awaiting).toEqual([]);
    expect(result.scored.find((s) => s.person.person === "Dee Park")?.person.track).toBe("frontend");
  });
});
