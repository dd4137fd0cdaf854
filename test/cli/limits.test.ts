/** Limits said, not hit: sizes past what is read are refused at once with the limit; the terminal shows, never runs. */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { compileCli, ROOT, runCli } from "./run-cli";

jest.setTimeout(180_000);

let dir: string;
const file = (name: string): string => path.join(dir, name);
const HEADER = "Person,Track,Level,Rater,Team,code-review,mentoring";
const people = (count: number): string =>
  Array.from(
    { length: count },
    (_, i) => `Person ${i},Backend,Senior,Rater ${i % 40},Team ${i % 9},${1 + (i % 4)},3`,
  ).join("\n");

beforeAll(() => {
  compileCli();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "cm-limits-"));
  fs.writeFileSync(file("many.csv"), `${HEADER}\n${people(20_000)}\n`);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("limits", () => {
  it("refuses a ratings file over 50 MB before reading it", async () => {
    fs.writeFileSync(file("huge.csv"), "");
    fs.truncateSync(file("huge.csv"), 60 * 1024 * 1024);
    const run = await runCli(["score", "--ratings", "huge.csv"], dir);
    expect(run).toMatchObject({ status: 1, stdout: "" });
    expect(run.stderr).toBe(
      "huge.csv:1:1: the file is 60.0 MB; career-matrix reads ratings files of up to 50.0 MB: split it by team, or keep only the Person, Track, Level, Rater, Team and competency columns\n",
    );
  });

  it("refuses more than 200,000 people with the limit, and build more than 10,000", async () => {
    fs.writeFileSync(file("crowd.csv"), `${HEADER}\n${people(200_001)}\n`);
    expect(await runCli(["score", "--ratings", "crowd.csv"], dir)).toMatchObject({
      status: 1,
      stderr:
        "crowd.csv:200002:1: the file has 200,001 rows below its header; career-matrix reads up to 200,000 people from one file: split it by team\n",
    });
    fs.writeFileSync(file("team.csv"), `${HEADER}\n${people(10_001)}\n`);
    const run = await runCli(["build", "--ratings", "team.csv", "-o", "team.xlsx"], dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^team\.csv: 10,001 people; build writes at most 10,000 into one workbook/);
    expect(fs.existsSync(file("team.xlsx"))).toBe(false);
  });

  it("says a row wider than Excel's 16,384 columns and a cell longer than its 32,767 characters, at the cell", async () => {
    const wide = `${HEADER}${",x".repeat(16_400)}\nAna,Backend,Senior,,,3,3\n`;
    fs.writeFileSync(file("wide.csv"), wide);
    expect(await runCli(["score", "--ratings", "wide.csv"], dir)).toMatchObject({
      status: 1,
      stderr: expect.stringMatching(
        /^wide\.csv:1:16385: Row 1 has 16,407 columns; an Excel sheet holds 16,384: keep one column per competency/,
      ),
    });
    fs.writeFileSync(file("long.csv"), `${HEADER}\nAna,Backend,Senior,,,${"x".repeat(10_000_000)},3\n`);
    const run = await runCli(["build", "--ratings", "long.csv", "-o", "long.xlsx"], dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      "long.csv:2:6: F2 holds 10,000,000 characters; an Excel cell holds 32,767: shorten it.\n",
    );
    expect(fs.existsSync(file("long.xlsx"))).toBe(false);
  });

  it("cuts a long value in a message and shows control characters from names instead of sending them", async () => {
    const name = "Eve\u001b[31m RED\u0007";
    fs.writeFileSync(file("odd.csv"), `${HEADER}\n${name},Backend,,,,3,${"x".repeat(30_000)}\n`);
    const run = await runCli(["score", "--ratings", "odd.csv"], dir);
    expect(run.status).toBe(1);
    expect(run.stderr.includes("\u001b") || run.stderr.includes("\u0007")).toBe(false);
    expect(run.stderr).toContain("No level for Eve\\x1b[31m RED\\x07 in C2");
    expect(run.stderr).toContain('Rating "xxxxxxxxxx');
    expect(run.stderr).toContain('… (30,000 characters)" in G2 is not a rating');
    expect(Math.max(...run.stderr.split("\n").map((line) => line.length))).toBeLessThan(400);
  });
});

describe("standard output closed or full", () => {
  const bin = path.join(ROOT, "bin", "career-matrix.js");
  const shell = (command: string) =>
    spawnSync("bash", ["-c", command], { cwd: dir, encoding: "utf8", timeout: 120_000 });

  it("ends quietly when the reader stops early (| head -1)", () => {
    const run = shell(
      `"${process.execPath}" "${bin}" score --ratings many.csv --format csv | head -1; echo "exit \${PIPESTATUS[0]}" >&2`,
    );
    expect(run.stdout).toMatch(/^Person,Track,Level/);
    expect(run.stdout.trimEnd().split("\n")).toHaveLength(1);
    expect(run.stderr).toBe("exit 0\n");
  });

  it("says a write error and exits 1 (> /dev/full)", () => {
    const run = shell(`"${process.execPath}" "${bin}" score --ratings many.csv --format csv > /dev/full`);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe("career-matrix: cannot write the output: ENOSPC\n");
  });
});
