/**
 * The bench's closing table. Each benchmark reports its headline figures here; `npm run bench` collects them from
 * every benchmark's process and prints one table at the end: figure, goal, now, and the ratio against a baseline
 * measured in the same run where the benchmark has one.
 */
import { appendFileSync } from "node:fs";

/** The environment variable naming the file (JSON lines) that `scripts/bench.js` collects rows from. */
export const DASHBOARD_FILE = "CAREER_MATRIX_BENCH_DASHBOARD";

export interface DashboardRow {
  figure: string;
  /** How `now` (and the goal and baseline) are counted: "ms", "KB gzip", "x". */
  unit: string;
  now: number;
  /** The figure must not exceed this (every goal here is a ceiling). */
  goal?: number;
  /** The same figure for a reference measured in this run, and what that reference is. */
  baseline?: { value: number; what: string };
}

/** Adds a row to the closing table; run on its own (outside `npm run bench`), prints it instead. */
export function report(row: DashboardRow): void {
  const file = process.env[DASHBOARD_FILE];
  if (file) appendFileSync(file, `${JSON.stringify(row)}\n`);
  else console.log(`dashboard: ${row.figure}: ${row.now} ${row.unit}`);
}
