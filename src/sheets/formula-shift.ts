/**
 * A1 references inside formula text, moved as Excel moves them when a formula is copied or filled: relative parts
 * shift, parts with "$" stay. Hosts use it to tell formulas that are the same relative formula (one copy filled down
 * a column) and to fill them. String literals, sheet names and function names (LOG10) are never read as references.
 * Rows and columns are 0-based.
 */
import { columnIndex, columnLetter } from "../core/a1";

const MAX_ROW = 1048576;
const MAX_COLUMN = 16384;

interface Part {
  fixed: boolean;
  /** 0-based. */
  index: number;
}

type Reference =
  | { kind: "cell"; column: Part; row: Part }
  | { kind: "columns"; from: Part; to: Part }
  | { kind: "rows"; from: Part; to: Part };

const CELL = /^(\$?)([A-Za-z]{1,3})(\$?)([0-9]+)$/;
const COLUMN = /^(\$?)([A-Za-z]{1,3})$/;
const ROW = /^(\$?)([0-9]+)$/;
/** A name-like run: letters, digits, "_", "." and "$" (references are made of these). */
const WORD = /[A-Za-z0-9_.$]/;

function part(fixed: string, index: number): Part {
  return { fixed: fixed === "$", index };
}

function cell(text: string): { column: Part; row: Part } | undefined {
  const m = CELL.exec(text);
  const column = m ? columnIndex(m[2]) : undefined;
  if (!m || column === undefined || column >= MAX_COLUMN) return undefined;
  const row = Number(m[4]) - 1;
  return row >= 0 && row < MAX_ROW ? { column: part(m[1], column), row: part(m[3], row) } : undefined;
}

/** One reference or one end of a range, as the words around ":" give it. */
function parse(first: string, second: string | undefined): Reference[] | undefined {
  if (second === undefined) {
    const one = cell(first);
    return one ? [{ kind: "cell", ...one }] : undefined;
  }
  const a = cell(first);
  const b = cell(second);
  if (a && b)
    return [
      { kind: "cell", ...a },
      { kind: "cell", ...b },
    ];
  const ca = COLUMN.exec(first);
  const cb = COLUMN.exec(second);
  if (ca && cb) {
    const from = columnIndex(ca[2]);
    const to = columnIndex(cb[2]);
    if (from !== undefined && to !== undefined && from < MAX_COLUMN && to < MAX_COLUMN)
      return [{ kind: "columns", from: part(ca[1], from), to: part(cb[1], to) }];
  }
  const ra = ROW.exec(first);
  const rb = ROW.exec(second);
  if (ra && rb) {
    const from = Number(ra[2]) - 1;
    const to = Number(rb[2]) - 1;
    if (from >= 0 && to >= 0 && from < MAX_ROW && to < MAX_ROW)
      return [{ kind: "rows", from: part(ra[1], from), to: part(rb[1], to) }];
  }
  return undefined;
}

type Piece = string | Reference;

/**
 * A formula as text pieces and references. A word followed by "(" is a function, by "!" a sheet name; text in
 * quotes is a string or a quoted sheet name, in brackets a table's.
 */
function pieces(formula: string): Piece[] {
  const out: Piece[] = [];
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      let j = i + 1;
      for (; j < formula.length; j++) {
        if (formula[j] !== ch) continue;
        if (formula[j + 1] === ch) j++;
        else break;
      }
      out.push(formula.slice(i, j + 1));
      i = j + 1;
      continue;
    }
    if (ch === "[") {
      // A structured reference (Table1[[#This Row],[Q3]]) is a name, never cells.
      let depth = 0;
      let j = i;
      for (; j < formula.length; j++) {
        if (formula[j] === "[") depth++;
        else if (formula[j] === "]" && --depth === 0) break;
      }
      out.push(formula.slice(i, j + 1));
      i = j + 1;
      continue;
    }
    if (!WORD.test(ch)) {
      out.push(ch);
      i++;
      continue;
    }
    let j = i;
    while (j < formula.length && WORD.test(formula[j])) j++;
    const word = formula.slice(i, j);
    const next = formula[j];
    if (next === "(" || next === "!" || next === "[") {
      out.push(word);
      i = j;
      continue;
    }
    let second: string | undefined;
    let end = j;
    if (next === ":") {
      let k = j + 1;
      while (k < formula.length && WORD.test(formula[k])) k++;
      const candidate = formula.slice(j + 1, k);
      if (candidate !== "" && parse(word, candidate)) {
        second = candidate;
        end = k;
      }
    }
    const references = parse(word, second);
    if (!references) out.push(word);
    else if (references.length === 2) out.push(references[0], ":", references[1]);
    else out.push(references[0]);
    i = end;
  }
  return out;
}

