/**
 * A framework file as a team brings it: every kind of broken file gets problems that say where (`$.json.path` or
 * LINE:COLUMN) and what to do, never an exception; the JSON Schema shipped in the repository agrees on the shape.
 */
import Ajv2020 from "ajv/dist/2020";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Framework } from "../../src/core/framework";
import {
  FRAMEWORK_FILE_MAX_BYTES,
  type FrameworkFileProblem,
  readFrameworkFile,
  readFrameworkText,
} from "../../src/core/framework-file";
import { FRAMEWORK_SCHEMA_FILE, frameworkJsonSchema } from "../../src/core/framework-json-schema";
import { bundledFramework } from "../../src/data";

const ROOT = path.resolve(__dirname, "../..");
const committedSchema: unknown = JSON.parse(readFileSync(path.join(ROOT, FRAMEWORK_SCHEMA_FILE), "utf8"));
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(committedSchema as object);

/** A copy of the bundled framework as plain JSON, to break. */
function framework(): Framework {
  return JSON.parse(JSON.stringify(bundledFramework())) as Framework;
}

const at = (f: Framework, id: string): number => f.competencies.findIndex((c) => c.id === id);
const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
const text = (f: unknown): string => JSON.stringify(f, null, 2);

function problems(input: Uint8Array): FrameworkFileProblem[] {
  const read = readFrameworkFile(input);
  expect(read.framework).toBeUndefined();
  return read.problems;
}

interface BadCase {
  kind: string;
  file: () => Uint8Array;
  where: string;
  message: RegExp;
  /** A shape problem, which the JSON Schema rejects too (references are checked by the loader only). */
  shape?: boolean;
}

const broken = (breakIt: (f: Framework) => void): (() => Uint8Array) => {
  return () => {
    const f = framework();
    breakIt(f);
    return bytes(text(f));
  };
};

const codeReview = at(bundledFramework(), "code-review");
const teamProcess = at(bundledFramework(), "team-process-participation");

