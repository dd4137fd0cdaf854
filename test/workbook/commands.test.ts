import { levelWithGrade, careerMatrixFromFramework } from "../../src/core/career-matrix";
import { readRatings } from "../../src/core/ratings";
import { scoreTeam } from "../../src/core/readiness";
import { bundledFramework } from "../../src/data";
import {
  buildMatrix,
  createRatings,
  insertComparison,
  readCareerMatrix,
  refreshHeatmaps,
  scoreRatings,
} from "../../src/workbook/commands";
import { at } from "../sheets/values";
import { SpecHost } from "./spec-host";
import { newPeople, teamOf, typeRatings } from "./team";

const framework = bundledFramework();

async function scoredWorkbook(size: number): Promise<SpecHost> {
  const host = new SpecHost();
  const team = teamOf(size);
  await createRatings(host, framework, newPeople(team));
  typeRatings(host, framework, team);
  return host;
}

describe("buildMatrix", () => {
  it("writes one matrix sheet per chosen track in one write", async () => {
    const host = new SpecHost();
    const result = await buildMatrix(host, framework, ["backend", "frontend"], { keepEdits: true });
    expect(result).toEqual({ written: ["matrix:backend", "matrix:frontend"], edits: [], problems: [] });
    expect(host.writes).toBe(1);
    expect(host.sheets.get("matrix:backend")?.name).toBe("Backend matrix");
  });

  it("is idempotent: building twice gives the same sheets", async () => {
    const host = new SpecHost();
    await buildMatrix(host, framework, ["backend"], { keepEdits: true });
    const first = structuredClone(host.sheets.get("matrix:backend"));
    const again = await buildMatrix(host, framework, ["backend"], { keepEdits: true });
    expect(again.edits).toEqual([{ track: "backend", sheet: "Backend matrix", changes: [], problems: [] }]);
    expect(host.sheets.get("matrix:backend")).toEqual(first);
  });

  it("keeps a manager's edits when asked, and replaces them with the bundled matrix otherwise", async () => {
    const host = new SpecHost();
    await buildMatrix(host, framework, ["backend"], { keepEdits: true });
    const sheet = host.sheets.get("matrix:backend");
    const descriptorCell = "C8";
    const original = at(sheet!, descriptorCell);
    host.type("matrix:backend", { [descriptorCell]: "Our own words" });

    const kept = await buildMatrix(host, framework, ["backend"], { keepEdits: true });
    expect(kept.edits[0].changes).toEqual([
      expect.objectContaining({ kind: "descriptor", cell: descriptorCell }),
    ]);
    expect(at(host.sheets.get("matrix:backend")!, descriptorCell)).toBe("Our own words");

    const replaced = await buildMatrix(host, framework, ["backend"], { keepEdits: false });
    expect(replaced.edits[0].changes).toHaveLength(1);
    expect(at(host.sheets.get("matrix:backend")!, descriptorCell)).toBe(original);
  });

  it("leaves a sheet with errors as it is, so nothing typed is lost, and points at the bad cell", async () => {
    const host = new SpecHost();
    await buildMatrix(host, framework, ["backend"], { keepEdits: true });
    host.type("matrix:backend", { B8: "lots" });
    const before = structuredClone(host.sheets.get("matrix:backend"));
    const result = await buildMatrix(host, framework, ["backend"], { keepEdits: true });
    expect(result.written).toEqual([]);
    expect(result.problems[0]).toMatchObject({
      severity: "error",
      sheet: "Backend matrix",
      cell: "B8",
    });
    expect(result.problems[1].message).toMatch(/was not rebuilt/);
    expect(host.sheets.get("matrix:backend")).toEqual(before);
  });

  it("costs three host calls", async () => {
    const host = new SpecHost();
    await buildMatrix(host, framework, ["backend", "frontend", "security"], { keepEdits: true });
    expect(host.calls).toBe(3);
  });
});

describe("readCareerMatrix", () => {
  it("substitutes the tracks maintained in matrix sheets, edits included", async () => {
    const host = new SpecHost();
    await buildMatrix(host, framework, ["backend"], { keepEdits: true });
    host.type("matrix:backend", { A8: "Renamed competency" });
    const { matrix, edits, problems } = await readCareerMatrix(host, framework);
    expect(problems).toEqual([]);
    expect(edits[0].changes[0]).toMatchObject({ kind: "renamed", cell: "A8" });
    const backend = matrix.tracks.find((t) => t.id === "backend");
    expect(backend?.competencies.map((c) => c.name)).toContain("Renamed competency");
    expect(matrix.tracks).toHaveLength(careerMatrixFromFramework(framework).tracks.length);
  });
});

