import { spawnSync } from "child_process";
import { createHash } from "crypto";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
} from "fs";
import { tmpdir } from "os";
import { join, relative } from "path";

export const projectRoot = join(__dirname, "..", "..");

/** The production URL the test builds for, so the rewrite of the manifest's dev URLs can be seen. */
export const productionUrl = "https://careers.example.test/matrix/";

const inputs = ["src", "assets", "manifest.xml", "webpack.config.js", "tsconfig.json", "package-lock.json"];

function filesUnder(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => filesUnder(join(path, name)));
}

function inputHash(): string {
  const hash = createHash("sha256").update(productionUrl);
  for (const file of inputs.flatMap((input) => filesUnder(join(projectRoot, input)))) {
    hash.update(relative(projectRoot, file)).update(readFileSync(file));
  }
  return hash.digest("hex").slice(0, 16);
}

/** Builds of earlier sources, left by earlier runs, go after a while (not at once: a parallel run may use them). */
function pruneOldBuilds(cache: string, keep: string): void {
  const before = Date.now() - 30 * 60 * 1000;
  for (const name of readdirSync(cache)) {
    const path = join(cache, name);
    if (path !== keep && statSync(path).mtimeMs < before) rmSync(path, { recursive: true, force: true });
  }
}

/**
 * Runs `npm run build`'s webpack into a temporary folder (never the project's dist/) and returns that folder.
 * The result is kept per hash of the build's inputs, so test files and re-runs share one build.
 */
export function productionBuild(): string {
  const cache = join(tmpdir(), "career-matrix-build");
  const dir = join(cache, inputHash());
  if (existsSync(join(dir, "manifest.xml"))) return dir;
  mkdirSync(cache, { recursive: true });
  const building = mkdtempSync(join(cache, "building-"));
  const webpack = join(projectRoot, "node_modules", "webpack", "bin", "webpack.js");
  const result = spawnSync(process.execPath, [webpack, "--mode", "production", "--output-path", building], {
    cwd: projectRoot,
    env: { ...process.env, ADDIN_URL: productionUrl },
    encoding: "utf8",
  });
  if (result.status !== 0) {
    rmSync(building, { recursive: true, force: true });
    throw new Error(`npm run build failed:\n${result.stdout}\n${result.stderr}`);
  }
  try {
    renameSync(building, dir);
  } catch {
    // Another test file finished the same build first.
    rmSync(building, { recursive: true, force: true });
  }
  pruneOldBuilds(cache, dir);
  return dir;
}
