/**
 * The workbook commands through the Office host over the in-memory workbook: syncs and request sizes per command at
 * 25, 500 and 5,000 people (the bundled framework, the sample team repeated). Request sizes are the JSON of the
 * queued operations, the figure Excel on the web limits to 5 MB per request.
 */
import { bundledFramework } from "../src/data";
import {
  buildMatrix,
  createRatings,
  insertComparison,
  refreshHeatmaps,
  scoreRatings,
} from "../src/workbook/commands";
import { officeWorkbook, typeRatings } from "../test/workbook/office-workbook";
import { newPeople, teamOf } from "../test/workbook/team";
import { report } from "./dashboard";

const KB = 1024;

interface Row {
  command: string;
  people: number;
  syncs: number;
  totalKB: string;
  maxRequestKB: string;
  ms: string;
}

export async function run(): Promise<void> {
  const framework = bundledFramework();
  const rows: Row[] = [];
  for (const people of [25, 500, 5000]) {
    const { book, host } = officeWorkbook();
    const team = teamOf(people);
    const measure = async (command: string, action: () => Promise<unknown>): Promise<void> => {
      book.resetCounters();
      const started = performance.now();
      await action();
      rows.push({
        command,
        people,
        syncs: book.syncCount,
        totalKB: (book.totalRequestBytes / KB).toFixed(1),
        maxRequestKB: (book.maxRequestBytes / KB).toFixed(1),
        ms: (performance.now() - started).toFixed(0),
      });
    };
    await measure("buildMatrix (3 tracks)", () =>
      buildMatrix(host, framework, ["backend", "frontend", "security"], { keepEdits: true }),
    );
    await measure("createRatings (new sheet)", () => createRatings(host, framework, newPeople(team)));
    await typeRatings(book, framework, team);
    await measure("scoreRatings", () => scoreRatings(host, framework));
    await measure("refreshHeatmaps", () => refreshHeatmaps(host, framework));
    await measure("createRatings (+5 people, heatmaps rewritten)", () =>
      createRatings(host, framework, newPeople(teamOf(people + 5).slice(people))),
    );
    await measure("buildMatrix again (keep edits)", () =>
      buildMatrix(host, framework, ["backend", "frontend", "security"], { keepEdits: true }),
    );
    await measure("insertComparison", () =>
      insertComparison(
        host,
        framework,
        { track: "backend", level: "senior" },
        { track: "backend", level: "staff" },
      ),
    );
  }
  console.log("Workbook commands through the Office host over the in-memory workbook (KB = 1,024 bytes)");
  console.table(rows);
  report({
    figure: "workbook commands: largest request, 5,000 people",
    unit: "KB",
    now: Math.max(...rows.filter((r) => r.people === 5000).map((r) => Number(r.maxRequestKB))),
    goal: 5 * KB,
  });
}
