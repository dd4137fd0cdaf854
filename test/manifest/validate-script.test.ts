import { spawnSync } from "child_process";
import { copyFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { projectRoot } from "../build/production-build";

const source = readFileSync(join(projectRoot, "manifest.xml"), "utf8");

/** Runs `npm run validate -- <manifest> --offline` on a copy of the project's manifest and icons. */
function validate(edit: (manifest: string) => string = (m) => m, arrange: (dir: string) => void = () => {}) {
  const dir = mkdtempSync(join(tmpdir(), "validate-"));
  cpSync(join(projectRoot, "assets"), join(dir, "assets"), { recursive: true });
  writeFileSync(join(dir, "manifest.xml"), edit(source));
  arrange(dir);
  const result = spawnSync(
    process.execPath,
    ["scripts/validate-manifest.js", join(dir, "manifest.xml"), "--offline"],
    {
      cwd: projectRoot,
      encoding: "utf8",
    },
  );
  rmSync(dir, { recursive: true, force: true });
  return { exitCode: result.status, output: result.stdout + result.stderr };
}

describe("npm run validate", () => {
  test("passes the project's manifest and says what it checked", () => {
    const { exitCode, output } = validate();
    expect(output).toMatch(
      /Offline check of .*manifest\.xml: passed \(Workbook task pane, ExcelApi 1\.9, ReadWriteDocument/,
    );
    expect(output).toContain("Online check (office-addin-manifest validate): skipped: --offline.");
    expect(exitCode).toBe(0);
  });

  test("rejects any permission other than ReadWriteDocument", () => {
    const { exitCode, output } = validate((m) =>
      m.replace("<Permissions>ReadWriteDocument", "<Permissions>ReadWriteMailbox"),
    );
    expect(output).toContain(
      '<Permissions> is "ReadWriteMailbox": it must be ReadWriteDocument, which the add-in needs, and no other',
    );
    expect(exitCode).toBe(1);
  });

  test("rejects a URL that is not https", () => {
    const { exitCode, output } = validate((m) =>
      m.replace("https://localhost:3000/commands.html", "http://localhost:3000/commands.html"),
    );
    expect(output).toContain("<Url> URL http://localhost:3000/commands.html must use https");
    expect(exitCode).toBe(1);
  });

  test("names an icon file that is missing", () => {
    const { exitCode, output } = validate(undefined, (dir) => rmSync(join(dir, "assets", "icon-80.png")));
    expect(output).toContain(
      'icon "Icon.80x80" at 80 px: assets/icon-80.png does not exist beside the manifest',
    );
    expect(exitCode).toBe(1);
  });

  test("names an icon whose pixels do not match its declared size", () => {
    const { exitCode, output } = validate(undefined, (dir) =>
      copyFileSync(join(dir, "assets", "icon-16.png"), join(dir, "assets", "icon-80.png")),
    );
    expect(output).toContain('icon "Icon.80x80" at 80 px: assets/icon-80.png is 16x16 px');
    expect(exitCode).toBe(1);
  });

  test("names a ribbon label that refers to no resource", () => {
    const { exitCode, output } = validate((m) =>
      m.replace('<Label resid="RefreshHeatmaps.Label"/>', '<Label resid="Refresh.Typo"/>'),
    );
    expect(output).toContain('<Label resid="Refresh.Typo"> refers to no resource: add it under <Resources>');
    expect(exitCode).toBe(1);
  });

  test("requires the ExcelApi requirement set", () => {
    const { exitCode, output } = validate((m) => m.replace('<Set Name="ExcelApi" MinVersion="1.9"/>', ""));
    expect(output).toContain('<Requirements> must declare <Set Name="ExcelApi" MinVersion="1.N"/>');
    expect(exitCode).toBe(1);
  });

  test("reports XML that is not well formed instead of crashing", () => {
    const { exitCode, output } = validate((m) => m.replace("</Hosts>", ""));
    expect(output).toContain("not well-formed XML");
    expect(output).not.toMatch(/\n\s+at /);
    expect(exitCode).toBe(1);
  });
});
