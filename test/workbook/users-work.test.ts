/**
 * What a user builds on the add-in's sheets keeps working through every command: their formulas, names and the
 * ranges a chart would plot point at the same owned sheets afterwards and see the new content there.
 */
import { bundledFramework } from "../../src/data";
import type { MemoryWorkbook } from "../../src/hosts/memory";
import {
  buildMatrix,
  createRatings,
  insertComparison,
  refreshHeatmaps,
  scoreRatings,
} from "../../src/workbook/commands";
import { officeWorkbook, sheetNamed, typeRatings } from "./office-workbook";
import { newPeople, teamOf } from "./team";

const framework = bundledFramework();

const USER_FORMULAS = [
  "=Readiness!F5",
  "=SUM(Ratings!F:F)",
  "='Gaps at next level'!B6",
  "=COUNTA(Ratings!A:A)-1",
];

async function userSheet(book: MemoryWorkbook): Promise<void> {
  await book.run(async (context) => {
    const summary = context.workbook.worksheets.add("Summary");
    summary.getRange("A1:D1").formulas = [USER_FORMULAS];
    context.workbook.names.add("TeamRatings", "=Ratings!$F$2:$F$9");
    // The range a chart over the readiness column plots.
    context.workbook.names.add("ReadinessSeries", "=Readiness!$F$5:$F$12");
    const ratings = context.workbook.worksheets.getItem("Ratings");
    ratings.getRange("AZ:AZ").format.columnWidth = 90;
    await context.sync();
  });
}

describe("the user's work on the add-in's sheets", () => {
  it("still points at the owned sheets after every command, and those hold the new content", async () => {
    const { book, host } = officeWorkbook();
    const team = teamOf(8);
    await buildMatrix(host, framework, ["backend"], { keepEdits: true });
    await createRatings(host, framework, newPeople(team));
    await typeRatings(book, framework, team);
    await scoreRatings(host, framework);
    await userSheet(book);
    const ids = () => book.state.sheets.map((s) => [s.name, s.id]);
    const before = ids();

    const commands: [string, () => Promise<unknown>][] = [
      ["build the matrix", () => buildMatrix(host, framework, ["backend"], { keepEdits: true })],
      ["add people", () => createRatings(host, framework, newPeople(teamOf(10).slice(8)))],
      ["score", () => scoreRatings(host, framework)],
      ["refresh the heatmaps", () => refreshHeatmaps(host, framework)],
      [
        "compare two levels",
        () =>
          insertComparison(
            host,
            framework,
            { track: "backend", level: "senior" },
            { track: "backend", level: "staff" },
          ),
      ],
    ];
    for (const [command, run] of commands) {
      await run();
      const snapshot = book.snapshot();
      expect({ command, formulas: sheetNamed(book, "Summary").formulas[0] }).toEqual({
        command,
        formulas: USER_FORMULAS,
      });
      expect({ command, names: snapshot.names.filter((n) => !n.name.startsWith("CM_")) }).toEqual({
        command,
        names: [
          { name: "TeamRatings", formula: "=Ratings!$F$2:$F$9", comment: "" },
          { name: "ReadinessSeries", formula: "=Readiness!$F$5:$F$12", comment: "" },
        ],
      });
      // The same sheets, not new ones under old names.
      expect(ids().filter(([name]) => before.some(([n]) => n === name))).toEqual(before);
      expect(sheetNamed(book, "Ratings").columnWidths[51]).toBe(90);
    }
    // The owned sheets hold the new content: ten people now, the readiness formula in F5.
    expect(sheetNamed(book, "Ratings").values.filter((row) => row[0] !== null)).toHaveLength(11);
    expect(sheetNamed(book, "Readiness").formulas[4][5]).toMatch(/^=/);
    expect(sheetNamed(book, "Readiness").values.length).toBeGreaterThanOrEqual(14);
  });
});
