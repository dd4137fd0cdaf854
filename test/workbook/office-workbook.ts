/**
 * Commands run through the Office host over the in-memory Excel workbook: a workbook host that records the specs it
 * writes (so formula cells show the core's values, as Excel would after recalculating), and a way to type ratings.
 */
import { careerMatrixFromFramework, findCompetency } from "../../src/core/career-matrix";
import type { Framework } from "../../src/core/framework";
import type { Cell } from "../../src/core/types";
import type { SamplePerson } from "../../src/data";
import { MemoryWorkbook } from "../../src/hosts/memory";
import type { SheetSnapshot } from "../../src/hosts/memory";
import { OfficeHost } from "../../src/hosts/office/office-host";
import { columnLetter } from "../../src/sheets/a1";
import { SPECIALISATION_FIELD } from "../../src/sheets/ratings-sheet";
import type { WorkbookHost } from "../../src/workbook/host";
import { observedHost } from "../../src/workbench/observed-host";
import { createRatings } from "../../src/workbook/commands";
import { newPeople, teamOf } from "./team";

export function officeWorkbook(): { book: MemoryWorkbook; host: WorkbookHost } {
  const book = new MemoryWorkbook();
  const office = new OfficeHost(book.run);
  const host = observedHost(office, () => undefined);
  return { book, host };
}

export function sheetNamed(book: MemoryWorkbook, name: string): SheetSnapshot {
  const sheet = book.snapshot().sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`No sheet named ${name}`);
  return sheet;
}

/** Types values into a range of a sheet in one request, as a user pasting would. */
export async function typeInto(
  book: MemoryWorkbook,
  sheet: string,
  address: string,
  values: Cell[][],
): Promise<void> {
  await book.run(async (context) => {
    context.workbook.worksheets.getItem(sheet).getRange(address).values = values;
    await context.sync();
  });
}

/** Types every person's ratings under the competency headers of the Ratings sheet. */
export async function typeRatings(
  book: MemoryWorkbook,
  framework: Framework,
  team: SamplePerson[],
): Promise<void> {
  const matrix = careerMatrixFromFramework(framework);
  const sheet = sheetNamed(book, "Ratings");
  const header = sheet.values[0].map((c) => String(c ?? ""));
  const width = header.length;
  // Ratings start after Person…Team, and after Specialisation where the framework has specialisations.
  const first = header[5] === SPECIALISATION_FIELD ? 6 : 5;
  const rows = sheet.values.slice(1).map((row) => {
    const out: Cell[] = new Array(width - first).fill(null);
    const person = team.find((p) => p.person === row[0]);
    const track = person && matrix.tracks.find((t) => t.id === person.track);
    if (!person || !track) return out;
    for (const [id, value] of Object.entries(person.ratings)) {
      const name = findCompetency(track, id)?.name;
      const column = header.findIndex((h) => h === name || h === id);
      if (column >= first && value !== undefined) out[column - first] = value;
    }
    return out;
  });
  await typeInto(
    book,
    "Ratings",
    `${columnLetter(first)}2:${columnLetter(width - 1)}${rows.length + 1}`,
    rows,
  );
}

/** A workbook with the Ratings sheet of a team of `size` made from the sample team, their ratings typed in. */
export async function ratedWorkbook(framework: Framework, size: number) {
  const workbook = officeWorkbook();
  const team = teamOf(size);
  await createRatings(workbook.host, framework, newPeople(team));
  await typeRatings(workbook.book, framework, team);
  return { ...workbook, team };
}
