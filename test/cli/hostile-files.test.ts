/**
 * Files made to hurt: each is a few KB to a few MB made here, and each must give an answer or a reason at once,
 * never an out-of-memory crash, a hang or a raw JavaScript error.
 */
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
  ["Ana Lima", "Backend", "Staff", 3, 4],
];

async function scoreNames(name: string): Promise<{ status: number | null; names: string[]; stderr: string }> {
  const run = await runCli(["score", "--ratings", name, "--format", "json"], dir);
  const names = run.status === 0 ? (JSON.parse(run.stdout) as { person: string }[]).map((p) => p.person) : [];
  return { status: run.status, names, stderr: run.stderr };
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "cm-hostile-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("career-matrix score on hostile .xlsx files", () => {
  it("reads a sheet that merges J10:XFD1048576 (17 billion cells) as its values", async () => {
    fs.writeFileSync(
      file("merge.xlsx"),
      xlsxPackage(
        worksheet(sheetData(RATINGS), '<mergeCells count="1"><mergeCell ref="J10:XFD1048576"/></mergeCells>'),
      ),
    );
    expect(fs.statSync(file("merge.xlsx")).size).toBeLessThan(4096);
    expect(await scoreNames("merge.xlsx")).toMatchObject({ status: 0, names: ["Zoë O'Brien", "Ana Lima"] });
  });

  it("reads a sheet with a data validation and a conditional format over the whole sheet", async () => {
    const after =
      '<conditionalFormatting sqref="A1:XFD1048576"><cfRule type="cellIs" dxfId="99" priority="1" operator="equal"><formula>1</formula></cfRule></conditionalFormatting>' +
      '<dataValidations count="1"><dataValidation type="whole" sqref="A1:XFD1048576"><formula1>1</formula1><formula2>4</formula2></dataValidation></dataValidations>';
    fs.writeFileSync(file("validation.xlsx"), xlsxPackage(worksheet(sheetData(RATINGS), after)));
    expect(await scoreNames("validation.xlsx")).toMatchObject({
      status: 0,
      names: ["Zoë O'Brien", "Ana Lima"],
    });
  });

  it("never inflates parts it does not read: four 500 MB images in a 2 MB file cost nothing", async () => {
    const zeros = await deflatedZeros(500 * 1024 * 1024);
    const images = [1, 2, 3, 4].map((n) => ({
      name: `xl/media/image${n}.png`,
      data: zeros,
      declaredSize: 500 * 1024 * 1024,
    }));
    fs.writeFileSync(file("images.xlsx"), withRawEntries(xlsxPackage(worksheet(sheetData(RATINGS))), images));
    expect(await scoreNames("images.xlsx")).toMatchObject({ status: 0, names: ["Zoë O'Brien", "Ana Lima"] });
  });

  it("refuses, saying why, a part that inflates past the cap whatever size it declares", async () => {
    const bomb = {
      name: "xl/worksheets/sheet2.xml",
      data: await deflatedZeros(300 * 1024 * 1024),
      declaredSize: 1000,
    };
    fs.writeFileSync(file("bomb.xlsx"), withRawEntries(xlsxPackage(worksheet(sheetData(RATINGS))), [bomb]));
    expect(fs.statSync(file("bomb.xlsx")).size).toBeLessThan(1024 * 1024);
    const run = await runCli(["score", "--ratings", "bomb.xlsx"], dir);
    expect(run).toMatchObject({ status: 1, stdout: "" });
    expect(run.stderr).toBe(
      "bomb.xlsx:1:1: cannot read this workbook: its part xl/worksheets/sheet2.xml inflates past 256 MB, the most the add-in reads from a workbook: save the ratings sheet alone as .xlsx or .csv\n",
    );
  });

  it("says a damaged workbook is damaged, without a raw JavaScript error", async () => {
    const sheet = worksheet(
      '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>99</v></c></row></sheetData>',
    );
    fs.writeFileSync(file("strings.xlsx"), xlsxPackage(sheet, { sharedStrings: ["Person"] }));
    fs.writeFileSync(file("not-a-zip.xlsx"), "Person,Track,Level\n");
    for (const name of ["strings.xlsx", "not-a-zip.xlsx"]) {
      const run = await runCli(["score", "--ratings", name], dir);
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(new RegExp(`^${name.replace(".", "\\.")}:1:1: `));
      expect(run.stderr).not.toMatch(/Cannot read properties|TypeError|\n {4}at /);
      expect(run.stderr.trimEnd().split("\n")).toHaveLength(1);
    }
    expect((await runCli(["score", "--ratings", "strings.xlsx"], dir)).stderr).toContain(
      "cell B1 of sheet Ratings refers to shared string 100, but the workbook has 1: the file is damaged",
    );
  });
});