describe("createRatings", () => {
  it("creates the Ratings sheet for the given people", async () => {
    const host = new SpecHost();
    const team = teamOf(3);
    const result = await createRatings(host, framework, newPeople(team));
    expect(result.added).toEqual(team.map((p) => p.person));
    const values = host.values("ratings");
    expect(values[0].slice(0, 5)).toEqual(["Person", "Track", "Level", "Rater", "Team"]);
    expect(values[1].slice(0, 5)).toEqual([team[0].person, "Backend", "Senior", team[0].rater, team[0].team]);
    expect(host.calls).toBe(3);
  });

  it("never loses a typed rating: re-running keeps every row and adds only new people", async () => {
    const host = await scoredWorkbook(5);
    const before = host.values("ratings");
    const more = teamOf(7);
    const result = await createRatings(host, framework, newPeople(more));
    expect(result.added).toEqual(more.slice(5).map((p) => p.person));
    expect(result.skipped).toHaveLength(5);
    const after = host.values("ratings");
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after).toHaveLength(8);
  });

  it("keeps ratings when the matrix is refreshed, and scoring still reads them", async () => {
    const host = await scoredWorkbook(6);
    const before = host.values("ratings");
    await buildMatrix(host, framework, ["backend", "frontend"], { keepEdits: false });
    expect(host.values("ratings")).toEqual(before);
    await createRatings(host, framework, []);
    expect(host.values("ratings")).toEqual(before);
    const score = await scoreRatings(host, framework);
    expect(score.scored).toHaveLength(6);
  });

  it("adds a column for a competency added on a matrix sheet, keeping the ratings beside it", async () => {
    const host = await scoredWorkbook(3);
    await buildMatrix(host, framework, ["backend"], { keepEdits: true });
    const matrixSheet = host.sheets.get("matrix:backend")!;
    const newRow = matrixSheet.cells.length + 1;
    host.type("matrix:backend", {
      [`U${newRow}`]: "Technical",
      [`A${newRow}`]: "Incident response",
      [`D${newRow}`]: 2,
    });
    const before = host.values("ratings");
    await createRatings(host, framework, []);
    const after = host.values("ratings");
    expect(after[0]).toContain("Incident response");
    const column = after[0].indexOf("Incident response");
    expect(after.map((row) => row.slice(0, column))).toEqual(before.map((row) => row.slice(0, column)));
  });

  it("follows a competency renamed on a matrix sheet: its ratings stay in their column under the new name", async () => {
    const host = await scoredWorkbook(3);
    await buildMatrix(host, framework, ["backend"], { keepEdits: true });
    const before = host.values("ratings");
    const column = before[0].indexOf("Reviews code in their domain on a regular cadence");
    expect(column).toBeGreaterThan(4);
    host.type("matrix:backend", { A9: "Code review" });
    await createRatings(host, framework, []);
    const after = host.values("ratings");
    expect(after[0]).toHaveLength(before[0].length);
    expect(after[0][column]).toBe("Code review");
    expect(after.slice(1)).toEqual(before.slice(1));
    const score = await scoreRatings(host, framework);
    expect(score.problems.filter((p) => p.sheet === "Ratings")).toEqual([]);
  });

  it("rewrites existing heatmaps with the Ratings sheet, in the same write, so their formulas follow its rows", async () => {
    const host = await scoredWorkbook(4);
    await scoreRatings(host, framework);
    const writes = host.writes;
    host.calls = 0;
    await createRatings(host, framework, newPeople(teamOf(6)));
    expect(host.writes).toBe(writes + 1);
    expect(host.calls).toBe(3);
    const rows = host.values("readiness-heatmap").slice(4);
    const people = rows.slice(
      0,
      rows.findIndex((row) => (row[0] ?? null) === null),
    );
    expect(people.map((row) => row[0])).toEqual(teamOf(6).map((p) => p.person));
  });
});

