/**
 * One build per set of inputs, shared by every test file and jest worker of a run (and by later runs): the first
 * caller builds into `<cache>/<key>`, the others wait on its lock — a directory, since mkdir either creates it or
 * fails, atomically — and then use the same build. Every build made is logged, so a run can prove it built once.
 */
import { createHash } from "crypto";
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "fs";
import { join, relative } from "path";

/** Set by the jest global set-up (test/build/global-setup.ts) for its workers: which run a logged build belongs to. */
export const RUN_ID_VARIABLE = "CAREER_MATRIX_TEST_RUN";

/** A build that holds its lock longer than this is taken to have died with its machine. */
const STALE_LOCK_MS = 15 * 60 * 1000;
const WAIT_STEP_MS = 100;

export interface BuildLogEntry {
  key: string;
  /** The jest run that made the build, or null outside one. */
  run: string | null;
  pid: number;
  ms: number;
}

function filesUnder(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => filesUnder(join(path, name)));
}

/** A key for a build: the hash of `salt` and of every file under `inputs` (paths relative to `root`), names included. */
export function hashOfFiles(root: string, inputs: string[], salt = ""): string {
  const hash = createHash("sha256").update(salt);
  for (const file of inputs.flatMap((input) => filesUnder(join(root, input)))) {
    hash.update(relative(root, file)).update(readFileSync(file));
  }
  return hash.digest("hex").slice(0, 16);
}

export function buildLogPath(cache: string): string {
  return join(cache, "builds.log");
}

export function readBuildLog(cache: string): BuildLogEntry[] {
  const log = buildLogPath(cache);
  if (!existsSync(log)) return [];
  return readFileSync(log, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as BuildLogEntry);
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** A lock whose owner has exited (or that is older than any build) is left over from a killed run. */
function stale(lock: string): boolean {
  try {
    const owner = Number(readFileSync(join(lock, "owner"), "utf8"));
    if (Number.isInteger(owner) && owner > 0 && !alive(owner)) return true;
  } catch {
    // The owner has made the directory but not yet written its pid: judge by age alone.
  }
  try {
    return Date.now() - statSync(lock).mtimeMs > STALE_LOCK_MS;
  } catch {
    return false;
  }
}

/**
 * Returns `<cache>/<key>`, calling `build(dir)` to fill a fresh directory first unless a finished build with that key
 * is there. `build` throws on failure; nothing is then kept, and the next caller tries again.
 */
export function buildOnce(cache: string, key: string, build: (dir: string) => void): string {
  const done = join(cache, key);
  const lock = join(cache, `${key}.lock`);
  mkdirSync(cache, { recursive: true });
  const waitUntil = Date.now() + STALE_LOCK_MS;
  for (;;) {
    if (existsSync(done)) return done;
    try {
      mkdirSync(lock);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      if (stale(lock)) rmSync(lock, { recursive: true, force: true });
      else if (Date.now() > waitUntil) {
        throw new Error(
          `Waited too long for the build that holds ${lock}; remove that directory if no build runs.`,
        );
      } else sleep(WAIT_STEP_MS);
      continue;
    }
    try {
      writeFileSync(join(lock, "owner"), String(process.pid));
      // Another caller may have finished between the first look and taking the lock.
      if (existsSync(done)) return done;
      const building = join(cache, `${key}.building-${process.pid}`);
      rmSync(building, { recursive: true, force: true });
      mkdirSync(building);
      const started = Date.now();
      try {
        build(building);
        renameSync(building, done);
      } catch (error) {
        rmSync(building, { recursive: true, force: true });
        throw error;
      }
      const entry: BuildLogEntry = {
        key,
        run: process.env[RUN_ID_VARIABLE] ?? null,
        pid: process.pid,
        ms: Date.now() - started,
      };
      appendFileSync(buildLogPath(cache), `${JSON.stringify(entry)}\n`);
      return done;
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
}
