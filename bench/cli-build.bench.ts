/**
 * `career-matrix build` for an HR partner's calibration: 10,000 people over every track of the bundled framework.
 * Runs the compiled command line in its own process, as a user would, and reports wall time and peak memory; the
 * baseline, in the same run, is the same workbook built in memory by ExcelJS and written whole (XlsxHost, as
 * `build` wrote it before it streamed).
 */
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { bundledFramework } from "../src/data";
import { toCsv } from "../src/export/csv";
import { largeTeamTable } from "../test/libreoffice/large-team";
import { report } from "./dashboard";

const ROOT = path.resolve(__dirname, "..");
const PEOPLE = 10_000;
const RUNS = 3;
const GOAL_SECONDS = 10;
const GOAL_MB = 500;

function ratingsCsv(count: number): string {
  return toCsv(largeTeamTable(bundledFramework(), count));
}

interface Measured {
  seconds: number;
  /** User + system CPU time of the child: what the build costs on an idle machine. */
  cpuSeconds: number;
  maxRssMb: number;
}

/** Runs `body` (CommonJS, with `csv` and `out` defined) in a child Node process; its time and peak memory. */
function measure(body: string, csv: string, out: string): Measured {
  const usageFile = `${out}.rusage.json`;
  // The child records its own peak resident memory as it exits.
  const script = [
    `process.on("exit", () => require("fs").writeFileSync(${JSON.stringify(usageFile)}, JSON.stringify(process.resourceUsage())));`,
    `const csv = ${JSON.stringify(csv)}, out = ${JSON.stringify(out)};`,
    body,
  ].join("\n");
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ["-e", script], { encoding: "utf8" });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0) throw new Error(`the build failed (${result.status}): ${result.stderr}`);
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

/** The command line as a user runs it: the workbook streamed to its file. */
function streamedBuild(csv: string, out: string): Measured {
  const bin = JSON.stringify(path.join(ROOT, "bin/career-matrix.js"));
  return measure(
    `process.argv = [process.argv[0], "career-matrix", "build", "--ratings", csv, "-o", out]; require(${bin});`,
    csv,
    out,
  );
}

/** The same commands on the in-memory ExcelJS host, the workbook written whole: the baseline. */
function inMemoryBuild(csv: string, out: string): Measured {
  const compiled = (module: string) => JSON.stringify(path.join(ROOT, "build/node", module));
  return measure(
    [
      `const { buildWorkbook } = require(${compiled("cli/build-workbook.js")});`,
      `const { ratingsTable } = require(${compiled("cli/inputs.js")});`,
      `const { XlsxHost } = require(${compiled("hosts/xlsx/xlsx-host.js")});`,
      `const { workbookToBytes } = require(${compiled("hosts/xlsx/xlsx-writer.js")});`,
      `const { bundledFramework } = require(${compiled("data/index.js")});`,
      `const { careerMatrixFromFramework } = require(${compiled("core/career-matrix.js")});`,
      `(async () => {`,
      `  const framework = bundledFramework();`,
      `  const read = await ratingsTable(csv, careerMatrixFromFramework(framework), {});`,
      `  const built = await buildWorkbook(new XlsxHost(), framework, framework.tracks.map((t) => t.id), read.table);`,
      `  require("fs").writeFileSync(out, await workbookToBytes(built.host.workbook));`,
      `})().catch((error) => { console.error(error); process.exit(1); });`,
    ].join("\n"),
    csv,
    out,
  );
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
    const runs = Array.from({ length: RUNS }, () => streamedBuild(csv, out));
    const streamedKb = fs.statSync(out).size / 1024;
    const baselineOut = path.join(dir, "in-memory.xlsx");
    const baseline = inMemoryBuild(csv, baselineOut);
    const median = <T>(values: T[], key: (v: T) => number): number =>
      values.map(key).sort((a, b) => a - b)[Math.floor(values.length / 2)];
    console.log(
      `career-matrix build --ratings (${PEOPLE} people, ${bundledFramework().tracks.length} tracks), ${RUNS} runs; baseline: built in memory, 1 run`,
    );
    console.table({
      "wall time, median (s)": {
        streamed: median(runs, (r) => r.seconds).toFixed(2),
        "in memory": baseline.seconds.toFixed(2),
      },
      "wall time, best (s)": {
        streamed: Math.min(...runs.map((r) => r.seconds)).toFixed(2),
        "in memory": "",
      },
      "CPU time, median (s)": {
        streamed: median(runs, (r) => r.cpuSeconds).toFixed(2),
        "in memory": baseline.cpuSeconds.toFixed(2),
      },
      "peak memory, median (MB RSS)": {
        streamed: median(runs, (r) => r.maxRssMb).toFixed(0),
        "in memory": baseline.maxRssMb.toFixed(0),
      },
      "workbook (KB)": {
        streamed: streamedKb.toFixed(0),
        "in memory": (fs.statSync(baselineOut).size / 1024).toFixed(0),
      },
      "ratings CSV (KB)": { streamed: (fs.statSync(csv).size / 1024).toFixed(0), "in memory": "" },
    });
    const people = PEOPLE.toLocaleString("en-US");
    report({
      figure: `career-matrix build, ${people} people, wall time median`,
      unit: "s",
      now: median(runs, (r) => r.seconds),
      goal: GOAL_SECONDS,
      baseline: { value: baseline.seconds, what: "built in memory (ExcelJS), written whole" },
    });
    report({
      figure: `career-matrix build, ${people} people, CPU time median`,
      unit: "s",
      now: median(runs, (r) => r.cpuSeconds),
      baseline: { value: baseline.cpuSeconds, what: "built in memory (ExcelJS), written whole" },
    });
    report({
      figure: `career-matrix build, ${people} people, peak RSS median`,
      unit: "MB",
      now: median(runs, (r) => r.maxRssMb),
      goal: GOAL_MB,
      baseline: { value: baseline.maxRssMb, what: "built in memory (ExcelJS), written whole" },
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
