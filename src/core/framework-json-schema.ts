/**
 * The JSON Schema of a framework file, generated from the zod schema so the two cannot drift. Editors use it to
 * complete and check a framework file as it is typed (`"$schema": "./framework.schema.json"`); it describes the
 * shape only, so references between records are checked when the framework is loaded.
 */
import { z } from "zod";
import { frameworkSchema } from "./framework-schema";

export const FRAMEWORK_SCHEMA_FILE = "framework.schema.json";

export function frameworkJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(frameworkSchema, { target: "draft-2020-12", io: "input" });
  const properties = (schema.properties ?? {}) as Record<string, unknown>;
  // A file may name its schema; the loader ignores the field.
  return {
    ...schema,
    properties: {
      $schema: { type: "string", description: "The JSON Schema this file follows." },
      ...properties,
    },
  };
}
