/**
 * The memory workbook calculates as Excel does: a formula cell shows the value of its formula over the cells it
 * refers to, on any sheet, whatever was written since. Values are worked out when read, each cell once per state of
 * the workbook, following references (so in dependency order); the workbook starts a new Calculation after every
 * change. A formula that refers back to itself shows #REF! (as Google Sheets shows a circular dependency) instead
 * of looping; one that cannot be read shows #NAME?, or #REF! when it holds a deleted sheet's #REF!.
 *
 * Arrays follow Excel 365: an operator or scalar function applied to a range works on each cell, and a cell whose
 * formula gives an array shows its first element. Whole columns and rows are read as far as the workbook has cells.
 */
import type { Cell } from "../../core/types";
import { MAX_COLUMNS, MAX_ROWS, parseAddress } from "./address";
import { relativeFormula } from "../../sheets/formula-shift";
import { findSheet } from "./document";
import { at, type FunctionContext, isArrayValue, worksheetFunction } from "./formula-functions";
import { type FormulaNode, parseFormula } from "./formula-parse";
import {
  compareScalars,
  ERRORS,
  errorOf,
  type FormulaError,
  isError,
  type Matrix,
  Reference,
  type Scalar,
  toNumber,
  toText,
  type Value,
} from "./formula-values";
import { cellAt, type MemCell, type MemSheet, type MemState } from "./state";

/**
 * Parsed formulas by their R1C1 form, kept across calculations: a relative formula filled down a column is read
 * once, at the cell it was first met (its anchor), and moved to each cell that holds it.
 */
export class FormulaTrees {
  readonly byForm = new Map<string, FormulaTree>();
  /** Each cell's tree while its formula stays the same, so the R1C1 form is worked out once. */
  readonly byCell = new WeakMap<MemCell, { formula: string; entry: FormulaTree }>();
}

interface FormulaTree {
  tree: FormulaNode | FormulaError;
  row: number;
  column: number;
}

interface Position {
  sheet: MemSheet;
  row: number;
  column: number;
  /** How far this cell is from the anchor of its formula's tree. */
  down: number;
  right: number;
}

export class Calculation {
  private readonly results = new Map<MemCell, Scalar>();
  private readonly pending = new Set<MemCell>();
  private readonly grids = new Map<string, Matrix>();
  private readonly sheets = new Map<string, MemSheet | undefined>();
  private extent?: { rows: number; columns: number };

  constructor(
    readonly state: MemState,
    private readonly trees = new FormulaTrees(),
  ) {}

  /** What a formula cell shows, as Range.values reports it: errors as "#N/A" and the like, a blank as 0. */
  shown(sheet: MemSheet, row: number, column: number): Cell {
    const v = this.cellValue(sheet, row, column);
    if (isError(v)) return v.code;
    return v ?? 0;
  }

  /** The value of a cell (1-based row, 0-based column): its constant, or its formula's result. */
  cellValue(sheet: MemSheet, row: number, column: number): Scalar {
    const cell = cellAt(sheet, row, column);
    if (!cell) return null;
    if (cell.formula === undefined) return cell.value;
    const known = this.results.get(cell);
    if (known !== undefined) return known;
    if (this.pending.has(cell)) return ERRORS["#REF!"];
    this.pending.add(cell);
    let result: Scalar;
    try {
      const { tree, row: anchorRow, column: anchorColumn } = this.tree(cell, cell.formula, row, column);
      const at = { sheet, row, column, down: row - anchorRow, right: column - anchorColumn };
      result = isError(tree) ? tree : this.scalar(this.evaluate(tree, at));
      // A formula that gives a blank cell's value shows 0; "" stays "".
      if (result === null) result = 0;
    } finally {
      this.pending.delete(cell);
    }
    this.results.set(cell, result);
    return result;
  }

