import { spawnSync } from "child_process";
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import type { StatsCompilation } from "webpack";
import { buildOnce, hashOfFiles } from "./build-once";

export const projectRoot = join(__dirname, "..", "..");

/** The production URL the test builds for, so the rewrite of the manifest's dev URLs can be seen. */
export const productionUrl = "https://careers.example.test/matrix/";

/**
 * How long a suite's set-up may take to get the build: making it on a busy two-core machine takes minutes, and a
 * suite that finds another one building waits for it. Every suite that calls productionBuild() uses this.
 */
export const BUILD_TIMEOUT_MS = 15 * 60 * 1000;

/** Where builds are kept, one directory per hash of their inputs; `builds.log` records each build made. */
export const buildCache = join(tmpdir(), "career-matrix-build");

const inputs = [
  "src",
  "assets",
  "manifest.xml",
  "webpack.config.js",
  "scripts/checked-data-loader.js",
  "tsconfig.json",
  "package-lock.json",
];

/** Everything the build reads: a change to any of these makes a new build. */
export function inputHash(): string {
  return hashOfFiles(projectRoot, inputs, productionUrl);
}

/** Builds of earlier sources, left by earlier runs, go after a while (not at once: a parallel run may use them). */
function pruneOldBuilds(keep: string): void {
  const before = Date.now() - 30 * 60 * 1000;
  for (const name of readdirSync(buildCache)) {
    const path = join(buildCache, name);
    if (path === keep || name === "builds.log" || name.endsWith(".lock")) continue;
    if (statSync(path).mtimeMs < before) rmSync(path, { recursive: true, force: true });
  }
}

function webpackInto(dir: string): void {
  const webpack = join(projectRoot, "node_modules", "webpack-cli", "bin", "cli.js");
  const result = spawnSync(
    process.execPath,
    [
      webpack,
      "--mode",
      "production",
      "--output-path",
      join(dir, "dist"),
      "--json",
      join(dir, "stats.full.json"),
    ],
    { cwd: projectRoot, env: { ...process.env, ADDIN_URL: productionUrl }, encoding: "utf8" },
  );
  if (result.status !== 0) throw new Error(`npm run build failed:\n${result.stdout}\n${result.stderr}`);
  // webpack's full account is tens of MB; the tests need only which modules each chunk holds.
  const full = JSON.parse(readFileSync(join(dir, "stats.full.json"), "utf8")) as StatsCompilation;
  writeFileSync(join(dir, "chunks.json"), JSON.stringify(bundleChunks(full)));
  rmSync(join(dir, "stats.full.json"));
}

/** A chunk of the build: its files, whether a page loads it at start, and the source modules it holds. */
export interface BundleChunk {
  names: string[];
  files: string[];
  /** Loaded by a page's <script> tags rather than on demand. */
  initial: boolean;
  /** Module paths as webpack names them, e.g. `./node_modules/zod/v4/core/schemas.js`; concatenations unfolded. */
  modules: string[];
}

export interface BundleChunks {
  chunks: BundleChunk[];
  /** Each page's entry (taskpane, commands, workbench) and the files it loads at start. */
  entrypoints: Record<string, string[]>;
}

function bundleChunks(stats: StatsCompilation): BundleChunks {
  type Module = NonNullable<StatsCompilation["modules"]>[number];
  const names = (modules: Module[]): string[] =>
    modules.flatMap((m) => (m.modules ? names(m.modules) : m.name ? [m.name] : []));
  return {
    chunks: (stats.chunks ?? []).map((chunk) => ({
      names: chunk.names ?? [],
      files: chunk.files ?? [],
      initial: chunk.initial ?? false,
      modules: names(chunk.modules ?? []),
    })),
    entrypoints: Object.fromEntries(
      Object.entries(stats.entrypoints ?? {}).map(([name, entry]) => [
        name,
        (entry.assets ?? []).map((asset) => asset.name),
      ]),
    ),
  };
}

function build(): string {
  const dir = buildOnce(buildCache, inputHash(), webpackInto);
  pruneOldBuilds(dir);
  return dir;
}

/**
 * `npm run build`'s webpack, made into a temporary folder (never the project's dist/); returns the folder. One build
 * per hash of the build's inputs serves every test file, worker and re-run.
 */
export function productionBuild(): string {
  return join(build(), "dist");
}

/** What that build's chunks hold, and which of them each page loads at start. */
export function productionBuildChunks(): BundleChunks {
  return JSON.parse(readFileSync(join(build(), "chunks.json"), "utf8")) as BundleChunks;
}
