import ExcelJS from "exceljs";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildWorkbook, sampleRatingsTable } from "../../src/cli/build-workbook";
import { careerMatrixFromFramework, levelWithGrade } from "../../src/core/career-matrix";
import type { Framework } from "../../src/core/framework";
import { loadFramework } from "../../src/core/load-framework";
import { readRatings } from "../../src/core/ratings";
import { scoreTeam } from "../../src/core/readiness";
import type { Cell } from "../../src/core/types";
import { bundledFramework, sampleTeam } from "../../src/data";
import { MemoryWorkbook } from "../../src/hosts/memory";
import { XlsxHost } from "../../src/hosts/xlsx/xlsx-host";
import { addSheet } from "../../src/hosts/memory/document";
import { ensureCell } from "../../src/hosts/memory/state";
import { plainValue, readXlsx, type XlsxSheet } from "../../src/hosts/xlsx/xlsx-reader";
import { workbookToBytes } from "../../src/hosts/xlsx/xlsx-writer";
import { READINESS_HEADER_ROW, READINESS_NAME } from "../../src/sheets/readiness-sheet";
import { nineBox as coreNineBox } from "../../src/core/nine-box";
import { NINE_BOX_NAME } from "../../src/sheets/nine-box-sheet";
import { AGREEMENT_HEADER_ROW, AGREEMENT_NAME, agreementRows } from "../../src/sheets/agreement-sheet";
import { convert, describeWithLibreOffice, renderSheetPng } from "./libreoffice";

jest.setTimeout(180_000);

interface FormulaResult {
  sheet: string;
  row: number;
  column: number;
  formula: string;
  core: Cell;
}

/** Takes every formula's cached result (the value the core computed) out of the workbook, and returns them. */
function removeCachedResults(workbook: ExcelJS.Workbook): FormulaResult[] {
  const results: FormulaResult[] = [];
  for (const sheet of workbook.worksheets) {
    sheet.eachRow((row, rowNumber) => {
      row.eachCell((cell, colNumber) => {
        if (cell.type !== ExcelJS.ValueType.Formula) return;
        const core = plainValue(cell.result as ExcelJS.CellValue);
        results.push({
          sheet: sheet.name,
          row: rowNumber,
          column: colNumber - 1,
          formula: cell.formula,
          core,
        });
        cell.value = { formula: cell.formula } as ExcelJS.CellFormulaValue;
      });
    });
  }
  return results;
}

/** The workbook's cells, values and formulas, in a memory workbook. */
function memoryCopy(workbook: ExcelJS.Workbook): MemoryWorkbook {
  const memory = new MemoryWorkbook([]);
  for (const worksheet of workbook.worksheets) {
    const sheet = addSheet(memory.state, worksheet.name);
    worksheet.eachRow((row, rowNumber) => {
      row.eachCell((cell, colNumber) => {
        const stored = ensureCell(sheet, rowNumber, colNumber - 1);
        if (cell.type === ExcelJS.ValueType.Formula) stored.formula = `=${cell.formula}`;
        else stored.value = plainValue(cell.value);
      });
    });
  }
  return memory;
}

function same(libreOffice: Cell | undefined, core: Cell): boolean {
  // A formula whose result is empty text reads back as blank.
  const lo = libreOffice === "" || libreOffice === undefined ? null : libreOffice;
  const expected = core === "" ? null : core;
  if (typeof lo === "number" && typeof expected === "number") return Math.abs(lo - expected) <= 1e-9;
  return lo === expected;
}

/**
 * A team's own framework: GitLab's with Backend overrides that change values (Staff architects as experts, less code
 * review at Senior) and another specialisation, so the workbook's formulas must take each track's own expectations.
 */
