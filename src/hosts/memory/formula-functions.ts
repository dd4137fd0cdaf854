/**
 * The worksheet functions of the memory workbook. Most come from formulajs; the ones the add-in's formulas stand on
 * are written here to Excel's rules where formulajs departs from them: INDEX returns a reference (INDEX(A:C,5,0) is
 * a row, not a value), MATCH compares by type and escapes every character but Excel's wildcards, SUMPRODUCT counts
 * text and logicals as 0, the *IF(S) criteria ignore case and count blanks, IF and IFERROR evaluate only the branch
 * they need, and the IS functions, like every scalar function, apply to each element of an array.
 */
import * as formulajs from "@formulajs/formulajs";
import type { FormulaNode } from "./formula-parse";
import {
  compareScalars,
  ERRORS,
  errorOf,
  FormulaError,
  isError,
  type Matrix,
  Reference,
  type Scalar,
  toLogical,
  toNumber,
  type Value,
} from "./formula-values";

/** What a function may ask of the calculation. */
export interface FunctionContext {
  /** An argument's value; an empty argument is blank (null). */
  evaluate(node: FormulaNode | null): Value;
  /** A value as a grid: a reference is read, a scalar is a 1×1 grid. */
  grid(value: Value): Matrix;
  /** A value as one scalar: a 1×1 reference's cell, an array's first element. */
  scalar(value: Value): Scalar;
  /** The 1-based row and 0-based column of the cell being calculated. */
  row: number;
  column: number;
}

type FormulaFunction = (args: (FormulaNode | null)[], context: FunctionContext) => Value;

/** Applies f to each element when any argument is an array or a range of more than one cell. */
function lifted(f: (values: Scalar[]) => Scalar): FormulaFunction {
  return (args, context) => {
    const values = args.map((a) => context.evaluate(a));
    const grids = values.map((v) => (isArrayValue(v) ? context.grid(v) : undefined));
    if (grids.every((g) => g === undefined)) return f(values.map((v) => context.scalar(v)));
    const rows = Math.max(...grids.map((g) => g?.length ?? 1));
    const columns = Math.max(...grids.map((g) => g?.[0]?.length ?? 1));
    return Array.from({ length: rows }, (_, r) =>
      Array.from({ length: columns }, (_, c) =>
        f(
          values.map((v, i) => (grids[i] === undefined ? context.scalar(v) : (at(grids[i], r, c) as Scalar))),
        ),
      ),
    );
  };
}

/** More than one value: an array, or a range of more than one cell. */
export function isArrayValue(v: Value): boolean {
  if (v instanceof Reference) return v.rect.top !== v.rect.bottom || v.rect.left !== v.rect.right;
  return Array.isArray(v) && (v.length > 1 || (v[0]?.length ?? 0) > 1);
}

/** The element at r, c of a grid, repeating a single row or column; #N/A outside it; undefined for a scalar. */
export function at(grid: Matrix | undefined, r: number, c: number): Scalar | undefined {
  if (!grid) return undefined;
  const row = grid[grid.length === 1 ? 0 : r];
  if (row === undefined) return ERRORS["#N/A"];
  const value = row[row.length === 1 ? 0 : c];
  return value === undefined ? ERRORS["#N/A"] : value;
}

const flat = (grid: Matrix): Scalar[] => grid.flat();

function firstError(values: Scalar[]): FormulaError | undefined {
  return values.find(isError);
}

function logicalOf(values: Scalar[], fold: (a: boolean[]) => boolean): Scalar {
  const error = firstError(values);
  if (error) return error;
  const logicals: boolean[] = [];
  for (const v of values) {
    if (typeof v === "boolean") logicals.push(v);
    else if (typeof v === "number") logicals.push(v !== 0);
  }
  return logicals.length === 0 ? ERRORS["#VALUE!"] : fold(logicals);
}

