/**
 * The workbook commands through the Office host over the in-memory workbook: syncs and request sizes per command at
 * 25, 500 and 5,000 people (the bundled framework, the sample team repeated), beside a naive writer of the same
 * sheets. Request sizes are the JSON of the queued operations, the figure Excel on the web limits to 5 MB per request.
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
import { cellInput } from "../src/hosts/office/cell-input";
import type { SheetSpec } from "../src/sheets/spec";
import type { WorkbookHost } from "../src/workbook/host";
import { report } from "./dashboard";

/**
 * What a straightforward writer would cost for the same sheets: one sync to read, then one per sheet and one per
 * 1,000 rows, every cell sent (no fill-down of a column of one formula).
 */
function naiveCost(specs: SheetSpec[]): { syncs: number; bytes: number } {
  let syncs = 1;
  let bytes = 0;
  for (const spec of specs) {
    syncs += 1 + Math.ceil(spec.cells.length / 1000);
    bytes += Buffer.byteLength(JSON.stringify(spec.cells.map((row) => row.map((cell) => cellInput(cell)))));
  }
  return { syncs, bytes };
}

/** The host, recording the specs each command writes. */
function recording(host: WorkbookHost, written: SheetSpec[]): WorkbookHost {
  return {
    ...host,
    update: (read, write) =>
      host.update(read, (view) => {
        const change = write(view);
        written.push(...change.specs);
        return change;
      }),
  };
}

const KB = 1024;

interface Row {
  command: string;
  people: number;
  syncs: number;
  naiveSyncs: number;
  totalKB: string;
  naiveKB: string;
  "naive/this": string;
  maxRequestKB: string;
  ms: string;
}

export async function run(): Promise<void> {
  const framework = bundledFramework();
  const rows: Row[] = [];
  for (const people of [25, 500, 5000]) {
    const workbook = officeWorkbook();
    const book = workbook.book;
    const written: SheetSpec[] = [];
    const host = recording(workbook.host, written);
    const team = teamOf(people);
    const measure = async (command: string, action: () => Promise<unknown>): Promise<void> => {
      book.resetCounters();
      written.length = 0;
      const started = performance.now();
      await action();
      const naive = naiveCost(written);
      rows.push({
        command,
        people,
        syncs: book.syncCount,
        naiveSyncs: naive.syncs,
        totalKB: (book.totalRequestBytes / KB).toFixed(1),
        naiveKB: (naive.bytes / KB).toFixed(1),
        "naive/this": (naive.bytes / book.totalRequestBytes).toFixed(1),
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
  const at5000 = rows.filter((r) => r.people === 5000);
  report({
    figure: "workbook commands: most syncs of a command, 5,000 people",
    unit: "syncs",
    now: Math.max(...at5000.map((r) => r.syncs)),
    goal: 3,
    baseline: { value: Math.max(...at5000.map((r) => r.naiveSyncs)), what: "naive writer" },
  });
  report({
    figure: "workbook commands: largest request, 5,000 people",
    unit: "KB",
    now: Math.max(...rows.filter((r) => r.people === 5000).map((r) => Number(r.maxRequestKB))),
    goal: 5 * KB,
  });
}
