/**
 * `career-matrix build` for an HR partner's calibration: 2,000 people over every track of the bundled framework.
 * Runs the compiled command line in its own process, as a user would, and reports wall time and peak memory.
 */
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sampleRatingsTable } from "../src/cli/build-workbook";
import { bundledFramework, sampleTeam } from "../src/data";
import { toCsv } from "../src/export/csv";
import { report } from "./dashboard";

const ROOT = path.resolve(__dirname, "..");
const PEOPLE = 2000;
const RUNS = 3;

/** The sample team's shape repeated to `count` people, each rating nudged by a fixed pseudo-random step. */
function ratingsCsv(count: number): string {
  const framework = bundledFramework();
  const [header, ...sample] = sampleRatingsTable(framework, sampleTeam().people);
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
  return toCsv([header, ...rows]);
}

interface Measured {
  seconds: number;
  /** User + system CPU time of the child: what the build costs on an idle machine. */
  cpuSeconds: number;
  maxRssMb: number;
}

function buildOnce(csv: string, out: string): Measured {
  const usageFile = `${out}.rusage.json`;
  // Runs the bin in this child and records its own peak resident memory as it exits.
  const script = [
    `process.on("exit", () => require("fs").writeFileSync(${JSON.stringify(usageFile)}, JSON.stringify(process.resourceUsage())));`,
    `process.argv = [process.argv[0], "career-matrix", "build", "--ratings", ${JSON.stringify(csv)}, "-o", ${JSON.stringify(out)}];`,
    `require(${JSON.stringify(path.join(ROOT, "bin/career-matrix.js"))});`,
  ].join("\n");
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ["-e", script], { encoding: "utf8" });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0) throw new Error(`career-matrix build failed (${result.status}): ${result.stderr}`);
  const usage = JSON.parse(fs.readFileSync(usageFile, "utf8")) as {
    maxRSS: number;
    userCPUTime: number;
    systemCPUTime: number;
  };
  return {
    seconds,
    cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6,
    maxRssMb: usage.maxRSS / 1024,
  };
}

export async function run(): Promise<void> {
  execFileSync(
    process.execPath,
    [path.join(ROOT, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.cli.json"],
    {
      cwd: ROOT,
      stdio: "inherit",
    },
  );
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cm-bench-"));
  try {
    const csv = path.join(dir, "ratings.csv");
    fs.writeFileSync(csv, ratingsCsv(PEOPLE));
    const out = path.join(dir, "career-matrix.xlsx");
    const runs = Array.from({ length: RUNS }, () => buildOnce(csv, out));
    const median = <T>(values: T[], key: (v: T) => number): number =>
      values.map(key).sort((a, b) => a - b)[Math.floor(values.length / 2)];
    console.log(
      `career-matrix build --ratings (${PEOPLE} people, ${bundledFramework().tracks.length} tracks), ${RUNS} runs`,
    );
    console.table({
      "wall time, median (s)": median(runs, (r) => r.seconds).toFixed(2),
      "wall time, best (s)": Math.min(...runs.map((r) => r.seconds)).toFixed(2),
      "CPU time, median (s)": median(runs, (r) => r.cpuSeconds).toFixed(2),
      "peak memory, median (MB RSS)": median(runs, (r) => r.maxRssMb).toFixed(0),
      "ratings CSV (KB)": (fs.statSync(csv).size / 1024).toFixed(0),
      "workbook (KB)": (fs.statSync(out).size / 1024).toFixed(0),
    });
    const people = PEOPLE.toLocaleString("en-US");
    report({
      figure: `career-matrix build, ${people} people, wall time median`,
      unit: "s",
      now: median(runs, (r) => r.seconds),
    });
    report({
      figure: `career-matrix build, ${people} people, peak RSS median`,
      unit: "MB",
      now: median(runs, (r) => r.maxRssMb),
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