/** Scalars straight from the arguments, and the numbers and logicals inside ranges and arrays (Excel's AND, OR). */
function logicalArguments(args: (FormulaNode | null)[], context: FunctionContext): Scalar[] {
  return args.flatMap((a) => {
    const v = context.evaluate(a);
    if (v instanceof Reference || Array.isArray(v))
      return flat(context.grid(v)).filter((x) => typeof x !== "string");
    const scalar = context.scalar(v);
    return [typeof scalar === "string" ? toLogical(scalar) : scalar];
  });
}

/** An Excel criterion ("Ready", ">=0.9", "<>", "", 3) as a test of one cell. */
export function criterion(value: Scalar): (cell: Scalar) => boolean {
  if (isError(value)) return (cell) => isError(cell) && cell.code === value.code;
  if (value === null) return (cell) => cell === 0;
  if (typeof value === "number")
    return (cell) => cell === value || (typeof cell === "string" && toNumber(cell) === value);
  if (typeof value === "boolean") return (cell) => cell === value;
  const m = /^(<=|>=|<>|=|<|>)?([\s\S]*)$/.exec(value) as RegExpExecArray;
  const operator = m[1] ?? "=";
  const operand = m[2];
  const number = operand.trim() === "" ? undefined : toNumber(operand);
  const logical = /^(TRUE|FALSE)$/i.test(operand) ? operand.toUpperCase() === "TRUE" : undefined;
  if (operator === "=" || operator === "<>") {
    let equal: (cell: Scalar) => boolean;
    if (operand === "") equal = (cell) => cell === null || cell === "";
    else if (typeof number === "number")
      equal = (cell) => cell === number || (typeof cell === "string" && toNumber(cell) === number);
    else if (logical !== undefined) equal = (cell) => cell === logical;
    else {
      const pattern = wildcard(operand);
      equal = (cell) => typeof cell === "string" && pattern.test(cell);
    }
    // "=" alone matches blank cells only; "" matches blanks and empty text.
    if (operator === "=" && m[1] === "=" && operand === "") equal = (cell) => cell === null;
    return operator === "=" ? equal : (cell) => !equal(cell);
  }
  const order = (d: number) =>
    operator === "<" ? d < 0 : operator === ">" ? d > 0 : operator === "<=" ? d <= 0 : d >= 0;
  if (typeof number === "number") return (cell) => typeof cell === "number" && order(cell - number);
  return (cell) => {
    if (typeof cell !== "string") return false;
    const d = compareScalars(cell, operand);
    return typeof d === "number" && order(d);
  };
}

/** Excel's wildcards: * any run, ? one character, ~ escapes; the rest literal, ignoring case. */
function wildcard(text: string): RegExp {
  let source = "";
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "~" && i + 1 < text.length) source += escapeRegExp(text[++i]);
    else if (ch === "*") source += "[\\s\\S]*";
    else if (ch === "?") source += "[\\s\\S]";
    else source += escapeRegExp(ch);
  }
  return new RegExp(`^${source}$`, "i");
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The cells where every (range, criterion) pair matches, as positions in the first range. */
function matching(
  args: (FormulaNode | null)[],
  context: FunctionContext,
  from: number,
): number[] | FormulaError {
  if (args.length < from + 2 || (args.length - from) % 2 !== 0) return ERRORS["#VALUE!"];
  let grid: Matrix | undefined;
  const tests: { cells: Scalar[]; test: (cell: Scalar) => boolean }[] = [];
  for (let i = from; i < args.length; i += 2) {
    const g = context.grid(context.evaluate(args[i]));
    if (grid && (g.length !== grid.length || g[0].length !== grid[0].length)) return ERRORS["#VALUE!"];
    grid = g;
    const wanted = context.scalar(context.evaluate(args[i + 1]));
    tests.push({ cells: flat(g), test: criterion(wanted) });
  }
  const positions: number[] = [];
  const size = tests[0].cells.length;
  for (let k = 0; k < size; k++) if (tests.every(({ cells, test }) => test(cells[k]))) positions.push(k);
  return positions;
}

function averageOf(numbers: number[]): Scalar {
  return numbers.length === 0 ? ERRORS["#DIV/0!"] : numbers.reduce((s, n) => s + n, 0) / numbers.length;
}

