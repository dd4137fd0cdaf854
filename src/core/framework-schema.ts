/**
 * The shape of a framework file. Only the shape: references between records (a ladder naming a level, an
 * expectation at every level a competency applies to...) are checked by `loadFramework`.
 */
import { z } from "zod";
import type { Framework } from "./framework";
import { listNames } from "./names";
import { shortText } from "./short-text";

/**
 * What was found, in a few words and without walking into it: a huge or deeply nested value is described by its
 * kind and size, a long text by its start.
 */
function found(value: unknown): string {
  if (value === undefined) return "nothing";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "a number too large to hold";
  if (typeof value === "string") return JSON.stringify(shortText(value, 60));
  if (Array.isArray(value)) return `a list of ${value.length} ${value.length === 1 ? "item" : "items"}`;
  if (value !== null && typeof value === "object") {
    const keys = Object.keys(value);
    return keys.length === 0
      ? "an empty object"
      : `an object with ${listNames(
          keys.map((k) => shortText(k, 30)),
          4,
        )}`;
  }
  return String(value);
}

/** A message that says what was expected and what was found, e.g. "expected a whole number, found 2.5". */
const expected = (what: string) => (issue: { input?: unknown }) =>
  `expected ${what}, found ${found(issue.input)}`;

/** Ids become keys of lookups; one that names a built-in member of every JavaScript object would be found everywhere. */
const BUILT_IN_NAMES = new Set(Object.getOwnPropertyNames(Object.prototype));

const text = z
  .string({ error: expected("a text") })
  .trim()
  .min(1, { error: expected("a non-empty text") });
const id = z
  .string({ error: expected("an id") })
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: expected("a lowercase kebab-case id, e.g. 'senior'") })
  .refine((value) => !BUILT_IN_NAMES.has(value), {
    error: expected(
      "an id that is not a built-in JavaScript name such as 'constructor'; add a word, e.g. 'constructor-level'",
    ),
  });
const wholeNumber = z.number({ error: expected("a number") }).int({ error: expected("a whole number") });
const share = z
  .number({ error: expected("a number") })
  .min(0, { error: expected("a share between 0 and 1") })
  .max(1, { error: expected("a share between 0 and 1") });

export const sourceSchema = z.union(
  [z.strictObject({ seed: text, section: text }), z.strictObject({ derived: text })],
  { error: 'expected { "seed": <file>, "section": <heading> } or { "derived": <why> }' },
);

export const scalePointSchema = z.strictObject({ value: wholeNumber, label: text, meaning: text });

/** Excel's drop-down lists given as text separate names by commas and hold at most 255 characters. */
export const EXCEL_LIST_CHARACTERS = 255;

export const areaSchema = z.strictObject({
  id,
  name: text.refine((name) => !name.includes(","), {
    error: expected("an area name without a comma (Excel's drop-down lists separate names by commas)"),
  }),
  // Weights are relative; a bound keeps their sum a finite number, so readiness is never NaN.
  weight: z
    .number({ error: expected("a number") })
    .positive({ error: expected("a weight above 0") })
    .max(1000, { error: expected("a weight of at most 1000") }),
});

export const careerPathSchema = z.enum(["ic", "management"], { error: expected("'ic' or 'management'") });

export const levelSchema = z.strictObject({
  id,
  name: text,
  path: careerPathSchema,
  rank: wholeNumber.positive({ error: expected("a rank of 1 or more") }),
  grade: wholeNumber.positive({ error: expected("a job grade of 1 or more") }).optional(),
  source: sourceSchema,
});

export const trackLevelSchema = z.strictObject({ level: id, title: text, source: sourceSchema });

export const trackSchema = z.strictObject({
  id,
  name: text,
  ladder: z.array(trackLevelSchema).min(1, { error: expected("at least one level on the ladder") }),
  source: sourceSchema,
});

export const expectationSchema = z.strictObject({
  value: wholeNumber,
  descriptor: text,
  source: sourceSchema,
});

export const competencySchema = z.strictObject({
  id,
  area: id,
  name: text.max(60, { error: expected("a name of at most 60 characters") }),
  tracks: z.array(id).min(1, { error: expected("at least one track") }),
  paths: z.array(careerPathSchema).min(1, { error: expected("at least one path") }),
  expectations: z.record(z.string(), expectationSchema),
  source: sourceSchema,
});

export const transferSchema = z.strictObject({
  from: text,
  to: text,
  fromTrack: id.optional(),
  toTrack: id.optional(),
  source: sourceSchema,
});

export const scoringSchema = z.strictObject({ ready: share, almost: share, minCoverage: share });

export const frameworkSchema = z.strictObject({
  id,
  name: text,
  version: text,
  scale: z.array(scalePointSchema).min(2, { error: expected("a scale of at least two values") }),
  areas: z
    .array(areaSchema)
    .min(1, { error: expected("at least one area") })
    .refine((areas) => areas.map((area) => area.name).join(",").length <= EXCEL_LIST_CHARACTERS, {
      error: (issue) =>
        `expected area names of at most ${EXCEL_LIST_CHARACTERS} characters in all (Excel's limit for the area drop-down), found ${(issue.input as { name: string }[]).map((area) => area.name).join(",").length}: shorten some`,
    }),
  levels: z.array(levelSchema).min(1, { error: expected("at least one level") }),
  tracks: z.array(trackSchema).min(1, { error: expected("at least one track") }),
  competencies: z.array(competencySchema).min(1, { error: expected("at least one competency") }),
  transfers: z.array(transferSchema),
  scoring: scoringSchema,
});

// The schema must describe exactly the Framework type: each side assignable to the other, checked at compile time.
type Exactly<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
export type SchemaDescribesFramework = Assert<Exactly<z.infer<typeof frameworkSchema>, Framework>>;
