/**
 * The Ratings sheet edited as people do in Excel (sorted, a blank row inserted, filtered with rows hidden, a column
 * hidden, a rating typed as =3, an error value, a merged cell), written to .xlsx without any cached formula result
 * and recalculated from scratch by LibreOffice: every live heatmap number is what the core scores from the sheet as
 * edited. With two competency columns swapped, LibreOffice shows the check's message and no number at all.
 */
import ExcelJS from "exceljs";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { columnLetter } from "../../src/core/a1";
import type { Cell } from "../../src/core/types";
import { readXlsx, type XlsxSheet } from "../../src/hosts/xlsx/xlsx-reader";
import { specsToXlsx } from "../../src/hosts/xlsx/xlsx-writer";
import { COLUMNS_CHANGED } from "../../src/sheets/live-formulas";
import type { SheetSpec } from "../../src/sheets/spec";
import {
  FIRST_COMPETENCY,
  isFormula,
  LIVE_SHEETS,
  personRows,
  ratingsOf,
  rescored,
  same,
  scored,
} from "../workbook/edited-ratings";
import type { SpecHost } from "../workbook/spec-host";
import { convert, describeWithLibreOffice } from "./libreoffice";

jest.setTimeout(240_000);

/** The workbook as .xlsx with no cached formula result, then edited with what specs do not carry. */
async function xlsxOf(host: SpecHost, edit: (workbook: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const specs = [...host.sheets.values()].map((spec) => ({
    ...spec,
    cells: spec.cells.map((row) => row.map((cell) => (isFormula(cell) ? { f: cell.f } : cell))),
  }));
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await specsToXlsx(specs)) as unknown as ExcelJS.Buffer);
  edit(workbook);
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

async function recalculated(dir: string, name: string, bytes: Uint8Array): Promise<XlsxSheet[]> {
  const input = path.join(dir, name);
  fs.writeFileSync(input, bytes);
  return readXlsx(fs.readFileSync(convert(input, "xlsx", path.join(dir, "out"))));
}

describeWithLibreOffice(
  "live heatmaps over a Ratings sheet edited as in Excel, recalculated by LibreOffice",
  () => {
    let dir: string;
    beforeAll(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), "cm-lo-edited-"));
    });
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

    it("agree with the core on every number after sorting, filtering, hiding, =3, #N/A and a merge", async () => {
      const host = await scored();
      const ratings = ratingsOf(host);
      const [header, ...rows] = ratings.cells;
      ratings.cells = [header, ...rows.sort((a, b) => String(b[0]).localeCompare(String(a[0])))];
      ratings.cells.splice(4, 0, []);
      const numberAt = (row: number, skip = 0) =>
        ratings.cells[row].findIndex(
          (c, i) => i >= FIRST_COMPETENCY + skip && typeof c === "number" && c !== 3,
        );
      const typed = numberAt(1);
      ratings.cells[1][typed] = { f: "=3", v: 3 };
      const na = numberAt(2);
      ratings.cells[2][na] = { f: "=NA()", v: "#N/A" };
      const merged = numberAt(3);
      ratings.cells[3][merged + 1] = null;
      const merge = `${columnLetter(merged)}4:${columnLetter(merged + 1)}4`;
      const truth = await rescored(host);
      const last = ratings.cells.length;

      const sheets = await recalculated(
        dir,
        "edited.xlsx",
        await xlsxOf(host, (workbook) => {
          const sheet = workbook.getWorksheet(ratings.name) as ExcelJS.Worksheet;
          sheet.mergeCells(merge);
          // A filter showing one team: the other rows hidden, as Excel hides them.
          const width = ratings.cells[0].length;
          sheet.autoFilter = `A1:${columnLetter(width - 1)}${last}`;
          for (let r = 2; r <= last; r++) if (r % 3 === 0) sheet.getRow(r).hidden = true;
          sheet.getColumn(FIRST_COMPETENCY + 2).hidden = true;
        }),
      );
      const lo = sheets.find((s) => s.name === ratings.name) as XlsxSheet;
      expect(lo.values[1][typed]).toBe(3);
      expect(lo.values[2][na]).toBe("#N/A");

      let compared = 0;
      const wrong: string[] = [];
      for (const key of LIVE_SHEETS) {
        const core = truth.sheets.get(key) as SheetSpec;
        const values = (sheets.find((s) => s.name === core.name) as XlsxSheet).values;
        expect(values[2]?.[0] ?? null).toBe(null);
        for (const [person, r] of personRows(core)) {
          const row = values.findIndex((v, i) => i > 2 && v[0] === person);
          expect(row).toBeGreaterThan(2);
          core.cells[r].forEach((cell, c) => {
            if (!isFormula(cell)) return;
            compared++;
            const shown: Cell = values[row]?.[c] ?? "";
            if (!same(shown === null ? "" : shown, cell.v ?? ""))
              wrong.push(
                `${core.name}!${columnLetter(c)}${row + 1} (${person}): ${String(shown)}, core ${String(cell.v)}`,
              );
          });
        }
      }
      expect(wrong).toEqual([]);
      expect(compared).toBeGreaterThan(500);
    });

    it("show the check's message and no number once two competency columns are swapped", async () => {
      const host = await scored();
      const ratings = ratingsOf(host);
      const [a, b] = [FIRST_COMPETENCY + 1, FIRST_COMPETENCY + 3];
      for (const row of ratings.cells) {
        while (row.length <= b) row.push(null);
        [row[a], row[b]] = [row[b], row[a]];
      }
      const sheets = await recalculated(dir, "swapped.xlsx", await xlsxOf(host, () => undefined));
      for (const key of LIVE_SHEETS) {
        const spec = host.sheets.get(key) as SheetSpec;
        const values = (sheets.find((s) => s.name === spec.name) as XlsxSheet).values;
        expect(values[2][0]).toBe(COLUMNS_CHANGED);
        const helpers = spec.cells[3].length - 3;
        const numbers = [...personRows(spec).values()].flatMap((r) =>
          spec.cells[r].flatMap((cell, c) =>
            isFormula(cell) && c < helpers && values[r]?.[c] !== null && values[r]?.[c] !== ""
              ? [values[r][c]]
              : [],
          ),
        );
        expect(numbers).toEqual([]);
      }
    });
  },
);