/** The range summed or averaged by SUMIF(S)/AVERAGEIF(S): numbers at the matching positions. */
function picked(values: Matrix, positions: number[]): Scalar[] {
  const cells = flat(values);
  return positions.map((k) => cells[k]);
}

function sizeOf(context: FunctionContext, v: Value): { rows: number; columns: number } {
  if (v instanceof Reference)
    return { rows: v.rect.bottom - v.rect.top + 1, columns: v.rect.right - v.rect.left + 1 };
  const g = context.grid(v);
  return { rows: g.length, columns: g[0]?.length ?? 0 };
}

/** Where each value first appears in a lookup range, by type and (for text) ignoring case. */
const lookupIndexes = new WeakMap<Matrix, Map<string, number>>();

function lookupKey(v: Scalar): string | undefined {
  if (typeof v === "number") return `n${v}`;
  if (typeof v === "string") return `s${v.toLowerCase()}`;
  if (typeof v === "boolean") return `b${v}`;
  return undefined;
}

/** An exact MATCH without wildcards, through an index of the range built once per calculation. */
function indexedMatch(wanted: Scalar, grid: Matrix): Scalar {
  let index = lookupIndexes.get(grid);
  if (!index) {
    index = new Map();
    const cells = flat(grid);
    for (let i = cells.length - 1; i >= 0; i--) {
      const key = lookupKey(cells[i]);
      if (key !== undefined) index.set(key, i + 1);
    }
    lookupIndexes.set(grid, index);
  }
  const key = lookupKey(wanted ?? 0);
  return (key === undefined ? undefined : index.get(key)) ?? ERRORS["#N/A"];
}

function matchPosition(wanted: Scalar, cells: Scalar[], type: number): Scalar {
  if (isError(wanted)) return wanted;
  if (type === 0) {
    const pattern = typeof wanted === "string" && /[*?~]/.test(wanted) ? wildcard(wanted) : undefined;
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i];
      if (cell === null || isError(cell) || typeof cell !== typeof (wanted ?? 0)) continue;
      if (pattern ? pattern.test(cell as string) : compareScalars(cell, wanted ?? 0) === 0) return i + 1;
    }
    return ERRORS["#N/A"];
  }
  // Sorted lookups: the last position not past the value (ascending, 1) or not below it (descending, -1).
  let found = 0;
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    if (cell === null || isError(cell) || typeof cell !== typeof (wanted ?? 0)) continue;
    const d = compareScalars(cell, wanted ?? 0) as number;
    if (type > 0 ? d <= 0 : d >= 0) found = i + 1;
    else break;
  }
  return found === 0 ? ERRORS["#N/A"] : found;
}