function render(parts: Piece[], write: (reference: Reference) => string): string {
  let text = "";
  for (const part of parts) text += typeof part === "string" ? part : write(part);
  return text;
}

function moved(p: Part, by: number, limit: number): number | undefined {
  if (p.fixed) return p.index;
  const index = p.index + by;
  return index >= 0 && index < limit ? index : undefined;
}

/**
 * The formula as Excel writes it `rows` below and `columns` to the right of where it is: "=A1+$B$1" moved by (1, 1)
 * is "=B2+$B$1". A reference moved off the sheet becomes #REF!, as in Excel.
 */
export function shiftFormula(formula: string, rows: number, columns: number): string {
  return rows === 0 && columns === 0 ? formula : formulaShifter(formula)(rows, columns);
}

/** shiftFormula with the formula read once, for moving one formula to many places. */
export function formulaShifter(formula: string): (rows: number, columns: number) => string {
  const parts = pieces(formula);
  return function shift(rows, columns) {
    let text = "";
    for (const part of parts) text += typeof part === "string" ? part : shifted(part, rows, columns);
    return text;
  };
}

/**
 * Whether `text` is the formula moved by (rows, columns), read once and compared piece by piece, so telling a filled
 * column apart costs no copy of the formula per cell.
 */
export function movedFormulaTest(formula: string): (text: string, rows: number, columns: number) => boolean {
  const parts = pieces(formula);
  return function isMoved(text, rows, columns) {
    let at = 0;
    for (const part of parts) {
      const piece = typeof part === "string" ? part : shifted(part, rows, columns);
      if (!text.startsWith(piece, at)) return false;
      at += piece.length;
    }
    return at === text.length;
  };
}

function dollar(p: Part): string {
  return p.fixed ? "$" : "";
}

function shifted(reference: Reference, rows: number, columns: number): string {
  if (reference.kind === "cell") {
    const column = moved(reference.column, columns, MAX_COLUMN);
    const row = moved(reference.row, rows, MAX_ROW);
    if (column === undefined || row === undefined) return "#REF!";
    return `${dollar(reference.column)}${columnLetter(column)}${dollar(reference.row)}${row + 1}`;
  }
  const isColumns = reference.kind === "columns";
  const by = isColumns ? columns : rows;
  const limit = isColumns ? MAX_COLUMN : MAX_ROW;
  const from = moved(reference.from, by, limit);
  const to = moved(reference.to, by, limit);
  if (from === undefined || to === undefined) return "#REF!";
  return isColumns
    ? `${dollar(reference.from)}${columnLetter(from)}:${dollar(reference.to)}${columnLetter(to)}`
    : `${dollar(reference.from)}${from + 1}:${dollar(reference.to)}${to + 1}`;
}

/**
 * The formula in R1C1 form as seen from (row, column): "=A1" in B2 is "=R[-1]C[-1]", "=$A$1" is "=R1C1". Two cells
 * hold the same relative formula exactly when their R1C1 forms are equal.
 */
export function relativeFormula(formula: string, row: number, column: number): string {
  const r = (p: Part) => (p.fixed ? `R${p.index + 1}` : `R[${p.index - row}]`);
  const c = (p: Part) => (p.fixed ? `C${p.index + 1}` : `C[${p.index - column}]`);
  return render(pieces(formula), (reference) => {
    if (reference.kind === "cell") return r(reference.row) + c(reference.column);
    if (reference.kind === "columns") return `${c(reference.from)}:${c(reference.to)}`;
    return `${r(reference.from)}:${r(reference.to)}`;
  });
}
