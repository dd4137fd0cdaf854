/** Every command through the Office host over the in-memory Excel workbook, as Excel would run it. */
import { careerMatrixFromFramework, levelWithGrade } from "../../src/core/career-matrix";
import { bundledFramework } from "../../src/data";
import { MemoryWorkbook } from "../../src/hosts/memory";
import { OfficeHost } from "../../src/hosts/office/office-host";
import {
  buildMatrix,
  createRatings,
  insertComparison,
  readCareerMatrix,
  scoreRatings,
} from "../../src/workbook/commands";
import { shiftFormula } from "../../src/sheets/formula-shift";
import { officeWorkbook, ratedWorkbook, sheetNamed, typeInto } from "./office-workbook";
import { newPeople, teamOf } from "./team";

const framework = bundledFramework();

describe("commands in Excel (Office host over the in-memory workbook)", () => {
  it("builds a matrix sheet with its headers, merges, freeze, drop-downs and colours", async () => {
    const { book, host } = officeWorkbook();
    await buildMatrix(host, framework, ["backend"], { keepEdits: true });
    const sheet = sheetNamed(book, "Backend matrix");
    expect(sheet.values[4].slice(0, 4)).toEqual([
      "Competency",
      "Junior Backend Engineer",
      null,
      "Intermediate Backend Engineer",
    ]);
    expect(sheet.values[4].slice(-3)).toEqual(["Short label", "Area", "Id"]);
    expect(sheet.values[5].slice(1, 3)).toEqual(["Value", "Expectation"]);
    expect(sheet.freeze).toEqual({ rows: 6, columns: 1 });
    expect(sheet.merges).toContain("B5:C5");
    expect(sheet.validations.find((v) => v.range.startsWith("B7:"))?.list).toEqual(["0", "1", "2", "3", "4"]);
    expect(sheet.conditionalFormats.filter((c) => c.kind === "colorScale").length).toBe(9);
    // The competency's name and each expectation wrap.
    expect(sheet.looks[7][0]).toMatchObject({ wrap: true });
    expect(sheet.looks[7][2]).toMatchObject({ wrap: true });
    expect(book.snapshot().names.map((n) => n.comment)).toEqual(["matrix:backend"]);
  });

  it("points problems in an edited matrix at the cells typed, and keeps the sheet as typed", async () => {
    const { book, host } = officeWorkbook();
    await buildMatrix(host, framework, ["backend"], { keepEdits: true });
    await typeInto(book, "Backend matrix", "B8", [[9]]);
    await typeInto(book, "Backend matrix", "A9", [[""]]);
    const { problems } = await readCareerMatrix(host, framework);
    expect(problems.map((p) => [p.sheet, p.cell, p.severity])).toEqual([
      ["Backend matrix", "B8", "error"],
      ["Backend matrix", "A9", "error"],
    ]);
    const result = await buildMatrix(host, framework, ["backend"], { keepEdits: true });
    expect(result.written).toEqual([]);
    expect(sheetNamed(book, "Backend matrix").values[7][1]).toBe(9);
  });

  it("creates Ratings with one header row, drop-downs and frozen names", async () => {
    const { book, team } = await ratedWorkbook(framework, 10);
    const sheet = sheetNamed(book, "Ratings");
    expect(sheet.values[0].slice(0, 8)).toEqual([
      "Person",
      "Track",
      "Level",
      "Rater",
      "Team",
      "Source",
      "Specialisation",
      "Takes part in trainings, triage and process review",
    ]);
    expect(sheet.values.slice(1).flatMap((r) => (r[0] === null ? [] : [r[0]]))).toEqual(
      team.map((p) => p.person),
    );
    expect(sheet.freeze).toEqual({ rows: 1, columns: 1 });
    expect(sheet.validations.map((v) => v.range.slice(0, 3))).toEqual(["B2:", "C2:", "F2:", "G2:", "H2:"]);
    expect(sheet.validations[2].list).toEqual(["Self", "Manager", "Peer"]);
    expect(sheet.validations[3].list).toEqual(["Ops & Enablement", "Secure"]);
  });

  it("scores into live heatmaps: formulas, percent formats, colour scales and status words", async () => {
    const { book, host } = await ratedWorkbook(framework, 10);
    const result = await scoreRatings(host, framework);
    expect(result.problems).toEqual([]);
    const snapshot = book.snapshot();
    expect(snapshot.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ["Sheet1", "Visible"],
      ["Ratings", "Visible"],
      ["Readiness", "Visible"],
      ["Agreement", "Visible"],
      ["Gaps at current level", "Visible"],
      ["Gaps at next level", "Visible"],
      ["Team summary", "Visible"],
      ["Calibration", "Visible"],
      ["9-box", "Visible"],
    ]);
    expect(snapshot.activeSheet).toBe("Readiness");
    const readiness = sheetNamed(book, "Readiness");
    expect(readiness.values[3].slice(0, 8)).toEqual([
      "Person",
      "Team",
      "Track",
      "Level",
      "Next level",
      "Readiness",
      "Coverage",
      "Status",
    ]);
    const first = result.scored[0];
    expect(readiness.values[4][0]).toBe(first.person.person);
    // Readiness at the next level: expectations found by the next level's key (column V) in the block below.
    expect(readiness.formulas[4][5]).toMatch(
      /^=IF\(\$A\$3<>"","",IF\(\$X5="","",IF\(ISNUMBER\(MATCH\(\$V5,\$A\$\d+:\$A\$\d+,0\)\),IFERROR\(SUMPRODUCT\(INDEX\(\$B\$\d+:\$[A-Z]+\$\d+,MATCH\(\$U5,/,
    );
    expect(readiness.values[4][5]).toBe(first.next?.readiness);
    // The ratings span starts at H, after Source and Specialisation.
    expect(readiness.formulas[4][8]).toMatch(
      /^=IF\(\$A\$3<>"","",IF\(\$X5="","",IF\(ISNUMBER\(MATCH\(\$U5&"\|[a-z-]+",\$A\$\d+:\$A\$\d+,0\)\),IFERROR\(SUMPRODUCT\(.*\*ISNUMBER\(INDEX\(Ratings!\$H:\$/,
    );
    // Every person's row holds the first row's formulas moved down, and shows the core's numbers.
    result.scored.forEach((s, i) => {
      const row = 4 + i;
      expect(readiness.values[row][0]).toBe(s.person.person);
      readiness.formulas[4].forEach((formula, column) => {
        if (formula !== null) expect(readiness.formulas[row][column]).toBe(shiftFormula(formula, i, 0));
      });
      expect(readiness.values[row][5]).toBe(s.next?.readiness ?? "");
      expect(readiness.values[row][6]).toBe(s.next?.coverage ?? "");
      const track = careerMatrixFromFramework(framework).tracks.find((t) => t.id === s.person.track);
      for (const level of s.levels) {
        const found = track?.levels.find((l) => l.id === level.level);
        const name = found ? levelWithGrade(found) : "";
        expect(readiness.values[row][readiness.values[3].indexOf(name)]).toBe(level.readiness);
      }
    });
    expect(readiness.looks[4][5]).toMatchObject({ numberFormat: "0%" });
    expect(readiness.conditionalFormats.map((c) => c.kind)).toEqual([
      "cellValue",
      "cellValue",
      "cellValue",
      "cellValue",
      "cellValue",
      "cellValue",
      "cellValue",
      "cellValue",
      "cellValue",
      "cellValue",
      // No manager rating yet, grey as Insufficient data.
      "cellValue",
      // The other next level where the paths fork: its readiness in the status bands and its status words.
      "cellValue",
      "cellValue",
      "cellValue",
      "cellValue",
      "cellValue",
      "cellValue",
      "cellValue",
      "cellValue",
    ]);
    expect(["Ready", "Almost", "Not yet", "Insufficient data"]).toContain(readiness.values[4][7]);
    const gaps = sheetNamed(book, "Gaps at current level");
    expect(gaps.conditionalFormats[0]).toMatchObject({
      kind: "colorScale",
      mid: { type: "number", value: 0 },
    });
  });

  async function syncsOf(command: string, size: number): Promise<{ syncs: number; maxRequest: number }> {
    const { book, host, team } = await ratedWorkbook(framework, size);
    if (command !== "createRatings") await scoreRatings(host, framework);
    await buildMatrix(host, framework, ["backend"], { keepEdits: true });
    book.resetCounters();
    if (command === "buildMatrix")
      await buildMatrix(host, framework, ["backend", "frontend"], { keepEdits: true });
    if (command === "createRatings")
      await createRatings(host, framework, newPeople(teamOf(size + 5).slice(team.length)));
    if (command === "scoreRatings") await scoreRatings(host, framework);
    if (command === "insertComparison")
      await insertComparison(
        host,
        framework,
        { track: "backend", level: "senior" },
        { track: "backend", level: "staff" },
      );
    return { syncs: book.syncCount, maxRequest: book.maxRequestBytes };
  }

  it("on a host that has not seen the workbook, every command that needs no scoring costs at most 3 syncs at 25 and 5,000 people, every request under 4 MB", async () => {
    for (const size of [25, 5000]) {
      const book = new MemoryWorkbook();
      await buildMatrix(new OfficeHost(book.run), framework, ["backend"], { keepEdits: true });
      const costs: Record<string, number> = {};
      const cost = async (command: string, action: (host: OfficeHost) => Promise<unknown>) => {
        book.resetCounters();
        await action(new OfficeHost(book.run));
        expect({ size, command, largest: book.maxRequestBytes < 4 * 1024 * 1024 }).toEqual({
          size,
          command,
          largest: true,
        });
        costs[command] = book.syncCount;
      };
      await cost("create the Ratings sheet", (host) =>
        createRatings(host, framework, newPeople(teamOf(size))),
      );
      await cost("add 5 people", (host) =>
        createRatings(host, framework, newPeople(teamOf(size + 5).slice(size))),
      );
      await cost("rebuild the matrix", (host) =>
        buildMatrix(host, framework, ["backend", "frontend"], { keepEdits: true }),
      );
      await cost("compare", (host) =>
        insertComparison(
          host,
          framework,
          { track: "backend", level: "senior" },
          { track: "backend", level: "staff" },
        ),
      );
      expect({ size, costs }).toEqual({
        size,
        costs: { "create the Ratings sheet": 3, "add 5 people": 3, "rebuild the matrix": 3, compare: 3 },
      });
    }
  });

  it.each([["buildMatrix"], ["createRatings"], ["insertComparison"]])(
    "%s costs the same syncs for 10 and 2,000 people",
    async (command) => {
      const few = await syncsOf(command, 10);
      expect(few.syncs).toBeLessThanOrEqual(3);
      expect((await syncsOf(command, 2000)).syncs).toBe(few.syncs);
    },
  );

  it("re-running scoring is idempotent", async () => {
    const { book, host } = await ratedWorkbook(framework, 12);
    await scoreRatings(host, framework);
    const first = book.snapshot();
    await scoreRatings(host, framework);
    expect(book.snapshot()).toEqual(first);
  });

  it("keeps every rating when the matrix is refreshed and Ratings is rebuilt", async () => {
    const { book, host } = await ratedWorkbook(framework, 12);
    await scoreRatings(host, framework);
    const before = sheetNamed(book, "Ratings").values;
    await buildMatrix(host, framework, ["backend", "frontend"], { keepEdits: false });
    await createRatings(host, framework, []);
    expect(sheetNamed(book, "Ratings").values).toEqual(before);
    const readiness = sheetNamed(book, "Readiness");
    expect(readiness.formulas[4][5]).toMatch(/^=/);
  });

  it("at a failure in any sync of scoring, leaves the workbook exactly as it was or as scoring leaves it", async () => {
    const expected = await ratedWorkbook(framework, 8);
    await scoreRatings(expected.host, framework);
    await buildMatrix(expected.host, framework, ["backend"], { keepEdits: true });
    const before = expected.book.snapshot();
    expected.book.resetCounters();
    await scoreRatings(expected.host, framework);
    const after = expected.book.snapshot();
    const syncs = expected.book.requests.map((r) => r.operations);
    // A look and a write at least: the loops below must have faults to inject.
    expect(syncs.length).toBeGreaterThanOrEqual(2);

    for (let sync = 1; sync <= syncs.length; sync++) {
      for (const op of [0, Math.floor(syncs[sync - 1] / 2), syncs[sync - 1] - 1]) {
        const { book, host } = await ratedWorkbook(framework, 8);
        await scoreRatings(host, framework);
        await buildMatrix(host, framework, ["backend"], { keepEdits: true });
        book.failAt({ sync, op });
        // A failed look is looked at again (the host guessed where a sheet was); any other failure is reported.
        const outcome = await scoreRatings(host, framework).then(
          () => "scored",
          (error: unknown) => String(error),
        );
        expect(outcome).toMatch(/^scored$|nothing was changed|left as it was|was completed/);
        const now = JSON.stringify(book.snapshot());
        if (outcome === "scored") expect(now).toBe(JSON.stringify(after));
        expect([JSON.stringify(before), JSON.stringify(after)]).toContain(now);
      }
    }
  });
});
