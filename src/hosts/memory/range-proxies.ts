/** Proxies for ranges and what hangs off them: format, borders, conditional formats, data validation. */
import type { Cell } from "../../core/types";
import type {
  ExcelBorderIndex,
  ExcelColorScaleCriteria,
  ExcelConditionalFormat,
  ExcelConditionalFormatCollection,
  ExcelDataValidation,
  ExcelRange,
  ExcelRangeBorder,
  ExcelRangeBorderCollection,
  ExcelRangeFormat,
  ExcelWorksheet,
} from "../office/excel-api";
import {
  formatRect,
  intersects,
  parseAddress,
  quoteSheet,
  type Rect,
  rectColumns,
  rectRows,
  splitSheet,
} from "./address";
import { Binding, type MemoryContext, MemoryObject, quoteArg } from "./client-object";
import * as doc from "./document";
import { OfficeError } from "./errors";
import { hiddenState, setHidden } from "./filters";
import type { BorderEdge, MemCell, MemConditionalFormat, MemSheet } from "./state";

export interface RangeTarget {
  sheet: MemSheet;
  rect: Rect;
}

type Queue = (member: string, args: unknown, apply: () => void) => void;

function checkColor(color: string): string {
  if (!/^#[0-9A-Fa-f]{6}$/.test(color))
    throw new OfficeError("InvalidArgument", `'${color}' is not a colour; use #RRGGBB.`);
  return color.toUpperCase();
}

/** Scalar proxies whose properties are write-only for the add-in (it never reads formats back). */
function writeOnly(property: string): never {
  throw new OfficeError(
    "PropertyNotLoaded",
    `The property '${property}' is not available: the memory workbook does not load it.`,
  );
}

export class RangeProxy extends MemoryObject implements ExcelRange {
  readonly binding: Binding<RangeTarget>;
  readonly format: ExcelRangeFormat;
  readonly conditionalFormats: ExcelConditionalFormatCollection;
  readonly dataValidation: ExcelDataValidation;

  constructor(context: MemoryContext, path: string) {
    super(context, path);
    this.binding = new Binding<RangeTarget>(path);
    const queue: Queue = (member, args, apply) => this.queue(member, args, apply);
    this.format = new RangeFormatProxy(queue, () => this.binding.get());
    this.conditionalFormats = new ConditionalFormatCollectionProxy(context, this);
    this.dataValidation = new DataValidationProxy(queue, () => this.binding.get());
  }

  protected loadable(): Record<string, () => unknown> {
    const { sheet, rect } = this.binding.get();
    const engine = this.context.engine;
    const shown = (cell: MemCell | undefined, row: number, column: number): Cell => {
      if (cell?.formula !== undefined) return engine.formulaValue(sheet, row, column);
      return cell?.value ?? "";
    };
    return {
      values: () => doc.readMatrix(sheet, rect, shown),
      formulas: () => doc.readMatrix(sheet, rect, (cell, r, c) => cell?.formula ?? shown(cell, r, c)),
      numberFormat: () => doc.readMatrix(sheet, rect, (cell) => cell?.numberFormat ?? "General"),
      address: () => `${quoteSheet(sheet.name)}!${formatRect(rect)}`,
      rowCount: () => rectRows(rect),
      columnCount: () => rectColumns(rect),
      rowHidden: () => hiddenState(sheet, rect, "rows"),
      columnHidden: () => hiddenState(sheet, rect, "columns"),
    };
  }

  protected isNullBinding(): boolean {
    return this.binding.nullObject;
  }

  get isNullObject(): boolean {
    return this.binding.readIsNull();
  }

  get values(): Cell[][] {
    return this.readField<Cell[][]>("values");
  }
  set values(matrix: Cell[][]) {
    this.queueSet("values", matrix, () => {
      const { sheet, rect } = this.binding.get();
      doc.writeCells(sheet, rect, matrix, "values");
      this.context.engine.cellsChanged(sheet, formatRect(rect));
    });
  }

  get formulas(): Cell[][] {
    return this.readField<Cell[][]>("formulas");
  }
  set formulas(matrix: Cell[][]) {
    this.queueSet("formulas", matrix, () => {
      const { sheet, rect } = this.binding.get();
      doc.writeCells(sheet, rect, matrix, "formulas");
      this.context.engine.cellsChanged(sheet, formatRect(rect));
    });
  }

  get numberFormat(): string[][] {
    return this.readField<string[][]>("numberFormat");
  }
  set numberFormat(matrix: string[][]) {
    this.queueSet("numberFormat", matrix, () => {
      const { sheet, rect } = this.binding.get();
      doc.writeNumberFormats(sheet, rect, matrix);
    });
  }

  get address(): string {
    return this.readField<string>("address");
  }

  private sheetProxy?: ExcelWorksheet;

  get worksheet(): ExcelWorksheet {
    if (!this.sheetProxy) {
      const { proxy, bind } = this.context.sheetProxy(`${this.path}.worksheet`);
      this.queue("worksheet", [], () => bind(this.binding.get().sheet));
      this.sheetProxy = proxy;
    }
    return this.sheetProxy;
  }
  get rowCount(): number {
    return this.readField<number>("rowCount");
  }
  get columnCount(): number {
    return this.readField<number>("columnCount");
  }

  get rowHidden(): boolean {
    return this.readField<boolean>("rowHidden");
  }
  set rowHidden(hidden: boolean) {
    this.queueSet("rowHidden", hidden, () => {
      const { sheet, rect } = this.binding.get();
      setHidden(sheet, rect, "rows", hidden);
    });
  }

  get columnHidden(): boolean {
    return this.readField<boolean>("columnHidden");
  }
  set columnHidden(hidden: boolean) {
    this.queueSet("columnHidden", hidden, () => {
      const { sheet, rect } = this.binding.get();
      setHidden(sheet, rect, "columns", hidden);
    });
  }

  merge(across = false): void {
    this.queue("merge", [across], () => {
      const { sheet, rect } = this.binding.get();
      doc.merge(sheet, rect, across);
    });
  }

  unmerge(): void {
    this.queue("unmerge", [], () => {
      const { sheet, rect } = this.binding.get();
      doc.unmerge(sheet, rect);
    });
  }

  clear(applyTo: "All" | "Formats" | "Contents" = "All"): void {
    this.queue("clear", [applyTo], () => {
      const { sheet, rect } = this.binding.get();
      doc.clearRange(sheet, rect, applyTo);
    });
  }

  select(): void {
    this.queue("select", [], () => {
      const { sheet, rect } = this.binding.get();
      doc.select(this.context.engine.state, sheet, rect);
    });
  }

  copyFrom(
    source: string,
    copyType: "All" | "Formulas" | "Values" | "Formats" = "All",
    skipBlanks = false,
    transpose = false,
  ): void {
    this.queue("copyFrom", [source, copyType, skipBlanks, transpose], () => {
      if (transpose)
        throw new OfficeError("NotImplemented", "The memory workbook does not transpose copies.");
      const target = this.binding.get();
      const { sheet: named } = splitSheet(source);
      const sheet = named === undefined ? target.sheet : doc.findSheet(this.context.engine.state, named);
      if (!sheet) throw new OfficeError("ItemNotFound", `There is no sheet for the address '${source}'.`);
      const engine = this.context.engine;
      doc.copyRange({ sheet, rect: parseAddress(source) }, target, copyType, skipBlanks, (s, row, column) =>
        engine.formulaValue(s, row, column),
      );
    });
  }
}

class RangeFormatProxy implements ExcelRangeFormat {
  readonly fill: { color: string };
  readonly font: { bold: boolean; italic: boolean; color: string; size: number };
  readonly borders: ExcelRangeBorderCollection;

  constructor(
    private readonly queue: Queue,
    private readonly target: () => RangeTarget,
  ) {
    const cells = this.cells;
    this.fill = {
      get color(): string {
        return writeOnly("color");
      },
      set color(value: string) {
        cells("format.fill.color", value, (cell) => (cell.fill = checkColor(value)));
      },
    };
    this.font = {
      get bold(): boolean {
        return writeOnly("bold");
      },
      set bold(value: boolean) {
        cells("format.font.bold", value, (cell) => (cell.bold = value));
      },
      get italic(): boolean {
        return writeOnly("italic");
      },
      set italic(value: boolean) {
        cells("format.font.italic", value, (cell) => (cell.italic = value));
      },
      get color(): string {
        return writeOnly("color");
      },
      set color(value: string) {
        cells("format.font.color", value, (cell) => (cell.fontColor = checkColor(value)));
      },
      get size(): number {
        return writeOnly("size");
      },
      set size(value: number) {
        cells("format.font.size", value, (cell) => (cell.fontSize = value));
      },
    };
    this.borders = new BorderCollectionProxy(queue, target);
  }

  private readonly cells = (member: string, value: unknown, visit: (cell: MemCell) => void): void => {
    this.queue(member, value, () => {
      const { sheet, rect } = this.target();
      doc.forEachCell(sheet, rect, visit);
    });
  };

  get wrapText(): boolean {
    return writeOnly("wrapText");
  }
  set wrapText(value: boolean) {
    this.cells("format.wrapText", value, (cell) => (cell.wrap = value));
  }

  get horizontalAlignment(): string {
    return writeOnly("horizontalAlignment");
  }
  set horizontalAlignment(value: string) {
    this.cells("format.horizontalAlignment", value, (cell) => (cell.horizontal = value));
  }

  get verticalAlignment(): string {
    return writeOnly("verticalAlignment");
  }
  set verticalAlignment(value: string) {
    this.cells("format.verticalAlignment", value, (cell) => (cell.vertical = value));
  }

  get columnWidth(): number {
    return writeOnly("columnWidth");
  }
  set columnWidth(points: number) {
    this.queue("format.columnWidth", points, () => {
      const { sheet, rect } = this.target();
      if (!(points >= 0 && points <= 255 * 7.5))
        throw new OfficeError("InvalidArgument", `Column width ${points} is out of range.`);
      for (let c = rect.left; c <= rect.right; c++) sheet.columnWidths.set(c, points);
    });
  }

  get rowHeight(): number {
    return writeOnly("rowHeight");
  }
  set rowHeight(points: number) {
    this.queue("format.rowHeight", points, () => {
      const { sheet, rect } = this.target();
      if (!(points >= 0 && points <= 409))
        throw new OfficeError("InvalidArgument", `Row height ${points} is out of range.`);
      for (let r = rect.top; r <= rect.bottom; r++) sheet.rowHeights.set(r, points);
    });
  }
}

const EDGES: Record<ExcelBorderIndex, (rect: Rect, row: number, column: number) => BorderEdge | undefined> = {
  EdgeTop: (rect, row) => (row === rect.top ? "top" : undefined),
  EdgeBottom: (rect, row) => (row === rect.bottom ? "bottom" : undefined),
  EdgeLeft: (rect, _row, column) => (column === rect.left ? "left" : undefined),
  EdgeRight: (rect, _row, column) => (column === rect.right ? "right" : undefined),
  InsideHorizontal: (rect, row) => (row < rect.bottom ? "bottom" : undefined),
  InsideVertical: (rect, _row, column) => (column < rect.right ? "right" : undefined),
};

class BorderCollectionProxy implements ExcelRangeBorderCollection {
  constructor(
    private readonly queue: Queue,
    private readonly target: () => RangeTarget,
  ) {}

  getItem(index: ExcelBorderIndex): ExcelRangeBorder {
    const edgeOf = EDGES[index];
    const { queue, target } = this;
    const setEdges = (
      member: string,
      value: string,
      style: (current: string | undefined) => string | undefined,
    ) =>
      queue(`format.borders.getItem(${index}).${member}`, value, () => {
        const { sheet, rect } = target();
        doc.forEachCell(sheet, rect, (cell, row, column) => {
          const edge = edgeOf(rect, row, column);
          if (!edge) return;
          const next = style(cell.borders?.[edge]);
          cell.borders = { ...cell.borders };
          if (next === undefined) delete cell.borders[edge];
          else cell.borders[edge] = next;
        });
      });
    return {
      get style(): string {
        return writeOnly("style");
      },
      set style(value: string) {
        setEdges("style", value, (current) => (value === "None" ? undefined : (current ?? "Thin")));
      },
      get weight(): string {
        return writeOnly("weight");
      },
      set weight(value: string) {
        setEdges("weight", value, (current) => (current === undefined ? undefined : value));
      },
      get color(): string {
        return writeOnly("color");
      },
      set color(value: string) {
        queue(`format.borders.getItem(${index}).color`, value, () => void checkColor(value));
      },
    };
  }
}

class ConditionalFormatCollectionProxy implements ExcelConditionalFormatCollection {
  constructor(
    private readonly context: MemoryContext,
    private readonly range: RangeProxy,
  ) {}

  clearAll(): void {
    this.context.enqueue({
      path: `${this.range.path}.conditionalFormats`,
      member: "clearAll",
      args: [],
      apply: () => {
        const { sheet, rect } = this.range.binding.get();
        doc.clearConditionalFormats(sheet, rect);
      },
    });
  }

  add(type: "ColorScale" | "CellValue"): ExcelConditionalFormat {
    const binding = new Binding<MemConditionalFormat>(
      `${this.range.path}.conditionalFormats.add(${quoteArg(type)})`,
    );
    this.context.enqueue({
      path: `${this.range.path}.conditionalFormats`,
      member: "add",
      args: [type],
      apply: () => {
        const { sheet, rect } = this.range.binding.get();
        const format: MemConditionalFormat = { type, rect };
        sheet.conditionalFormats.push(format);
        binding.bind(format);
      },
    });
    return conditionalFormatProxy(this.context, binding);
  }
}

const CRITERION_TYPES = new Set([
  "LowestValue",
  "HighestValue",
  "Number",
  "Percent",
  "Percentile",
  "Formula",
]);
const OPERATORS = new Set([
  "Between",
  "NotBetween",
  "EqualTo",
  "NotEqualTo",
  "GreaterThan",
  "LessThan",
  "GreaterThanOrEqual",
  "LessThanOrEqual",
]);

function conditionalFormatProxy(
  context: MemoryContext,
  binding: Binding<MemConditionalFormat>,
): ExcelConditionalFormat {
  const path = binding.path;
  const queue: Queue = (member, args, apply) => context.enqueue({ path, member, args, apply });
  const ofType = <K extends MemConditionalFormat["type"]>(
    type: K,
  ): Extract<MemConditionalFormat, { type: K }> => {
    const format = binding.get();
    if (format.type !== type)
      throw new OfficeError("InvalidOperation", `This conditional format is not of type ${type}.`);
    return format as Extract<MemConditionalFormat, { type: K }>;
  };
  return {
    colorScale: {
      get criteria(): ExcelColorScaleCriteria {
        return writeOnly("criteria");
      },
      set criteria(value: ExcelColorScaleCriteria) {
        queue("colorScale.criteria", value, () => {
          const points = [value.minimum, value.midpoint, value.maximum].filter((p) => p !== undefined);
          for (const point of points) {
            if (!CRITERION_TYPES.has(point.type))
              throw new OfficeError(
                "InvalidArgument",
                `'${point.type}' is not a colour scale criterion type.`,
              );
            if (point.color !== undefined) checkColor(point.color);
            if (!["LowestValue", "HighestValue"].includes(point.type) && point.formula === undefined) {
              throw new OfficeError(
                "InvalidArgument",
                `A '${point.type}' colour scale criterion needs a formula.`,
              );
            }
          }
          ofType("ColorScale").criteria = structuredClone(value);
        });
      },
    },
    cellValue: {
      format: {
        fill: {
          get color(): string {
            return writeOnly("color");
          },
          set color(value: string) {
            queue("cellValue.format.fill.color", value, () => (ofType("CellValue").fill = checkColor(value)));
          },
        },
        font: {
          get color(): string {
            return writeOnly("color");
          },
          set color(value: string) {
            queue(
              "cellValue.format.font.color",
              value,
              () => (ofType("CellValue").fontColor = checkColor(value)),
            );
          },
        },
      },
      get rule(): { formula1: string; formula2?: string; operator: string } {
        return writeOnly("rule");
      },
      set rule(value: { formula1: string; formula2?: string; operator: string }) {
        queue("cellValue.rule", value, () => {
          if (!OPERATORS.has(value.operator))
            throw new OfficeError("InvalidArgument", `'${value.operator}' is not a cell value operator.`);
          const needsTwo = value.operator === "Between" || value.operator === "NotBetween";
          if (!value.formula1 || (needsTwo && !value.formula2))
            throw new OfficeError("InvalidArgument", `The ${value.operator} rule is missing a formula.`);
          ofType("CellValue").rule = structuredClone(value);
        });
      },
    },
  };
}

class DataValidationProxy implements ExcelDataValidation {
  constructor(
    private readonly queue: Queue,
    private readonly target: () => RangeTarget,
  ) {}

  get rule(): { list?: { inCellDropDown: boolean; source: string | ExcelRange } } {
    return writeOnly("rule");
  }
  set rule(value: { list?: { inCellDropDown: boolean; source: string | ExcelRange } }) {
    this.queue("dataValidation.rule", value, () => {
      const { sheet, rect } = this.target();
      const list = value.list;
      if (!list || typeof list.source !== "string")
        throw new OfficeError(
          "InvalidArgument",
          "The memory workbook supports list rules with a text source only.",
        );
      // Excel refuses literal lists longer than 255 characters.
      if (list.source.length === 0 || list.source.length > 255) {
        throw new OfficeError(
          "InvalidArgument",
          `A list validation source must be 1-255 characters (got ${list.source.length}).`,
        );
      }
      if (sheet.validations.some((v) => intersects(v.rect, rect))) {
        throw new OfficeError(
          "InvalidOperation",
          `${formatRect(rect)} already has a data validation rule; clear it first.`,
        );
      }
      sheet.validations.push({ rect, list: { inCellDropDown: list.inCellDropDown, source: list.source } });
    });
  }

  get errorAlert(): { message: string; showAlert: boolean; style: string; title: string } {
    return writeOnly("errorAlert");
  }
  set errorAlert(value: { message: string; showAlert: boolean; style: string; title: string }) {
    this.queue("dataValidation.errorAlert", value, () => {
      const { sheet, rect } = this.target();
      const validation = sheet.validations.find((v) => formatRect(v.rect) === formatRect(rect));
      if (!validation)
        throw new OfficeError(
          "InvalidOperation",
          `${formatRect(rect)} has no data validation rule to alert on.`,
        );
      validation.errorAlert = { ...value };
    });
  }

  clear(): void {
    this.queue("dataValidation.clear", [], () => {
      const { sheet, rect } = this.target();
      doc.removeValidations(sheet, rect);
    });
  }
}
