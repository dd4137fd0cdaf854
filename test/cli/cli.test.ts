import ExcelJS from "exceljs";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { careerMatrixFromFramework } from "../../src/core/career-matrix";
import { readRatings } from "../../src/core/ratings";
import { scoreTeam } from "../../src/core/readiness";
import { bundledFramework } from "../../src/data";
import { parseCsv } from "../../src/export/csv";
import { readXlsx } from "../../src/hosts/xlsx/xlsx-reader";
import { compileCli, runBin, runCli } from "./run-cli";

jest.setTimeout(120_000);

const BOM = "\uFEFF";
/** Semicolons, a BOM, quoted names with a comma, a quote and a line break, and non-Latin letters. */
const RATINGS_CSV =
  BOM +
  [
    "Person;Track;Level;Rater;Team;code-review;mentoring;domain-expertise;architecture",
    '"Lima; Ana ""AL""";Backend;Senior;Amara Okafor;Create;4;3;4;3',
    '"Петров,\nИван";backend;intermediate;Amara Okafor;Create;3;;2;3',
    "王芳;Backend;Staff;Hannah Lindqvist;Verify;4;4;4;4",
    "",
  ].join("\r\n");

let dir: string;
const file = (name: string): string => path.join(dir, name);

beforeAll(() => {
  compileCli();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "cm-cli-"));
  fs.writeFileSync(file("team.csv"), RATINGS_CSV);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("career-matrix usage", () => {
  it("prints the usage with --help and exits 0, and a wrong command's message and usage with 2 (the bin itself)", () => {
    const run = runBin(["--help"], dir);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Usage: career-matrix <command>/);
    expect(run.stdout).toMatch(/build .*-o OUT\.xlsx/);
    expect(run.stderr).toBe("");
    const wrong = runBin(["frobnicate"], dir);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain('career-matrix: unknown command "frobnicate"');
    expect(wrong.stderr).toContain("Usage: career-matrix");
    expect(wrong.stdout).toBe("");
  });

  it.each([
    [[], "no command given"],
    [["frobnicate"], 'unknown command "frobnicate"'],
    [["score"], "score needs either --ratings FILE or --into BOOK.xlsx"],
    [["score", "--ratings", "x.csv", "--format", "yaml"], "--format must be table, json or csv"],
    [["score", "--ratings", "x.csv", "--bogus"], "Unknown option '--bogus'"],
    [["build"], "build needs either -o OUT.xlsx (a new workbook) or --into BOOK.xlsx (update one)"],
    [["build", "-o", "out.pdf"], "the output must end in .xlsx"],
    [["build", "--tracks", "backend,nope", "-o", "out.xlsx"], "no track nope"],
    [["compare", "--from", "backend", "--to", "backend:staff"], '--from must be TRACK:LEVEL, not "backend"'],
    [["compare", "--from", "backend:senior", "--to", "backend:wizard"], 'Backend has no level "wizard"'],
    [["score", "--ratings", "x.csv", "-o", "y.xlsx"], "score does not take --output"],
  ])("exits 2 with the message and the usage for %j", async (args, message) => {
    const run = await runCli(args, dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr).toContain("Usage: career-matrix");
    expect(run.stdout).toBe("");
  });
});

