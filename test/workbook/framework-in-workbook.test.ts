/** The framework kept in the workbook: written once, found again in Excel and in an .xlsx file, and given up. */
import type { Framework } from "../../src/core/framework";
import { bundledFramework } from "../../src/data";
import { loadWorkbook } from "../../src/hosts/xlsx/xlsx-reader";
import { XlsxHost } from "../../src/hosts/xlsx/xlsx-host";
import { workbookToBytes } from "../../src/hosts/xlsx/xlsx-writer";
import { refreshHeatmapsAction } from "../../src/commands/refresh-heatmaps";
import { buildMatrix, createRatings, scoreRatings } from "../../src/workbook/commands";
import {
  FRAMEWORK_KEY,
  frameworkInUse,
  frameworkSheetSpec,
  keepFramework,
} from "../../src/workbook/framework-in-workbook";
import { officeWorkbook, sheetNamed, typeInto, typeRatings } from "./office-workbook";
import { newPeople, teamOf } from "./team";

const bundled = bundledFramework();

/** A team's own framework: GitLab's with renamed levels and a long descriptor that starts like a formula. */
function ours(): Framework {
  const f = JSON.parse(JSON.stringify(bundled)) as Framework;
  f.id = "ours";
  f.name = "Our framework";
  f.levels.find((l) => l.id === "senior")!.name = "Senior (ours)";
  f.competencies[0].expectations.senior!.descriptor = `=Leads the team's process reviews. ${"x".repeat(40_000)}`;
  return f;
}

describe("the framework kept in the workbook", () => {
  it("is GitLab's while the workbook keeps none", async () => {
    const { host } = officeWorkbook();
    expect(await frameworkInUse(host, bundled)).toEqual({ framework: bundled, own: false, problems: [] });
  });

  it("is found again in Excel, split over cells short enough for Excel, none of them a formula", async () => {
    const { book, host } = officeWorkbook();
    await keepFramework(host, ours());
    const sheet = sheetNamed(book, "Framework in use");
    expect(sheet.visibility).toBe("Hidden");
    const pieces = sheet.values.slice(2).map((row) => row[0]);
    expect(pieces.length).toBeGreaterThan(2);
    for (const piece of pieces) {
      expect(typeof piece === "string" && piece.length <= 32_767 && !/^[=+\-@]/.test(piece)).toBe(true);
    }
    expect(sheet.formulas.flat().every((f) => f === null)).toBe(true);
    expect(await frameworkInUse(host, bundled)).toEqual({ framework: ours(), own: true, problems: [] });
  });

  it("is found again in an .xlsx file", async () => {
    const host = new XlsxHost();
    await keepFramework(host, ours());
    const reopened = new XlsxHost(await loadWorkbook(await workbookToBytes(host.workbook)));
    expect((await frameworkInUse(reopened, bundled)).framework).toEqual(ours());
  });

  it("goes back to GitLab's in one write", async () => {
    const { host } = officeWorkbook();
    await keepFramework(host, ours());
    await keepFramework(host, undefined);
    expect(await frameworkInUse(host, bundled)).toEqual({ framework: bundled, own: false, problems: [] });
    expect(frameworkSheetSpec(undefined).cells[0]).toEqual([
      "This workbook uses GitLab's engineering career framework.",
    ]);
  });

  it("says why a damaged copy cannot be used, and uses GitLab's meanwhile", async () => {
    const { book, host } = officeWorkbook();
    await keepFramework(host, ours());
    await typeInto(book, "Framework in use", "A3", [["j{ not json"]]);
    const inUse = await frameworkInUse(host, bundled);
    expect(inUse.framework).toBe(bundled);
    expect(inUse.problems).toEqual([
      expect.stringMatching(
        /^The framework kept in the sheet "Framework in use" cannot be used, so GitLab's is used: 1:3: /,
      ),
    ]);
  });

  it("is the one the ribbon's Refresh heatmaps scores with", async () => {
    const { book, host } = officeWorkbook();
    const framework = ours();
    // A matrix sheet shows each descriptor in one cell, which Excel caps at 32,767 characters: refused at the cell.
    await expect(buildMatrix(host, framework, ["backend"], { keepEdits: false })).rejects.toThrow(
      /^Backend matrix!G8 would hold 40,035 characters; an Excel cell holds 32,767/,
    );
    framework.competencies[0].expectations.senior!.descriptor = "=Leads the team's process reviews.";
    await buildMatrix(host, framework, ["backend"], { keepEdits: false });
    const team = teamOf(3);
    await createRatings(host, framework, newPeople(team));
    await typeRatings(book, framework, team);
    await scoreRatings(host, bundled);
    expect(sheetNamed(book, "Readiness").values.flat()).not.toContain("Senior (ours)");
    await keepFramework(host, framework);
    await refreshHeatmapsAction(host, bundled)();
    // The Readiness sheet names levels as the kept framework does.
    const readiness = sheetNamed(book, "Readiness");
    expect(readiness.values.flat()).toContain("Senior (ours)");
    expect((await host.ownedSheets()).map((s) => s.key)).toContain(FRAMEWORK_KEY);
  });
});
