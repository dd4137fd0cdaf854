/** A production build of the add-in's pages, as shipped in dist/, into a directory of its own. */
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const ROOT = join(__dirname, "..", "..", "..");

/** Builds with `webpack --mode production` into a fresh temporary directory (dist/ is left alone) and returns it. */
export function buildProduction(): string {
  const out = mkdtempSync(join(tmpdir(), "career-matrix-dist-"));
  const webpack = join(ROOT, "node_modules", "webpack-cli", "bin", "cli.js");
  const result = spawnSync(process.execPath, [webpack, "--mode", "production", "--output-path", out], {
    cwd: ROOT,
    encoding: "utf8",
  });
  if (result.status !== 0) {
    throw new Error(`The production build failed:\n${result.stdout}\n${result.stderr}`);
  }
  return out;
}
