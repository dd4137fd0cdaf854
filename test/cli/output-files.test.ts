/** Outputs that respect the user's files: permissions kept, read-only and input files refused, symlinks followed. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { writeOutput } from "../../src/cli/output-file";
import { InputError } from "../../src/cli/usage";
import { runCli } from "./run-cli";

jest.setTimeout(120_000);

let dir: string;
const file = (name: string): string => path.join(dir, name);
const mode = (name: string): number => fs.statSync(file(name)).mode & 0o777;

async function refusal(promise: Promise<void>): Promise<string[]> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InputError);
  return (error as InputError).lines.map((line) => line.replace(`${dir}${path.sep}`, ""));
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "cm-outputs-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("writing -o over an existing file", () => {
  it("keeps a private file private (600 stays 600)", async () => {
    fs.writeFileSync(file("private.csv"), "old");
    fs.chmodSync(file("private.csv"), 0o600);
    await writeOutput(file("private.csv"), "new");
    expect(fs.readFileSync(file("private.csv"), "utf8")).toBe("new");
    expect(mode("private.csv")).toBe(0o600);
  });

  it("refuses a read-only file and leaves it as it was", async () => {
    fs.writeFileSync(file("locked.csv"), "keep me");
    fs.chmodSync(file("locked.csv"), 0o444);
    expect(await refusal(writeOutput(file("locked.csv"), "new"))).toEqual([
      "locked.csv:1:1: is read-only, so it is left as it is: choose another output file, or make this one writable first",
    ]);
    expect(fs.readFileSync(file("locked.csv"), "utf8")).toBe("keep me");
    expect(mode("locked.csv")).toBe(0o444);
  });

  it("follows a symlink: the link stays a link and the file it points at is replaced", async () => {
    fs.writeFileSync(file("real.csv"), "old");
    fs.chmodSync(file("real.csv"), 0o640);
    fs.symlinkSync("real.csv", file("link.csv"));
    await writeOutput(file("link.csv"), "new");
    expect(fs.lstatSync(file("link.csv")).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(file("real.csv"), "utf8")).toBe("new");
    expect(mode("real.csv")).toBe(0o640);
    fs.symlinkSync("nowhere.csv", file("dangling.csv"));
    expect(await refusal(writeOutput(file("dangling.csv"), "new"))).toEqual([
      "dangling.csv:1:1: is a symlink to a file that does not exist: give -o the file it should point at",
    ]);
    expect(fs.existsSync(file("nowhere.csv"))).toBe(false);
  });
});

describe("career-matrix build -o onto its own input", () => {
  it("refuses before building, by name or through a symlink, and keeps the input's sheets", async () => {
    expect((await runCli(["build", "--tracks", "backend", "-o", "team.xlsx"], dir)).status).toBe(0);
    const before = fs.readFileSync(file("team.xlsx"));
    const run = await runCli(["build", "--ratings", "team.xlsx", "-o", "team.xlsx"], dir);
    expect(run).toMatchObject({ status: 1, stdout: "" });
    expect(run.stderr).toBe(
      "team.xlsx:1:1: is the input team.xlsx itself: choose another output file, so the input is kept as it is\n",
    );
    fs.symlinkSync("team.xlsx", file("alias.xlsx"));
    expect(await runCli(["build", "--ratings", "team.xlsx", "-o", "alias.xlsx"], dir)).toMatchObject({
      status: 1,
      stderr: expect.stringContaining("alias.xlsx:1:1: is the input team.xlsx itself"),
    });
    expect(fs.readFileSync(file("team.xlsx")).equals(before)).toBe(true);
  });
});
