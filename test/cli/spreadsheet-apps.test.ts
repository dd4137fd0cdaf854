/**
 * Ratings workbooks as people's spreadsheet apps leave them: made with ExcelJS, then saved again by LibreOffice
 * (as .xlsx and as .ods), so the files read here are the ones an app wrote.
 */
import ExcelJS from "exceljs";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { convert, describeWithLibreOffice } from "../libreoffice/libreoffice";
import { runCli } from "./run-cli";

jest.setTimeout(240_000);

let dir: string;
const file = (name: string): string => path.join(dir, name);

/**
 * A notes sheet first, then the ratings below a merged title, headers in odd case and spacing, a filter, the last
 * row and the Rater column hidden.
 */
async function teamWorkbook(name: string, rows: ExcelJS.CellValue[][]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet("Notes").addRow(["Ratings for the Q3 calibration; see the next sheet."]);
  const sheet = workbook.addWorksheet("Team Q3");
  sheet.addRow(["Q3 ratings"]);
  sheet.mergeCells("A1:G1");
  sheet.addRow([]);
  sheet.addRow(["PERSON ", "track", "Level\u00a0", "Rater", "Team", "Code Review", "mentoring"]);
  for (const row of rows) sheet.addRow(row);
  // A hidden row and a hidden column: still ratings, read as any other.
  sheet.getRow(3 + rows.length).hidden = true;
  sheet.getColumn(4).hidden = true;
  sheet.autoFilter = "A3:G3";
  const input = file(`${name}-exceljs.xlsx`);
  await workbook.xlsx.writeFile(input);
  // Saved again by LibreOffice, as a user of it would.
  const saved = convert(input, "xlsx", file(`lo-${name}`));
  fs.copyFileSync(saved, file(`${name}.xlsx`));
  return `${name}.xlsx`;
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "cm-apps-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describeWithLibreOffice("ratings workbooks saved by LibreOffice", () => {
  it("finds the sheet with the headers, reads formulas' values, hidden rows and text numbers, and says so", async () => {
    const name = await teamWorkbook("good", [
      ["Zoë O'Brien\u00a0", "Backend", "Senior", "Amara Okafor", "Create", { formula: "2+2", result: 4 }, 3],
      [],
      ["  Ana   Lima", "backend", "STAFF", "Amara Okafor", "Create", "3", 4],
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file(name));
    expect(workbook.getWorksheet("Team Q3")?.getCell("F6").value).toBe("3");

    const run = await runCli(["score", "--ratings", name, "--format", "json"], dir);
    expect(run.status).toBe(0);
    const people = JSON.parse(run.stdout) as { person: string; row: number; level: string }[];
    expect(people.map((p) => [p.person, p.level, p.row])).toEqual([
      ["Zoë O'Brien", "senior", 4],
      ["Ana Lima", "staff", 6],
    ]);
    expect(run.stderr.trimEnd().split("\n")).toEqual([
      `${name}: reading sheet "Team Q3", the first with Person, Track and Level headers (--sheet chooses another)`,
      `${name}:6:6: warning: Rating "3" in F6 is a number stored as text: it counts as 3. Convert it to a number (in Excel, the cell's warning › Convert to Number).`,
    ]);
    expect(await runCli(["score", "--ratings", name, "--sheet", "notes"], dir)).toMatchObject({
      status: 1,
      stderr: expect.stringContaining("lacks the columns Person, Track and Level"),
    });
    expect(await runCli(["score", "--ratings", name, "--sheet", "Q4"], dir)).toMatchObject({
      status: 1,
      stderr: `${name}:1:1: no sheet "Q4" in the workbook; its sheets are "Notes" or "Team Q3"\n`,
    });
  });

  it("points at an error value and a date in rating cells", async () => {
    const name = await teamWorkbook("bad", [
      [
        "Bo Chen",
        "Backend",
        "Senior",
        "Amara Okafor",
        "Create",
        { error: "#N/A" },
        new Date(Date.UTC(2024, 2, 1)),
      ],
    ]);
    const run = await runCli(["score", "--ratings", name], dir);
    expect(run).toMatchObject({ status: 1, stdout: "" });
    expect(run.stderr).toContain(
      `${name}:4:6: F4 holds the error #N/A, not a rating: fix the formula that gives it, type a rating, or clear the cell.`,
    );
    expect(run.stderr).toContain(`${name}:4:7: G4 holds a date (2024-03-01), not a rating`);
  });

  it("says how to save an .ods file as one it reads", async () => {
    const ods = convert(file("good.xlsx"), "ods", file("ods"));
    fs.copyFileSync(ods, file("team.ods"));
    fs.copyFileSync(ods, file("team-ods.xlsx"));
    for (const name of ["team.ods", "team-ods.xlsx"]) {
      expect(await runCli(["score", "--ratings", name], dir)).toMatchObject({
        status: 1,
        stderr: `${name}:1:1: is an OpenDocument (.ods) spreadsheet, which career-matrix does not read: in LibreOffice choose File › Save As and pick Excel 2007-365 (.xlsx) or Text CSV (.csv)\n`,
      });
    }
  });
});
