// `npm run bench [-- <name>...]`: runs every bench/*.bench.ts (or those whose names contain one of the arguments),
// each in its own Node process with tsx, printing its title first. Exits non-zero if any benchmark fails.
const fs = require("fs");
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
  const result = spawnSync(process.execPath, ["--import", "tsx", "-e", script], { stdio: "inherit" });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status === 0) console.log(`(${title}: ${seconds} s)`);
  else {
    console.log(`(${title}: FAILED after ${seconds} s)`);
    failed.push(title);
  }
}
console.log(
  `\nBenchmarks: ${files.length - failed.length} passed, ${failed.length} failed${failed.length ? `: ${failed.join(", ")}` : ""}.`,
);
process.exitCode = failed.length ? 1 : 0;
