/** Every command through the Office host over the in-memory Excel workbook, as Excel would run it. */
import { bundledFramework } from "../../src/data";
import {
  buildMatrix,
  createRatings,
  insertComparison,
  readCareerMatrix,
  scoreRatings,
} from "../../src/workbook/commands";
import { officeWorkbook, sheetNamed, typeInto, typeRatings } from "./office-workbook";
import { newPeople, teamOf } from "./team";

const framework = bundledFramework();

async function ratedWorkbook(size: number) {
  const workbook = officeWorkbook();
  const team = teamOf(size);
  await createRatings(workbook.host, framework, newPeople(team));
  await typeRatings(workbook.book, framework, team);
  return { ...workbook, team };
}

describe("commands in Excel (Office host over the in-memory workbook)", () => {
  it("builds a matrix sheet with its headers, merges, freeze, drop-downs and colours", async () => {
    const { book, host } = officeWorkbook();
    await buildMatrix(host, framework, ["backend"], { keepEdits: true });
    const sheet = sheetNamed(book, "Backend matrix");
    expect(sheet.values[4].slice(0, 4)).toEqual(["Area", "Competency", "Id", "Junior Backend Engineer"]);
    expect(sheet.values[5].slice(3, 5)).toEqual(["Value", "Expectation"]);
    expect(sheet.freeze).toEqual({ rows: 6, columns: 3 });
    expect(sheet.merges).toContain("D5:E5");
    expect(sheet.validations.find((v) => v.range.startsWith("D7:"))?.list).toEqual(["0", "1", "2", "3", "4"]);
    expect(sheet.conditionalFormats.filter((c) => c.kind === "colorScale").length).toBe(9);
    expect(sheet.looks[7][4]).toMatchObject({ wrap: true });
    expect(book.snapshot().names.map((n) => n.comment)).toEqual(["matrix:backend"]);
  });

  it("points problems in an edited matrix at the cells typed, and keeps the sheet as typed", async () => {
    const { book, host } = officeWorkbook();
    await buildMatrix(host, framework, ["backend"], { keepEdits: true });
    await typeInto(book, "Backend matrix", "D8", [[9]]);
    await typeInto(book, "Backend matrix", "B9", [[""]]);
    const { problems } = await readCareerMatrix(host, framework);
    expect(problems.map((p) => [p.sheet, p.cell, p.severity])).toEqual([
      ["Backend matrix", "D8", "error"],
      ["Backend matrix", "B9", "error"],
    ]);
    const result = await buildMatrix(host, framework, ["backend"], { keepEdits: true });
    expect(result.written).toEqual([]);
    expect(sheetNamed(book, "Backend matrix").values[7][3]).toBe(9);
  });

  it("creates Ratings with one header row, drop-downs and frozen names", async () => {
    const { book, team } = await ratedWorkbook(10);
    const sheet = sheetNamed(book, "Ratings");
    expect(sheet.values[0].slice(0, 6)).toEqual([
      "Person",
      "Track",
      "Level",
      "Rater",
      "Team",
      "Takes part in trainings, triage and process review",
    ]);
    expect(sheet.values.slice(1).flatMap((r) => (r[0] === null ? [] : [r[0]]))).toEqual(
      team.map((p) => p.person),
    );
    expect(sheet.freeze).toEqual({ rows: 1, columns: 1 });
    expect(sheet.validations.map((v) => v.range.slice(0, 3))).toEqual(["B2:", "C2:", "F2:"]);
  });

  it("scores into live heatmaps: formulas, percent formats, colour scales and status words", async () => {
    const { book, host } = await ratedWorkbook(10);
    const result = await scoreRatings(host, framework);
    expect(result.problems).toEqual([]);
    const snapshot = book.snapshot();
    expect(snapshot.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ["Sheet1", "Visible"],
      ["Ratings", "Visible"],
      ["Readiness", "Visible"],
      ["Gaps at current level", "Visible"],
      ["Gaps at next level", "Visible"],
      ["Team summary", "Visible"],
      ["Calibration", "Visible"],
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
    expect(readiness.formulas[4][5]).toMatch(/^=[A-Z]+5$/);
    expect(readiness.values[4][5]).toBe(first.next?.readiness);
    expect(readiness.formulas[4][8]).toMatch(
      /^=IF\(\$R5="","",IFERROR\(SUMPRODUCT\(\{[\d,.]+\}\*ISNUMBER\(INDEX\(Ratings!\$F:\$/,
    );
    expect(readiness.looks[4][5]).toMatchObject({ numberFormat: "0%" });
    expect(readiness.conditionalFormats.map((c) => c.kind)).toEqual([
      "colorScale",
      "colorScale",
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
    const { book, host, team } = await ratedWorkbook(size);
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

  it.each([["buildMatrix"], ["createRatings"], ["insertComparison"]])(
    "%s costs the same syncs for 10 and 2,000 people",
    async (command) => {
      const few = await syncsOf(command, 10);
      expect(few.syncs).toBeLessThanOrEqual(5);
      expect((await syncsOf(command, 2000)).syncs).toBe(few.syncs);
    },
  );

  it("scoreRatings costs the same 5 syncs for 10 and 300 people, and keeps every request under 5 MB at 2,000", async () => {
    expect((await syncsOf("scoreRatings", 10)).syncs).toBe(5);
    expect((await syncsOf("scoreRatings", 300)).syncs).toBe(5);
    // Live formulas are one per person and competency: past about 3.5 MB the host adds a build request.
    const large = await syncsOf("scoreRatings", 2000);
    expect(large.maxRequest).toBeLessThan(5 * 1024 * 1024);
    expect(large.syncs).toBeLessThanOrEqual(10);
  });

  it("re-running scoring is idempotent", async () => {
    const { book, host } = await ratedWorkbook(12);
    await scoreRatings(host, framework);
    const first = book.snapshot();
    await scoreRatings(host, framework);
    expect(book.snapshot()).toEqual(first);
  });

  it("keeps every rating when the matrix is refreshed and Ratings is rebuilt", async () => {
    const { book, host } = await ratedWorkbook(12);
    await scoreRatings(host, framework);
    const before = sheetNamed(book, "Ratings").values;
    await buildMatrix(host, framework, ["backend", "frontend"], { keepEdits: false });
    await createRatings(host, framework, []);
    expect(sheetNamed(book, "Ratings").values).toEqual(before);
    const readiness = sheetNamed(book, "Readiness");
    expect(readiness.formulas[4][5]).toMatch(/^=/);
  });

  it("leaves the workbook as it was when the write fails before its swap", async () => {
    const probe = await ratedWorkbook(8);
    await scoreRatings(probe.host, framework);
    probe.book.resetCounters();
    await scoreRatings(probe.host, framework);
    const syncs = probe.book.syncCount;

    const { book, host } = await ratedWorkbook(8);
    await scoreRatings(host, framework);
    const before = book.snapshot();
    // The write's own syncs: inspect, then build; the swap (last) is the host's to roll back.
    for (let sync = syncs - 2; sync < syncs; sync++) {
      book.failAt({ sync });
      await expect(scoreRatings(host, framework)).rejects.toThrow();
      expect(book.snapshot()).toEqual(before);
    }
  });
});
