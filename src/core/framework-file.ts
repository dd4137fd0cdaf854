/**
 * A framework file as a user brings it (the command line's --framework, the pane's "Use a framework file"): bytes
 * in, a Framework or the problems out. Each problem says where: `$.json.path` for what the framework says, or
 * `LINE:COLUMN` for the file itself, so nothing reaches the user as a stack trace.
 */
import { parse, type ParseError, printParseErrorCode, visit } from "jsonc-parser";
import type { TextEncoding } from "./decode-text";
import type { Framework } from "./framework";
import { FrameworkError, loadFramework } from "./load-framework";

/** A framework of a few hundred competencies is well under this; anything bigger is not a framework. */
export const FRAMEWORK_FILE_MAX_BYTES = 2 * 1024 * 1024;

export interface FrameworkFileProblem {
  /** `$.competencies[3].name`, or `LINE:COLUMN` in the file. */
  where: string;
  message: string;
}

export type FrameworkFileRead = (
  { framework: Framework; problems: [] } | { framework?: undefined; problems: FrameworkFileProblem[] }
) & {
  /** The file's encoding when it was not UTF-8 (UTF-16, by its byte-order mark), for the note that says so. */
  encoding?: Exclude<TextEncoding, "utf-8">;
};

export function readFrameworkFile(bytes: Uint8Array): FrameworkFileRead {
  if (bytes.byteLength > FRAMEWORK_FILE_MAX_BYTES) {
    return failed(
      "1:1",
      `the file is ${megabytes(bytes.byteLength)}; a framework file is at most ${megabytes(FRAMEWORK_FILE_MAX_BYTES)}: check that this is the framework and not another file`,
    );
  }
  const decoded = decode(bytes);
  if ("problem" in decoded) return { problems: [decoded.problem] };
  const read = readFrameworkText(decoded.text);
  return decoded.encoding === undefined ? read : { ...read, encoding: decoded.encoding };
}

/** The same for text already decoded (a file picked in the pane, read by the browser). */
export function readFrameworkText(text: string): FrameworkFileRead {
  const source = text.replace(/^\uFEFF/, "");
  if (source.trim() === "") return failed("1:1", "the file is empty: a framework is a JSON object");
  const deep = tooDeepAt(source, MAX_JSON_DEPTH);
  if (deep >= 0)
    return failed(
      lineColumn(source, deep),
      `nested deeper than ${MAX_JSON_DEPTH} levels, far past what a framework needs: check the brackets`,
    );
  const errors: ParseError[] = [];
  const json: unknown = parse(source, errors, { disallowComments: true, allowTrailingComma: false });
  if (errors.length > 0) {
    // The first error is the one to fix; the rest usually follow from it.
    const [first] = errors;
    return failed(lineColumn(source, first.offset), syntaxMessage(first, source));
  }
  const values = valueProblems(source);
  if (values.length > 0) return { problems: values };
  try {
    return { framework: loadFramework(json), problems: [] };
  } catch (error) {
    if (!(error instanceof FrameworkError)) throw error;
    return { problems: error.problems.map((p) => ({ where: jsonPathWhere(p.path), message: p.message })) };
  }
}

/**
 * What JSON.parse would pass over silently: a key given twice in one object (the last would win) and a number too
 * large to hold (it would become Infinity).
 */
function valueProblems(text: string): { where: string; message: string }[] {
  const problems: { where: string; message: string }[] = [];
  const at = (line: number, character: number) => `${line + 1}:${character + 1}`;
  const said = (where: string) => `line ${where.split(":")[0]}, column ${where.split(":")[1]}`;
  // The keys seen in each open object, innermost last.
  const keys: Map<string, string>[] = [];
  visit(
    text,
    {
      onObjectBegin: () => void keys.push(new Map()),
      onObjectEnd: () => void keys.pop(),
      onObjectProperty: (property, _offset, _length, line, character) => {
        const seen = keys[keys.length - 1];
        const first = seen?.get(property);
        const shown = property.length > 40 ? `${property.slice(0, 39)}…` : property;
        if (first)
          problems.push({
            where: at(line, character),
            message: `"${shown}" is given twice in this object (first at ${said(first)}): keep one`,
          });
        else seen?.set(property, at(line, character));
      },
      onLiteralValue: (value: unknown, offset, length, line, character) => {
        if (typeof value === "number" && !Number.isFinite(value))
          problems.push({
            where: at(line, character),
            message: `${text.slice(offset, offset + Math.min(length, 40))} is too large a number to hold`,
          });
      },
    },
    { disallowComments: true, allowTrailingComma: false },
  );
  return problems;
}

