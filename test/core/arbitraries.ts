/**
 * fast-check generators of small career matrices and people, for properties that must hold for every framework and
 * every team rather than for the fixtures alone.
 */
import fc from "fast-check";
import type { CareerPath } from "../../src/core/framework";
import type { CareerMatrix, MatrixCompetency, MatrixExpectation, MatrixLevel } from "../../src/core/matrix";
import type { Cell, PersonRatings } from "../../src/core/types";

const STEPS = 8;

export interface MatrixOptions {
  /**
   * Along each path every competency of the path has an expectation at every level, never lower at a higher rank:
   * the shape under which readiness cannot rise with seniority.
   */
  monotone?: boolean;
}

export function matrixArb(options: MatrixOptions = {}): fc.Arbitrary<CareerMatrix> {
  return fc
    .record({
      scaleMax: fc.integer({ min: 1, max: 5 }),
      weights: fc.array(fc.constantFrom(0.5, 1, 2, 3), { minLength: 1, maxLength: 3 }),
      ic: fc.integer({ min: 1, max: 4 }),
      management: fc.integer({ min: 0, max: 3 }),
      thresholds: fc.record({
        ready: fc.constantFrom(0.7, 0.8, 1),
        almost: fc.constantFrom(0.4, 0.5, 0.6),
        minCoverage: fc.constantFrom(0, 0.5, 0.75),
      }),
      competencies: fc.array(
        fc.record({
          area: fc.nat(2),
          paths: fc.subarray<CareerPath>(["ic", "management"], { minLength: 1 }),
          /** Bit 1: first track, bit 2: second track. */
          tracks: fc.integer({ min: 1, max: 3 }),
          steps: fc.array(fc.nat(2), { minLength: STEPS, maxLength: STEPS }),
          present: fc.array(fc.boolean(), { minLength: STEPS, maxLength: STEPS }),
        }),
        { minLength: 1, maxLength: 8 },
      ),
    })
    .map(({ scaleMax, weights, ic, management, thresholds, competencies }) => {
      const levels: MatrixLevel[] = [];
      for (let r = 1; r <= ic; r++)
        levels.push({ id: `ic${r}`, name: `IC ${r}`, title: `IC ${r}`, path: "ic", rank: r });
      // Management starts at the rank of the top IC level, as Staff and Engineering Manager share a rank.
      for (let m = 0; m < management; m++) {
        levels.push({
          id: `m${m + 1}`,
          name: `M ${m + 1}`,
          title: `M ${m + 1}`,
          path: "management",
          rank: ic + m,
        });
      }
      const areas = weights.map((weight, i) => ({ id: `area${i}`, name: `Area ${i}`, weight }));
      const all: (MatrixCompetency & { onTracks: number })[] = competencies.map((c, i) => {
        const expectations: Partial<Record<string, MatrixExpectation>> = {};
        const running: Record<CareerPath, number> = { ic: 0, management: 0 };
        levels.forEach((level, l) => {
          if (!c.paths.includes(level.path)) return;
          if (options.monotone) {
            running[level.path] = Math.min(scaleMax, running[level.path] + c.steps[l]);
            expectations[level.id] = { value: running[level.path], descriptor: "" };
          } else if (c.present[l]) {
            expectations[level.id] = { value: c.steps[l] % (scaleMax + 1), descriptor: "" };
          }
        });
        return {
          id: `c${i}`,
          name: `Competency ${i}`,
          area: areas[c.area % areas.length].id,
          expectations,
          onTracks: c.tracks,
        };
      });
      const byArea = [...all].sort((a, b) => a.area.localeCompare(b.area));
      const strip = ({ onTracks: _, ...c }: MatrixCompetency & { onTracks: number }): MatrixCompetency => c;
      return {
        scale: Array.from({ length: scaleMax + 1 }, (_, value) => ({
          value,
          label: `L${value}`,
          meaning: "",
        })),
        areas,
        scoring: thresholds,
        tracks: [
          {
            id: "t1",
            name: "Track one",
            levels,
            competencies: byArea.filter((c) => c.onTracks & 1).map(strip),
          },
          {
            id: "t2",
            name: "Track two",
            levels: levels.filter((l) => l.path === "ic"),
            competencies: byArea.filter((c) => c.onTracks & 2).map(strip),
          },
        ],
      };
    });
}

type Gen = fc.GeneratorValue;

export function scaleMax(matrix: CareerMatrix): number {
  return matrix.scale[matrix.scale.length - 1].value;
}

/** A person on a random track and level with a random subset of competencies rated. */
export function genPerson(g: Gen, matrix: CareerMatrix, name: string, rater = ""): PersonRatings {
  const track = matrix.tracks[g(fc.nat, matrix.tracks.length - 1)];
  const level = track.levels[g(fc.nat, track.levels.length - 1)];
  const ratings: Record<string, number> = {};
  for (const c of track.competencies) {
    if (g(fc.boolean)) ratings[c.id] = g(fc.integer, { min: 0, max: scaleMax(matrix) });
  }
  return { person: name, track: track.id, level: level.id, rater, team: "", row: 0, ratings };
}

export function genTeam(g: Gen, matrix: CareerMatrix): PersonRatings[] {
  const size = g(fc.integer, { min: 1, max: 12 });
  return Array.from({ length: size }, (_, i) => genPerson(g, matrix, `Person ${i}`, `Rater ${i % 3}`));
}

/** The table a manager would type for these people: competency columns by name, blanks where not assessed. */
export function ratingsCells(matrix: CareerMatrix, people: PersonRatings[]): Cell[][] {
  const names = new Map<string, string>();
  for (const t of matrix.tracks) for (const c of t.competencies) names.set(c.id, c.name);
  const ids = [...names.keys()];
  return [
    ["Person", "Track", "Level", "Rater", "Team", ...ids.map((id) => names.get(id) as string)],
    ...people.map((p) => [
      p.person,
      p.track,
      p.level,
      p.rater,
      p.team,
      ...ids.map((id) => p.ratings[id] ?? null),
    ]),
  ];
}

/** The same table with rows (after the header) and columns in another order. */
export function permuted(cells: Cell[][], rowOrder: number[], columnOrder: number[]): Cell[][] {
  const [header, ...rows] = cells;
  const reorder = (row: Cell[]): Cell[] => columnOrder.map((c) => row[c] ?? null);
  return [reorder(header), ...rowOrder.map((r) => reorder(rows[r]))];
}

/** A random permutation of 0..n-1. */
export function genPermutation(g: Gen, n: number): number[] {
  const identity = Array.from({ length: n }, (_, i) => i);
  return g(fc.shuffledSubarray, identity, { minLength: n, maxLength: n });
}
