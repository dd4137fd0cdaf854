/**
 * The baseline the bundle benchmarks compare against in the same run: the production build without the build-time
 * check of the bundled framework (bench/baseline.webpack.config.js), so its task pane checks the framework with zod
 * as it starts. Made once per set of inputs and kept beside the production build the tests share.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { buildOnce } from "../test/build/build-once";
import { buildCache, inputHash, productionUrl, projectRoot } from "../test/build/production-build";

/** The folder of the baseline build's pages, as in dist/. */
export function baselineBuild(): string {
  return buildOnce(buildCache, `baseline-${inputHash()}`, (dir) => {
    const webpack = join(projectRoot, "node_modules", "webpack-cli", "bin", "cli.js");
    const config = join(projectRoot, "bench", "baseline.webpack.config.js");
    const args = [webpack, "--config", config, "--mode", "production", "--output-path", dir];
    const result = spawnSync(process.execPath, args, {
      cwd: projectRoot,
      env: { ...process.env, ADDIN_URL: productionUrl },
      encoding: "utf8",
    });
    if (result.status !== 0)
      throw new Error(`The baseline build failed:\n${result.stdout}\n${result.stderr}`);
  });
}
