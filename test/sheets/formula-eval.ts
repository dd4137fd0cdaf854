/**
 * A small evaluator for the formulas the add-in writes (the portable subset: IF, IFERROR, ISNUMBER, SUMPRODUCT,
 * INDEX, MATCH, COUNT, COUNTIF(S), AVERAGE, AVERAGEIF, REPT, AND, OR, arithmetic, comparison, &, {1,2} array constants),
 * following Excel's rules
 * for blanks, text and errors. Tests use it to prove a live formula computes the value the core put beside it.
 */
import type { Cell } from "../../src/core/types";
import type { SheetSpec, SpecCell } from "../../src/sheets/spec";

class FormulaError {
  constructor(readonly code: string) {}
}
type Scalar = number | string | boolean | null | FormulaError;
type Value = Scalar | Scalar[][];

export class Workbook {
  private readonly sheets = new Map<string, SpecCell[][]>();
  private readonly cache = new Map<string, Scalar>();

  constructor(specs: { name: string; cells: SpecCell[][] }[]) {
    for (const s of specs) this.sheets.set(s.name.toLowerCase(), s.cells);
  }

  static of(specs: SheetSpec[]): Workbook {
    return new Workbook(specs);
  }

  /** The value a cell shows, by sheet name and 0-based row and column; errors read as "#CODE". */
  value(sheet: string, row: number, column: number): Cell {
    const v = this.cell(sheet.toLowerCase(), row, column);
    return v instanceof FormulaError ? v.code : v;
  }

  private cell(sheet: string, row: number, column: number): Scalar {
    const cells = this.sheets.get(sheet);
    if (!cells) return new FormulaError("#REF!");
    const raw = cells[row]?.[column];
    if (raw === undefined || raw === null) return null;
    if (typeof raw !== "object") return raw;
    const key = `${sheet}!${row}!${column}`;
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    const result = toScalar(new Parser(raw.f.replace(/^=/, ""), this, sheet).parse());
    this.cache.set(key, result);
    return result;
  }

  range(sheet: string, top: number, left: number, bottom: number, right: number): Scalar[][] {
    const cells = this.sheets.get(sheet);
    const last = bottom < 0 ? Math.max(0, (cells?.length ?? 1) - 1) : bottom;
    const out: Scalar[][] = [];
    for (let r = top; r <= last; r++) {
      const row: Scalar[] = [];
      for (let c = left; c <= right; c++) row.push(this.cell(sheet, r, c));
      out.push(row);
    }
    return out;
  }
}

function toScalar(v: Value): Scalar {
  return Array.isArray(v) ? (v[0]?.[0] ?? null) : v;
}

const TOKEN =
  /\s*(?:(?<num>\d+(?:\.\d+)?(?:E[+-]?\d+)?)|(?<str>"(?:[^"]|"")*")|(?<arr>\{[^}]*\})|(?<ref>(?:(?:'(?:[^']|'')+'|[A-Za-z_][A-Za-z0-9_]*)!)?(?:\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?|\$?[A-Z]+:\$?[A-Z]+))|(?<fn>[A-Z][A-Z0-9.]*)\(|(?<op><=|>=|<>|[-+*/&=<>(),]))/y;

class Parser {
  private readonly tokens: { kind: string; text: string }[] = [];
  private at = 0;

  constructor(
    text: string,
    private readonly book: Workbook,
    private readonly sheet: string,
  ) {
    TOKEN.lastIndex = 0;
    while (TOKEN.lastIndex < text.length) {
      const m = TOKEN.exec(text);
      if (!m || !m.groups) throw new Error(`Cannot read formula at "${text.slice(TOKEN.lastIndex)}"`);
      const [kind, value] = Object.entries(m.groups).find(([, v]) => v !== undefined) as [string, string];
      this.tokens.push({ kind, text: value });
    }
  }

  parse(): Value {
    const v = this.comparison();
    if (this.at < this.tokens.length) throw new Error(`Unexpected ${this.tokens[this.at].text}`);
    return v;
  }

