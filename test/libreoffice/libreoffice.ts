/**
 * LibreOffice as an independent reader of the .xlsx files we write. Conversions run headless in a throw-away profile
 * (one per test process) whose settings make Calc recalculate every formula of an OOXML file on load (the default is
 * to trust the cached values, which would prove nothing).
 */
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const RECALC_ON_LOAD = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

export function libreOfficeBinary(): string | undefined {
  const found = spawnSync("sh", ["-c", "command -v libreoffice || command -v soffice"], { encoding: "utf8" });
  const bin = found.stdout.trim();
  return found.status === 0 && bin ? bin : undefined;
}

let profileDir: string | undefined;

/** The last option of CSV_EVERY_SHEET: every sheet, one file each. */
const ALL_SHEETS = -1;

/**
 * The CSV export of every sheet, values unformatted (UTF-8, comma, double quotes): `convert` then writes
 * `<input>-<sheet>.csv` per sheet and returns the folder.
 */
export const CSV_EVERY_SHEET = `csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,${ALL_SHEETS}`;

/**
 * One profile per test process, made on first use and removed when the process exits: LibreOffice spends seconds
 * setting up a new profile, and conversions here run one after another, so they can share it.
 */
function sharedProfile(): string {
  if (profileDir && fs.existsSync(profileDir)) return profileDir;
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "lo-"));
  fs.mkdirSync(path.join(profile, "user"), { recursive: true });
  fs.writeFileSync(path.join(profile, "user", "registrymodifications.xcu"), RECALC_ON_LOAD);
  process.once("exit", () => fs.rmSync(profile, { recursive: true, force: true }));
  profileDir = profile;
  return profile;
}

/**
 * Runs `libreoffice --headless --convert-to <filter>` on `input`; returns the path of the converted file. `infilter`
 * sets how the input is read, e.g. "CSV:44,34,76,1" (comma, double quote, UTF-8, from line 1).
 */
export function convert(
  input: string,
  filter: string,
  outDir: string,
  infilter?: string,
  timeoutMs = 120_000,
): string {
  const bin = libreOfficeBinary();
  if (!bin) throw new Error("LibreOffice is not installed (Debian: apt-get install libreoffice-calc)");
  const profile = sharedProfile();
  try {
    execFileSync(
      bin,
      [
        `-env:UserInstallation=file://${profile}`,
        "--headless",
        "--norestore",
        "--nolockcheck",
        ...(infilter ? [`--infilter=${infilter}`] : []),
        "--convert-to",
        filter,
        "--outdir",
        outDir,
        input,
      ],
      { stdio: "pipe", timeout: timeoutMs },
    );
  } catch (error) {
    // A conversion that failed may have left the profile locked or half-written: the next one starts afresh.
    fs.rmSync(profile, { recursive: true, force: true });
    profileDir = undefined;
    throw error;
  }
  const extension = filter.split(":")[0];
  // A CSV of every sheet comes as one file per sheet, named after it.
  if (extension === "csv" && filter.endsWith(`,${ALL_SHEETS}`)) return outDir;
  const output = path.join(outDir, `${path.basename(input, path.extname(input))}.${extension}`);
  if (!fs.existsSync(output)) throw new Error(`LibreOffice did not write ${output}`);
  return output;
}

export function pdfToPngBinary(): string | undefined {
  const found = spawnSync("sh", ["-c", "command -v pdftoppm"], { encoding: "utf8" });
  const bin = found.stdout.trim();
  return found.status === 0 && bin ? bin : undefined;
}

/**
 * Renders one sheet of a workbook to PNG as LibreOffice lays it out: PDF with one page per sheet (Calc's headless
 * build has no working PNG export), then poppler's pdftoppm for the page. `page` is the 1-based position of the sheet
 * in tab order (hidden sheets have pages too).
 */
export function renderSheetPng(input: string, page: number, outFile: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cm-pdf-"));
  try {
    const pdf = convert(
      input,
      'pdf:calc_pdf_Export:{"SinglePageSheets":{"type":"boolean","value":"true"}}',
      dir,
    );
    const bin = pdfToPngBinary();
    if (!bin) throw new Error("pdftoppm is not installed (Debian: apt-get install poppler-utils)");
    const prefix = outFile.replace(/\.png$/, "");
    execFileSync(bin, [
      "-png",
      "-r",
      "110",
      "-f",
      String(page),
      "-l",
      String(page),
      "-singlefile",
      pdf,
      prefix,
    ]);
    return `${prefix}.png`;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Without LibreOffice these tests skip on a workstation, but fail in CI, where the setup script installs it. */
export function describeWithLibreOffice(name: string, body: () => void): void {
  (libreOfficeBinary() || process.env.CI === "true" ? describe : describe.skip)(name, body);
}
