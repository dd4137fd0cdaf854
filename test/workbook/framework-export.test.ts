/**
 * "Save the matrix as a framework file", then use it and build: the same matrix sheets, on the in-memory Excel
 * workbook (through the Office host) and on an .xlsx file.
 */
import type { Framework } from "../../src/core/framework";
import { loadFramework } from "../../src/core/load-framework";
import type { Cell } from "../../src/core/types";
import { bundledFramework } from "../../src/data";
import { loadWorkbook, sheetValues } from "../../src/hosts/xlsx/xlsx-reader";
import { XlsxHost } from "../../src/hosts/xlsx/xlsx-host";
import { workbookToBytes } from "../../src/hosts/xlsx/xlsx-writer";
import { cellRef } from "../../src/core/a1";
import { buildMatrix } from "../../src/workbook/commands";
import { frameworkFileText, matrixAsFramework } from "../../src/workbook/framework-export";
import type { WorkbookHost } from "../../src/workbook/host";
import { officeWorkbook, sheetNamed, typeInto } from "./office-workbook";

const bundled = bundledFramework();
const TRACKS = ["backend", "frontend", "distribution"];
const SHEETS = ["Backend matrix", "Frontend matrix", "Distribution matrix"];

/** The Id column of a matrix sheet, found by its header on row 5. */
function idColumn(values: Cell[][]): number {
  return values[4].indexOf("Id");
}

/** Where a competency's row and a level's value column are on a matrix sheet (0-based). */
function locate(values: Cell[][], competencyId: string, levelTitle: string): { row: number; column: number } {
  const row = values.findIndex((r) => r[idColumn(values)] === competencyId);
  const column = values[4].findIndex((c) => c === levelTitle);
  if (row < 0 || column < 0) throw new Error(`no ${competencyId} at ${levelTitle}`);
  return { row, column };
}

/** The value Senior backend engineers are expected to have in code review once edited: the Intermediate value. */
function raisedValue(backend: Cell[][]): number {
  const { row, column } = locate(backend, "code-review", "Intermediate Backend Engineer");
  return Number(backend[row][column]);
}

/** A manager's edits: a value and a descriptor on Backend only, a competency removed from Frontend, one added. */
function edits(
  backend: Cell[][],
  frontend: Cell[][],
): { sheet: string; address: string; values: Cell[][] }[] {
  const value = locate(backend, "code-review", "Senior Backend Engineer");
  const words = locate(backend, "domain-expertise", "Senior Backend Engineer");
  const removed = frontend.findIndex((r) => r[idColumn(frontend)] === "architecture");
  const manager = locate(backend, "career-conversations", "Engineering Manager");
  const director = locate(backend, "career-conversations", "Director of Engineering");
  const vp = locate(backend, "career-conversations", "VP of Engineering");
  const added: Cell[] = Array.from({ length: backend[4].length }, () => null);
  added[0] = "Runs blameless incident reviews";
  added[backend[4].indexOf("Area")] = "Management";
  added[idColumn(backend)] = "incident-reviews";
  added.splice(manager.column, 2, 2, "Runs the reviews of the team's incidents.");
  added.splice(director.column, 2, 3, "Makes incident reviews a habit of every team.");
  added.splice(vp.column, 2, 4, "Sets how the department learns from incidents.");
  // cellRef takes a 1-based row; rows here are 0-based. A cleared cell is "" (null would leave it as it is).
  const row = (r: number, first: number, last = first): string =>
    first === last ? cellRef(r + 1, first) : `${cellRef(r + 1, first)}:${cellRef(r + 1, last)}`;
  return [
    { sheet: "Backend matrix", address: row(value.row, value.column), values: [[raisedValue(backend)]] },
    {
      sheet: "Backend matrix",
      address: row(words.row, words.column + 1),
      values: [["Our own words for a Senior's expertise."]],
    },
    {
      sheet: "Frontend matrix",
      address: row(removed, 0, frontend[removed].length - 1),
      values: [frontend[removed].map(() => "")],
    },
    { sheet: "Backend matrix", address: row(backend.length, 0, added.length - 1), values: [added] },
  ];
}

