/**
 * What a formula computes with, following Excel's rules: a blank is neither 0 nor "" until an operation says which;
 * numbers order before text before logicals; text compares ignoring case; errors pass through.
 */
import type { Rect } from "./address";
import type { MemSheet } from "./state";

export type ErrorCode = "#N/A" | "#DIV/0!" | "#VALUE!" | "#REF!" | "#NAME?" | "#NUM!" | "#NULL!" | "#CALC!";

export class FormulaError {
  constructor(readonly code: ErrorCode) {}
}

export const ERRORS: Record<ErrorCode, FormulaError> = {
  "#N/A": new FormulaError("#N/A"),
  "#DIV/0!": new FormulaError("#DIV/0!"),
  "#VALUE!": new FormulaError("#VALUE!"),
  "#REF!": new FormulaError("#REF!"),
  "#NAME?": new FormulaError("#NAME?"),
  "#NUM!": new FormulaError("#NUM!"),
  "#NULL!": new FormulaError("#NULL!"),
  "#CALC!": new FormulaError("#CALC!"),
};

export function errorOf(code: string): FormulaError {
  return (ERRORS as Record<string, FormulaError | undefined>)[code.toUpperCase()] ?? ERRORS["#NAME?"];
}

/** null is a blank cell (or an argument left empty). */
export type Scalar = number | string | boolean | null | FormulaError;
export type Matrix = Scalar[][];

/** A range of a sheet, kept as a reference so INDEX can narrow it before anything is read. */
export class Reference {
  constructor(
    readonly sheet: MemSheet,
    readonly rect: Rect,
  ) {}
}

export type Value = Scalar | Matrix | Reference;

export const isError = (v: unknown): v is FormulaError => v instanceof FormulaError;

/** A scalar as a number: blank 0, logicals 1 and 0, text that reads as a number; other text is #VALUE!. */
export function toNumber(v: Scalar): number | FormulaError {
  if (v === null) return 0;
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (v instanceof FormulaError) return v;
  const trimmed = v.trim();
  const n = Number(trimmed.endsWith("%") ? trimmed.slice(0, -1) : trimmed);
  if (trimmed === "" || !Number.isFinite(n)) return ERRORS["#VALUE!"];
  return trimmed.endsWith("%") ? n / 100 : n;
}

/** A number as Excel's General format shows it: at most 15 significant digits. */
export function numberText(n: number): string {
  return String(Number(n.toPrecision(15)));
}

export function toText(v: Scalar): string | FormulaError {
  if (v === null) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number") return numberText(v);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return v;
}

export function toLogical(v: Scalar): boolean | FormulaError {
  if (v === null) return false;
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v !== 0;
  if (v instanceof FormulaError) return v;
  const upper = v.toUpperCase();
  if (upper === "TRUE") return true;
  if (upper === "FALSE") return false;
  return ERRORS["#VALUE!"];
}

const rank = (v: number | string | boolean): number =>
  typeof v === "number" ? 0 : typeof v === "string" ? 1 : 2;

/** Excel's order of two scalars (negative, 0, positive); a blank takes the other side's type. */
export function compareScalars(a: Scalar, b: Scalar): number | FormulaError {
  if (a instanceof FormulaError) return a;
  if (b instanceof FormulaError) return b;
  const blankAs = (other: Scalar): number | string | boolean =>
    typeof other === "string" ? "" : typeof other === "boolean" ? false : 0;
  const x = a ?? blankAs(b);
  const y = b ?? blankAs(a);
  if (rank(x) !== rank(y)) return rank(x) - rank(y);
  if (typeof x === "string") {
    const p = x.toLowerCase();
    const q = (y as string).toLowerCase();
    return p < q ? -1 : p > q ? 1 : 0;
  }
  return Number(x) - Number(y);
}
