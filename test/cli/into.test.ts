/**
 * The command line on a workbook the user has built on: `score --ratings BOOK.xlsx` scores against the workbook's
 * matrix sheets as edited, and `build --into` / `score --into` update the owned sheets in place, leaving the user's
 * own sheet, formulas and names as they were; LibreOffice then recalculates the user's formulas over the new sheets.
 */
import ExcelJS from "exceljs";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { careerMatrixFromFramework } from "../../src/core/career-matrix";
import { bundledFramework } from "../../src/data";
import { readXlsx } from "../../src/hosts/xlsx/xlsx-reader";
import { columnLetter } from "../../src/sheets/a1";
import { firstRatingColumn } from "../../src/sheets/ratings-sheet";
import { convert, describeWithLibreOffice } from "../libreoffice/libreoffice";
import { runCli } from "./run-cli";

jest.setTimeout(240_000);

let dir: string;
const file = (name: string): string => path.join(dir, name);
/** The Ratings sheet's first rating column, after Person…Source and Specialisation. */
const FIRST_INDEX = firstRatingColumn(careerMatrixFromFramework(bundledFramework()));
const FIRST = columnLetter(FIRST_INDEX);

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "cm-into-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

interface ScoredPerson {
  person: string;
  level: string;
  current: { readiness: number; blockers: { competency: string; gap: number }[] } | null;
}

async function scoreJson(args: string[]): Promise<ScoredPerson[]> {
  const run = await runCli(["score", ...args, "--format", "json"], dir);
  expect({ status: run.status, stderr: run.stderr }).toMatchObject({ status: 0 });
  return JSON.parse(run.stdout) as ScoredPerson[];
}

async function edit(book: string, change: (workbook: ExcelJS.Workbook) => void): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(book);
  change(workbook);
  await workbook.xlsx.writeFile(book);
}

describeWithLibreOffice("a workbook the user built on, through the command line", () => {
  it("scores against its edited matrix and updates it in place, keeping the user's sheet, formulas and names", async () => {
    const book = file("team.xlsx");
    expect((await runCli(["build", "--tracks", "backend", "-o", book], dir)).status).toBe(0);

    // A Senior rated 3 for code review, then the manager raises the Senior expectation from 3 to 4 on the matrix.
    let senior = "";
    await edit(book, (workbook) => {
      const ratings = workbook.getWorksheet("Ratings")!;
      const header = ratings.getRow(1).values as unknown[];
      const codeReview = header.findIndex((h) => typeof h === "string" && h.startsWith("Reviews code"));
      ratings.eachRow((row, n) => {
        if (n > 1 && !senior && String(row.getCell(3).value).startsWith("Senior")) {
          senior = String(row.getCell(1).value);
          row.getCell(codeReview).value = 3;
        }
      });
      const matrix = workbook.getWorksheet("Backend matrix")!;
      expect(matrix.getCell("V9").value).toBe("code-review");
      expect(matrix.getCell("F9").value).toBe(3);
      matrix.getCell("F9").value = 4;
    });
    expect(senior).not.toBe("");
    const edited = (await scoreJson(["--ratings", book])).find((p) => p.person === senior);
    expect(edited?.current?.blockers).toContainEqual({ competency: "code-review", gap: -1 });

    // The user's own sheet over the add-in's: formulas, a defined name.
    await edit(book, (workbook) => {
      const summary = workbook.addWorksheet("Summary");
      summary.getCell("A1").value = { formula: "Readiness!F5" } as ExcelJS.CellFormulaValue;
      summary.getCell("B1").value = { formula: `SUM(Ratings!${FIRST}:${FIRST})` } as ExcelJS.CellFormulaValue;
      summary.getCell("C1").value = { formula: "COUNTA(TeamRatings)" } as ExcelJS.CellFormulaValue;
      workbook.definedNames.add(`Ratings!$${FIRST}$2:$${FIRST}$9`, "TeamRatings");
    });

    for (const args of [
      ["build", "--into", book],
      ["score", "--into", book, "--format", "csv"],
    ]) {
      const run = await runCli(args, dir);
      expect({ args, status: run.status, stderr: run.stderr }).toMatchObject({ status: 0 });
    }
    const updated = await readXlsx(fs.readFileSync(book));
    expect(updated.map((s) => s.name)).toEqual([
      "Backend matrix",
      "Ratings",
      "Readiness",
      "Agreement",
      "Gaps at current level",
      "Gaps at next level",
      "Team summary",
      "Calibration",
      "9-box",
      "Summary",
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(book);
    expect(workbook.getWorksheet("Backend matrix")!.getCell("F9").value).toBe(4);
    const summary = workbook.getWorksheet("Summary")!;
    expect(
      ["A1", "B1", "C1"].map((a) => (summary.getCell(a).value as ExcelJS.CellFormulaValue).formula),
    ).toEqual(["Readiness!F5", `SUM(Ratings!${FIRST}:${FIRST})`, "COUNTA(TeamRatings)"]);
    expect(workbook.definedNames.model.find((n) => n.name === "TeamRatings")?.ranges).toEqual([
      `Ratings!$${FIRST}$2:$${FIRST}$9`,
    ]);

    // LibreOffice recalculates everything: the user's formulas see the add-in's new sheets, with no #REF!.
    const recalculated = await readXlsx(fs.readFileSync(convert(book, "xlsx", path.join(dir, "lo"))));
    const sheet = (name: string) => recalculated.find((s) => s.name === name)!.values;
    const [a1, b1, c1] = sheet("Summary")[0];
    expect(a1).toBe(sheet("Readiness")[4][5]);
    expect(typeof a1).toBe("number");
    // The first ratings column, after Person…Source and Specialisation.
    const ratingsColumnG = sheet("Ratings")
      .slice(1)
      .map((row) => row[FIRST_INDEX])
      .filter((v): v is number => typeof v === "number");
    expect(b1).toBe(ratingsColumnG.reduce((sum, v) => sum + v, 0));
    expect(c1).toBe(8);
    // The Readiness sheet LibreOffice computed agrees with the core: the edited Senior's current readiness.
    // (Column F is readiness for the next level; the Senior column holds the current level's.)
    const readinessRow = sheet("Readiness").find((row) => row[0] === senior)!;
    const seniorColumn = sheet("Readiness")[3].indexOf("Senior");
    expect(readinessRow[seniorColumn]).toBeCloseTo(edited?.current?.readiness ?? NaN, 9);
    expect(JSON.stringify(recalculated)).not.toContain("#REF!");
  });

  it("refuses to update a workbook holding what saving it here would drop, leaving it untouched", async () => {
    const book = file("charts.xlsx");
    expect((await runCli(["build", "--tracks", "backend", "-o", book], dir)).status).toBe(0);
    // A workbook with a chart part, as Excel saves one.
    const bytes = fs.readFileSync(book);
    const marked = Buffer.concat([bytes, Buffer.from("xl/charts/chart1.xml")]);
    fs.writeFileSync(book, marked);
    const run = await runCli(["score", "--into", book], dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("the workbook has charts, which updating it here would lose");
    expect(fs.readFileSync(book).equals(marked)).toBe(true);
  });

  it("needs exactly one of -o and --into", async () => {
    const run = await runCli(["build", "--tracks", "backend"], dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("build needs either -o OUT.xlsx (a new workbook) or --into BOOK.xlsx");
  });
});
