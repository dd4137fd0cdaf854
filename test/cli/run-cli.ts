/**
 * Runs `career-matrix`: in the test's own process, as the bin does but without starting node for each run
 * (runCli), or as a user would, the compiled bin in a process of its own (runBin, after compileCli).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { runOn } from "../../src/cli/main";
import { buildOnce, hashOfFiles } from "../build/build-once";

export const ROOT = path.resolve(__dirname, "../..");
const BIN = path.join(ROOT, "bin", "career-matrix.js");
const COMPILED_MAIN = path.join(ROOT, "build", "node", "cli", "main.js");

/**
 * Where the compiles of the command line are recorded: one directory named by the hash of the sources that
 * build/node was last compiled from, and `builds.log` with every compile made (global-teardown.ts reads it).
 */
export const cliCompileCache = path.join(ROOT, "build", "compiled-from");

/** Everything `tsc -p tsconfig.cli.json` reads. */
const inputs = ["src", "tsconfig.json", "tsconfig.cli.json", "package-lock.json"];

/**
 * Compiles the command line into build/node, as npm's "prepare" script does, unless it was already compiled from
 * these sources: every CLI suite and jest worker of a run shares one compile (the others wait for it).
 */
export function compileCli(): void {
  const key = hashOfFiles(ROOT, inputs);
  // build/node removed by hand while the record of its compile stayed: compile again.
  if (!existsSync(COMPILED_MAIN)) rmSync(path.join(cliCompileCache, key), { recursive: true, force: true });
  buildOnce(cliCompileCache, key, () => {
    execFileSync(
      process.execPath,
      [path.join(ROOT, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.cli.json"],
      { cwd: ROOT, stdio: "pipe" },
    );
    // build/node now holds these sources' compile only: earlier records would claim it for other sources.
    for (const name of readdirSync(cliCompileCache)) {
      if (/^[0-9a-f]{16}$/.test(name))
        rmSync(path.join(cliCompileCache, name), { recursive: true, force: true });
    }
  });
}

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * What `career-matrix ARGS` run in `cwd` prints and exits with: the bin's own code path (runOn) on the sources, with
 * its standard error not a terminal, so without progress lines, as for runBin.
 */
export async function runCli(args: string[], cwd: string): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const streams = {
    stdout: (text: string) => void (stdout += text),
    stderr: (text: string) => void (stderr += text),
  };
  const before = process.cwd();
  process.chdir(cwd);
  try {
    const status = await runOn(args, streams, () => undefined);
    return { status, stdout, stderr };
  } finally {
    process.chdir(before);
  }
}

/** The compiled bin run in a process of its own, as a user would (call compileCli first). */
export function runBin(args: string[], cwd: string): CliRun {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8", timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