  private tree(cell: MemCell, formula: string, row: number, column: number): FormulaTree {
    const known = this.trees.byCell.get(cell);
    if (known?.formula === formula) return known.entry;
    const key = relativeFormula(formula, row - 1, column);
    let entry = this.trees.byForm.get(key);
    if (entry === undefined) {
      let tree: FormulaNode | FormulaError;
      try {
        tree = parseFormula(formula);
      } catch {
        tree = /#REF!/i.test(formula) ? ERRORS["#REF!"] : ERRORS["#NAME?"];
      }
      entry = { tree, row, column };
      this.trees.byForm.set(key, entry);
    }
    this.trees.byCell.set(cell, { formula, entry });
    return entry;
  }

  private evaluate(node: FormulaNode | null, at: Position): Value {
    if (node === null) return null;
    switch (node.kind) {
      case "number":
      case "text":
      case "logical":
        return node.value;
      case "error":
        return errorOf(node.code);
      case "reference":
        return this.reference(node, at);
      case "array":
        return node.rows.map((row) => row.map((element) => this.scalar(this.evaluate(element, at))));
      case "prefix":
        return this.lift([this.evaluate(node.operand, at)], ([v]) => {
          const n = toNumber(v);
          return isError(n) || node.operator === "+" ? n : -n;
        });
      case "percent":
        return this.lift([this.evaluate(node.operand, at)], ([v]) => {
          const n = toNumber(v);
          return isError(n) ? n : n / 100;
        });
      case "infix":
        if (node.operator === " ")
          return this.intersect(this.evaluate(node.left, at), this.evaluate(node.right, at));
        return this.lift([this.evaluate(node.left, at), this.evaluate(node.right, at)], ([a, b]) =>
          operate(node.operator, a, b),
        );
      case "call": {
        const f = worksheetFunction(node.name);
        if (!f) return ERRORS["#NAME?"];
        return f(node.args, this.context(at));
      }
    }
  }

  private context(at: Position): FunctionContext {
    return {
      evaluate: (node) => this.evaluate(node, at),
      grid: (value) => this.grid(value),
      scalar: (value) => this.scalar(value),
      row: at.row,
      column: at.column,
    };
  }

  private reference(node: Extract<FormulaNode, { kind: "reference" }>, at: Position): Value {
    const sheet = node.sheet === undefined ? at.sheet : this.sheetNamed(node.sheet);
    if (!sheet) return ERRORS["#REF!"];
    if (node.rect && node.fixed) {
      const { rect, fixed } = node;
      const moved = {
        top: fixed.top ? rect.top : rect.top + at.down,
        bottom: fixed.bottom ? rect.bottom : rect.bottom + at.down,
        left: fixed.left ? rect.left : rect.left + at.right,
        right: fixed.right ? rect.right : rect.right + at.right,
      };
      if (moved.top < 1 || moved.bottom > MAX_ROWS || moved.left < 0 || moved.right >= MAX_COLUMNS)
        return ERRORS["#REF!"];
      return new Reference(sheet, moved);
    }
    return node.sheet === undefined ? this.definedName(node.text) : ERRORS["#NAME?"];
  }

  private sheetNamed(name: string): MemSheet | undefined {
    if (!this.sheets.has(name)) this.sheets.set(name, findSheet(this.state, name));
    return this.sheets.get(name);
  }

  private definedName(text: string): Value {
    const name = this.state.names.find((n) => n.name.toLowerCase() === text.toLowerCase());
    if (!name) return ERRORS["#NAME?"];
    if (name.text !== undefined) return name.text;
    const sheet = this.state.sheets.find((s) => s.id === name.sheetId);
    return sheet ? new Reference(sheet, parseAddress(name.address)) : ERRORS["#REF!"];
  }

  private intersect(a: Value, b: Value): Value {
    if (!(a instanceof Reference) || !(b instanceof Reference) || a.sheet !== b.sheet)
      return ERRORS["#VALUE!"];
    const rect = {
      top: Math.max(a.rect.top, b.rect.top),
      bottom: Math.min(a.rect.bottom, b.rect.bottom),
      left: Math.max(a.rect.left, b.rect.left),
      right: Math.min(a.rect.right, b.rect.right),
    };
    return rect.top > rect.bottom || rect.left > rect.right ? ERRORS["#NULL!"] : new Reference(a.sheet, rect);
  }

