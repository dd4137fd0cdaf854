/** Framework files written by hand or by a hostile tool: every problem is placed at its line and field, none crashes. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildCommand } from "../../src/cli/build-command";
import { loadFrameworkFile } from "../../src/cli/inputs";
import { InputError } from "../../src/cli/usage";
import { bundledFramework } from "../../src/data";

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "cm-framework-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The lines `career-matrix` prints for this framework text, or "loaded". */
async function problems(text: string | Uint8Array): Promise<string[] | "loaded"> {
  const file = path.join(dir, "framework.json");
  fs.writeFileSync(file, text);
  try {
    await loadFrameworkFile(file);
    return "loaded";
  } catch (error) {
    if (error instanceof InputError) return error.lines.map((line) => line.replace(`${dir}${path.sep}`, ""));
    throw error;
  }
}

/** The bundled framework with a change, as indented JSON. */
function edited(change: (framework: ReturnType<typeof plain>) => void): string {
  const framework = plain();
  change(framework);
  return JSON.stringify(framework, null, 2);
}
const plain = () =>
  JSON.parse(JSON.stringify(bundledFramework())) as Record<string, unknown> & {
    levels: { id: string }[];
    tracks: { ladder: { level: string }[] }[];
    areas: { id: string; name: string; weight: number }[];
    competencies: { expectations: Record<string, unknown> }[];
    scoring: Record<string, unknown>;
  };

describe("framework files", () => {
  it("refuses a level id that every JavaScript object has ('constructor') at the id, instead of scoring wrong", async () => {
    const text = edited((f) => {
      const old = f.levels[0].id;
      f.levels[0].id = "constructor";
      for (const track of f.tracks)
        for (const step of track.ladder) if (step.level === old) step.level = "constructor";
      for (const c of f.competencies)
        if (Object.prototype.hasOwnProperty.call(c.expectations, old)) {
          c.expectations["constructor"] = c.expectations[old];
          delete c.expectations[old];
        }
    });
    expect(await problems(text)).toEqual(
      expect.arrayContaining([
        "framework.json:$.levels[0].id: expected an id that is not a built-in JavaScript name such as 'constructor'; add a word, e.g. 'constructor-level', found \"constructor\"",
      ]),
    );
  });

  it("places NaN, 1e309, comments and a key given twice at their line and column", async () => {
    const text = edited(() => undefined).replace('"ready": 0.9', '"ready": NaN');
    const nan = await problems(text);
    const line = text.split("\n").findIndex((l) => l.includes("NaN")) + 1;
    expect(nan).toEqual([
      expect.stringMatching(
        new RegExp(
          `^framework\\.json:${line}:\\d+: "NaN" is not JSON: texts go in double quotes, and JSON has no NaN`,
        ),
      ),
    ]);

    expect(await problems('{\n  "id": "x",\n  "weight": 1e309\n}')).toEqual([
      "framework.json:3:13: 1e309 is too large a number to hold",
    ]);
    expect(await problems('{\n  // the team\'s framework\n  "id": "x"\n}')).toEqual([
      "framework.json:2:3: JSON does not allow comments: remove the comment (an expectation or a source can carry the note instead)",
    ]);
    expect(await problems('{\n  "id": "x",\n  "name": "A",\n  "id": "y"\n}')).toEqual([
      'framework.json:4:3: "id" is given twice in this object (first at line 2, column 3): keep one',
    ]);
  });

  it("says a value nested 5,000 deep is nested too deep, in one line and without a stack trace", async () => {
    const lines = await problems(`{"id": ${"[".repeat(5000)}${"]".repeat(5000)}}`);
    expect(lines).toEqual([
      "framework.json:1:71: nested deeper than 64 levels, far past what a framework needs: check the brackets",
    ]);
  });

  it("keeps readiness a number: an area weight of 1e308 is refused", async () => {
    expect(await problems(edited((f) => (f.areas[0].weight = 1e308)))).toEqual([
      "framework.json:$.areas[0].weight: expected a weight of at most 1000, found 1e+308",
    ]);
  });

  it("refuses area names Excel's area drop-down cannot hold: a comma, or more than 255 characters in all", async () => {
    expect(await problems(edited((f) => (f.areas[0].name = "Leadership, people")))).toEqual([
      'framework.json:$.areas[0].name: expected an area name without a comma (Excel\'s drop-down lists separate names by commas), found "Leadership, people"',
    ]);
    const long = await problems(
      edited((f) => f.areas.forEach((area, i) => (area.name = `${"Area ".repeat(14)}${i}`))),
    );
    expect(long).toEqual([
      expect.stringMatching(
        /^framework\.json:\$\.areas: expected area names of at most 255 characters in all .*found 287: shorten some$/,
      ),
    ]);
  });

  it("refuses a 10 MB file at once, and quotes a long value by its start, not whole", async () => {
    expect(await problems(edited((f) => (f.scoring.ready = "x".repeat(10_000_000))))).toEqual([
      "framework.json:1:1: the file is 9.6 MB; a framework file is at most 2.0 MB: check that this is the framework and not another file",
    ]);
    expect(await problems(edited((f) => (f.scoring.ready = "x".repeat(1_000_000))))).toEqual([
      `framework.json:$.scoring.ready: expected a number, found "${"x".repeat(56)}…`,
    ]);
  });
});

describe("build with a framework wider than a sheet", () => {
  it("refuses a framework with more competencies than Excel's 16,384 columns before building anything", async () => {
    const framework = plain() as ReturnType<typeof plain> & { competencies: Record<string, unknown>[] };
    const model = framework.competencies[0];
    framework.competencies = Array.from({ length: 16_400 }, (_, i) => ({
      ...model,
      id: `skill-${i}`,
      name: `Skill ${i}`,
    }));
    const file = path.join(dir, "wide.json");
    fs.writeFileSync(file, JSON.stringify(framework));
    const output = path.join(dir, "wide.xlsx");
    const context = { stdout: () => undefined, stderr: () => undefined, progress: () => undefined };
    const error = await buildCommand({ framework: file, output }, context).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    // 16,400 competencies do not fit in a framework file's 2 MB: the file is refused before it is read.
    expect((error as InputError).lines).toEqual([
      expect.stringMatching(/wide\.json:1:1: the file is [\d.]+ MB; a framework file is at most 2\.0 MB/),
    ]);
    expect(fs.existsSync(output)).toBe(false);
  });
});
