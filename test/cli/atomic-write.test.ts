import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { writeFileAtomic } from "../../src/cli/atomic-write";

describe("writing an output file atomically", () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "cm-atomic-"));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("replaces an existing file with the complete new content and leaves no temporary file", async () => {
    const target = path.join(dir, "out.csv");
    fs.writeFileSync(target, "old");
    await writeFileAtomic(target, "new content");
    expect(fs.readFileSync(target, "utf8")).toBe("new content");
    expect(fs.readdirSync(dir)).toEqual(["out.csv"]);
  });

  it("fails without touching what is at the target, and removes its temporary file", async () => {
    const target = path.join(dir, "out.xlsx");
    fs.mkdirSync(target);
    fs.writeFileSync(path.join(target, "inside.txt"), "mine");
    await expect(writeFileAtomic(target, new Uint8Array([1, 2, 3]))).rejects.toThrow();
    expect(fs.readdirSync(dir)).toEqual(["out.xlsx"]);
    expect(fs.readFileSync(path.join(target, "inside.txt"), "utf8")).toBe("mine");
  });
});
