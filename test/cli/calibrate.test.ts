import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sampleRatingsTable } from "../../src/cli/build-workbook";
import { calibrate } from "../../src/core/calibration";
import { careerMatrixFromFramework } from "../../src/core/career-matrix";
import { nineBox } from "../../src/core/nine-box";
import { readRatings } from "../../src/core/ratings";
import { scoreTeam } from "../../src/core/readiness";
import { sessionChanges } from "../../src/core/session-changes";
import type { Cell } from "../../src/core/types";
import { bundledFramework, sampleTeam } from "../../src/data";
import { parseCsv, toCsv } from "../../src/export/csv";
import { runCli } from "./run-cli";

jest.setTimeout(120_000);

const framework = bundledFramework();
const matrix = careerMatrixFromFramework(framework);
/** The bundled sample team as it stood before the session. */
const before: Cell[][] = sampleRatingsTable(framework, sampleTeam().people);
const header = before[0] as string[];
const firstRating = header.indexOf("Team") + 1;

/** After the session: three ratings one point lower, and every rating of one person down to 0. */
function afterSession(): { table: Cell[][]; changed: string[]; zeroed: string } {
  const table = before.map((row) => [...row]);
  const changed: string[] = [];
  for (const row of table.slice(1)) {
    if (changed.length === 3) break;
    const c = row.findIndex((cell, i) => i >= firstRating && typeof cell === "number" && cell > 0);
    if (c < 0) continue;
    row[c] = (row[c] as number) - 1;
    changed.push(row[0] as string);
  }
  const target = table.find(
    (row) => !changed.includes(row[0] as string) && row.slice(firstRating).some((c) => c === 4),
  );
  const zeroed = (target as Cell[])[0] as string;
  (target as Cell[]).forEach((cell, i) => {
    if (i >= firstRating && typeof cell === "number") (target as Cell[])[i] = 0;
  });
  return { table, changed, zeroed };
}

let dir: string;
const file = (name: string): string => path.join(dir, name);
const session = afterSession();

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "cm-calibrate-"));
  fs.writeFileSync(file("before.csv"), toCsv(before));
  fs.writeFileSync(file("after.csv"), toCsv(session.table));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function core() {
  const people = readRatings(session.table, matrix).people;
  const scored = scoreTeam(matrix, people);
  return {
    calibration: calibrate(matrix, scored),
    box: nineBox(matrix.scoring, scored),
    changes: sessionChanges(matrix, readRatings(before, matrix).people, people),
  };
}