function checkSaved(framework: Framework, value: number): void {
  const codeReview = framework.competencies.find((c) => c.id === "code-review");
  const bundledCodeReview = bundled.competencies.find((c) => c.id === "code-review");
  // The other tracks keep the bundled Senior expectation with its source; Backend's own value is an override with
  // no source: it is the team's.
  expect(codeReview?.expectations.senior).toEqual(bundledCodeReview?.expectations.senior);
  // Distribution keeps its own bundled words, with their source.
  expect(codeReview?.overrides).toEqual({
    backend: { senior: { value, descriptor: bundledCodeReview?.expectations.senior?.descriptor } },
    distribution: bundledCodeReview?.overrides?.distribution,
  });
  const expertise = framework.competencies.find((c) => c.id === "domain-expertise");
  expect(expertise?.overrides?.backend?.senior?.descriptor).toBe("Our own words for a Senior's expertise.");
  const architecture = framework.competencies.find((c) => c.id === "architecture");
  expect(architecture?.tracks).not.toContain("frontend");
  const added = framework.competencies.find((c) => c.id === "incident-reviews");
  expect(added).toMatchObject({ area: "management", tracks: ["backend"], paths: ["management"] });
  expect(added?.source).toBeUndefined();
  // The file written is a framework any command can use.
  expect(loadFramework(JSON.parse(frameworkFileText(framework)))).toEqual(framework);
}

describe("the matrix saved as a framework file, then used to build", () => {
  it("gives the same sheets in Excel (Office host over the in-memory workbook)", async () => {
    const edited = officeWorkbook();
    await buildMatrix(edited.host, bundled, TRACKS, { keepEdits: false });
    const typed = edits(
      sheetNamed(edited.book, "Backend matrix").values,
      sheetNamed(edited.book, "Frontend matrix").values,
    );
    for (const edit of typed) await typeInto(edited.book, edit.sheet, edit.address, edit.values);
    // The sheets as the add-in shows the edits once it has read them back.
    const kept = await buildMatrix(edited.host, bundled, TRACKS, { keepEdits: true });
    expect(kept.problems.filter((p) => p.severity === "error")).toEqual([]);

    const saved = await matrixAsFramework(edited.host, bundled);
    expect(saved.problems.filter((p) => p.severity === "error")).toEqual([]);
    checkSaved(saved.framework!, raisedValue(sheetNamed(edited.book, "Backend matrix").values));

    const rebuilt = officeWorkbook();
    await buildMatrix(rebuilt.host, saved.framework!, TRACKS, { keepEdits: false });
    for (const name of SHEETS) {
      const before = sheetNamed(edited.book, name);
      const after = sheetNamed(rebuilt.book, name);
      expect([name, after.values]).toEqual([name, before.values]);
      expect([name, after.validations]).toEqual([name, before.validations]);
      expect([name, after.merges]).toEqual([name, before.merges]);
    }
  });

  it("gives the same sheets in an .xlsx file", async () => {
    const host = new XlsxHost();
    await buildMatrix(host, bundled, TRACKS, { keepEdits: false });
    const sheet = (h: XlsxHost, name: string) => sheetValues(h.workbook.getWorksheet(name)!);
    for (const edit of edits(sheet(host, "Backend matrix"), sheet(host, "Frontend matrix"))) {
      const ws = host.workbook.getWorksheet(edit.sheet)!;
      const [first] = edit.address.split(":");
      const start = ws.getCell(first);
      edit.values[0].forEach((value, i) => {
        ws.getCell(Number(start.row), Number(start.col) + i).value = value;
      });
    }
    // Saved to a file and opened again, as the command line reads it.
    const opened = new XlsxHost(await loadWorkbook(await workbookToBytes(host.workbook)));
    await buildMatrix(opened, bundled, TRACKS, { keepEdits: true });

    const saved = await matrixAsFramework(opened, bundled);
    expect(saved.problems.filter((p) => p.severity === "error")).toEqual([]);
    checkSaved(saved.framework!, raisedValue(sheet(opened, "Backend matrix")));

    const rebuilt = new XlsxHost();
    await buildMatrix(rebuilt, saved.framework!, TRACKS, { keepEdits: false });
    for (const name of SHEETS) expect([name, sheet(rebuilt, name)]).toEqual([name, sheet(opened, name)]);
  });

  it("says what stops the save: no matrix sheet, or a cell the matrix cannot use", async () => {
    const empty: WorkbookHost = new XlsxHost();
    expect(await matrixAsFramework(empty, bundled)).toEqual({
      problems: [{ severity: "error", message: "The workbook has no matrix sheet: build the matrix first." }],
    });
    const { book, host } = officeWorkbook();
    await buildMatrix(host, bundled, ["backend"], { keepEdits: false });
    const { row, column } = locate(
      sheetNamed(book, "Backend matrix").values,
      "code-review",
      "Staff Backend Engineer",
    );
    await typeInto(book, "Backend matrix", cellRef(row + 1, column), [["lots"]]);
    const saved = await matrixAsFramework(host, bundled);
    expect(saved.framework).toBeUndefined();
    expect(saved.problems).toEqual([
      expect.objectContaining({ severity: "error", sheet: "Backend matrix", cell: cellRef(row + 1, column) }),
    ]);
  });
});
