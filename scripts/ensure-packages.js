// Runs `npm ci` when node_modules is missing or older than package-lock.json, so a fresh clone needs no separate
// install step before `npm start` or `npm test`. Uses Node built-ins only: it runs before the packages exist.
const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");

const root = path.join(__dirname, "..");

function mtime(file) {
  try {
    return fs.statSync(path.join(root, file)).mtimeMs;
  } catch {
    return undefined;
  }
}

function packagesUpToDate() {
  // npm rewrites node_modules/.package-lock.json on every install.
  const installed = mtime("node_modules/.package-lock.json");
  return installed !== undefined && installed >= (mtime("package-lock.json") ?? 0);
}

function ensurePackages() {
  if (packagesUpToDate()) return true;
  console.log("Installing npm packages (npm ci)...");
  const result = spawnSync("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], {
    cwd: root,
    stdio: "inherit",
    shell: process.platform === "win32",
  });
  if (result.status !== 0) {
    console.error("npm ci failed: see the messages above.");
    return false;
  }
  return true;
}

module.exports = { ensurePackages };

if (require.main === module) process.exitCode = ensurePackages() ? 0 : 1;