const BAD: BadCase[] = [
  {
    kind: "a text where a number belongs",
    file: broken((f) => ((f.scale[2] as unknown as { value: string }).value = "2")),
    where: "$.scale[2].value",
    message: /^expected a number, found "2"$/,
    shape: true,
  },
  {
    kind: "an object where a list belongs",
    file: broken((f) => ((f as unknown as { levels: object }).levels = {})),
    where: "$.levels",
    message: /^expected a list, found an object$/,
    shape: true,
  },
  {
    kind: "a missing field",
    file: broken((f) => delete (f.competencies[0] as Partial<Framework["competencies"][0]>).name),
    where: "$.competencies[0].name",
    message: /^expected a text, found nothing$/,
    shape: true,
  },
  {
    kind: "a misspelt field",
    file: broken((f) => Object.assign(f.competencies[0], { nmae: "Typo" })),
    where: "$.competencies[0].nmae",
    message: /unexpected field; check its spelling or remove it/,
    shape: true,
  },
  {
    kind: "a share above 1",
    file: broken((f) => (f.scoring.ready = 1.5)),
    where: "$.scoring.ready",
    message: /^expected a share between 0 and 1, found 1\.5$/,
    shape: true,
  },
  {
    kind: "an id that is not kebab-case",
    file: broken((f) => (f.areas[0].id = "Leadership Skills")),
    where: "$.areas[0].id",
    message: /^expected a lowercase kebab-case id/,
    shape: true,
  },
  {
    kind: "a short label that is not short",
    file: broken((f) => (f.competencies[0].label = "Takes part in trainings and triage")),
    where: "$.competencies[0].label",
    message: /^expected a label of at most 16 characters/,
    shape: true,
  },
  {
    kind: "a list where the framework belongs",
    file: () => bytes("[]"),
    where: "$",
    message: /^expected a framework: a JSON object .*, found a list of 0$/,
    shape: true,
  },
  {
    kind: "null where the thresholds belong",
    file: broken((f) => ((f as unknown as { scoring: null }).scoring = null)),
    where: "$.scoring",
    message: /^expected the readiness thresholds/,
    shape: true,
  },
  {
    kind: "a fractional rank",
    file: broken((f) => (f.levels[1].rank = 1.5)),
    where: "$.levels[1].rank",
    message: /^expected a whole number, found 1\.5$/,
    shape: true,
  },
  {
    kind: "an unknown area",
    file: broken((f) => (f.competencies[0].area = "leadershp")),
    where: "$.competencies[0].area",
    message:
      /^expected one of the area ids \(leadership, technical, values, management\), found 'leadershp'$/,
  },
  {
    kind: "an unknown track on a competency",
    file: broken((f) => (f.competencies[codeReview].tracks[0] = "backnd")),
    where: `$.competencies[${codeReview}].tracks[0]`,
    message: /^expected one of the track ids \(backend, .*\), found 'backnd'$/,
  },
  {
    kind: "an unknown level on a ladder",
    file: broken((f) => (f.tracks[0].ladder[1].level = "intermediat")),
    where: "$.tracks[0].ladder[1].level",
    message: /^expected one of the level ids \(junior, .*\), found 'intermediat'$/,
  },
  {
    kind: "two competencies with one id",
    file: broken((f) => (f.competencies[1].id = f.competencies[0].id)),
    where: "$.competencies[1].id",
    message: /^expected a unique id, but '.*' is also competencies\[0\]\.id$/,
  },
  {
    kind: "a level on no ladder",
    file: broken((f) => f.levels.push({ id: "principal", name: "Principal", path: "ic", rank: 7 })),
    where: "$.levels[9]",
    message: /no ladder has 'principal': add it to a ladder or remove it$/,
  },
  {
    kind: "an expectation that falls as the level rises",
    file: broken((f) => (f.competencies[codeReview].expectations.fellow!.value = 0)),
    where: `$.competencies[${codeReview}].expectations.fellow.value`,
    message: /^expected at least \d \(the expectation at '.*', a lower rank\), found 0$/,
  },
  {
    kind: "a value off the scale",
    file: broken((f) => (f.competencies[codeReview].expectations.senior!.value = 7)),
    where: `$.competencies[${codeReview}].expectations.senior.value`,
    message: /^expected a scale value \(0, 1, 2, 3, 4\), found 7$/,
  },
  {
    kind: "a level without its expectation",
    file: broken((f) => delete f.competencies[teamProcess].expectations.senior),
    where: `$.competencies[${teamProcess}].expectations.senior`,
    message: /^expected an expectation: 'senior' is on the ladder of 'backend'/,
  },
  {
    kind: "a management expectation on an IC competency",
    file: broken(
      (f) =>
        (f.competencies[codeReview].expectations.manager = {
          value: 3,
          descriptor: "Reviews the team's reviews.",
        }),
    ),
    where: `$.competencies[${codeReview}].expectations.manager`,
    message: /^expected no expectation: 'manager' is on the management path/,
  },
  {
    kind: "an override for a track the competency is not on",
    file: broken(
      (f) =>
        (f.competencies[codeReview].overrides = {
          support: { senior: { value: 3, descriptor: "Reviews." } },
        }),
    ),
    where: `$.competencies[${codeReview}].overrides.support`,
    message: /^expected one of the competency's tracks \(backend, .*\), found 'support'$/,
  },
  {
    kind: "a scale that does not ascend",
    file: broken((f) => (f.scale[1].value = 0)),
    where: "$.scale[1].value",
    message: /^expected a value above 0 \(the scale ascends\), found 0$/,
  },
  {
    kind: "an 'almost' threshold above 'ready'",
    file: broken((f) => (f.scoring.almost = 0.95)),
    where: "$.scoring.almost",
    message: /^expected at most scoring\.ready \(0\.\d+\), found 0\.95$/,
  },
  {
    kind: "a transfer to an unknown track",
    file: broken((f) => (f.transfers[0].toTrack = "ux")),
    where: "$.transfers[0].toTrack",
    message: /^expected one of the track ids .*, found 'ux'$/,
  },
  {
    kind: "two IC levels with one rank",
    file: broken((f) => (f.levels[1].rank = 1)),
    where: "$.levels[1].rank",
    message: /^expected a rank no other ic level has, but levels\[0\] also has rank 1$/,
  },
  {
    kind: "a ladder out of order",
    file: broken((f) => f.tracks[0].ladder.reverse()),
    where: "$.tracks[0].ladder[1].level",
    message: /^expected IC levels then management levels, each by rank/,
  },
  {
    kind: "JSON with comments",
    file: () => bytes(text(framework()).replace('"scale": [', '"scale": [ // 0 to 4\n')),
    where: "5:14",
    message: /^JSON does not allow comments: remove the comment/,
  },
  {
    kind: "a trailing comma",
    file: () => bytes(text(framework()).replace(/\n}$/, ",\n}")),
    where: `${text(framework()).split("\n").length}:1`,
    message: /^expected a field name in double quotes, found "}" \(JSON allows no comma before \} or \]\)$/,
  },
  {
    kind: "NaN where a number belongs",
    file: () => bytes(text(framework()).replace(/"ready": [\d.]+/, '"ready": NaN')),
    where: expect.stringMatching(/^\d+:\d+$/) as unknown as string,
    message: /^"NaN" is not JSON: .*JSON has no NaN, Infinity or undefined$/,
  },
  {
    kind: "a number too large for a number",
    file: () => bytes(text(framework()).replace(/"ready": [\d.]+/, '"ready": 1e309')),
    where: expect.stringMatching(/^\d+:\d+$/) as unknown as string,
    message: /^1e309 is too large a number to hold$/,
  },
  {
    kind: "a file cut short",
    file: () => bytes(text(framework()).slice(0, 120)),
    where: expect.stringMatching(/^\d+:\d+$/) as unknown as string,
    message: /^expected ] to close the list, found the end of the file$/,
  },
  {
    kind: "an empty file",
    file: () => bytes("\n"),
    where: "1:1",
    message: /^the file is empty: a framework is a JSON object$/,
  },
  {
    kind: "a 5 MB file",
    file: broken((f) => (f.competencies[0].expectations.junior!.descriptor = "x".repeat(5 * 1024 * 1024))),
    where: "1:1",
    message: /^the file is 5\.\d MB; a framework file is at most 2\.0 MB/,
  },
  {
    kind: "bytes that are not UTF-8 (Windows-1252)",
    file: () => {
      const utf8 = bytes(text(framework()).replace('"name": "Leadership"', '"name": "Leadership é"'));
      const e = utf8.findIndex((b, i) => b === 0xc3 && utf8[i + 1] === 0xa9);
      // é in Windows-1252 is one byte, E9, where UTF-8 has two.
      return new Uint8Array([...utf8.subarray(0, e), 0xe9, ...utf8.subarray(e + 2)]);
    },
    where: (() => {
      const lines = text(framework()).split("\n");
      const line = lines.findIndex((l) => l.includes('"name": "Leadership"'));
      return `${line + 1}:${lines[line].indexOf("Leadership") + "Leadership ".length + 1}`;
    })(),
    message: /^not UTF-8 \(byte 0xE9 at offset \d+\): save the file as UTF-8 and try again$/,
  },
];