/** A framework is about 6 levels deep; far deeper is a mistake, or an attack on the parser's stack. */
export const MAX_JSON_DEPTH = 64;

/** Where nesting first goes deeper than the limit, found without recursion; -1 when it never does. */
function tooDeepAt(text: string, limit: number): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === "\\") i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === "{" || ch === "[") {
      depth++;
      if (depth > limit) return i;
    } else if (ch === "}" || ch === "]") depth--;
  }
  return -1;
}

/** `competencies[3].name` -> `$.competencies[3].name`; the root is `$`. */
export function jsonPathWhere(path: string): string {
  if (path === "(root)" || path === "") return "$";
  return path.startsWith("[") ? `$${path}` : `$.${path}`;
}

function failed(where: string, message: string): FrameworkFileRead {
  return { problems: [{ where, message }] };
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** UTF-8 (with or without BOM) or UTF-16 with its BOM; anything else is pointed at, never replaced by U+FFFD. */
function decode(
  bytes: Uint8Array,
): { text: string; encoding?: "utf-16le" | "utf-16be" } | { problem: FrameworkFileProblem } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "utf-16be" };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    const at = firstInvalidByte(bytes);
    const before = new TextDecoder("utf-8").decode(bytes.subarray(0, at));
    const byte = bytes[at].toString(16).toUpperCase().padStart(2, "0");
    return {
      problem: {
        where: lineColumn(before, before.length),
        message: `not UTF-8 (byte 0x${byte} at offset ${at}): save the file as UTF-8 and try again`,
      },
    };
  }
}

/** The offset of the first byte that makes the bytes invalid UTF-8 (a prefix ending mid-character is still valid). */
function firstInvalidByte(bytes: Uint8Array): number {
  const valid = (length: number): boolean => {
    try {
      new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, length), { stream: true });
      return true;
    } catch {
      return false;
    }
  };
  let low = 0;
  let high = bytes.length;
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (valid(middle + 1)) low = middle + 1;
    else high = middle;
  }
  const failing = Math.min(low, bytes.length - 1);
  // A lead byte is only wrong once the byte after it is not a continuation: point at the lead byte.
  for (let i = failing - 1; i >= Math.max(0, failing - 3); i--) {
    const length = bytes[i] >= 0xf0 ? 4 : bytes[i] >= 0xe0 ? 3 : bytes[i] >= 0xc0 ? 2 : 0;
    if (length > 0) return i + length > failing ? i : failing;
    if (bytes[i] < 0x80) break;
  }
  return failing;
}

function lineColumn(text: string, offset: number): string {
  const lines = text.slice(0, offset).split(/\r\n|\r|\n/);
  return `${lines.length}:${lines[lines.length - 1].length + 1}`;
}

function syntaxMessage(error: ParseError, text: string): string {
  const found = text.slice(error.offset, error.offset + Math.min(Math.max(error.length, 1), 20));
  const what = found === "" ? "the end of the file" : JSON.stringify(found);
  // ParseErrorCode is a const enum, which isolated modules cannot read: switch on its names.
  switch (printParseErrorCode(error.error)) {
    case "InvalidCommentToken":
      return "JSON does not allow comments: remove the comment (a descriptor or a source can carry the note instead)";
    case "PropertyNameExpected":
      return `expected a field name in double quotes, found ${what} (JSON allows no comma before } or ])`;
    case "ValueExpected":
      return `expected a value, found ${what} (JSON allows no comma before } or ])`;
    case "CommaExpected":
      return `expected a comma, found ${what}`;
    case "ColonExpected":
      return `expected a colon after the field name, found ${what}`;
    case "CloseBraceExpected":
      return `expected } to close the object, found ${what}`;
    case "CloseBracketExpected":
      return `expected ] to close the list, found ${what}`;
    case "EndOfFileExpected":
      return `expected the end of the file after the framework, found ${what}`;
    case "UnexpectedEndOfString":
      return "a text is not closed: add the closing double quote (a line break inside a text is written \\n)";
    case "InvalidSymbol":
      return `${what} is not JSON: texts go in double quotes, and JSON has no NaN, Infinity or undefined`;
    default:
      return `not valid JSON at ${what}: check the file in an editor that checks JSON`;
  }
}
