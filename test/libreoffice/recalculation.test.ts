import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { readXlsx } from "../../src/hosts/xlsx/xlsx-reader";
import { specsToXlsx } from "../../src/hosts/xlsx/xlsx-writer";
import type { SheetSpec } from "../../src/sheets/spec";
import { convert, describeWithLibreOffice } from "./libreoffice";

jest.setTimeout(120_000);

describeWithLibreOffice("LibreOffice reading a workbook we wrote", () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "cm-lo-"));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("recalculates every formula on load instead of trusting the cached values", async () => {
    const ratings: SheetSpec = {
      name: "Team's ratings",
      kind: "ratings",
      key: "ratings",
      cells: [
        ["Person", "Code review", "Mentoring"],
        ["Zoë O'Brien", 3, 4],
        ["Nguyễn Văn An", 1, 2],
      ],
    };
    const readiness: SheetSpec = {
      name: "Readiness",
      kind: "readiness-heatmap",
      key: "readiness-heatmap",
      cells: [
        ["Person", "Met"],
        // No cached value: LibreOffice must compute it.
        [{ f: "='Team''s ratings'!A2" }, { f: "=(('Team''s ratings'!B2>=3)+('Team''s ratings'!C2>=3))/2" }],
        // A wrong cached value: a reader that trusted the file would show 0.99.
        [
          { f: "='Team''s ratings'!A3" },
          { f: "=(('Team''s ratings'!B3>=3)+('Team''s ratings'!C3>=3))/2", v: 0.99 },
        ],
      ],
    };
    const input = path.join(dir, "recalc.xlsx");
    fs.writeFileSync(input, await specsToXlsx([ratings, readiness]));

    const converted = await readXlsx(fs.readFileSync(convert(input, "xlsx", path.join(dir, "out"))));

    expect(converted.find((sheet) => sheet.name === "Readiness")?.values).toEqual([
      ["Person", "Met"],
      ["Zoë O'Brien", 1],
      ["Nguyễn Văn An", 0],
    ]);
  });
});