  private peek(): string | undefined {
    const t = this.tokens[this.at];
    return t?.kind === "op" ? t.text : undefined;
  }

  private comparison(): Value {
    let left = this.concat();
    for (let op = this.peek(); op && ["=", "<>", "<", ">", "<=", ">="].includes(op); op = this.peek()) {
      this.at++;
      left = elementwise(left, this.concat(), (a, b) => compare(op as string, a, b));
    }
    return left;
  }

  private concat(): Value {
    let left = this.additive();
    while (this.peek() === "&") {
      this.at++;
      left = elementwise(left, this.additive(), (a, b) => text(a) + text(b));
    }
    return left;
  }

  private additive(): Value {
    let left = this.multiplicative();
    for (let op = this.peek(); op === "+" || op === "-"; op = this.peek()) {
      this.at++;
      const sign = op;
      left = elementwise(left, this.multiplicative(), (a, b) =>
        arith(a, b, (x, y) => (sign === "+" ? x + y : x - y)),
      );
    }
    return left;
  }

  private multiplicative(): Value {
    let left = this.unary();
    for (let op = this.peek(); op === "*" || op === "/"; op = this.peek()) {
      this.at++;
      const times = op === "*";
      left = elementwise(left, this.unary(), (a, b) =>
        arith(a, b, (x, y) => (times ? x * y : y === 0 ? new FormulaError("#DIV/0!") : x / y)),
      );
    }
    return left;
  }

  private unary(): Value {
    if (this.peek() === "-") {
      this.at++;
      return elementwise(this.unary(), 0, (a) => arith(a, 0, (x) => -x));
    }
    return this.primary();
  }

  private primary(): Value {
    const t = this.tokens[this.at++];
    if (!t) throw new Error("Formula ends too soon");
    if (t.kind === "num") return Number(t.text);
    if (t.kind === "str") return t.text.slice(1, -1).replace(/""/g, '"');
    if (t.kind === "ref") return this.reference(t.text);
    if (t.kind === "arr") return [t.text.slice(1, -1).split(",").map(Number)];
    if (t.kind === "op" && t.text === "(") {
      const v = this.comparison();
      this.expect(")");
      return v;
    }
    if (t.kind === "fn") return this.call(t.text);
    throw new Error(`Unexpected ${t.text}`);
  }

  private expect(op: string): void {
    if (this.peek() !== op) throw new Error(`Expected ${op}`);
    this.at++;
  }

  /** Arguments are parsed lazily so IF and IFERROR evaluate only what Excel evaluates. */
  private args(): (() => Value)[] {
    const thunks: (() => Value)[] = [];
    if (this.peek() === ")") {
      this.at++;
      return thunks;
    }
    for (;;) {
      const start = this.at;
      this.skipArgument();
      const end = this.at;
      thunks.push(() => {
        const saved = this.at;
        this.at = start;
        const v = this.comparison();
        if (this.at !== end) throw new Error("Argument misparsed");
        this.at = saved;
        return v;
      });
      const op = this.tokens[this.at++]?.text;
      if (op === ")") return thunks;
      if (op !== ",") throw new Error("Expected , or )");
    }
  }

  private skipArgument(): void {
    let depth = 0;
    for (; this.at < this.tokens.length; this.at++) {
      const t = this.tokens[this.at];
      if (t.kind === "fn" || (t.kind === "op" && t.text === "(")) depth++;
      else if (t.kind === "op" && t.text === ")") {
        if (depth === 0) return;
        depth--;
      } else if (t.kind === "op" && t.text === "," && depth === 0) return;
    }
  }

  private call(name: string): Value {
    const a = this.args();
    const fn = FUNCTIONS[name];
    if (!fn) throw new Error(`Function ${name} is not in the portable subset`);
    return fn(a);
  }