describe("career-matrix calibrate", () => {
  it("prints each rater's effect, the 9-box with counts and shares, and who is apart, as a table", async () => {
    const run = await runCli(["calibrate", "--ratings", "after.csv"], dir);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe("");
    const { calibration, box } = core();
    const lines = run.stdout.split("\n");
    expect(lines[0]).toMatch(
      /^Rater effects: scale points against the mean rater \(rater model; ability spread 0\.\d+, noise 0\.\d+\)$/,
    );
    expect(lines[1]).toMatch(/^Rater\s+People\s+Ratings\s+Effect\s+Standard error\s+p\s+Flag\s+Reason$/);
    for (const [i, rater] of calibration.raters.entries()) {
      const line = lines[3 + i];
      expect(line.startsWith(rater.rater)).toBe(true);
      if (rater.effect === null) expect(line).toContain("Cannot be estimated");
      else expect(line).toContain(` ${(Math.round(rater.effect * 100) / 100).toString()} `);
    }
    const ready = box.cells.find((c) => c.current === "ready" && c.next === "ready")!;
    expect(run.stdout).toContain(`Ready to move up: ${ready.count} (${Math.round(ready.share * 100)}%)`);
    expect(run.stdout).toContain(`${box.placed} people in the grid; ${box.apart.length} apart: `);
    expect(run.stdout).toContain("Ready from 90%, Almost from 70%");
    expect(run.stdout).not.toContain("Session changes");
  });

  it("with the ratings before the session, lists exactly the changed ratings, before and after, and who changed status", async () => {
    const run = await runCli(["calibrate", "--ratings", "after.csv", "--baseline", "before.csv"], dir);
    expect(run.status).toBe(0);
    const { changes } = core();
    const block = run.stdout.slice(run.stdout.indexOf("Session changes:"));
    const changed = changes.ratings.length;
    expect(block.split("\n")[0]).toBe(`Session changes: ${changed} ratings`);
    const rows = block.split("\n").slice(3, 3 + changed);
    expect(rows.map((r) => r.split(/\s{2,}/)[0])).toEqual(changes.ratings.map((c) => c.person));
    expect(new Set(changes.ratings.map((c) => c.person))).toEqual(
      new Set([...session.changed, session.zeroed]),
    );
    expect(rows[0]).toMatch(/\s(\d)\s+(\d)$/);
    const [, b, a] = /\s(\d)\s+(\d)$/.exec(rows[0]) as RegExpExecArray;
    expect(Number(a)).toBe(Number(b) - 1);
    expect(changes.statuses.map((s) => s.person)).toContain(session.zeroed);
    const status = run.stdout.slice(run.stdout.indexOf("Status changes"));
    expect(status).toContain(session.zeroed);
    expect(run.stdout).toContain("Changes per rater");
  });

  it("prints the core's rater effects, 9-box and changes as JSON", async () => {
    const run = await runCli(
      ["calibrate", "--ratings", "after.csv", "--baseline", "before.csv", "--format", "json"],
      dir,
    );
    expect(run.status).toBe(0);
    const { calibration, box, changes } = core();
    expect(JSON.parse(run.stdout)).toEqual(
      JSON.parse(
        JSON.stringify({
          raterModel: calibration.raterModel,
          raters: calibration.raters,
          nineBox: box,
          adjusted: calibration.adjusted,
          changes,
        }),
      ),
    );
  });

  it("prints CSV tables one after another that read back, the 9-box with its nine boxes", async () => {
    const run = await runCli(["calibrate", "--ratings", "after.csv", "--format", "csv"], dir);
    expect(run.status).toBe(0);
    const tables = run.stdout.split("\r\n\r\n").map((text) => parseCsv(text).rows);
    expect(tables[0][0]).toEqual([
      "Rater",
      "People",
      "Ratings",
      "Effect",
      "Standard error",
      "p",
      "Flag",
      "Reason",
    ]);
    expect(tables[1][0]).toEqual(["Next level", "Current level", "Box", "People", "Share"]);
    expect(tables[1].slice(1).filter((row) => row.length === 5)).toHaveLength(9);
  });

  it("uses other raters' ratings of the same people to estimate a rater who has no one else at their levels", async () => {
    const raterCol = header.indexOf("Rater");
    // A second manager rates Hannah Lindqvist's people one point lower on everything.
    const second = [
      header,
      ...before
        .slice(1)
        .filter((row) => row[raterCol] === "Hannah Lindqvist")
        .map((row) =>
          row.map((cell, i) =>
            i === raterCol
              ? "Amara Okafor"
              : i >= firstRating && typeof cell === "number"
                ? Math.max(0, cell - 1)
                : cell,
          ),
        ),
    ];
    fs.writeFileSync(file("second.csv"), toCsv(second));
    const effectOf = async (args: string[]) => {
      const run = await runCli(["calibrate", "--ratings", "before.csv", "--format", "json", ...args], dir);
      expect(run.status).toBe(0);
      const raters = (JSON.parse(run.stdout) as { raters: { rater: string; effect: number | null }[] })
        .raters;
      return raters.find((r) => r.rater === "Hannah Lindqvist")?.effect;
    };
    expect(await effectOf([])).toBeNull();
    expect(await effectOf(["--other-ratings", "second.csv"])).toBeGreaterThan(0.3);
  });

  it("needs --ratings, refuses options it does not take, and names a baseline it cannot read", async () => {
    const missing = await runCli(["calibrate"], dir);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("calibrate needs --ratings FILE");
    const output = await runCli(["calibrate", "--ratings", "after.csv", "-o", "x.xlsx"], dir);
    expect(output.status).toBe(2);
    expect(output.stderr).toContain("calibrate does not take --output");
    const baseline = await runCli(["calibrate", "--ratings", "after.csv", "--baseline", "gone.csv"], dir);
    expect(baseline.status).toBe(1);
    expect(baseline.stderr).toBe("gone.csv:1:1: cannot read the file: no such file\n");
    expect(baseline.stdout).toBe("");
  });
});
