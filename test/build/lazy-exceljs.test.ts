import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import webpack, { type Configuration, type StatsCompilation } from "webpack";
import { projectRoot } from "./production-build";

type ConfigFactory = (env: Record<string, unknown>, argv: { mode: string }) => Promise<Configuration>;

/** Builds the task pane with the production config, plus a module that imports ExcelJS dynamically. */
async function buildTaskPaneWithLazyExport(outputPath: string): Promise<StatsCompilation> {
  const configure = (await import(join(projectRoot, "webpack.config.js"))) as { default: ConfigFactory };
  const config = await configure.default({}, { mode: "production" });
  const build: Configuration = {
    ...config,
    context: projectRoot,
    entry: { taskpane: [join(__dirname, "fixtures", "lazy-export.ts")] },
    output: { ...config.output, path: outputPath },
    plugins: [],
    // Minifying ExcelJS would only slow the test: chunking is decided before minification.
    optimization: { ...config.optimization, minimize: false },
  };
  return new Promise((resolve, reject) => {
    webpack(build, (error, stats) => {
      if (error || !stats) reject(error ?? new Error("webpack returned no stats"));
      else if (stats.hasErrors()) reject(new Error(stats.toString("errors-only")));
      else resolve(stats.toJson({ all: false, chunks: true, chunkModules: true, entrypoints: true }));
    });
  });
}

test("ExcelJS imported dynamically lands in its own lazily loaded chunk, not in the task pane's first load", async () => {
  const out = mkdtempSync(join(tmpdir(), "lazy-exceljs-"));
  try {
    const stats = await buildTaskPaneWithLazyExport(out);
    const chunks = stats.chunks ?? [];
    const withExcelJs = chunks.filter((chunk) =>
      (chunk.modules ?? []).some((m) => /node_modules[\\/]exceljs[\\/]/.test(m.name ?? "")),
    );
    expect(withExcelJs.map((chunk) => ({ names: chunk.names, initial: chunk.initial }))).toEqual([
      { names: ["exceljs"], initial: false },
    ]);
    const firstLoad = stats.entrypoints?.taskpane.assets?.map((asset) => asset.name) ?? [];
    expect(firstLoad).toHaveLength(1);
    expect(firstLoad[0]).toMatch(/^taskpane\./);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}, 180_000);
