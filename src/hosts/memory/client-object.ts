/**
 * The request machinery of the memory workbook, as Office.js has it: proxy objects queue operations on their
 * context; nothing reaches the document until sync(); a property can be read only once a sync has loaded it (or
 * after this code set it); null objects are known only after a sync.
 */
import type { ExcelContext, ExcelWorkbook, ExcelWorksheet } from "../office/excel-api";
import type { Cell } from "../../core/types";
import { OfficeError, propertyNotLoaded } from "./errors";
import type { MemSheet, MemState } from "./state";

/** One queued operation: what it would send to Excel (measured for request size) and what it does to the document. */
export interface Operation {
  path: string;
  member: string;
  args: unknown;
  apply(): void;
}

/** What proxies need from the workbook behind them. */
export interface MemoryEngine {
  readonly state: MemState;
  execute(operations: Operation[]): Promise<void>;
  /** The value a formula cell shows; the memory workbook does not calculate. */
  formulaValue(sheet: MemSheet, row: number, column: number): Cell;
  noteSuspended(what: "calculation" | "screenUpdating"): void;
  /** Adds loaded data to the current request's response. */
  noteResponse(value: unknown): void;
  /**
   * Registers a worksheet.onChanged handler (at the sync that adds it), or with `sheet` null a handler of
   * worksheets.onChanged, which hears every sheet; returns what removes it.
   */
  watchSheet(sheet: MemSheet | null, handler: (args: SheetChange) => Promise<unknown>): () => void;
  /** Registers a worksheets.onAdded or onDeleted handler; returns what removes it. */
  watchSheets(
    kind: "added" | "deleted",
    handler: (args: { worksheetId: string }) => Promise<unknown>,
  ): () => void;
  /** Cells of a sheet were set: handlers hear of it once the sync that set them has finished. */
  cellsChanged(sheet: MemSheet, address: string): void;
}

/** What a worksheet.onChanged handler is told. */
export interface SheetChange {
  address: string;
  worksheetId: string;
}

/** A worksheet proxy, and how to bind it to its sheet once the request that finds the sheet runs. */
export interface SheetProxyMaker {
  (context: MemoryContext, path: string): { proxy: ExcelWorksheet; bind(sheet: MemSheet): void };
}

export class MemoryContext implements ExcelContext {
  readonly workbook: ExcelWorkbook;
  private pending: Operation[] = [];
  private delivered: (() => void)[] = [];

  constructor(
    readonly engine: MemoryEngine,
    makeWorkbook: (context: MemoryContext) => ExcelWorkbook,
    private readonly makeSheet: SheetProxyMaker,
  ) {
    this.workbook = makeWorkbook(this);
  }

  /** A worksheet proxy for proxies that lead to a sheet (a range's worksheet), without their modules knowing it. */
  sheetProxy(path: string): { proxy: ExcelWorksheet; bind(sheet: MemSheet): void } {
    return this.makeSheet(this, path);
  }

  enqueue(operation: Operation): void {
    this.pending.push(operation);
  }

  hasPending(): boolean {
    return this.pending.length > 0;
  }

  /** Loaded data reaches the proxies only when the whole request succeeds, as with Excel's single response. */
  deliver(fill: () => void): void {
    this.delivered.push(fill);
  }

  async sync(): Promise<void> {
    const operations = this.pending;
    this.pending = [];
    const delivered: (() => void)[] = [];
    this.delivered = delivered;
    await this.engine.execute(operations);
    for (const fill of delivered) fill();
  }
}

/** A proxy's document object, bound when the operation that creates the proxy runs. */
export class Binding<T> {
  private value: T | undefined;
  private isNull = false;
  private bound = false;

  constructor(readonly path: string) {}

  bind(value: T | undefined): void {
    this.value = value;
    this.isNull = value === undefined;
    this.bound = true;
  }

  get nullObject(): boolean {
    return this.bound && this.isNull;
  }

  /** isNullObject as Office.js exposes it: known only once the creating request ran. */
  readIsNull(): boolean {
    if (!this.bound) throw propertyNotLoaded("isNullObject");
    return this.isNull;
  }

  get(): T {
    if (!this.bound)
      throw new OfficeError(
        "InvalidOperation",
        `${this.path} is not available: the request that creates it did not run.`,
      );
    if (this.value === undefined)
      throw new OfficeError(
        "InvalidOperation",
        `${this.path} is a null object; check isNullObject before using it.`,
      );
    return this.value;
  }
}

export abstract class MemoryObject {
  private readonly fields = new Map<string, unknown>();

  constructor(
    protected readonly context: MemoryContext,
    readonly path: string,
  ) {}

  /** Scalar properties that load() can fetch, read from the document when the load runs. */
  protected abstract loadable(): Record<string, () => unknown>;

  protected readField<T>(property: string): T {
    if (!this.fields.has(property)) throw propertyNotLoaded(property);
    return this.fields.get(property) as T;
  }

  protected setField(property: string, value: unknown): void {
    this.fields.set(property, value);
  }

  /** Queues a property write; the local proxy reflects it at once, as Office.js's does. */
  protected queueSet(property: string, value: unknown, apply: () => void): void {
    this.fields.set(property, value);
    this.queue(property, value, apply);
  }

  protected queue(member: string, args: unknown, apply: () => void): void {
    this.context.enqueue({ path: this.path, member, args, apply });
  }

  load(propertyNames: string | string[]): this {
    const names = (Array.isArray(propertyNames) ? propertyNames : propertyNames.split(","))
      .map((n) => n.trim())
      .filter((n) => n !== "");
    this.queue("load", names, () => this.applyLoad(names));
    return this;
  }

  protected applyLoad(names: string[]): void {
    if (this.isNullBinding()) return;
    const getters = this.loadable();
    for (const name of names) {
      // Callers sometimes list isNullObject among the loads; it is known after sync either way.
      if (name === "isNullObject") continue;
      const getter = getters[name];
      if (!getter)
        throw new OfficeError("InvalidArgument", `${this.path} has no loadable property '${name}'.`);
      const value = structuredClone(getter());
      this.context.engine.noteResponse(value);
      this.context.deliver(() => this.fields.set(name, value));
    }
  }

  protected abstract isNullBinding(): boolean;
}

export function quoteArg(text: string): string {
  return JSON.stringify(text);
}