  private reference(textRef: string): Value {
    const bang = textRef.lastIndexOf("!");
    const sheet =
      bang < 0 ? this.sheet : textRef.slice(0, bang).replace(/^'|'$/g, "").replace(/''/g, "'").toLowerCase();
    const body = textRef.slice(bang + 1).replace(/\$/g, "");
    const [a, b = a] = body.split(":");
    const pa = parseRef(a);
    const pb = parseRef(b);
    return this.book.range(sheet, Math.max(pa.row, 0), pa.column, pb.row, pb.column);
  }
}

function parseRef(ref: string): { row: number; column: number } {
  const m = /^([A-Z]+)(\d*)$/.exec(ref);
  if (!m) throw new Error(`Bad reference ${ref}`);
  const column = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return { row: m[2] === "" ? -1 : Number(m[2]) - 1, column };
}

function elementwise(a: Value, b: Value, f: (x: Scalar, y: Scalar) => Scalar): Value {
  if (!Array.isArray(a) && !Array.isArray(b)) return f(a, b);
  const rows = Math.max(Array.isArray(a) ? a.length : 1, Array.isArray(b) ? b.length : 1);
  const cols = Math.max(
    Array.isArray(a) ? (a[0]?.length ?? 0) : 1,
    Array.isArray(b) ? (b[0]?.length ?? 0) : 1,
  );
  // A blank element is null; only a position outside a smaller array is #N/A, as in Excel.
  const get = (v: Value, r: number, c: number): Scalar => {
    if (!Array.isArray(v)) return v;
    const row = v[v.length === 1 ? 0 : r];
    const at = v[0].length === 1 ? 0 : c;
    return row === undefined || at >= row.length ? new FormulaError("#N/A") : row[at];
  };
  return Array.from({ length: rows }, (_, r) =>
    Array.from({ length: cols }, (_, c) => f(get(a, r, c), get(b, r, c))),
  );
}

function num(v: Scalar): number | FormulaError {
  if (v instanceof FormulaError) return v;
  if (v === null) return 0;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v === "number") return v;
  const n = Number(v);
  return v.trim() !== "" && Number.isFinite(n) ? n : new FormulaError("#VALUE!");
}

function arith(a: Scalar, b: Scalar, f: (x: number, y: number) => number | FormulaError): Scalar {
  const x = num(a);
  const y = num(b);
  if (x instanceof FormulaError) return x;
  if (y instanceof FormulaError) return y;
  return f(x, y);
}

function text(v: Scalar): string {
  if (v === null) return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return String(v);
}

/** Excel orders numbers < text < booleans; a blank is 0 against a number and "" against text. */
function compare(op: string, a: Scalar, b: Scalar): Scalar {
  if (a instanceof FormulaError) return a;
  if (b instanceof FormulaError) return b;
  const rank = (v: Scalar): number => (typeof v === "number" ? 0 : typeof v === "string" ? 1 : 2);
  let x: Scalar = a;
  let y: Scalar = b;
  if (x === null) x = typeof y === "string" ? "" : typeof y === "boolean" ? false : 0;
  if (y === null) y = typeof x === "string" ? "" : typeof x === "boolean" ? false : 0;
  let d: number;
  if (rank(x) !== rank(y)) d = rank(x) - rank(y);
  else if (typeof x === "string") d = x.toLowerCase().localeCompare((y as string).toLowerCase());
  else d = Number(x) - Number(y);
  return { "=": d === 0, "<>": d !== 0, "<": d < 0, ">": d > 0, "<=": d <= 0, ">=": d >= 0 }[op] as boolean;
}

function flat(v: Value): Scalar[] {
  return Array.isArray(v) ? v.flat() : [v];
}

function firstError(values: Scalar[]): FormulaError | undefined {
  return values.find((v): v is FormulaError => v instanceof FormulaError);
}

const truthy = (v: Scalar): boolean | FormulaError => {
  const n = num(v);
  return n instanceof FormulaError ? n : n !== 0;
};

