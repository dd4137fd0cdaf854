// The lock that lets every suite and worker of a run share one production build, exercised by real processes.
import { spawn } from "child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { buildOnce, readBuildLog, RUN_ID_VARIABLE } from "./build-once";
import { projectRoot } from "./production-build";

let cache: string;
beforeEach(() => {
  cache = mkdtempSync(join(tmpdir(), "build-once-"));
});
afterEach(() => rmSync(cache, { recursive: true, force: true }));

/** A process that asks for the build of `key`; its build takes a while and counts itself in `builds.txt`. */
function caller(key: string): Promise<string> {
  const script = `
    const { appendFileSync, writeFileSync } = require("fs");
    const { buildOnce } = require(${JSON.stringify(join(__dirname, "build-once.ts"))});
    const dir = buildOnce(${JSON.stringify(cache)}, ${JSON.stringify(key)}, (out) => {
      appendFileSync(${JSON.stringify(join(cache, "builds.txt"))}, process.pid + "\\n");
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 400);
      writeFileSync(require("path").join(out, "bundle.js"), "built by " + process.pid);
    });
    process.stdout.write(dir);`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--require", "tsx/cjs", "-e", script], {
      cwd: projectRoot,
      env: { ...process.env, [RUN_ID_VARIABLE]: "test-run" },
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
    child.on("close", (code) => (code === 0 ? resolve(out) : reject(new Error(`caller failed: ${err}`))));
  });
}

test("callers in parallel processes wait for one build and all get it", async () => {
  const dirs = await Promise.all([caller("k1"), caller("k1"), caller("k1"), caller("k1")]);
  expect(new Set(dirs)).toEqual(new Set([join(cache, "k1")]));
  expect(readFileSync(join(cache, "builds.txt"), "utf8").trim().split("\n")).toHaveLength(1);
  expect(readBuildLog(cache).map((entry) => [entry.key, entry.run])).toEqual([["k1", "test-run"]]);
  expect(existsSync(join(cache, "k1.lock"))).toBe(false);
}, 60_000);

test("other inputs get a build of their own, and a finished build is not made again", async () => {
  await caller("k1");
  await caller("k2");
  await caller("k1");
  expect(readBuildLog(cache).map((entry) => entry.key)).toEqual(["k1", "k2"]);
}, 60_000);

test("a failed build leaves nothing behind, and the next caller builds", () => {
  expect(() =>
    buildOnce(cache, "k", () => {
      throw new Error("webpack failed");
    }),
  ).toThrow("webpack failed");
  expect(existsSync(join(cache, "k"))).toBe(false);
  expect(existsSync(join(cache, "k.lock"))).toBe(false);
  const dir = buildOnce(cache, "k", (out) => writeFileSync(join(out, "bundle.js"), ""));
  expect(existsSync(join(dir, "bundle.js"))).toBe(true);
});

test("a lock left by a process that has exited is taken over instead of waited on", () => {
  mkdirSync(join(cache, "k.lock"));
  // Pids are below 2^22 on Linux: this one belongs to no process.
  writeFileSync(join(cache, "k.lock", "owner"), String(2 ** 22 + 1));
  const dir = buildOnce(cache, "k", (out) => writeFileSync(join(out, "bundle.js"), ""));
  expect(existsSync(join(dir, "bundle.js"))).toBe(true);
});