describe("scoreRatings", () => {
  it("writes Readiness, both gap heatmaps, Team summary, Calibration and the 9-box in one write", async () => {
    const host = await scoredWorkbook(10);
    const writes = host.writes;
    const result = await scoreRatings(host, framework);
    expect(host.writes).toBe(writes + 1);
    expect([...host.sheets.keys()].sort()).toEqual(
      [
        "agreement-heatmap",
        "calibration",
        "competency-heatmap:current",
        "competency-heatmap:next",
        "nine-box",
        "ratings",
        "readiness-heatmap",
        "team-summary",
      ].sort(),
    );
    expect(result.problems).toEqual([]);
    expect(result.scored).toHaveLength(10);
    const total = Object.values(result.counts).reduce((a, b) => a + b, 0);
    expect(total).toBe(result.scored.filter((s) => s.next).length);
  });

  it("shows the core's readiness for every person and level", async () => {
    const host = await scoredWorkbook(12);
    await scoreRatings(host, framework);
    const matrix = careerMatrixFromFramework(framework);
    const scored = scoreTeam(matrix, readRatings(host.values("ratings"), matrix).people);
    const sheet = host.values("readiness-heatmap");
    const header = sheet[3];
    for (const s of scored) {
      const row = sheet.find((r) => r[0] === s.person.person);
      expect(row).toBeDefined();
      for (const level of s.levels) {
        const found = matrix.tracks
          .find((t) => t.id === s.person.track)
          ?.levels.find((l) => l.id === level.level);
        // Headers carry the grade where the framework knows it: "Distinguished (grade 10)".
        expect(row?.[header.indexOf(found ? levelWithGrade(found) : "")]).toBe(level.readiness);
      }
    }
  });

  it("costs the same host calls for 10 and 2,000 people", async () => {
    const small = await scoredWorkbook(10);
    const large = await scoredWorkbook(2000);
    small.calls = 0;
    large.calls = 0;
    await scoreRatings(small, framework);
    await scoreRatings(large, framework);
    expect(small.calls).toBe(3);
    expect(large.calls).toBe(small.calls);
  });

  it("is idempotent: scoring twice writes the same sheets", async () => {
    const host = await scoredWorkbook(8);
    await scoreRatings(host, framework);
    const first = structuredClone([...host.sheets.entries()]);
    await scoreRatings(host, framework);
    expect([...host.sheets.entries()]).toEqual(first);
  });

  it("keeps a renamed Ratings sheet's name in the heatmap formulas", async () => {
    const host = await scoredWorkbook(3);
    host.sheets.get("ratings")!.name = "Q3 ratings";
    await scoreRatings(host, framework);
    const formula = at(host.sheets.get("readiness-heatmap")!, "A5");
    expect(formula).toBe(host.values("ratings")[1][0]);
    const helper = host.sheets.get("readiness-heatmap")!.cells[4].at(-1);
    expect(helper).toMatchObject({ f: expect.stringContaining("'Q3 ratings'!$A:$A") });
  });

  it("says what to do when there is no Ratings sheet, and writes nothing", async () => {
    const host = new SpecHost();
    const result = await scoreRatings(host, framework);
    expect(result.problems[0].message).toMatch(/no Ratings sheet: create it first/);
    expect(host.writes).toBe(0);
  });

  it("leaves the workbook as it was when the write fails", async () => {
    const host = await scoredWorkbook(5);
    await scoreRatings(host, framework);
    const before = structuredClone([...host.sheets.entries()]);
    host.type("ratings", { F2: 0 });
    const typed = host.values("ratings");
    host.failNextWrite = true;
    await expect(scoreRatings(host, framework)).rejects.toThrow("refused");
    expect(host.values("ratings")).toEqual(typed);
    expect([...host.sheets.entries()].filter(([k]) => k !== "ratings")).toEqual(
      before.filter(([k]) => k !== "ratings"),
    );
  });
});

describe("refreshHeatmaps", () => {
  it("rewrites existing heatmaps and does nothing before the first scoring", async () => {
    const host = await scoredWorkbook(4);
    const none = await refreshHeatmaps(host, framework);
    expect(none.problems[0].message).toMatch(/score the ratings first/);
    expect(host.sheets.has("readiness-heatmap")).toBe(false);
    await scoreRatings(host, framework);
    const refreshed = await refreshHeatmaps(host, framework);
    expect(refreshed.scored).toHaveLength(4);
  });
});

describe("insertComparison", () => {
  it("inserts a comparison sheet keyed by both sides, and replaces it when run again", async () => {
    const host = new SpecHost();
    const first = await insertComparison(
      host,
      framework,
      { track: "backend", level: "senior" },
      { track: "backend", level: "staff" },
    );
    expect(first.key).toBe("comparison:backend.senior~backend.staff");
    expect(host.sheets.get(first.key)?.name).toBe("Backend Senior vs Staff");
    await insertComparison(
      host,
      framework,
      { track: "backend", level: "senior" },
      { track: "backend", level: "staff" },
    );
    expect([...host.sheets.keys()]).toEqual([first.key]);
    expect(host.calls).toBe(6);
  });

  it("compares the matrix as edited on its sheet", async () => {
    const host = new SpecHost();
    await buildMatrix(host, framework, ["backend"], { keepEdits: true });
    host.type("matrix:backend", { A8: "Edited name" });
    const { comparison } = await insertComparison(
      host,
      framework,
      { track: "backend", level: "senior" },
      { track: "backend", level: "staff" },
    );
    expect(comparison.rows.map((r) => r.name)).toContain("Edited name");
  });
});