const OWN: Record<string, FormulaFunction> = {
  IF: (args, context) => {
    if (args.length < 1 || args.length > 3) return ERRORS["#VALUE!"];
    const condition = context.evaluate(args[0]);
    const branch = (chosen: boolean): Value => {
      if (chosen) return args.length > 1 ? (context.evaluate(args[1]) ?? 0) : true;
      return args.length > 2 ? (context.evaluate(args[2]) ?? 0) : false;
    };
    if (!isArrayValue(condition)) {
      const t = toLogical(context.scalar(condition));
      return isError(t) ? t : branch(t);
    }
    const whenTrue = context.grid(branch(true));
    const whenFalse = context.grid(branch(false));
    return context.grid(condition).map((row, r) =>
      row.map((c, k) => {
        const t = toLogical(c);
        if (isError(t)) return t;
        return (t ? at(whenTrue, r, k) : at(whenFalse, r, k)) ?? null;
      }),
    );
  },
  IFS: (args, context) => {
    for (let i = 0; i + 1 < args.length; i += 2) {
      const t = toLogical(context.scalar(context.evaluate(args[i])));
      if (isError(t)) return t;
      if (t) return context.evaluate(args[i + 1]) ?? 0;
    }
    return ERRORS["#N/A"];
  },
  IFERROR: (args, context) => replaceErrors(args, context, () => true),
  IFNA: (args, context) => replaceErrors(args, context, (e) => e.code === "#N/A"),
  AND: (args, context) => logicalOf(logicalArguments(args, context), (l) => l.every(Boolean)),
  OR: (args, context) => logicalOf(logicalArguments(args, context), (l) => l.some(Boolean)),
  XOR: (args, context) =>
    logicalOf(logicalArguments(args, context), (l) => l.filter(Boolean).length % 2 === 1),
  NOT: lifted(([v]) => {
    const t = toLogical(v);
    return isError(t) ? t : !t;
  }),
  TRUE: () => true,
  FALSE: () => false,
  NA: () => ERRORS["#N/A"],
  /** Excel truncates the count, refuses a negative one and a result longer than a cell holds. */
  REPT: lifted(([text, times]) => {
    if (isError(text)) return text;
    const n = toNumber(times);
    if (isError(n)) return n;
    const count = Math.trunc(n);
    const unit = typeof text === "boolean" ? (text ? "TRUE" : "FALSE") : String(text ?? "");
    if (count < 0 || unit.length * count > 32_767) return ERRORS["#VALUE!"];
    return unit.repeat(count);
  }),
  ISNUMBER: lifted(([v]) => typeof v === "number"),
  ISTEXT: lifted(([v]) => typeof v === "string"),
  ISNONTEXT: lifted(([v]) => typeof v !== "string"),
  ISLOGICAL: lifted(([v]) => typeof v === "boolean"),
  ISBLANK: lifted(([v]) => v === null),
  ISERROR: lifted(([v]) => isError(v)),
  ISERR: lifted(([v]) => isError(v) && v.code !== "#N/A"),
  ISNA: lifted(([v]) => isError(v) && v.code === "#N/A"),
  INDEX: (args, context) => {
    if (args.length < 2 || args.length > 3) return ERRORS["#VALUE!"];
    const source = context.evaluate(args[0]);
    const { rows, columns } = sizeOf(context, source);
    const rowArg = toNumber(context.scalar(context.evaluate(args[1])));
    const columnArg = args.length > 2 ? toNumber(context.scalar(context.evaluate(args[2]))) : undefined;
    if (isError(rowArg)) return rowArg;
    if (isError(columnArg)) return columnArg;
    let row = Math.trunc(rowArg);
    let column = columnArg === undefined ? (columns === 1 ? 1 : 0) : Math.trunc(columnArg);
    // INDEX(one row, n) picks the n-th column.
    if (columnArg === undefined && rows === 1 && columns > 1) {
      column = row;
      row = 1;
    }
    if (row < 0 || column < 0 || row > rows || column > columns) return ERRORS["#REF!"];
    if (source instanceof Reference) {
      const { top, left, bottom, right } = source.rect;
      return new Reference(source.sheet, {
        top: row === 0 ? top : top + row - 1,
        bottom: row === 0 ? bottom : top + row - 1,
        left: column === 0 ? left : left + column - 1,
        right: column === 0 ? right : left + column - 1,
      });
    }
    const grid = context.grid(source);
    const pickedRows = row === 0 ? grid : [grid[row - 1]];
    return pickedRows.map((r) => (column === 0 ? r : [r[column - 1]]));
  },
  MATCH: (args, context) => {
    if (args.length < 2 || args.length > 3) return ERRORS["#VALUE!"];
    const wanted = context.scalar(context.evaluate(args[0]));
    const grid = context.grid(context.evaluate(args[1]));
    if (grid.length > 1 && grid[0].length > 1) return ERRORS["#N/A"];
    const type = args.length > 2 ? toNumber(context.scalar(context.evaluate(args[2]))) : 1;
    if (isError(type)) return type;
    if (Math.sign(type) === 0 && !(typeof wanted === "string" && /[*?~]/.test(wanted)) && !isError(wanted))
      return indexedMatch(wanted, grid);
    return matchPosition(wanted, flat(grid), Math.sign(type));
  },
  ROWS: (args, context) => sizeOf(context, context.evaluate(args[0])).rows,
  COLUMNS: (args, context) => sizeOf(context, context.evaluate(args[0])).columns,
  ROW: (args, context) => {
    const v = args.length === 0 ? undefined : context.evaluate(args[0]);
    return v === undefined ? context.row : v instanceof Reference ? v.rect.top : ERRORS["#VALUE!"];
  },
  COLUMN: (args, context) => {
    const v = args.length === 0 ? undefined : context.evaluate(args[0]);
    return v === undefined
      ? context.column + 1
      : v instanceof Reference
        ? v.rect.left + 1
        : ERRORS["#VALUE!"];
  },
  SUMPRODUCT: (args, context) => {
    const grids = args.map((a) => context.grid(context.evaluate(a)));
    if (grids.length === 0) return ERRORS["#VALUE!"];
    const rows = grids[0].length;
    const columns = grids[0][0]?.length ?? 0;
    if (grids.some((g) => g.length !== rows || (g[0]?.length ?? 0) !== columns)) return ERRORS["#VALUE!"];
    let sum = 0;
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < columns; c++) {
        let product = 1;
        for (const g of grids) {
          const v = g[r][c];
          if (isError(v)) return v;
          product *= typeof v === "number" ? v : 0;
        }
        sum += product;
      }
    }
    return sum;
  },
  COUNT: (args, context) =>
    args.reduce((n, a) => {
      const v = context.evaluate(a);
      if (v instanceof Reference || Array.isArray(v))
        return n + flat(context.grid(v)).filter((x) => typeof x === "number").length;
      const s = context.scalar(v);
      return (
        n +
        (typeof s === "number" || typeof s === "boolean" || (typeof s === "string" && !isError(toNumber(s)))
          ? 1
          : 0)
      );
    }, 0),
  COUNTA: (args, context) =>
    args.reduce((n, a) => n + flat(context.grid(context.evaluate(a))).filter((x) => x !== null).length, 0),
  COUNTBLANK: (args, context) =>
    flat(context.grid(context.evaluate(args[0]))).filter((x) => x === null || x === "").length,
  COUNTIF: (args, context) => countMatching(args, context, 2),
  COUNTIFS: (args, context) => countMatching(args, context),
  SUMIF: (args, context) => {
    const positions = matching(args.slice(0, 2), context, 0);
    if (isError(positions)) return positions;
    const values = context.grid(context.evaluate(args[2] ?? args[0]));
    return picked(values, positions).reduce<number>((s, v) => s + (typeof v === "number" ? v : 0), 0);
  },
  SUMIFS: (args, context) => {
    const positions = matching(args, context, 1);
    if (isError(positions)) return positions;
    return picked(context.grid(context.evaluate(args[0])), positions).reduce<number>(
      (s, v) => s + (typeof v === "number" ? v : 0),
      0,
    );
  },
  AVERAGEIF: (args, context) => {
    const positions = matching(args.slice(0, 2), context, 0);
    if (isError(positions)) return positions;
    const values = context.grid(context.evaluate(args[2] ?? args[0]));
    return averageOf(picked(values, positions).filter((v): v is number => typeof v === "number"));
  },
  AVERAGEIFS: (args, context) => {
    const positions = matching(args, context, 1);
    if (isError(positions)) return positions;
    const values = picked(context.grid(context.evaluate(args[0])), positions);
    return averageOf(values.filter((v): v is number => typeof v === "number"));
  },
};

