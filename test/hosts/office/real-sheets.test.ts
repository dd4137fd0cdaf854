/** The sheets the add-in really writes, from the bundled framework, through the Office host into the memory workbook. */
import { columnLetter } from "../../../src/core/a1";
import { careerMatrixFromFramework } from "../../../src/core/career-matrix";
import { bundledFramework, sampleTeam } from "../../../src/data";
import { MemoryWorkbook } from "../../../src/hosts/memory";
import { OfficeHost } from "../../../src/hosts/office/office-host";
import { matrixSheetSpec } from "../../../src/sheets/matrix-sheet";
import { RATINGS_KEY, ratingsSheetSpec } from "../../../src/sheets/ratings-sheet";

describe("OfficeHost with the add-in's own sheets", () => {
  const matrix = careerMatrixFromFramework(bundledFramework());
  const people = sampleTeam().people.map((p) => ({
    person: p.person,
    track: p.track,
    level: p.level,
    rater: p.rater,
    team: p.team,
  }));

  it("writes every track's matrix sheet and the ratings sheet in a constant number of syncs", async () => {
    const book = new MemoryWorkbook();
    const host = new OfficeHost(book.run);
    const specs = [
      ...matrix.tracks.map((t) => matrixSheetSpec(matrix, t.id)),
      ratingsSheetSpec(matrix, null, people).spec,
    ];
    await host.writeSheets(specs);
    expect(book.syncCount).toBe(2);
    expect(book.snapshot().sheets.map((s) => s.name)).toEqual(["Sheet1", ...specs.map((s) => s.name)]);
    expect((await host.ownedSheets()).map((s) => s.key).sort()).toEqual(specs.map((s) => s.key).sort());
  });

  it("keeps a rating typed on the Ratings sheet when the sheet is rebuilt from what was read", async () => {
    const book = new MemoryWorkbook();
    const host = new OfficeHost(book.run);
    await host.writeSheets([ratingsSheetSpec(matrix, null, people.slice(0, 3)).spec]);
    const [first] = await host.readSheets([RATINGS_KEY]);
    const column = first.values[0].findIndex((header, i) => i >= 5 && header !== null);
    await book.run(async (context) => {
      const cell = context.workbook.worksheets.getItem(first.name).getRange(`${columnLetter(column)}2`);
      cell.values = [[3]];
      await context.sync();
    });
    const [typed] = await host.readSheets([RATINGS_KEY]);
    await host.writeSheets([ratingsSheetSpec(matrix, typed.values, people.slice(3, 5)).spec]);
    const [after] = await host.readSheets([RATINGS_KEY]);
    expect(after.values[1][column]).toBe(3);
    expect(after.values.slice(1).map((row) => row[0])).toEqual(people.slice(0, 5).map((p) => p.person));
  });
});