const FUNCTIONS: Record<string, (args: (() => Value)[]) => Value> = {
  IF: ([c, a, b]) => {
    const cond = truthy(toScalar(c()));
    if (cond instanceof FormulaError) return cond;
    return cond ? a() : b ? b() : false;
  },
  IFERROR: ([x, y]) => {
    const v = x();
    return toScalar(v) instanceof FormulaError && !Array.isArray(v) ? y() : v;
  },
  ISNUMBER: ([x]) => elementwise(x(), 0, (v) => typeof v === "number"),
  AND: (args) => args.every((a) => truthy(toScalar(a())) === true),
  OR: (args) => args.some((a) => truthy(toScalar(a())) === true),
  SUMPRODUCT: (args) => {
    const arrays = args.map((a) => flat(a()));
    const error = firstError(arrays.flat());
    if (error) return error;
    let sum = 0;
    for (let i = 0; i < arrays[0].length; i++) {
      let product = 1;
      for (const arr of arrays) {
        const v = arr[i];
        product *= typeof v === "number" ? v : 0;
      }
      sum += product;
    }
    return sum;
  },
  INDEX: ([range, rowArg, colArg]) => {
    const r = range();
    const grid = Array.isArray(r) ? r : [[r]];
    const row = num(toScalar(rowArg()));
    const col = colArg ? num(toScalar(colArg())) : grid[0].length === 1 ? 1 : 0;
    if (row instanceof FormulaError) return row;
    if (col instanceof FormulaError) return col;
    if (row < 1 || row > grid.length) return new FormulaError("#REF!");
    if (col === 0) return [grid[row - 1]];
    return grid[row - 1][col - 1] ?? null;
  },
  MATCH: ([lookup, range]) => {
    const wanted = toScalar(lookup());
    if (wanted instanceof FormulaError) return wanted;
    const i = flat(range()).findIndex(
      (v) => v !== null && compare("=", v, wanted) === true && typeof v === typeof wanted,
    );
    return i < 0 ? new FormulaError("#N/A") : i + 1;
  },
  COUNT: (args) => args.flatMap((a) => flat(a())).filter((v) => typeof v === "number").length,
  AVERAGE: (args) => {
    const values = args.flatMap((a) => flat(a()));
    const error = firstError(values);
    if (error) return error;
    const numbers = values.filter((v): v is number => typeof v === "number");
    return numbers.length === 0
      ? new FormulaError("#DIV/0!")
      : numbers.reduce((s, v) => s + v, 0) / numbers.length;
  },
  AVERAGEIF: ([range, criterion, averaged]) => {
    const keys = flat(range());
    const wanted = toScalar(criterion());
    const values = flat(averaged());
    const numbers = keys
      .map((k, i) => (k !== null && compare("=", k, wanted) === true ? values[i] : null))
      .filter((v): v is number => typeof v === "number");
    return numbers.length === 0
      ? new FormulaError("#DIV/0!")
      : numbers.reduce((s, v) => s + v, 0) / numbers.length;
  },
  COUNTIF: ([range, criterion]) => countIfs([range, criterion]),
  REPT: ([text, times]) => {
    const t = toScalar(text());
    const n = num(toScalar(times()));
    if (t instanceof FormulaError) return t;
    if (n instanceof FormulaError) return n;
    return n < 0 ? new FormulaError("#VALUE!") : String(t ?? "").repeat(Math.trunc(n));
  },
  COUNTIFS: (args) => countIfs(args),
};

function countIfs(args: (() => Value)[]): number {
  const pairs: [Scalar[], Scalar][] = [];
  for (let i = 0; i < args.length; i += 2) pairs.push([flat(args[i]()), toScalar(args[i + 1]())]);
  let count = 0;
  for (let i = 0; i < pairs[0][0].length; i++)
    if (pairs.every(([keys, wanted]) => keys[i] !== null && compare("=", keys[i], wanted) === true)) count++;
  return count;
}