function countMatching(args: (FormulaNode | null)[], context: FunctionContext, exactly?: number): Scalar {
  if (exactly !== undefined && args.length !== exactly) return ERRORS["#VALUE!"];
  const positions = matching(args, context, 0);
  return isError(positions) ? positions : positions.length;
}

function replaceErrors(
  args: (FormulaNode | null)[],
  context: FunctionContext,
  replaced: (error: FormulaError) => boolean,
): Value {
  if (args.length !== 2) return ERRORS["#VALUE!"];
  const value = context.evaluate(args[0]);
  if (value instanceof Reference || Array.isArray(value)) {
    const grid = context.grid(value);
    if (!grid.flat().some((v) => isError(v) && replaced(v))) return value;
    const fallback = context.grid(context.evaluate(args[1]));
    return grid.map((row, r) =>
      row.map((v, c) => (isError(v) && replaced(v) ? (at(fallback, r, c) ?? null) : v)),
    );
  }
  return isError(value) && replaced(value) ? (context.evaluate(args[1]) ?? 0) : value;
}

/** formulajs functions that take single values: given arrays, Excel applies them to each element. */
const SCALAR = new Set(
  (
    "ABS ACOS ASIN ATAN ATAN2 CEILING CHAR CLEAN CODE COS DATE DAY DEGREES EVEN EXACT EXP FACT FIND FLOOR HOUR " +
    "INT LEFT LEN LN LOG LOG10 LOWER MID MINUTE MOD MONTH N ODD POWER PROPER RADIANS REPLACE REPT RIGHT ROUND " +
    "ROUNDDOWN ROUNDUP SEARCH SECOND SIGN SIN SQRT SUBSTITUTE T TAN TEXT TRIM TRUNC UPPER VALUE WEEKDAY YEAR"
  ).split(" "),
);

