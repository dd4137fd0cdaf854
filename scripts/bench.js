// `npm run bench [-- <name>...]`: runs every bench/*.bench.ts (or those whose names contain one of the arguments),
// each in its own Node process with tsx, printing its title first, then one table of the figures the benchmarks
// reported through bench/dashboard.ts. Exits non-zero if any benchmark fails.
const fs = require("fs");
const os = require("os");
const path = require("path");
const { spawnSync } = require("child_process");
const { pathToFileURL } = require("url");

const benchDir = path.join(__dirname, "..", "bench");
const filters = process.argv.slice(2);

const files = (fs.existsSync(benchDir) ? fs.readdirSync(benchDir) : [])
  .filter((name) => name.endsWith(".bench.ts"))
  .filter((name) => filters.length === 0 || filters.some((filter) => name.includes(filter)))
  .sort();

if (files.length === 0) {
  console.log(
    filters.length ? `No benchmark in bench/ matches ${filters.join(", ")}.` : "No benchmarks in bench/.",
  );
  process.exit(filters.length ? 1 : 0);
}

// Rows arrive as JSON lines from every benchmark's process (bench/dashboard.ts).
const DASHBOARD_FILE = "CAREER_MATRIX_BENCH_DASHBOARD";
const dashboardDir = fs.mkdtempSync(path.join(os.tmpdir(), "cm-bench-dashboard-"));
const dashboardFile = path.join(dashboardDir, "rows.jsonl");

const failed = [];
for (const file of files) {
  const title = file.replace(/\.bench\.ts$/, "");
  console.log(`\n== ${title} ==`);
  const url = JSON.stringify(pathToFileURL(path.join(benchDir, file)).href);
  const script =
    `import(${url}).then(async (m) => {` +
    ` const run = m.run ?? m.default?.run;` +
    ` if (typeof run !== "function") throw new Error("bench/${file} must export async function run()");` +
    ` await run(); })` +
    `.catch((error) => { console.error(error); process.exit(1); });`;
  const started = Date.now();
  const result = spawnSync(process.execPath, ["--import", "tsx", "-e", script], {
    stdio: "inherit",
    env: { ...process.env, [DASHBOARD_FILE]: dashboardFile },
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status === 0) console.log(`(${title}: ${seconds} s)`);
  else {
    console.log(`(${title}: FAILED after ${seconds} s)`);
    failed.push(title);
  }
}
printDashboard(fs.existsSync(dashboardFile) ? fs.readFileSync(dashboardFile, "utf8") : "");
fs.rmSync(dashboardDir, { recursive: true, force: true });
console.log(
  `\nBenchmarks: ${files.length - failed.length} passed, ${failed.length} failed${failed.length ? `: ${failed.join(", ")}` : ""}.`,
);
process.exitCode = failed.length ? 1 : 0;

function figure(value, unit) {
  const digits = Math.abs(value) >= 100 ? 0 : 1;
  const text = value.toLocaleString("en-US", {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
  return unit === "x" ? `${text}x` : `${text} ${unit}`;
}

/** One Markdown table: figure, goal, now, baseline and the ratio now / baseline, and whether the goal is met. */
function printDashboard(jsonLines) {
  const rows = jsonLines
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line));
  if (rows.length === 0) return;
  const table = [
    ["figure", "goal", "now", "baseline (same run)", "ratio", "goal met"],
    ...rows.map((row) => [
      row.figure,
      row.goal === undefined ? "—" : `≤ ${figure(row.goal, row.unit)}`,
      figure(row.now, row.unit),
      row.baseline ? `${figure(row.baseline.value, row.unit)} (${row.baseline.what})` : "—",
      row.baseline && row.baseline.value !== 0 ? `${(row.now / row.baseline.value).toFixed(2)}` : "—",
      row.goal === undefined ? "—" : row.now <= row.goal ? "yes" : "NO",
    ]),
  ];
  const widths = table[0].map((_, c) => Math.max(...table.map((cells) => cells[c].length)));
  const line = (cells) => `| ${cells.map((cell, c) => cell.padEnd(widths[c])).join(" | ")} |`;
  console.log("\n== dashboard ==");
  console.log(line(table[0]));
  console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
  for (const cells of table.slice(1)) console.log(line(cells));
}
