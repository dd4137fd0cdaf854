/** Teams of any size made from the bundled sample team, and a way to type their ratings into the Ratings sheet. */
import { careerMatrixFromFramework, findCompetency } from "../../src/core/career-matrix";
import type { Framework } from "../../src/core/framework";
import { sampleTeam, type SamplePerson } from "../../src/data";
import type { NewPerson } from "../../src/sheets/ratings-sheet";
import type { SpecHost } from "./spec-host";

export function teamOf(size: number): SamplePerson[] {
  const sample = sampleTeam().people;
  return Array.from({ length: size }, (_, i) => {
    const p = sample[i % sample.length];
    return {
      ...p,
      person: i < sample.length ? p.person : `${p.person} ${Math.floor(i / sample.length) + 1}`,
    };
  });
}

export function newPeople(team: SamplePerson[]): NewPerson[] {
  return team.map(({ person, track, level, rater, team: t, specialisation }) => ({
    person,
    track,
    level,
    rater,
    team: t,
    ...(specialisation === undefined ? {} : { specialisation }),
  }));
}

/** Types each person's ratings under the competency headers of the Ratings sheet. */
export function typeRatings(host: SpecHost, framework: Framework, team: SamplePerson[]): void {
  const matrix = careerMatrixFromFramework(framework);
  const spec = host.sheets.get("ratings");
  if (!spec) throw new Error("No Ratings sheet");
  const header = spec.cells[0].map((c) => String(c ?? ""));
  const rowOf = new Map(spec.cells.map((row, i) => [String(row[0] ?? "").toLowerCase(), i]));
  for (const person of team) {
    const row = rowOf.get(person.person.toLowerCase());
    if (row === undefined) throw new Error(`${person.person} is not on the Ratings sheet`);
    const track = matrix.tracks.find((t) => t.id === person.track);
    if (!track) throw new Error(`No track ${person.track}`);
    for (const [id, value] of Object.entries(person.ratings)) {
      const competency = findCompetency(track, id);
      const column = header.findIndex((h) => h === competency?.name || h === id);
      if (column < 0) continue;
      const cells = spec.cells[row];
      while (cells.length <= column) cells.push(null);
      cells[column] = value ?? null;
    }
  }
}
