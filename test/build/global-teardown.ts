import { readBuildLog, RUN_ID_VARIABLE } from "./build-once";
import { buildCache } from "./production-build";

/** Fails the run when any suite built the production bundle again instead of sharing the one build of its inputs. */
export default function globalTeardown(): void {
  const run = process.env[RUN_ID_VARIABLE];
  const builds = readBuildLog(buildCache).filter((entry) => entry.run === run);
  const perKey = new Map<string, number>();
  for (const entry of builds) perKey.set(entry.key, (perKey.get(entry.key) ?? 0) + 1);
  const repeated = [...perKey].filter(([, count]) => count > 1);
  if (repeated.length > 0) {
    throw new Error(
      `The production build ran more than once for the same sources in this run (${repeated
        .map(([key, count]) => `${key}: ${count} times`)
        .join(", ")}); every suite must get it from test/build/production-build.ts.`,
    );
  }
}
