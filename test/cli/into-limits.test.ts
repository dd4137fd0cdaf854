/**
 * `build --into` and `score --into` load the workbook whole, to save it again with everything the user put in it;
 * they read it within the same caps as a ratings file: a hostile or huge workbook is refused at once, saying why,
 * and left as it was.
 */
import ExcelJS from "exceljs";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { runCli } from "./run-cli";
import { deflatedZeros, sheetData, withRawEntries, worksheet, xlsxPackage } from "./xlsx-files";

jest.setTimeout(180_000);

let dir: string;
const file = (name: string): string => path.join(dir, name);

const RATINGS: (string | number | null)[][] = [
  ["Person", "Track", "Level", "code-review", "mentoring"],
  ["Zoë O'Brien", "Backend", "Senior", 4, 3],
];

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "cm-into-limits-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Runs `build --into NAME` on the bytes and checks the file is untouched; returns the run. */
async function buildInto(
  name: string,
  bytes: Uint8Array,
): Promise<{ status: number | null; stderr: string; ms: number }> {
  fs.writeFileSync(file(name), bytes);
  const started = Date.now();
  const run = await runCli(["build", "--into", name], dir);
  const ms = Date.now() - started;
  expect(Buffer.compare(fs.readFileSync(file(name)), Buffer.from(bytes))).toBe(0);
  expect(run.stdout).toBe("");
  expect(run.stderr).not.toMatch(/Cannot read properties|TypeError|RangeError|\n {4}at /);
  return { status: run.status, stderr: run.stderr, ms };
}

describe("--into on hostile and huge workbooks", () => {
  it("refuses a merge over J10:XFD1048576 before expanding it, naming the sheet and the range", async () => {
    const run = await buildInto(
      "merge.xlsx",
      xlsxPackage(
        worksheet(sheetData(RATINGS), '<mergeCells count="1"><mergeCell ref="J10:XFD1048576"/></mergeCells>'),
      ),
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      "merge.xlsx:1:1: not updated: sheet Ratings has a merged range over J10:XFD1048576; merges and validations may cover 3,000,000 cells in all when the command line updates a workbook: remove or narrow it in Excel, or update the workbook from the add-in\n",
    );
    expect(run.ms).toBeLessThan(30_000);
    const score = await runCli(["score", "--into", "merge.xlsx"], dir);
    expect({ status: score.status, stdout: score.stdout }).toEqual({ status: 1, stdout: "" });
    expect(score.stderr).toMatch(
      /^merge\.xlsx:1:1: not updated: sheet Ratings has a merged range over J10:XFD1048576;/,
    );
  });

  it("refuses a data validation over the whole sheet", async () => {
    const after =
      '<dataValidations count="1"><dataValidation type="whole" sqref="B2 A1:XFD1048576"><formula1>1</formula1><formula2>4</formula2></dataValidation></dataValidations>';
    const run = await buildInto("validation.xlsx", xlsxPackage(worksheet(sheetData(RATINGS), after)));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      "validation.xlsx:1:1: not updated: sheet Ratings has a data validation over A1:XFD1048576;",
    );
  });

  it("refuses a part that inflates past 256 MB whatever size it declares, and never a 1 GB string", async () => {
    const bomb = {
      name: "xl/media/image1.png",
      data: await deflatedZeros(300 * 1024 * 1024),
      declaredSize: 1000,
    };
    const bytes = withRawEntries(xlsxPackage(worksheet(sheetData(RATINGS))), [bomb]);
    expect(bytes.length).toBeLessThan(1024 * 1024);
    const run = await buildInto("bomb.xlsx", bytes);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      "bomb.xlsx:1:1: not updated: its part xl/media/image1.png inflates past 256 MB, the most the command line updates in place: update the workbook from the add-in in Excel, or write a new one with -o\n",
    );
  });

  it("says a damaged workbook is damaged, without the parser's words", async () => {
    const sheet = worksheet(
      '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>99</v></c></row></sheetData>',
    );
    const run = await buildInto("strings.xlsx", xlsxPackage(sheet, { sharedStrings: ["Person"] }));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      "strings.xlsx:1:1: not updated: cell B1 of sheet Ratings refers to shared string 100, but the workbook has 1: the file is damaged",
    );
    const zip = await buildInto("not-a-zip.xlsx", new TextEncoder().encode("Person,Track,Level\n"));
    expect(zip.status).toBe(1);
    expect(zip.stderr).toMatch(/^not-a-zip\.xlsx:1:1: not updated: /);
  });

  it("still updates an ordinary workbook in place", async () => {
    expect((await runCli(["build", "--tracks", "backend", "-o", "team.xlsx"], dir)).status).toBe(0);
    const run = await runCli(["build", "--into", "team.xlsx"], dir);
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: "" });
  });

  it("refuses a cell past Excel's 32,767 characters at the cell, and leaves the file as it was", async () => {
    expect((await runCli(["build", "--tracks", "backend", "-o", "long.xlsx"], dir)).status).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file("long.xlsx"));
    const ratings = workbook.getWorksheet("Ratings")!;
    const notes = ratings.getRow(1).cellCount + 1;
    ratings.getCell(1, notes).value = "Notes";
    ratings.getCell(2, notes).value = "x".repeat(40_000);
    await workbook.xlsx.writeFile(file("long.xlsx"));
    const before = fs.readFileSync(file("long.xlsx"));
    const run = await runCli(["build", "--into", "long.xlsx"], dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      /^career-matrix: Ratings![A-Z]+2 would hold 40,000 characters; an Excel cell holds 32,767: shorten it \(nothing was written\)\.\n$/,
    );
    expect(Buffer.compare(fs.readFileSync(file("long.xlsx")), before)).toBe(0);
  });
});