/** formulajs's own error objects, which it compares by identity. */
const LIBRARY_ERRORS = formulajs.utils.errors as Readonly<Record<string, Error>>;
const LIBRARY_ERROR_BY_CODE = new Map<string, Error>(
  Object.values(LIBRARY_ERRORS).map((e) => [e.message, e]),
);

type LibraryArgument = Scalar | Error | LibraryArgument[];

function toLibrary(v: Scalar): LibraryArgument {
  return isError(v) ? (LIBRARY_ERROR_BY_CODE.get(v.code) ?? LIBRARY_ERRORS.value) : v;
}

/** Days since 30 December 1899, Excel's serial dates, from a Date formulajs returns in local time. */
function serial(date: Date): number {
  return (
    (Date.UTC(
      date.getFullYear(),
      date.getMonth(),
      date.getDate(),
      date.getHours(),
      date.getMinutes(),
      date.getSeconds(),
    ) -
      Date.UTC(1899, 11, 30)) /
    86_400_000
  );
}

function fromLibrary(result: unknown): Value {
  if (result instanceof Error) return errorOf(result.message);
  if (result instanceof Date) return serial(result);
  if (typeof result === "number") return Number.isFinite(result) ? result : ERRORS["#NUM!"];
  if (typeof result === "string" || typeof result === "boolean") return result;
  if (result === null || result === undefined) return null;
  if (Array.isArray(result)) {
    const rows =
      result.length > 0 && Array.isArray(result[0]) ? (result as unknown[][]) : [result as unknown[]];
    return rows.map((row) => row.map((v) => fromLibrary(v) as Scalar));
  }
  return ERRORS["#VALUE!"];
}

type LibraryFunction = (...args: LibraryArgument[]) => unknown;

function library(name: string): FormulaFunction | undefined {
  const table = formulajs as unknown as Record<string, unknown>;
  const found = table[name] ?? table[name.replace(/\./g, "")];
  if (typeof found !== "function") return undefined;
  const f = found as LibraryFunction;
  if (SCALAR.has(name))
    return lifted((values) => {
      try {
        return fromLibrary(f(...values.map(toLibrary))) as Scalar;
      } catch {
        return ERRORS["#VALUE!"];
      }
    });
  return (args, context) => {
    const values = args.map((a): LibraryArgument => {
      const v = context.evaluate(a);
      return v instanceof Reference || Array.isArray(v)
        ? context.grid(v).map((row) => row.map(toLibrary))
        : toLibrary(v);
    });
    try {
      return fromLibrary(f(...values));
    } catch {
      return ERRORS["#VALUE!"];
    }
  };
}

const cache = new Map<string, FormulaFunction | undefined>();

/** The function of that name (upper case), or undefined: the cell shows #NAME?, as in Excel. */
export function worksheetFunction(name: string): FormulaFunction | undefined {
  if (!cache.has(name)) cache.set(name, OWN[name] ?? library(name));
  return cache.get(name);
}
