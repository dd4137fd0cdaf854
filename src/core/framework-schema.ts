/**
 * The shape of a framework file. Only the shape: references between records (a ladder naming a level, an
 * expectation at every level a competency applies to...) are checked by `loadFramework`.
 */
import { COMPETENCY_LABEL_MAX } from "./framework";
import { z } from "zod";
import type { Framework } from "./framework";
import { RATING_RULES } from "./rating-sources";
import { RATING_RULE_WORD, STATUS_WORD } from "./vocabulary";

/** A message that says what was expected and what was found, e.g. "expected a whole number, found 2.5". */
const expected = (what: string) => (issue: { input?: unknown }) =>
  `expected ${what}, found ${found(issue.input)}`;

/** What was found, cut short: a whole object or a long text would bury the message. */
function found(input: unknown): string {
  if (input === undefined) return "nothing";
  if (Array.isArray(input)) return `a list of ${input.length}`;
  if (typeof input === "object" && input !== null) return "an object";
  if (typeof input === "number" && !Number.isFinite(input)) return String(input);
  const json = JSON.stringify(input);
  return json.length > 60 ? `${json.slice(0, 57)}…` : json;
}

/** Ids become keys of lookups; one that names a built-in member of every JavaScript object would be found everywhere. */
const BUILT_IN_NAMES = new Set(Object.getOwnPropertyNames(Object.prototype));

/** Excel's drop-down lists given as text separate names by commas and hold at most 255 characters. */
export const EXCEL_LIST_CHARACTERS = 255;

/** A list of records; anything else is named for what it is. */
const list = <T extends z.ZodType>(item: T) => z.array(item, { error: expected("a list") });

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
/** Longest short label of a competency: a heatmap column stays narrow. */
export { COMPETENCY_LABEL_MAX };
const wholeNumber = z.number({ error: expected("a number") }).int({ error: expected("a whole number") });
const share = z
  .number({ error: expected("a number") })
  .min(0, { error: expected("a share between 0 and 1") })
  .max(1, { error: expected("a share between 0 and 1") });

export const sourceSchema = z
  .union([z.strictObject({ seed: text, section: text }), z.strictObject({ derived: text })], {
    error: 'expected { "seed": <file>, "section": <heading> } or { "derived": <why> }',
  })
  .meta({
    id: "source",
    description:
      "Where the fact comes from: a document and the heading it sits under, or how it was derived. Optional in a team's own framework.",
  });
/** Every record may say where it comes from; `requireSources` makes it mandatory for the bundled framework. */
const source = sourceSchema.optional();

export const scalePointSchema = z
  .strictObject({ value: wholeNumber, label: text, meaning: text })
  .meta({ description: "A rating value, its label (shown in drop-downs) and what it means." });

export const areaSchema = z
  .strictObject({
    id,
    name: text.refine((name) => !name.includes(","), {
      error: expected("an area name without a comma (Excel's drop-down lists separate names by commas)"),
    }),
    // Weights are relative; a bound keeps their sum a finite number, so readiness is never NaN.
    weight: z
      .number({ error: expected("a number") })
      .positive({ error: expected("a weight above 0") })
      .max(1000, { error: expected("a weight of at most 1000") }),
  })
  .meta({
    description: "A group of competencies; each of its competencies counts with this weight in readiness.",
  });

export const careerPathSchema = z.enum(["ic", "management"], { error: expected("'ic' or 'management'") });

export const levelSchema = z
  .strictObject({
    id,
    name: text,
    path: careerPathSchema,
    rank: wholeNumber.positive({ error: expected("a rank of 1 or more") }),
    grade: wholeNumber.positive({ error: expected("a job grade of 1 or more") }).optional(),
    source,
  })
  .meta({
    description:
      "A level of a career path. Levels of one path rise by rank; the first management level follows the IC level below its rank.",
  });

export const trackLevelSchema = z
  .strictObject({ level: id, title: text, source })
  .meta({ description: "A level (by id) on a track's ladder, with the job title it has on that track." });

export const trackSchema = z
  .strictObject({
    id,
    name: text,
    ladder: list(trackLevelSchema).min(1, { error: expected("at least one level on the ladder") }),
    source,
  })
  .meta({ description: "A job family with its ladder: IC levels, then management levels, each by rank." });

export const expectationSchema = z
  .strictObject({ value: wholeNumber, descriptor: text, source })
  .meta({ description: "What a level expects of a competency: a value on the scale and the words for it." });

