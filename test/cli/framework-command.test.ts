/** `career-matrix framework validate|export`, and --framework FILE on every command, run as a user runs them. */
import ExcelJS from "exceljs";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { bundledFramework } from "../../src/data";
import { readXlsx } from "../../src/hosts/xlsx/xlsx-reader";
import { runCli } from "./run-cli";

jest.setTimeout(180_000);

let dir: string;
const file = (name: string): string => path.join(dir, name);
const json = (value: unknown): string => JSON.stringify(value, null, 2);
/** A JavaScript stack trace line, which a user must never see. */
const STACK = /^\s+at .+\(.+:\d+:\d+\)$/m;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "cm-framework-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("career-matrix framework validate", () => {
  it("says a good framework file is good, and exits 0", async () => {
    fs.writeFileSync(file("good.json"), json(bundledFramework()));
    expect(await runCli(["framework", "validate", "good.json"], dir)).toEqual({
      status: 0,
      stdout:
        'good.json: a valid framework, "GitLab Engineering Career Framework": 11 tracks, 9 levels, 29 competencies\n',
      stderr: "",
    });
  });

  it.each([
    [
      "a wrong type",
      () => json({ ...bundledFramework(), scoring: { ...bundledFramework().scoring, ready: "high" } }),
      /^bad\.json:\$\.scoring\.ready: expected a number, found "high"$/m,
    ],
    [
      "an unknown reference",
      () => json({ ...bundledFramework(), transfers: [{ from: "A", to: "B", toTrack: "nope" }] }),
      /^bad\.json:\$\.transfers\[0\]\.toTrack: expected one of the track ids .*, found 'nope'$/m,
    ],
    [
      "JSON with comments",
      () => '{\n  // mine\n  "id": "x"\n}',
      /^bad\.json:2:3: JSON does not allow comments/m,
    ],
    ["a list", () => "[1, 2]", /^bad\.json:\$: expected a framework/m],
    ["a 5 MB file", () => " ".repeat(5 * 1024 * 1024), /^bad\.json:1:1: the file is 5\.0 MB/m],
    [
      "invalid UTF-8",
      () => Buffer.from([...Buffer.from('{"id": "caf'), 0xe9, ...Buffer.from('"}')]),
      /^bad\.json:1:12: not UTF-8 \(byte 0xE9 at offset 11\)/m,
    ],
  ])("prints FILE:$.path: message for %s, exits 1, never a stack trace", async (_kind, contents, line) => {
    fs.writeFileSync(file("bad.json"), contents());
    const run = await runCli(["framework", "validate", "bad.json"], dir);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(line);
    expect(run.stderr).not.toMatch(STACK);
  });

  it("gives the same problems through --framework on build, score and compare", async () => {
    fs.writeFileSync(file("bad.json"), json({ ...bundledFramework(), scale: [] }));
    fs.writeFileSync(file("team.csv"), "Person,Track,Level,Rater,Team\nAna,Backend,Senior,Bo,Create\n");
    const expected = "bad.json:$.scale: expected a scale of at least two values, found a list of 0\n";
    for (const args of [
      ["build", "--framework", "bad.json", "-o", "out.xlsx"],
      ["score", "--ratings", "team.csv", "--framework", "bad.json"],
      ["compare", "--from", "backend:senior", "--to", "backend:staff", "--framework", "bad.json"],
    ]) {
      expect([args[0], await runCli(args, dir)]).toEqual([
        args[0],
        { status: 1, stdout: "", stderr: expected },
      ]);
    }
    expect(fs.existsSync(file("out.xlsx"))).toBe(false);
  });

  it.each([
    [["framework"], "framework needs validate or export"],
    [["framework", "check", "a.json"], 'framework has no "check"; it has validate and export'],
    [["framework", "validate"], "framework validate needs FILE.json"],
    [["framework", "validate", "a.json", "--ratings", "x.csv"], "framework validate does not take --ratings"],
    [["framework", "export", "-o", "a.json"], "framework export needs --from BOOK.xlsx"],
    [["framework", "export", "--from", "b.xlsx"], "framework export needs -o FILE.json"],
    [["framework", "export", "--from", "b.xlsx", "-o", "a.txt"], "-o a.txt: the output must end in .json"],
  ])("exits 2 with the usage for %j", async (args, message) => {
    const run = await runCli(args, dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`career-matrix: ${message}\n`);
  });
});