  /** How far whole columns and rows are read: the last row and column any sheet has a cell in. */
  private workbookExtent(): { rows: number; columns: number } {
    if (!this.extent) {
      let rows = 1;
      let columns = 1;
      for (const sheet of this.state.sheets) {
        rows = Math.max(rows, sheet.rows.length);
        for (const cells of sheet.rows) if (cells) columns = Math.max(columns, cells.length);
      }
      this.extent = { rows, columns };
    }
    return this.extent;
  }

  grid(value: Value): Matrix {
    if (value instanceof Reference) return this.read(value);
    if (Array.isArray(value)) return value;
    return [[value]];
  }

  private read(ref: Reference): Matrix {
    const { rect, sheet } = ref;
    const extent = this.workbookExtent();
    const bottom = rect.top === 1 && rect.bottom === MAX_ROWS ? Math.max(rect.top, extent.rows) : rect.bottom;
    const right =
      rect.left === 0 && rect.right === MAX_COLUMNS - 1 ? Math.max(0, extent.columns - 1) : rect.right;
    const key = `${sheet.id}:${rect.top}:${rect.left}:${bottom}:${right}`;
    let grid = this.grids.get(key);
    if (!grid) {
      grid = [];
      for (let r = rect.top; r <= bottom; r++) {
        const row: Scalar[] = [];
        for (let c = rect.left; c <= right; c++) row.push(this.cellValue(sheet, r, c));
        grid.push(row);
      }
      this.grids.set(key, grid);
    }
    return grid;
  }

  scalar(value: Value): Scalar {
    if (value instanceof Reference) return this.cellValue(value.sheet, value.rect.top, value.rect.left);
    if (Array.isArray(value)) return value[0]?.[0] ?? null;
    return value;
  }

  /** Applies f to scalars, or to each element when any operand is an array or a range of several cells. */
  private lift(values: Value[], f: (scalars: Scalar[]) => Scalar): Value {
    if (!values.some(isArrayValue)) return f(values.map((v) => this.scalar(v)));
    const grids = values.map((v) => this.grid(v));
    const rows = Math.max(...grids.map((g) => g.length));
    const columns = Math.max(...grids.map((g) => g[0]?.length ?? 0));
    return Array.from({ length: rows }, (_, r) =>
      Array.from({ length: columns }, (_, c) => f(grids.map((g) => at(g, r, c) ?? null))),
    );
  }
}

function operate(operator: string, a: Scalar, b: Scalar): Scalar {
  if (operator === "&") {
    const x = toText(a);
    const y = toText(b);
    if (isError(x)) return x;
    if (isError(y)) return y;
    return x + y;
  }
  if (["=", "<>", "<", ">", "<=", ">="].includes(operator)) {
    const d = compareScalars(a, b);
    if (isError(d)) return d;
    switch (operator) {
      case "=":
        return d === 0;
      case "<>":
        return d !== 0;
      case "<":
        return d < 0;
      case ">":
        return d > 0;
      case "<=":
        return d <= 0;
      default:
        return d >= 0;
    }
  }
  const x = toNumber(a);
  const y = toNumber(b);
  if (isError(x)) return x;
  if (isError(y)) return y;
  let result: number;
  switch (operator) {
    case "+":
      result = x + y;
      break;
    case "-":
      result = x - y;
      break;
    case "*":
      result = x * y;
      break;
    case "/":
      if (y === 0) return ERRORS["#DIV/0!"];
      result = x / y;
      break;
    case "^":
      result = x ** y;
      break;
    default:
      return ERRORS["#VALUE!"];
  }
  return Number.isFinite(result) ? result : ERRORS["#NUM!"];
}
