/**
 * Types ratings into the Ratings sheet the way a manager would, cell values only, through the same Excel API the
 * add-in uses. The workbench uses it to fill in the sample team's ratings for a demonstration.
 */
import { columnLetter } from "../core/a1";
import type { CareerMatrix } from "../core/matrix";
import { nameKey, personKey } from "../core/names";
import type { Cell } from "../core/types";
import type { ExcelRun } from "../hosts/office/excel-api";

export interface TypedPerson {
  person: string;
  ratings: Partial<Record<string, number>>;
}

/** Returns how many people got ratings; people not on the sheet and columns it lacks are left out. */
export async function typeRatings(
  run: ExcelRun,
  sheetName: string,
  matrix: CareerMatrix,
  people: TypedPerson[],
): Promise<number> {
  const competencyByHeader = new Map<string, string>();
  for (const track of matrix.tracks) {
    for (const c of track.competencies) {
      competencyByHeader.set(nameKey(c.id), c.id);
      competencyByHeader.set(nameKey(c.name), c.id);
    }
  }
  const byPerson = new Map(people.map((p) => [personKey(p.person), p]));

  return run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(sheetName);
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load(["values", "isNullObject"]);
    await context.sync();
    if (used.isNullObject) return 0;
    const [header = [], ...rows] = used.values;
    const columns = header.map((h) => competencyByHeader.get(nameKey(String(h ?? ""))));
    const first = columns.findIndex((c) => c !== undefined);
    if (first < 0) return 0;
    const last = columns.length - 1;
    let typed = 0;
    const block: Cell[][] = rows.map((row) => {
      const person = byPerson.get(personKey(String(row[0] ?? "")));
      if (person) typed++;
      return columns.slice(first).map((id, i) => {
        const rating = id === undefined ? undefined : person?.ratings[id];
        const current = row[first + i];
        return rating ?? (current === "" ? null : current);
      });
    });
    if (block.length > 0) {
      sheet.getRange(`${columnLetter(first)}2:${columnLetter(last)}${rows.length + 1}`).values = block;
    }
    await context.sync();
    return typed;
  });
}