describe("career-matrix score", () => {
  const matrix = careerMatrixFromFramework(bundledFramework());
  const expected = scoreTeam(matrix, readRatings(parseCsv(RATINGS_CSV).rows, matrix).people);

  it("reads a semicolon CSV with BOM and quoted names, and prints readiness per person as a table", async () => {
    const run = await runCli(["score", "--ratings", "team.csv"], dir);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe("");
    const lines = run.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^Person\s+Track\s+Level\s+Team\s+Rater\s+Readiness\s+Status\s+Next level/);
    expect(lines[1]).toMatch(/^-+ +-+/);
    // Readiness names people as the ratings reader does, inner spacing (here a line break) collapsed.
    expect(lines.slice(2).map((line) => line.split(/\s{2,}/)[0])).toEqual([
      'Lima; Ana "AL"',
      "Петров, Иван",
      "王芳",
    ]);
    const ana = expected[0].current!;
    expect(lines[2]).toContain(`${Math.round(ana.readiness * 100)}%`);
  });

  it("prints the core's readiness for every person and level as JSON", async () => {
    const run = await runCli(["score", "--ratings", "team.csv", "--format", "json"], dir);
    expect(run.status).toBe(0);
    const people = JSON.parse(run.stdout) as {
      person: string;
      levels: { level: string; readiness: number }[];
    }[];
    expect(people.map((p) => p.person)).toEqual(['Lima; Ana "AL"', "Петров, Иван", "王芳"]);
    people.forEach((person, i) => {
      expect(person.levels).toEqual(
        expected[i].levels.map((l) => expect.objectContaining({ level: l.level, readiness: l.readiness })),
      );
    });
  });

  it("prints CSV that reads back with the same names", async () => {
    const run = await runCli(["score", "--ratings", "team.csv", "--format", "csv"], dir);
    expect(run.status).toBe(0);
    const rows = parseCsv(run.stdout).rows;
    expect(rows[0].slice(0, 3)).toEqual(["Person", "Track", "Level"]);
    expect(rows.slice(1).map((row) => row[0])).toEqual(['Lima; Ana "AL"', "Петров, Иван", "王芳"]);
    expect(rows[1][5]).toBeCloseTo(expected[0].current!.readiness, 12);
  });

  it("reads the ratings from an .xlsx workbook built by career-matrix", async () => {
    expect((await runCli(["build", "--ratings", "team.csv", "-o", "from-csv.xlsx"], dir)).status).toBe(0);
    const run = await runCli(["score", "--ratings", "from-csv.xlsx", "--format", "json"], dir);
    expect(run.status).toBe(0);
    const people = JSON.parse(run.stdout) as { person: string; current: { readiness: number } }[];
    expect(people.map((p) => [p.person, p.current.readiness])).toEqual(
      expected.map((p) => [p.person.person, p.current!.readiness]),
    );
  });

  it("exits 1 and lists each problem as FILE:ROW:COLUMN: message, printing nothing on stdout", async () => {
    fs.writeFileSync(
      file("bad.csv"),
      "Person,Track,Level,code-review\r\nAna,Backend,Senior,9\r\nBo,Plumbing,Senior,2\r\n",
    );
    const run = await runCli(["score", "--ratings", "bad.csv"], dir);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe("");
    const lines = run.stderr.trimEnd().split("\n");
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^bad\.csv:2:4: Rating "9" in D2 is off the scale/),
        expect.stringMatching(/^bad\.csv:3:2: Track "Plumbing" in B3 is not in the matrix/),
      ]),
    );
  });

  it("points a malformed CSV at its record, and a missing file at the file", async () => {
    fs.writeFileSync(file("open-quote.csv"), 'Person,Track,Level\nAna,"Backend,Senior\n');
    expect(await runCli(["score", "--ratings", "open-quote.csv"], dir)).toMatchObject({
      status: 1,
      stderr: expect.stringMatching(/^open-quote\.csv:2:\d+: .*quote/),
    });
    // The bin itself: exit status 1 and the message alone on standard error.
    expect(runBin(["score", "--ratings", "missing.csv"], dir)).toEqual({
      status: 1,
      stdout: "",
      stderr: "missing.csv:1:1: cannot read the file: no such file\n",
    });
  });
});

