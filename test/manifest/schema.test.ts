import { spawnSync } from "child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { BUILD_TIMEOUT_MS, productionBuild, projectRoot } from "../build/production-build";

// Microsoft's manifest XSDs sit beside the clone (../shared) in CI and on the team's machines; they are not
// part of the project. Without them, or without xmllint, these tests are skipped locally but fail in CI.
const schema = join(projectRoot, "..", "shared", "manifest-schemas", "OfficeAppManifestV1_1.xsd");
const xmllint = spawnSync("xmllint", ["--version"]);
const missing = [
  ...(existsSync(schema) ? [] : [`the manifest schemas (${schema})`]),
  ...(xmllint.error ? ["xmllint (Debian package libxml2-utils; bash scripts/setup.sh installs it)"] : []),
];
const inCi = process.env.CI === "true";
const schemaTest = missing.length === 0 || inCi ? test : test.skip;

function validate(manifestPath: string): { valid: boolean; messages: string } {
  if (missing.length > 0) throw new Error(`Cannot validate the manifest: missing ${missing.join(" and ")}.`);
  const result = spawnSync("xmllint", ["--noout", "--schema", schema, manifestPath], { encoding: "utf8" });
  return { valid: result.status === 0, messages: result.stderr };
}

describe("manifest.xml against the Office add-in manifest schema (v1.1)", () => {
  schemaTest("is valid as written", () => {
    expect(validate(join(projectRoot, "manifest.xml"))).toEqual({
      valid: true,
      messages: expect.any(String),
    });
  });

  schemaTest(
    "is valid as built for production",
    () => {
      expect(validate(join(productionBuild(), "manifest.xml")).valid).toBe(true);
    },
    BUILD_TIMEOUT_MS,
  );

  schemaTest("would be rejected with Permissions placed before DefaultSettings", () => {
    const source = readFileSync(join(projectRoot, "manifest.xml"), "utf8");
    const permissions = /\s*<Permissions>[^<]*<\/Permissions>/.exec(source)?.[0] ?? "";
    expect(permissions).not.toBe("");
    const reordered = source
      .replace(permissions, "")
      .replace("<DefaultSettings>", `${permissions.trim()}\n  <DefaultSettings>`);
    const file = join(mkdtempSync(join(tmpdir(), "manifest-")), "manifest.xml");
    writeFileSync(file, reordered);
    const result = validate(file);
    expect(result.valid).toBe(false);
    expect(result.messages).toContain("Permissions");
  });
});
