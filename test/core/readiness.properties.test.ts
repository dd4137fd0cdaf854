import fc from "fast-check";
import { readRatings } from "../../src/core/ratings";
import { scorePerson, scoreTeam } from "../../src/core/readiness";
import type { CareerMatrix } from "../../src/core/matrix";
import type { Cell, PersonRatings, PersonReadiness } from "../../src/core/types";
import {
  genPermutation,
  genPerson,
  genTeam,
  matrixArb,
  permuted,
  ratingsCells,
  scaleMax,
} from "./arbitraries";

const runs = { numRuns: 200 };

/** The readiness definition written out plainly, as the README states it. */
function definedReadiness(matrix: CareerMatrix, p: PersonRatings, levelId: string): number {
  const track = matrix.tracks.find((t) => t.id === p.track)!;
  let assessed = 0;
  let met = 0;
  for (const c of track.competencies) {
    const expectation = c.expectations[levelId];
    const rating = p.ratings[c.id];
    if (!expectation || rating === undefined) continue;
    const weight = matrix.areas.find((a) => a.id === c.area)!.weight;
    assessed += weight;
    if (rating >= expectation.value) met += weight;
  }
  return assessed === 0 ? 0 : met / assessed;
}

describe("readiness properties", () => {
  it("matches the definition and stays in [0, 1], with coverage in [0, 1]", () => {
    fc.assert(
      fc.property(matrixArb(), fc.gen(), (matrix, g) => {
        const p = genPerson(g, matrix, "P");
        for (const level of scorePerson(matrix, p).levels) {
          expect(level.readiness).toBeGreaterThanOrEqual(0);
          expect(level.readiness).toBeLessThanOrEqual(1);
          expect(level.coverage).toBeGreaterThanOrEqual(0);
          expect(level.coverage).toBeLessThanOrEqual(1);
          expect(level.readiness).toBeCloseTo(definedReadiness(matrix, p, level.level), 12);
        }
      }),
      runs,
    );
  });

  it("never lowers any readiness when a rating is raised", () => {
    fc.assert(
      fc.property(matrixArb(), fc.gen(), (matrix, g) => {
        const p = genPerson(g, matrix, "P");
        const raisable = Object.keys(p.ratings).filter((id) => (p.ratings[id] as number) < scaleMax(matrix));
        fc.pre(raisable.length > 0);
        const id = raisable[g(fc.nat, raisable.length - 1)];
        const raised = {
          ...p,
          ratings: { ...p.ratings, [id]: g(fc.integer, { min: p.ratings[id]! + 1, max: scaleMax(matrix) }) },
        };
        const before = scorePerson(matrix, p).levels;
        const after = scorePerson(matrix, raised).levels;
        before.forEach((l, i) => expect(after[i].readiness).toBeGreaterThanOrEqual(l.readiness));
      }),
      runs,
    );
  });

  it("with monotone expectations, never gives a higher level more readiness than a lower one on its path", () => {
    fc.assert(
      fc.property(matrixArb({ monotone: true }), fc.gen(), (matrix, g) => {
        const p = genPerson(g, matrix, "P");
        const track = matrix.tracks.find((t) => t.id === p.track)!;
        const scored = scorePerson(matrix, p).levels;
        track.levels.forEach((low, i) =>
          track.levels.forEach((high, j) => {
            if (low.path === high.path && high.rank > low.rank) {
              expect(scored[j].readiness).toBeLessThanOrEqual(scored[i].readiness + 1e-12);
            }
          }),
        );
      }),
      runs,
    );
  });

  it("scores each person alike alone or in a team, whatever the team's order", () => {
    fc.assert(
      fc.property(matrixArb(), fc.gen(), (matrix, g) => {
        const team = genTeam(g, matrix);
        const order = genPermutation(g, team.length);
        const scored = scoreTeam(
          matrix,
          order.map((i) => team[i]),
        );
        order.forEach((i, k) => expect(scored[k]).toEqual(scorePerson(matrix, team[i])));
      }),
      runs,
    );
  });
});

/**
 * Readiness results keyed by person, without the row they were read from, as one string: comparing strings keeps
 * shrinking a failing case fast where a deep diff of every attempt would not.
 */
function byPerson(scored: PersonReadiness[]): string {
  const sorted = [...scored].sort((a, b) => a.person.person.localeCompare(b.person.person));
  return canonical(sorted.map((s) => ({ ...s, person: { ...s.person, row: undefined } })));
}

/** JSON with object keys sorted: the ratings of a person are the same whatever order their columns came in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

describe("reading ratings: properties", () => {
  it("reads back exactly the people a table was made from", () => {
    fc.assert(
      fc.property(matrixArb(), fc.gen(), (matrix, g) => {
        const team = genTeam(g, matrix);
        const read = readRatings(ratingsCells(matrix, team), matrix);
        expect(read.problems.filter((p) => p.severity === "error")).toEqual([]);
        expect(read.people).toEqual(team.map((p, i) => ({ ...p, source: "manager", row: i + 2 })));
      }),
      runs,
    );
  });

  it("scores alike whatever the order of the rows and of the columns", () => {
    fc.assert(
      fc.property(matrixArb(), fc.gen(), (matrix, g) => {
        const team = genTeam(g, matrix);
        const cells = ratingsCells(matrix, team);
        const rows = genPermutation(g, cells.length - 1);
        const columns = genPermutation(g, cells[0].length);
        const a = readRatings(cells, matrix);
        const b = readRatings(permuted(cells, rows, columns), matrix);
        expect(byPerson(scoreTeam(matrix, b.people))).toEqual(byPerson(scoreTeam(matrix, a.people)));
        expect(b.problems.length).toBe(a.problems.length);
      }),
      runs,
    );
  });

  it("never throws on any table, and every problem points at a cell inside it or at A1", () => {
    const cell: fc.Arbitrary<Cell> = fc.oneof(
      fc.constant(null),
      fc.boolean(),
      fc.double(),
      fc.integer({ min: -2, max: 7 }),
      fc.string(),
      fc.constantFrom(
        "Person",
        "track",
        "LEVEL",
        "Rater",
        "team",
        "t1",
        "Track one",
        "ic1",
        "IC 2",
        "m1",
        "Competency 0",
        "c1",
        "L2",
        "—",
      ),
    );
    fc.assert(
      fc.property(
        matrixArb(),
        fc.array(fc.array(cell, { maxLength: 9 }), { maxLength: 8 }),
        (matrix, cells) => {
          const read = readRatings(cells, matrix, { sheet: "Ratings" });
          for (const problem of read.problems) {
            expect(problem.sheet).toBe("Ratings");
            expect(problem.message.length).toBeGreaterThan(0);
            expect(problem.row).toBeGreaterThanOrEqual(1);
            expect(problem.row).toBeLessThanOrEqual(Math.max(1, cells.length));
          }
          expect(() => scoreTeam(matrix, read.people)).not.toThrow();
        },
      ),
      runs,
    );
  });
});