export const competencySchema = z
  .strictObject({
    id,
    area: id,
    name: text.max(60, { error: expected("a name of at most 60 characters") }),
    label: text
      .max(COMPETENCY_LABEL_MAX, { error: expected(`a label of at most ${COMPETENCY_LABEL_MAX} characters`) })
      .optional()
      .meta({
        description: "A short label for narrow columns such as heatmap headers; the name when absent.",
      }),
    tracks: list(id).min(1, { error: expected("at least one track") }),
    paths: list(careerPathSchema).min(1, { error: expected("at least one path") }),
    specialisation: id.optional().meta({
      description:
        "The id of a specialisation: the competency then counts only for people who took it on (absent: for everyone).",
    }),
    expectations: z.record(z.string(), expectationSchema.nullable()).meta({
      description:
        "Keyed by level id: an expectation at every level of its tracks' ladders on its paths, or null where that level expects nothing of it.",
    }),
    overrides: z.record(z.string(), z.record(z.string(), expectationSchema.nullable())).optional().meta({
      description:
        "Keyed by track id, then level id: what that track expects instead (null: nothing at that level on that track).",
    }),
    source,
  })
  .meta({ description: "Something people are rated on, with what each level expects of it." });

export const specialisationSchema = z
  .strictObject({
    id,
    name: text.refine((name) => !name.includes(","), {
      error: expected(
        "a specialisation name without a comma (Excel's drop-down lists separate names by commas)",
      ),
    }),
    from: id,
    tracks: list(id).min(1, { error: expected("at least one track") }),
    source,
  })
  .meta({
    description:
      "An optional focus a person may take on, from a level up, on some tracks; its competencies count only for the people who chose it.",
  });

export const transferSchema = z
  .strictObject({
    from: text,
    to: text,
    fromTrack: id.optional(),
    toTrack: id.optional(),
    source,
  })
  .meta({
    description: "A lateral move between two roles, linked to their tracks where the framework has them.",
  });

export const scoringSchema = z
  .strictObject(
    {
      ready: share,
      almost: share,
      minCoverage: share,
      ratingRule: z
        .enum(RATING_RULES, {
          error: expected(`a rating rule: ${RATING_RULES.map((r) => `"${r}"`).join(" or ")}`),
        })
        .optional()
        .meta({
          description: `Which ratings readiness counts: ${RATING_RULES.map((r) => `"${r}" (${RATING_RULE_WORD[r]})`).join(", ")}. Absent: "manager".`,
        }),
    },
    { error: expected("the readiness thresholds { ready, almost, minCoverage }") },
  )
  .meta({
    description: `Readiness at or above \`ready\` is ${STATUS_WORD.ready}, at or above \`almost\` is ${STATUS_WORD.almost}; coverage below \`minCoverage\` is ${STATUS_WORD.insufficient}.`,
  });

export const frameworkSchema = z
  .strictObject(
    {
      id,
      name: text,
      version: text,
      scale: list(scalePointSchema).min(2, { error: expected("a scale of at least two values") }),
      areas: list(areaSchema)
        .min(1, { error: expected("at least one area") })
        .refine((areas) => areas.map((area) => area.name).join(",").length <= EXCEL_LIST_CHARACTERS, {
          error: (issue) =>
            `expected area names of at most ${EXCEL_LIST_CHARACTERS} characters in all (Excel's limit for the area drop-down), found ${(issue.input as { name: string }[]).map((area) => area.name).join(",").length}: shorten some`,
        }),
      levels: list(levelSchema).min(1, { error: expected("at least one level") }),
      tracks: list(trackSchema).min(1, { error: expected("at least one track") }),
      competencies: list(competencySchema).min(1, { error: expected("at least one competency") }),
      specialisations: list(specialisationSchema).optional(),
      transfers: list(transferSchema),
      scoring: scoringSchema,
    },
    { error: expected("a framework: a JSON object with its scale, areas, levels, tracks and competencies") },
  )
  .meta({
    title: "Career Matrix framework",
    description:
      "An engineering career framework: its rating scale, areas, levels, tracks with their ladders, competencies with what each level expects, lateral transfers and the readiness thresholds.",
  });

// The schema must describe exactly the Framework type: each side assignable to the other, checked at compile time.
type Exactly<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
export type SchemaDescribesFramework = Assert<Exactly<z.infer<typeof frameworkSchema>, Framework>>;
