/**
 * Formula text to a tree, for the memory workbook's calculation. Tokens come from excel-formula-tokenizer (a port
 * of the tokenizer Excel formula tools have long shared); the tree follows Excel's operator precedence, highest
 * first: prefix minus and plus, percent, ^, * and /, + and -, &, then comparisons. So =-2^2 is 4, as in Excel.
 */
import { tokenize, type Token } from "excel-formula-tokenizer";
import { parseAddress, type Rect, splitSheet } from "./address";

export type FormulaNode =
  | { kind: "number"; value: number }
  | { kind: "text"; value: string }
  | { kind: "logical"; value: boolean }
  | { kind: "error"; code: string }
  /**
   * A range of a sheet (this one when no sheet is named), or a defined name when `rect` is absent. `fixed` tells
   * which sides carry a "$" (or are a whole column's rows, a whole row's columns): the others move with the cell.
   */
  | { kind: "reference"; sheet?: string; rect?: Rect; fixed?: Fixed; text: string }
  /** Arguments left empty, as in IF(A1,,2), are null. */
  | { kind: "call"; name: string; args: (FormulaNode | null)[] }
  | { kind: "array"; rows: FormulaNode[][] }
  | { kind: "prefix"; operator: string; operand: FormulaNode }
  | { kind: "percent"; operand: FormulaNode }
  | { kind: "infix"; operator: string; left: FormulaNode; right: FormulaNode };

/** A formula the parser cannot read; the cell shows an error instead. */
export class FormulaSyntaxError extends Error {}

const BINDING: Record<string, number> = {
  "=": 1,
  "<>": 1,
  "<": 1,
  ">": 1,
  "<=": 1,
  ">=": 1,
  "&": 2,
  "+": 3,
  "-": 3,
  "*": 4,
  "/": 4,
  "^": 5,
  " ": 8,
};
const PREFIX_BINDING = 7;
const PERCENT_BINDING = 6;

export interface Fixed {
  top: boolean;
  bottom: boolean;
  left: boolean;
  right: boolean;
}

/** Which sides of "A1", "$A$1:B$2", "A:$C" or "3:$5" are fixed. */
function fixedSides(local: string): Fixed {
  const [first, second = first] = local.split(":");
  const side = (part: string) => {
    const m = /^(\$?)([A-Za-z]*)(\$?)([0-9]*)$/.exec(part.trim());
    return {
      column: !m || m[2] === "" || m[1] === "$",
      row: !m || m[4] === "" || m[3] === "$",
    };
  };
  const a = side(first);
  const b = side(second);
  return { top: a.row, bottom: b.row, left: a.column, right: b.column };
}

/** "A1", "$A:$C", "Ratings!$F:$AG", "My sheet!B2" (the tokenizer has removed the quotes), or a defined name. */
function reference(text: string): FormulaNode {
  const { sheet, local } = splitSheet(text);
  try {
    return { kind: "reference", sheet, rect: parseAddress(local), fixed: fixedSides(local), text };
  } catch {
    return { kind: "reference", sheet, text };
  }
}

export function parseFormula(formula: string): FormulaNode {
  const text = formula.startsWith("=") ? formula : `=${formula}`;
  let tokens: Token[];
  try {
    tokens = tokenize(text).filter((t) => t.type !== "white-space");
  } catch (error) {
    throw new FormulaSyntaxError(`Cannot read ${formula}: ${String(error)}`);
  }
  let at = 0;
  const fail = (why: string): never => {
    throw new FormulaSyntaxError(`Cannot read ${formula}: ${why}`);
  };
  const peek = (): Token | undefined => tokens[at];

  const expression = (minimum: number): FormulaNode => {
    let left = operand();
    for (;;) {
      const t = peek();
      if (!t) return left;
      if (t.type === "operator-postfix" && t.value === "%") {
        if (PERCENT_BINDING < minimum) return left;
        at++;
        left = { kind: "percent", operand: left };
        continue;
      }
      if (t.type !== "operator-infix") return left;
      const binding = BINDING[t.value];
      if (binding === undefined) fail(`the operator ${t.value} is not supported`);
      if (binding < minimum) return left;
      at++;
      // All of Excel's binary operators are left-associative, ^ included.
      left = { kind: "infix", operator: t.value, left, right: expression(binding + 1) };
    }
  };

  const operand = (): FormulaNode => {
    const t = tokens[at++];
    if (!t) return fail("it ends too soon");
    if (t.type === "operator-prefix")
      return { kind: "prefix", operator: t.value, operand: expression(PREFIX_BINDING) };
    if (t.type === "operand") {
      if (t.subtype === "number") return { kind: "number", value: Number(t.value) };
      if (t.subtype === "text") return { kind: "text", value: t.value };
      if (t.subtype === "logical") return { kind: "logical", value: t.value.toUpperCase() === "TRUE" };
      if (t.subtype === "error") return { kind: "error", code: t.value.toUpperCase() };
      if (t.subtype === "range") return reference(t.value);
      return fail(`unexpected ${t.value}`);
    }
    if (t.type === "subexpression" && t.subtype === "start") {
      const inner = expression(0);
      const close = tokens[at++];
      if (close?.type !== "subexpression" || close.subtype !== "stop") fail("a parenthesis is not closed");
      return inner;
    }
    if (t.type === "function" && t.subtype === "start") {
      const args = argumentsOf();
      if (t.value === "ARRAY") return { kind: "array", rows: args.map(arrayRow) };
      return { kind: "call", name: t.value.toUpperCase().replace(/^_XLFN\.|^_XLWS\./, ""), args };
    }
    return fail(`unexpected ${t.value || t.type}`);
  };

  const arrayRow = (row: FormulaNode | null): FormulaNode[] => {
    if (row?.kind !== "call" || row.name !== "ARRAYROW") return fail("an array constant is malformed");
    return row.args.map((a) => a ?? fail("an array constant has an empty element"));
  };

  /** After a function's start token: its arguments up to the stop token. */
  const argumentsOf = (): (FormulaNode | null)[] => {
    const args: (FormulaNode | null)[] = [];
    const ends = (t: Token | undefined) => t?.type === "function" && t.subtype === "stop";
    if (ends(peek())) {
      at++;
      return args;
    }
    for (;;) {
      const t = peek();
      if (t?.type === "argument" || ends(t)) args.push(null);
      else args.push(expression(0));
      const next = tokens[at++];
      if (ends(next)) return args;
      if (next?.type !== "argument") fail("an argument list is not closed");
    }
  };

  const tree = expression(0);
  if (at < tokens.length) fail(`unexpected ${tokens[at].value || tokens[at].type}`);
  return tree;
}
