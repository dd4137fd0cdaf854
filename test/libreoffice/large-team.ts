/**
 * A team of any size in the sample team's shape, as a manager would paste it on the Ratings sheet: each person of
 * the sample repeated with a number after the name, each rating nudged by a fixed pseudo-random step within the
 * scale. Used by the 10,000-person tests and the build benchmark.
 */
import { sampleRatingsTable } from "../../src/cli/build-workbook";
import type { Framework } from "../../src/core/framework";
import type { Cell } from "../../src/core/types";
import { sampleTeam } from "../../src/data";

export function largeTeamTable(framework: Framework, count: number): Cell[][] {
  // The manager's rows only: one row per person, so `count` rows are `count` people.
  const managers = sampleTeam().people.map(({ self: _self, peers: _peers, ...person }) => person);
  const [header, ...sample] = sampleRatingsTable(framework, managers);
  const top = Math.max(...framework.scale.map((point) => point.value));
  let seed = 42;
  const next = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const rows = Array.from({ length: count }, (_, i) => {
    const base = sample[i % sample.length];
    return base.map((cell, c) => {
      if (c === 0) return `${cell} ${Math.floor(i / sample.length) + 1}`;
      if (typeof cell !== "number") return cell;
      return Math.min(top, Math.max(0, cell + Math.round(next() * 2 - 1)));
    });
  });
  return [header, ...rows];
}
