/**
 * JSON text of a file the user wrote, parsed strictly and every problem placed at its line and column: syntax
 * (including NaN and comments, which JSON has not), a key given twice in one object (JSON.parse would keep the last
 * silently), numbers too large to hold, and nesting deeper than any framework needs (which would exhaust the stack).
 */
import { printParseErrorCode, visit, type ParseErrorCode } from "jsonc-parser";
import { shortText } from "./short-text";

export interface JsonTextProblem {
  /** 1-based. */
  line: number;
  column: number;
  message: string;
}

export type JsonText = { ok: true; value: unknown } | { ok: false; problems: JsonTextProblem[] };

/** A framework is about 6 levels deep; far deeper is a mistake or an attack on the parser's stack. */
export const MAX_JSON_DEPTH = 64;

const SYNTAX: Partial<Record<string, string>> = {
  InvalidSymbol: "this is not a JSON value (JSON has no NaN, Infinity, undefined or unquoted text)",
  InvalidNumberFormat: "this number is not written as JSON writes numbers",
  PropertyNameExpected: "a field name in double quotes is expected here",
  ValueExpected: "a value is expected here",
  ColonExpected: "a colon is expected after the field name",
  CommaExpected: "a comma is expected between items",
  CloseBraceExpected: "a closing } is expected",
  CloseBracketExpected: "a closing ] is expected",
  EndOfFileExpected: "the file should end here: JSON holds one value",
  InvalidCommentToken: "comments are not JSON: remove it",
  UnexpectedEndOfComment: "comments are not JSON: remove it",
  UnexpectedEndOfString: "this text has no closing double quote",
  UnexpectedEndOfNumber: "this number is cut short",
  InvalidUnicode: "this \\u escape is not four hexadecimal digits",
  InvalidEscapeCharacter: "this backslash escape is not one JSON has",
  InvalidCharacter: "a control character (such as a tab or line break) must be escaped inside text",
};

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

function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf("\n"); i >= 0 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}

export function parseJsonText(text: string): JsonText {
  const deep = tooDeepAt(text, MAX_JSON_DEPTH);
  if (deep >= 0) {
    return {
      ok: false,
      problems: [
        {
          ...lineColumn(text, deep),
          message: `nested deeper than ${MAX_JSON_DEPTH} levels, far past what a framework needs: check the brackets`,
        },
      ],
    };
  }
  const problems: JsonTextProblem[] = [];
  const at = (line: number, character: number) => ({ line: line + 1, column: character + 1 });
  // The keys seen in each open object, innermost last.
  const keys: Map<string, { line: number; column: number }>[] = [];
  let syntaxError = false;
  visit(
    text,
    {
      onObjectBegin: () => {
        keys.push(new Map());
      },
      onObjectEnd: () => {
        keys.pop();
      },
      onObjectProperty: (property, _offset, _length, line, character) => {
        const seen = keys[keys.length - 1];
        const first = seen?.get(property);
        if (first) {
          problems.push({
            ...at(line, character),
            message: `"${shortText(property, 40)}" is given twice in this object (first at line ${first.line}, column ${first.column}): keep one`,
          });
        } else seen?.set(property, at(line, character));
      },
      onLiteralValue: (value: unknown, offset, length, line, character) => {
        if (typeof value === "number" && !Number.isFinite(value)) {
          problems.push({
            ...at(line, character),
            message: `${shortText(text.slice(offset, offset + length), 40)} is too large a number to hold`,
          });
        }
      },
      onError: (error: ParseErrorCode, _offset, _length, line, character) => {
        // After the first syntax error the parser's guesses cascade ("a value is expected here"): say the first.
        if (syntaxError) return;
        syntaxError = true;
        const code = printParseErrorCode(error);
        problems.push({ ...at(line, character), message: `not valid JSON: ${SYNTAX[code] ?? code}` });
      },
    },
    { disallowComments: true, allowTrailingComma: false },
  );
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value: JSON.parse(text) as unknown };
}