function ownFramework(): Framework {
  const framework = JSON.parse(JSON.stringify(bundledFramework())) as Framework;
  const competency = (id: string) => framework.competencies.find((c) => c.id === id)!;
  competency("architecture").overrides = {
    backend: { staff: { value: 4, descriptor: "Owns the architecture of a whole product area." } },
  };
  competency("simple-solutions").overrides = {
    backend: { senior: { value: 2, descriptor: "Keeps their own changes simple." } },
  };
  return loadFramework(framework);
}

describeWithLibreOffice("the built workbook, recalculated by LibreOffice", () =>
  describe.each([
    ["GitLab's framework (Distribution's overrides, specialisations)", bundledFramework(), true],
    ["a team's own framework with more track overrides", ownFramework(), false],
  ])("built from %s", (_name, framework, render) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cm-built-"));
    const input = path.join(dir, "career-matrix.xlsx");
    let results: FormulaResult[];
    let recalculated: XlsxSheet[];
    let memory: MemoryWorkbook;
    const at = (sheet: string, row: number, column: number): Cell | undefined =>
      recalculated.find((s) => s.name === sheet)?.values[row - 1]?.[column];

    beforeAll(async () => {
      const table = sampleRatingsTable(framework, sampleTeam().people);
      const built = await buildWorkbook(
        new XlsxHost(),
        framework,
        framework.tracks.map((t) => t.id),
        table,
      );
      results = removeCachedResults(built.host.workbook);
      memory = memoryCopy(built.host.workbook);
      fs.writeFileSync(input, await workbookToBytes(built.host.workbook));
      recalculated = await readXlsx(fs.readFileSync(convert(input, "xlsx", path.join(dir, "out"))));
    });
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

    it("computes, for every person and every level of their track, the readiness the core computes", () => {
      const matrix = careerMatrixFromFramework(framework);
      const ratingsSheet = recalculated.find((sheet) => sheet.name === "Ratings")!;
      const scored = scoreTeam(matrix, readRatings(ratingsSheet.values, matrix).people);
      const sheet = recalculated.find((s) => s.name === READINESS_NAME)!;
      const header = sheet.values[READINESS_HEADER_ROW];
      const wrong: unknown[] = [];
      let compared = 0;
      for (const { person, levels } of scored) {
        const row = sheet.values.find((r) => r[0] === person.person)!;
        const track = matrix.tracks.find((t) => t.id === person.track)!;
        for (const level of levels) {
          const name = levelWithGrade(track.levels.find((l) => l.id === level.level)!);
          const libreOffice = row[header.indexOf(name)];
          compared++;
          if (!same(libreOffice ?? null, level.readiness)) {
            wrong.push({ person: person.person, level: name, core: level.readiness, libreOffice });
          }
        }
      }
      expect(wrong).toEqual([]);
      expect(compared).toBeGreaterThan(100);
      // The team takes the overrides and the specialisations in: Distribution people, specialised Backend people.
      expect(scored.some((s) => s.person.track === "distribution")).toBe(true);
      expect(scored.filter((s) => s.person.specialisation !== undefined).length).toBeGreaterThanOrEqual(2);
      expect(framework.competencies.some((c) => c.overrides?.backend || c.overrides?.distribution)).toBe(
        true,
      );
    });

    it("agrees with the core on every formula of every sheet (coverage, status, gaps, team counts)", () => {
      const wrong = results
        .filter((r) => !same(at(r.sheet, r.row, r.column), r.core))
        .map((r) => ({ ...r, libreOffice: at(r.sheet, r.row, r.column) }));
      expect(wrong.slice(0, 20)).toEqual([]);
      expect(results.length).toBeGreaterThan(1000);
    });

    it("is calculated by the memory workbook (the workbench's) as LibreOffice calculates it, formula by formula", () => {
      const shown = (r: FormulaResult): Cell => {
        const sheet = memory.state.sheets.find((s) => s.name === r.sheet)!;
        return memory.formulaValue(sheet, r.row, r.column);
      };
      const wrong = results
        .filter((r) => !same(at(r.sheet, r.row, r.column), shown(r)))
        .map((r) => ({ ...r, libreOffice: at(r.sheet, r.row, r.column), memory: shown(r) }));
      expect(wrong.slice(0, 20)).toEqual([]);
      expect(results.length).toBeGreaterThan(1000);
    });

    it("recalculates the Agreement sheet to the core's self − manager for every person and competency", () => {
      const matrix = careerMatrixFromFramework(framework);
      const ratingsSheet = recalculated.find((sheet) => sheet.name === "Ratings")!;
      const read = readRatings(ratingsSheet.values, matrix, { numbersOnly: true });
      const table = agreementRows(
        read.people,
        read.rows,
        read.columns.map((c) => c.competency),
      );
      const sheet = recalculated.find((s) => s.name === AGREEMENT_NAME)!;
      const header = sheet.values[AGREEMENT_HEADER_ROW];
      const ratingsHeader = ratingsSheet.values[0];
      const wrong: unknown[] = [];
      let compared = 0;
      for (const entry of table) {
        const row = sheet.values.find((r) => r[0] === entry.manager.person)!;
        for (const column of read.columns) {
          const at = header.indexOf(ratingsHeader[column.column]);
          const libreOffice = row[at] ?? null;
          const core = entry.differences[column.competency] ?? null;
          compared++;
          if (!same(libreOffice === "" ? null : libreOffice, core))
            wrong.push({ person: entry.manager.person, competency: column.competency, core, libreOffice });
        }
        const largest = row[header.indexOf("Largest gap")];
        if (!same(largest ?? null, entry.largest?.difference ?? (entry.ranked.length > 0 ? 0 : null)))
          wrong.push({ person: entry.manager.person, largest, core: entry.largest });
      }
      expect(wrong.slice(0, 20)).toEqual([]);
      // Most of the sample team rated themselves: the sheet lists them, with many differences to compare.
      expect(table.length).toBeGreaterThan(30);
      expect(Object.values(table[0].differences).length).toBeGreaterThan(5);
      expect(compared).toBeGreaterThan(500);
    });

    it("recalculates the 9-box counts, shares and status distributions to the core's", () => {
      const nineBox = results.filter((r) => r.sheet === NINE_BOX_NAME);
      const counts = nineBox.filter((r) => /^COUNTIFS\(/.test(r.formula));
      expect(counts.length).toBeGreaterThan(20);
      const wrong = nineBox
        .filter((r) => !same(at(r.sheet, r.row, r.column), r.core))
        .map((r) => ({ ...r, libreOffice: at(r.sheet, r.row, r.column) }));
      expect(wrong.slice(0, 20)).toEqual([]);
      // The grid's nine counts add up to the people placed, as the core places them.
      const matrix = careerMatrixFromFramework(framework);
      const ratingsSheet = recalculated.find((sheet) => sheet.name === "Ratings")!;
      const box = coreNineBox(
        matrix.scoring,
        scoreTeam(matrix, readRatings(ratingsSheet.values, matrix).people),
      );
      const sheet = recalculated.find((s) => s.name === NINE_BOX_NAME)!;
      const placedRow = sheet.values.find((r) => r[0] === "Placed in the grid")!;
      expect(placedRow[3]).toBe(box.placed);
    });

    // One picture is enough: rendering is LibreOffice's slowest step.
    if (render)
      it("renders the readiness heatmap with its colours (test-results/libreoffice/readiness-heatmap.png)", () => {
        // One PDF page per sheet, hidden sheets included, in tab order.
        const page = recalculated.findIndex((sheet) => sheet.name === READINESS_NAME) + 1;
        const outDir = path.resolve(__dirname, "../../test-results/libreoffice");
        fs.mkdirSync(outDir, { recursive: true });
        const png = renderSheetPng(input, page, path.join(outDir, "readiness-heatmap.png"));
        const bytes = fs.readFileSync(png);
        expect(bytes.subarray(1, 4).toString("latin1")).toBe("PNG");
        expect(bytes.length).toBeGreaterThan(20_000);
      });
  }),
);
