// Webpack loader for src/data/checked-data.ts: runs that module's checks (the framework's zod schema and
// cross-references, then the sample team against the framework) while the bundle is built, and gives the bundle
// their result in its place. The add-in then ships checked data, and neither zod nor the checks load in the pane.
// A framework that fails the checks fails the build, with each problem's JSON path.
const { spawnSync } = require("child_process");
const path = require("path");

const root = path.join(__dirname, "..");
const dataFiles = {
  framework: path.join(root, "src", "data", "framework.json"),
  sampleTeam: path.join(root, "src", "data", "sample-team.json"),
};
// What the result depends on besides the data: a change to any of them re-runs the checks in watch mode.
const checkSources = [
  "src/core/framework.ts",
  "src/core/framework-schema.ts",
  "src/core/load-framework.ts",
  "src/data/sample-team.ts",
].map((file) => path.join(root, file));

/**
 * Checks the two JSON files exactly as src/data/checked-data.ts does, in a fresh Node process (with tsx, so the
 * TypeScript sources run as they are, and nothing is cached between two builds of a watching dev server).
 * Returns { framework, sampleTeam } as checked, or throws with the checks' message.
 */
function checkBundledData(files = dataFiles) {
  const script = `
    const { readFileSync } = require("fs");
    const { loadFramework } = require(${JSON.stringify(path.join(root, "src/core/load-framework.ts"))});
    const { loadSampleTeam } = require(${JSON.stringify(path.join(root, "src/data/sample-team.ts"))});
    const read = (file) => JSON.parse(readFileSync(file, "utf8"));
    try {
      const framework = loadFramework(read(${JSON.stringify(files.framework)}));
      const sampleTeam = loadSampleTeam(read(${JSON.stringify(files.sampleTeam)}), framework);
      process.stdout.write(JSON.stringify({ framework, sampleTeam }));
    } catch (error) {
      process.stderr.write(error.name === "FrameworkError" ? error.message : String(error.stack || error));
      process.exit(1);
    }`;
  const result = spawnSync(process.execPath, ["--require", "tsx/cjs", "-e", script], {
    cwd: root,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) {
    throw new Error(
      `The bundled data failed its checks (${path.relative(root, files.framework)}, ${path.relative(root, files.sampleTeam)}):\n${result.stderr}`,
    );
  }
  return JSON.parse(result.stdout);
}

/** The module the bundle gets for checked-data.ts: the same two functions, returning the data checked above. */
function checkedDataModule(data) {
  // JSON.parse of a string literal loads faster than the same object written as code (webpack does the same for
  // .json modules). Single quotes leave JSON's many double quotes unescaped.
  const literal = (value) => `'${JSON.stringify(value).replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
  return [
    "// Checked when the bundle was built (scripts/checked-data-loader.js).",
    `const framework = JSON.parse(${literal(data.framework)});`,
    `const sampleTeam = JSON.parse(${literal(data.sampleTeam)});`,
    "export function checkedFramework() { return framework; }",
    "export function checkedSampleTeam() { return sampleTeam; }",
    "",
  ].join("\n");
}

module.exports = function checkedDataLoader() {
  for (const file of [...Object.values(dataFiles), ...checkSources]) this.addDependency(file);
  // A failed check throws: webpack reports it as this module's build error and the build fails.
  return checkedDataModule(checkBundledData());
};
module.exports.checkBundledData = checkBundledData;
module.exports.checkedDataModule = checkedDataModule;
