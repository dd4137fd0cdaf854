import { cliCompileCache } from "../cli/run-cli";
import { readBuildLog, RUN_ID_VARIABLE } from "./build-once";
import { buildCache } from "./production-build";

/**
 * Fails the run when any suite made the production bundle, or compiled the command line, again instead of sharing
 * the one build of its inputs.
 */
export default function globalTeardown(): void {
  const run = process.env[RUN_ID_VARIABLE];
  const repeated: string[] = [];
  for (const [what, cache, where] of [
    ["The production build", buildCache, "test/build/production-build.ts"],
    ["The command line's compile", cliCompileCache, "test/cli/run-cli.ts (compileCli)"],
  ]) {
    const perKey = new Map<string, number>();
    for (const entry of readBuildLog(cache).filter((e) => e.run === run)) {
      perKey.set(entry.key, (perKey.get(entry.key) ?? 0) + 1);
    }
    const twice = [...perKey].filter(([, count]) => count > 1);
    if (twice.length > 0) {
      repeated.push(
        `${what} ran more than once for the same sources in this run (${twice
          .map(([key, count]) => `${key}: ${count} times`)
          .join(", ")}); every suite must get it from ${where}.`,
      );
    }
  }
  if (repeated.length > 0) throw new Error(repeated.join("\n"));
}
