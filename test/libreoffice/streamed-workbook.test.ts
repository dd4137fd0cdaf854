/**
 * A 10,000-person workbook as `career-matrix build` streams it, recalculated from scratch by LibreOffice: no formula
 * ends in an error, and spot-checked people show the readiness, coverage, status and gaps the core computes.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildWorkbook } from "../../src/cli/build-workbook";
import { careerMatrixFromFramework } from "../../src/core/career-matrix";
import { competencyHeatmap } from "../../src/core/heatmaps";
import { readRatings } from "../../src/core/ratings";
import { scoreTeam } from "../../src/core/readiness";
import type { Cell } from "../../src/core/types";
import { bundledFramework } from "../../src/data";
import { parseCsv } from "../../src/export/csv";
import { XlsxStreamHost } from "../../src/hosts/xlsx/xlsx-stream-host";
import { streamedXlsx } from "../../src/hosts/xlsx/xlsx-stream-writer";
import { competencyHeatmapName } from "../../src/sheets/competency-heatmap-sheet";
import { READINESS_HEADER_ROW, READINESS_NAME } from "../../src/sheets/readiness-sheet";
import { STATUS_LABEL } from "../../src/sheets/status";
import { largeTeamTable } from "./large-team";
import { convert, CSV_EVERY_SHEET, describeWithLibreOffice } from "./libreoffice";

const PEOPLE = 10_000;
/** LibreOffice recalculates some 800,000 formulas on load. */
const RECALCULATION_MS = 480_000;
jest.setTimeout(RECALCULATION_MS + 120_000);

const ERROR = /^(#[A-Z0-9/]+[!?]?|Err:\d+)$/;

/** LibreOffice's CSV export shows a percentage as the sheet formats it: "77.2727272727273%". */
function number(cell: Cell | undefined): Cell | undefined {
  const percent = typeof cell === "string" ? /^(-?[0-9.]+)%$/.exec(cell) : null;
  return percent ? Number(percent[1]) / 100 : cell;
}

function near(libreOffice: Cell | undefined, core: Cell): boolean {
  const lo = libreOffice === undefined || libreOffice === "" ? null : number(libreOffice);
  const expected = core === "" ? null : core;
  if (typeof lo === "number" && typeof expected === "number") return Math.abs(lo - expected) <= 1e-9;
  return lo === expected;
}

describeWithLibreOffice("a 10,000-person streamed workbook, recalculated by LibreOffice", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cm-streamed-"));
  const framework = bundledFramework();
  const matrix = careerMatrixFromFramework(framework);
  const table = largeTeamTable(framework, PEOPLE);
  const scored = scoreTeam(matrix, readRatings(table, matrix).people);
  let sheets: Map<string, Cell[][]>;

  beforeAll(async () => {
    const built = await buildWorkbook(
      new XlsxStreamHost(),
      framework,
      framework.tracks.map((t) => t.id),
      table,
    );
    expect(built.people).toBe(PEOPLE);
    const input = path.join(dir, "team.xlsx");
    fs.writeFileSync(input, await streamedXlsx(built.host.workbook));
    const out = convert(input, CSV_EVERY_SHEET, path.join(dir, "csv"), undefined, RECALCULATION_MS);
    sheets = new Map(
      fs
        .readdirSync(out)
        .filter((file) => file.startsWith("team-") && file.endsWith(".csv"))
        .map((file) => [
          file.slice("team-".length, -".csv".length),
          parseCsv(fs.readFileSync(path.join(out, file), "utf8")).rows,
        ]),
    );
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const sheet = (name: string): Cell[][] => {
    const rows = sheets.get(name);
    if (!rows)
      throw new Error(`LibreOffice wrote no sheet "${name}" (it wrote ${[...sheets.keys()].join(", ")})`);
    return rows;
  };
  /** Every 997th person, and the last. */
  const spotChecked = scored.filter((_, i) => i % 997 === 0 || i === scored.length - 1);

  it("has no formula that ends in an error on any sheet", () => {
    const errors: string[] = [];
    let cells = 0;
    for (const [name, rows] of sheets) {
      rows.forEach((row, r) =>
        row.forEach((cell, c) => {
          cells++;
          if (typeof cell === "string" && ERROR.test(cell))
            errors.push(`${name}!R${r + 1}C${c + 1}: ${cell}`);
        }),
      );
    }
    expect(errors.slice(0, 10)).toEqual([]);
    expect(sheets.size).toBeGreaterThan(15);
    expect(cells).toBeGreaterThan(PEOPLE * 80);
  });

  it("shows the core's next-level readiness, coverage and status for spot-checked people", () => {
    const rows = sheet(READINESS_NAME);
    const header = rows[READINESS_HEADER_ROW];
    const column = (name: string) => header.indexOf(name);
    const wrong: unknown[] = [];
    for (const { person, next } of spotChecked) {
      const row = rows.find((r) => r[0] === person.person);
      const seen = {
        readiness: row?.[column("Readiness")],
        coverage: row?.[column("Coverage")],
        status: row?.[column("Status")],
      };
      const core = {
        readiness: next?.readiness ?? null,
        coverage: next?.coverage ?? null,
        status: next ? STATUS_LABEL[next.status] : null,
      };
      if (
        !near(seen.readiness, core.readiness) ||
        !near(seen.coverage, core.coverage) ||
        seen.status !== core.status
      )
        wrong.push({ person: person.person, seen, core });
    }
    expect(wrong).toEqual([]);
    expect(spotChecked.length).toBeGreaterThan(10);
  });

  it("shows the core's gaps at the current level for spot-checked people", () => {
    const heatmap = competencyHeatmap(matrix, scored, "current");
    const rows = sheet(competencyHeatmapName("current"));
    const wrong: unknown[] = [];
    let compared = 0;
    for (const s of spotChecked) {
      const i = scored.indexOf(s);
      const row = rows.find((r) => r[0] === s.person.person);
      heatmap.columns.forEach((_, k) => {
        compared++;
        const seen = row?.[4 + k];
        if (!near(seen ?? null, heatmap.values[i][k] ?? null))
          wrong.push({ person: s.person.person, column: k, seen, core: heatmap.values[i][k] });
      });
    }
    expect(wrong.slice(0, 10)).toEqual([]);
    expect(compared).toBeGreaterThan(100);
  });
});