describe("career-matrix build", () => {
  it("writes the add-in's workbook for the bundled sample team, opening on the readiness heatmap", async () => {
    // The bin itself, as a user runs it.
    const run = runBin(["build", "--tracks", "backend,frontend", "-o", "sample.xlsx"], dir);
    expect(run).toMatchObject({ status: 0, stdout: "" });
    // stderr is not a terminal here: no progress lines.
    expect(run.stderr).toBe("");
    const sheets = await readXlsx(fs.readFileSync(file("sample.xlsx")));
    // The sheets a user sees; helper sheets the formulas read may be hidden among them.
    expect(sheets.filter((s) => !s.hidden).map((s) => s.key)).toEqual([
      "matrix:backend",
      "matrix:frontend",
      "ratings",
      "readiness-heatmap",
      "agreement-heatmap",
      "competency-heatmap:current",
      "competency-heatmap:next",
      "team-summary",
      "calibration",
      "nine-box",
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(fs.readFileSync(file("sample.xlsx")) as unknown as ExcelJS.Buffer);
    const active = workbook.views[0].activeTab ?? 0;
    expect(sheets[active].key).toBe("readiness-heatmap");
    const ratings = sheets.find((s) => s.key === "ratings")!;
    expect(ratings.values.length).toBeGreaterThan(10);
    expect(new Set(ratings.values.slice(1).map((row) => row[1]))).toEqual(new Set(["Backend", "Frontend"]));
  });

  it("keeps every name of the ratings file on the Ratings sheet", async () => {
    expect((await runCli(["build", "--ratings", "team.csv", "-o", "team.xlsx"], dir)).status).toBe(0);
    const sheets = await readXlsx(fs.readFileSync(file("team.xlsx")));
    const ratings = sheets.find((s) => s.key === "ratings")!;
    expect(ratings.values.slice(1).map((row) => row[0])).toEqual(['Lima; Ana "AL"', "Петров,\nИван", "王芳"]);
  });

  it("leaves an existing output untouched and no temporary file when the input is bad", async () => {
    fs.writeFileSync(file("keep.xlsx"), "previous workbook");
    fs.writeFileSync(file("bad-level.csv"), "Person,Track,Level,code-review\nAna,Backend,Wizard,3\n");
    const run = await runCli(["build", "--ratings", "bad-level.csv", "-o", "keep.xlsx"], dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^bad-level\.csv:2:3: Level "Wizard" in C2/m);
    expect(fs.readFileSync(file("keep.xlsx"), "utf8")).toBe("previous workbook");
    expect(fs.readdirSync(dir).filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });

  it("exits 1 naming the output when it cannot be written, leaving nothing behind", async () => {
    const run = await runCli(["build", "-o", "no-such-dir/out.xlsx"], dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^no-such-dir\/out\.xlsx:1:1: cannot write the file/);
    expect(fs.existsSync(file("no-such-dir"))).toBe(false);
  });

  it("names the bad field of a broken framework file", async () => {
    const framework = JSON.parse(JSON.stringify(bundledFramework()));
    framework.scoring.ready = "high";
    fs.writeFileSync(file("framework.json"), JSON.stringify(framework, null, 2));
    fs.writeFileSync(file("broken.json"), '{\n  "id": "x",\n  oops\n}');
    expect(await runCli(["build", "--framework", "framework.json", "-o", "f.xlsx"], dir)).toMatchObject({
      status: 1,
      stderr: expect.stringMatching(/^framework\.json:\$\.scoring\.ready: /),
    });
    expect(await runCli(["build", "--framework", "broken.json", "-o", "f.xlsx"], dir)).toMatchObject({
      status: 1,
      stderr: expect.stringMatching(/^broken\.json:3:3: /),
    });
    expect(fs.existsSync(file("f.xlsx"))).toBe(false);
  });
});

describe("career-matrix compare", () => {
  it("prints the expectations of two levels side by side when there is no -o", async () => {
    const run = await runCli(["compare", "--from", "backend:senior", "--to", "Backend:Staff"], dir);
    expect(run.status).toBe(0);
    const lines = run.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^Area\s+Competency\s+Expectation: Senior Backend Engineer.*Change$/);
    expect(lines.length).toBeGreaterThan(10);
  });

  it("writes a CSV with the descriptors, and a one-sheet workbook", async () => {
    expect(
      (await runCli(["compare", "--from", "backend:senior", "--to", "frontend:senior", "-o", "cmp.csv"], dir))
        .status,
    ).toBe(0);
    const rows = parseCsv(fs.readFileSync(file("cmp.csv"), "utf8")).rows;
    expect(rows[0]).toEqual([
      "Area",
      "Competency",
      expect.stringMatching(/^Expectation: /),
      expect.stringMatching(/^Expectation: /),
      "Change",
      expect.stringMatching(/^Descriptor: /),
      expect.stringMatching(/^Descriptor: /),
    ]);
    expect(rows.slice(1).some((row) => typeof row[5] === "string" && row[5].length > 20)).toBe(true);

    expect(
      (await runCli(["compare", "--from", "backend:senior", "--to", "backend:staff", "-o", "cmp.xlsx"], dir))
        .status,
    ).toBe(0);
    const sheets = await readXlsx(fs.readFileSync(file("cmp.xlsx")));
    expect(sheets).toHaveLength(1);
    expect(sheets[0].key).toMatch(/^comparison:/);
  });
});

describe("career-matrix reading a workbook", () => {
  it("finds the ratings table below a title and points problems at the workbook's own rows", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Ratings");
    sheet.addRows([
      ["Team ratings, Q3"],
      [],
      ["Person", "Track", "Level", "code-review"],
      ["Ana", "Backend", "Senior", 3],
      ["Bo", "Backend", "Senior", 7],
    ]);
    fs.writeFileSync(file("titled.xlsx"), new Uint8Array(await workbook.xlsx.writeBuffer()));
    const run = await runCli(["score", "--ratings", "titled.xlsx"], dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^titled\.xlsx:5:4: Rating "7" in D5 is off the scale/m);
  });
});
