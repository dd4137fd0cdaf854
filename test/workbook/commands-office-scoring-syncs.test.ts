/**
 * What scoring costs in syncs through the Office host over the in-memory Excel workbook, for a small team and a
 * large one. Apart from commands-office.test.ts because scoring 2,000 people in the in-memory workbook takes minutes:
 * in a file of its own it runs beside the other suites instead of after the rest of that file.
 */
import { bundledFramework } from "../../src/data";
import { buildMatrix, createRatings, refreshHeatmaps, scoreRatings } from "../../src/workbook/commands";
import { ratedWorkbook } from "./office-workbook";
import { newPeople, teamOf } from "./team";

const framework = bundledFramework();

describe("scoring in Excel (Office host over the in-memory workbook)", () => {
  it("scoring, refreshing and adding people to scored ratings cost the same syncs for 10 and 2,000 people, every request under 4 MB", async () => {
    async function measure(size: number) {
      const { book, host, team } = await ratedWorkbook(framework, size);
      await buildMatrix(host, framework, ["backend"], { keepEdits: true });
      const costs: Record<string, { syncs: number; maxRequest: number }> = {};
      const cost = async (command: string, action: () => Promise<{ problems: unknown[] }>) => {
        book.resetCounters();
        expect((await action()).problems).toEqual([]);
        costs[command] = { syncs: book.syncCount, maxRequest: book.maxRequestBytes };
      };
      await cost("scoreRatings", () => scoreRatings(host, framework));
      await cost("refreshHeatmaps", () => refreshHeatmaps(host, framework));
      await cost("createRatings with heatmaps", () =>
        createRatings(host, framework, newPeople(teamOf(size + 5).slice(team.length))),
      );
      return costs;
    }
    const syncs = (costs: Record<string, { syncs: number }>) =>
      Object.fromEntries(Object.entries(costs).map(([command, c]) => [command, c.syncs]));
    const few = await measure(10);
    const many = await measure(2000);
    // The look reads the sheets this host already knows, then one write sync; adding people rewrites the heatmaps in it.
    expect(syncs(few)).toEqual({ scoreRatings: 2, refreshHeatmaps: 2, "createRatings with heatmaps": 2 });
    expect(syncs(many)).toEqual(syncs(few));
    for (const c of Object.values(many)) expect(c.maxRequest).toBeLessThan(4 * 1024 * 1024);
  });
});
