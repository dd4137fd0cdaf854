/** Writes framework.schema.json from the zod schema: `npm run schema` after changing src/core/framework-schema.ts. */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { FRAMEWORK_SCHEMA_FILE, frameworkJsonSchema } from "../src/core/framework-json-schema";

const target = path.join(__dirname, "..", FRAMEWORK_SCHEMA_FILE);
writeFileSync(target, `${JSON.stringify(frameworkJsonSchema(), null, 2)}\n`);
process.stdout.write(`wrote ${FRAMEWORK_SCHEMA_FILE}\n`);