describe("career-matrix framework export", () => {
  it("saves the matrix sheets as edited; building from the file gives the same sheets", async () => {
    const tracks = "backend,distribution";
    expect((await runCli(["build", "--tracks", tracks, "-o", "book.xlsx"], dir)).status).toBe(0);
    // A manager's edit in Excel: the Senior expectation of the first Backend competency, in their own words.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file("book.xlsx"));
    const sheet = workbook.getWorksheet("Backend matrix")!;
    const seniorColumn = (sheet.getRow(5).values as unknown[]).indexOf("Senior Backend Engineer");
    sheet.getCell(8, seniorColumn + 1).value = "Leads the team's retrospectives.";
    await workbook.xlsx.writeFile(file("book.xlsx"));

    const saved = await runCli(["framework", "export", "--from", "book.xlsx", "-o", "ours.json"], dir);
    expect(saved).toEqual({ status: 0, stdout: "", stderr: "" });
    const ours = JSON.parse(fs.readFileSync(file("ours.json"), "utf8"));
    expect(JSON.stringify(ours)).toContain("Leads the team's retrospectives.");
    expect((await runCli(["framework", "validate", "ours.json"], dir)).status).toBe(0);

    expect(
      (await runCli(["build", "--framework", "ours.json", "--tracks", tracks, "-o", "again.xlsx"], dir))
        .status,
    ).toBe(0);
    const matrices = async (name: string) =>
      (await readXlsx(fs.readFileSync(file(name))))
        .filter((s) => s.key?.startsWith("matrix:"))
        .map((s) => [s.name, s.values]);
    expect(await matrices("again.xlsx")).toEqual(await matrices("book.xlsx"));

    // Saving again from the rebuilt workbook gives the same file: the round trip is stable.
    expect(
      (
        await runCli(
          ["framework", "export", "--from", "again.xlsx", "--framework", "ours.json", "-o", "again.json"],
          dir,
        )
      ).status,
    ).toBe(0);
    expect(fs.readFileSync(file("again.json"), "utf8")).toBe(fs.readFileSync(file("ours.json"), "utf8"));
  });

  it("keeps the framework of build --framework in the workbook, and exports with it", async () => {
    const own = JSON.parse(JSON.stringify(bundledFramework()));
    own.name = "Our framework";
    own.levels.find((l: { id: string }) => l.id === "staff").name = "Staff (ours)";
    fs.writeFileSync(file("own.json"), json(own));
    expect(
      (await runCli(["build", "--framework", "own.json", "--tracks", "backend", "-o", "kept.xlsx"], dir))
        .status,
    ).toBe(0);
    const sheets = await readXlsx(fs.readFileSync(file("kept.xlsx")));
    expect(sheets.find((s) => s.key === "framework")).toMatchObject({
      name: "Framework in use",
      hidden: true,
    });

    expect(await runCli(["framework", "export", "--from", "kept.xlsx", "-o", "back.json"], dir)).toEqual({
      status: 0,
      stdout: "",
      stderr: "",
    });
    const back = JSON.parse(fs.readFileSync(file("back.json"), "utf8"));
    expect(back.name).toBe("Our framework");
    expect(back.levels.find((l: { id: string }) => l.id === "staff").name).toBe("Staff (ours)");
  });

  it("points at the cell that stops the save, and writes nothing", async () => {
    expect((await runCli(["build", "--tracks", "backend", "-o", "book2.xlsx"], dir)).status).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file("book2.xlsx"));
    workbook.getWorksheet("Backend matrix")!.getCell("B8").value = "lots";
    await workbook.xlsx.writeFile(file("book2.xlsx"));
    const run = await runCli(["framework", "export", "--from", "book2.xlsx", "-o", "never.json"], dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^book2\.xlsx:8:2: Backend matrix!B8: "lots" is not on the scale/m);
    expect(fs.existsSync(file("never.json"))).toBe(false);
  });
});
