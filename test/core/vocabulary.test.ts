/**
 * Every word the add-in shows for a status, a rater flag or a level comes from src/core/vocabulary.ts: the pane, the
 * sheets and the command line import it rather than typing it again, and no retired word comes back.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import {
  chanceInWords,
  EXPECTATION_WORD,
  LEVEL_WORD,
  NO_MANAGER_RATING,
  RATER_FLAG_WORD,
  RETIRED_WORDS,
  STATUS_WORD,
  statusFor,
} from "../../src/core/vocabulary";

const SRC = join(__dirname, "../../src");
const VOCABULARY = "core/vocabulary.ts";

/**
 * Files that may still spell a word themselves, each with why. The calibration panel is being reworked on its own
 * branch; its two flag words equal the vocabulary's today, which the test below checks.
 */
const NOT_YET_IMPORTING: Record<string, string> = {
  "taskpane/components/CalibrationView.tsx":
    "reworked on the calibration branch; switches to RATER_FLAG_WORD there",
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith(".d.ts") ? [path] : [];
  });
}

interface Shown {
  file: string;
  line: number;
  text: string;
}

/** The texts a file can show: string and template literals and JSX text (not identifiers, keys or comments). */
function textsOf(path: string): Shown[] {
  const source = ts.createSourceFile(path, readFileSync(path, "utf8"), ts.ScriptTarget.Latest, true);
  const file = relative(SRC, path);
  const texts: Shown[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) return;
    if (ts.isLiteralTypeNode(node)) return;
    // A tag such as kind: "descriptor" names a case for the code, never shown.
    if (ts.isPropertyAssignment(node) && node.name.getText(source) === "kind") return;
    if (
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node) ||
      ts.isJsxText(node)
    ) {
      const text = node.text.trim();
      if (text !== "") {
        const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
        texts.push({ file, line, text });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return texts;
}

const shown = sourceFiles(SRC)
  .filter((path) => relative(SRC, path) !== VOCABULARY)
  .flatMap(textsOf);

const words = [...Object.values(STATUS_WORD), ...Object.values(RATER_FLAG_WORD), NO_MANAGER_RATING];

describe("one vocabulary", () => {
  it("reads the source it checks", () => {
    // A scan that found nothing would pass whatever the code said.
    expect(shown.length).toBeGreaterThan(1000);
    expect(shown.some((s) => s.file === "taskpane/panels/ScorePanel.tsx")).toBe(true);
    expect(shown.some((s) => s.file.startsWith("cli/"))).toBe(true);
    expect(shown.some((s) => s.file.startsWith("sheets/"))).toBe(true);
  });

  it("has no status or rater-flag word typed outside the vocabulary module", () => {
    const typed = shown.filter(
      (s) =>
        NOT_YET_IMPORTING[s.file] === undefined &&
        words.some(
          (word) => s.text === word || s.text.includes(`"${word}"`) || s.text.includes("Insufficient data"),
        ),
    );
    expect(typed.map((s) => `${s.file}:${s.line}: ${s.text}`)).toEqual([]);
  });

  it("shows no retired word anywhere", () => {
    const retired = shown.filter((s) =>
      Object.keys(RETIRED_WORDS).some((word) => new RegExp(`\\b${word}\\b`).test(s.text)),
    );
    expect(retired.map((s) => `${s.file}:${s.line}: ${s.text}`)).toEqual([]);
  });

  it("lets the files not yet importing it show only its words", () => {
    for (const file of Object.keys(NOT_YET_IMPORTING)) {
      const flagWords = shown.filter((s) => s.file === file && /^Rates /.test(s.text)).map((s) => s.text);
      expect(flagWords.length).toBeGreaterThan(0);
      for (const word of flagWords) expect(Object.values(RATER_FLAG_WORD)).toContain(word);
    }
  });

  it("says which level a status is about, in distinct words", () => {
    expect(LEVEL_WORD.current).not.toBe(LEVEL_WORD.next);
    expect(statusFor("ready", "next")).toBe("Ready for the next level");
    expect(statusFor("ready", "current")).toBe("Ready at the current level");
    expect(EXPECTATION_WORD.text).not.toBe(EXPECTATION_WORD.value);
  });

  it("puts a p-value in words and keeps the number", () => {
    expect(chanceInWords(0.0123)).toBe("about 1 in 81 that chance alone explains it (p = 0.012)");
    expect(chanceInWords(0.0004)).toBe("less than 1 in 1,000 that chance alone explains it (p < 0.001)");
    expect(chanceInWords(0.8)).toBe("chance alone could well explain it (p = 0.80)");
  });
});
