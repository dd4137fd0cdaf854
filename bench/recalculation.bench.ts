/**
 * The memory workbook's calculation (the workbench's and the tests'): a workbook built, rated and scored through the
 * Office host as the workbench does it, for the sample team and for 1,000 people; then the CPU time of the first full
 * calculation (every formula read and calculated), of a full recalculation, and of what the workbench does when a
 * rating is typed: write the cell, then draw the workbook again (every sheet's values).
 */
import { careerMatrixFromFramework } from "../src/core/career-matrix";
import { bundledFramework, sampleTeam } from "../src/data";
import { MemoryWorkbook } from "../src/hosts/memory";
import { OfficeHost } from "../src/hosts/office/office-host";
import { RATINGS_NAME } from "../src/sheets/ratings-sheet";
import { buildMatrix, createRatings, scoreRatings } from "../src/workbook/commands";
import { typeRatings } from "../src/workbench/type-ratings";
import { newPeople, teamOf } from "../test/workbook/team";
import { report } from "./dashboard";

/** CPU time of this process (user and system), steadier than the clock on a shared machine. */
const cpu = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const ms = (from: number) => cpu() - from;

function formulaCount(book: MemoryWorkbook): number {
  let n = 0;
  for (const sheet of book.state.sheets)
    for (const row of sheet.rows) for (const c of row ?? []) if (c?.formula) n++;
  return n;
}

/** Calculates every formula cell, as a full recalculation does. */
function calculateAll(book: MemoryWorkbook): void {
  for (const sheet of book.state.sheets)
    sheet.rows.forEach((row, r) =>
      row?.forEach((cell, c) => {
        if (cell?.formula) book.formulaValue(sheet, r + 1, c);
      }),
    );
}

export async function run(): Promise<void> {
  const framework = bundledFramework();
  const matrix = careerMatrixFromFramework(framework);
  const rows = [];
  let typedMs = 0;
  for (const size of [sampleTeam().people.length, 1000]) {
    const team = teamOf(size);
    const book = new MemoryWorkbook();
    const host = new OfficeHost(book.run);
    await buildMatrix(
      host,
      framework,
      framework.tracks.map((t) => t.id),
      { keepEdits: false },
    );
    await createRatings(host, framework, newPeople(team));
    await typeRatings(book.run, RATINGS_NAME, matrix, team);
    await scoreRatings(host, framework);

    // The first calculation reads every formula; later ones reuse what was read.
    book.recalculate();
    let started = cpu();
    calculateAll(book);
    const coldMs = ms(started);
    book.recalculate();
    started = cpu();
    calculateAll(book);
    const warmMs = ms(started);

    // One rating typed, then the whole workbook drawn, as the workbench does.
    started = cpu();
    await book.run(async (context) => {
      context.workbook.worksheets.getItem(RATINGS_NAME).getRange("F2").values = [[0]];
      await context.sync();
    });
    book.snapshot();
    const typed = ms(started);
    if (size === 1000) typedMs = typed;

    rows.push({
      people: size,
      formulas: formulaCount(book),
      "first full calculation (ms)": coldMs.toFixed(0),
      "full recalculation (ms)": warmMs.toFixed(0),
      "type a rating and redraw (ms)": typed.toFixed(0),
    });
  }
  console.log(
    "Recalculation of the memory workbook (Ratings, Readiness, both gap heatmaps, summary, calibration)",
  );
  console.table(rows);
  report({
    figure: "workbench: type a rating and redraw, 1,000 people",
    unit: "ms",
    now: Math.round(typedMs),
  });
}