describe("a framework file", () => {
  it("reads the bundled framework, as JSON, with a BOM, and as UTF-16", () => {
    const json = text(bundledFramework());
    expect(readFrameworkFile(bytes(json))).toEqual({ framework: bundledFramework(), problems: [] });
    expect(readFrameworkFile(bytes(`\uFEFF${json}`)).framework).toEqual(bundledFramework());
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(json, "utf16le"))]);
    expect(readFrameworkFile(utf16).framework).toEqual(bundledFramework());
  });

  it("reads a team's framework without sources, naming its JSON Schema", () => {
    const f = framework();
    const stripped = JSON.parse(
      JSON.stringify(f, (key, value: unknown) => (key === "source" ? undefined : value)),
    );
    const read = readFrameworkText(text({ $schema: "./framework.schema.json", ...stripped }));
    expect(read.problems).toEqual([]);
    expect(read.framework?.levels[0]).toEqual({ id: "junior", name: "Junior", path: "ic", rank: 1 });
  });

  it(`has ${BAD.length} kinds of broken file, at least 20`, () => {
    expect(BAD.length).toBeGreaterThanOrEqual(20);
    expect(new Set(BAD.map((c) => c.kind)).size).toBe(BAD.length);
  });

  it.each(BAD.map((c) => [c.kind, c] as const))("says where and what for %s", (_kind, bad) => {
    const found = problems(bad.file());
    expect(found).toContainEqual({ where: bad.where, message: expect.stringMatching(bad.message) });
  });

  it("refuses a file above the limit before reading it as JSON", () => {
    expect(FRAMEWORK_FILE_MAX_BYTES).toBe(2 * 1024 * 1024);
    expect(problems(new Uint8Array(FRAMEWORK_FILE_MAX_BYTES + 1))).toHaveLength(1);
  });
});

describe("framework.schema.json", () => {
  it("is the JSON Schema generated from the zod schema (run `npm run schema` after changing it)", () => {
    expect(committedSchema).toEqual(frameworkJsonSchema());
  });

  it("validates the bundled framework, as shipped in src/data/framework.json", () => {
    const shipped: unknown = JSON.parse(readFileSync(path.join(ROOT, "src/data/framework.json"), "utf8"));
    expect([validate(shipped), validate.errors]).toEqual([true, null]);
  });

  it("validates a framework with track overrides, explicit nulls and no sources", () => {
    const f = framework();
    f.competencies[codeReview].overrides = {
      backend: { senior: { value: 3, descriptor: "Our words." }, fellow: null },
    };
    f.competencies[codeReview].expectations.junior = null;
    const stripped: unknown = JSON.parse(
      JSON.stringify(f, (key, value: unknown) => (key === "source" ? undefined : value)),
    );
    expect([validate(stripped), validate.errors]).toEqual([true, null]);
  });

  it.each(BAD.filter((c) => c.shape).map((c) => [c.kind, c] as const))("rejects %s", (_kind, bad) => {
    const json: unknown = JSON.parse(new TextDecoder().decode(bad.file()));
    expect(validate(json)).toBe(false);
  });
});
