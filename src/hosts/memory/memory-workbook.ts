/**
 * An in-memory Excel workbook behind the Excel API subset of ../office/excel-api, for tests and the browser
 * workbench. It keeps the rules that catch real bugs: properties are readable only after load + sync, writes land at
 * sync() in order, a failing operation leaves the ones before it applied (Excel batches are not transactions), and a
 * request over 5 MB is refused as Excel on the web refuses it. It counts syncs and request bytes, and can inject
 * faults. It calculates: a formula cell shows its formula's value over the workbook as it stands (./calculation).
 */
import type { Cell } from "../../core/types";
import type { ExcelContext, ExcelRun } from "../office/excel-api";
import { Calculation, FormulaTrees } from "./calculation";
import { MemoryContext, type MemoryEngine, type Operation, type SheetChange } from "./client-object";
import { addSheet } from "./document";
import { OfficeError } from "./errors";
import { snapshotOf, type WorkbookSnapshot } from "./snapshot";
import type { MemSheet, MemState } from "./state";
import { WorkbookProxy, WorksheetProxy } from "./worksheet-proxies";

/** Excel on the web refuses requests, and fails responses, larger than this. */
export const REQUEST_LIMIT_BYTES = 5 * 1024 * 1024;

export interface RequestRecord {
  /** UTF-8 size of the JSON of the queued operations. */
  bytes: number;
  /** UTF-8 size of the JSON of the properties loaded. */
  responseBytes: number;
  operations: number;
  calculationSuspended: boolean;
  screenUpdatingSuspended: boolean;
  failed: boolean;
}

/** An operation as fault predicates see it; `sync` counts from 1 over the workbook's life. */
export interface OperationInfo {
  sync: number;
  index: number;
  path: string;
  member: string;
}

const encoder = new TextEncoder();

function utf8Bytes(text: string): number {
  return encoder.encode(text).length;
}

export class MemoryWorkbook implements MemoryEngine {
  state: MemState = { sheets: [], names: [], activeSheetId: null, selection: null, nextId: 1 };
  readonly requests: RequestRecord[] = [];
  private faults: ((operation: OperationInfo, count: number) => boolean)[] = [];
  private readonly trees = new FormulaTrees();
  private current?: Calculation;
  /** `sheet` null: a worksheets.onChanged handler, which hears every sheet. */
  private changeHandlers: { sheet: MemSheet | null; handler: (args: SheetChange) => Promise<unknown> }[] = [];
  private changes: { sheet: MemSheet; address: string }[] = [];
  private sheetHandlers: {
    kind: "added" | "deleted";
    handler: (args: { worksheetId: string }) => Promise<unknown>;
  }[] = [];
  /** The sheets when the current request started, to tell onAdded and onDeleted handlers what it changed. */
  private sheetsBefore: MemSheet[] = [];

  constructor(sheetNames: string[] = ["Sheet1"]) {
    for (const name of sheetNames) addSheet(this.state, name);
  }

  /** Use as the Office host's `run`, in place of Excel.run. Like Excel.run, it syncs what the batch left queued. */
  readonly run: ExcelRun = async <T>(batch: (context: ExcelContext) => Promise<T>): Promise<T> => {
    const context = new MemoryContext(
      this,
      (ctx) => new WorkbookProxy(ctx),
      (ctx, path) => {
        const proxy = new WorksheetProxy(ctx, path);
        return { proxy, bind: (sheet) => proxy.binding.bind(sheet) };
      },
    );
    const result = await batch(context);
    if (context.hasPending()) await context.sync();
    return result;
  };

  get syncCount(): number {
    return this.requests.length;
  }

  get totalRequestBytes(): number {
    return this.requests.reduce((sum, r) => sum + r.bytes, 0);
  }

  get maxRequestBytes(): number {
    return this.requests.reduce((max, r) => Math.max(max, r.bytes), 0);
  }

  /** Forgets the request records, so a test or benchmark can measure one operation. */
  resetCounters(): void {
    this.requests.length = 0;
  }

  /**
   * Makes the `sync`-th request from now fail at operation `op` (0-based; default its last): the operations before
   * it are applied, the rest dropped.
   */
  failAt(fault: { sync: number; op?: number }): void {
    const target = this.requests.length + fault.sync;
    this.faults.push(
      (operation, count) => operation.sync === target && operation.index === (fault.op ?? count - 1),
    );
  }

  /** Makes the first operation matching `predicate` fail at its sync. Each fault fires once. */
  failWhen(predicate: (operation: OperationInfo) => boolean): void {
    this.faults.push((operation) => predicate(operation));
  }

  clearFaults(): void {
    this.faults = [];
  }

  /**
   * The calculation of the workbook as it stands. Every change to the workbook made through the API starts a new
   * one; code that changes `state` directly calls recalculate().
   */
  get calculation(): Calculation {
    if (this.current?.state !== this.state) this.current = new Calculation(this.state, this.trees);
    return this.current;
  }

  recalculate(): void {
    this.current = undefined;
  }

  formulaValue(sheet: MemSheet, row: number, column: number): Cell {
    return this.calculation.shown(sheet, row, column);
  }

  noteSuspended(what: "calculation" | "screenUpdating"): void {
    const current = this.requests[this.requests.length - 1];
    if (what === "calculation") current.calculationSuspended = true;
    else current.screenUpdatingSuspended = true;
  }

  noteResponse(value: unknown): void {
    const current = this.requests[this.requests.length - 1];
    current.responseBytes += utf8Bytes(JSON.stringify(value) ?? "");
  }

  get maxResponseBytes(): number {
    return this.requests.reduce((max, r) => Math.max(max, r.responseBytes), 0);
  }

  snapshot(): WorkbookSnapshot {
    return snapshotOf(this.state, (sheet, row, column) => this.formulaValue(sheet, row, column));
  }

  async execute(operations: Operation[]): Promise<void> {
    // A sync is a round trip: let other work run first, as it would while Excel answers.
    await Promise.resolve();
    this.sheetsBefore = [...this.state.sheets];
    const json = JSON.stringify(operations.map((o) => [o.path, o.member, o.args]));
    const record: RequestRecord = {
      bytes: utf8Bytes(json),
      responseBytes: 0,
      operations: operations.length,
      calculationSuspended: false,
      screenUpdatingSuspended: false,
      failed: false,
    };
    this.requests.push(record);
    const sync = this.requests.length;
    if (record.bytes > REQUEST_LIMIT_BYTES) {
      record.failed = true;
      throw new OfficeError(
        "RequestPayloadSizeLimitExceeded",
        `The request payload size (${record.bytes} bytes) has exceeded the limit.`,
      );
    }
    operations.forEach((operation, index) => {
      const info: OperationInfo = { sync, index, path: operation.path, member: operation.member };
      try {
        const fault = this.faults.findIndex((f) => f(info, operations.length));
        if (fault >= 0) {
          this.faults.splice(fault, 1);
          throw new OfficeError(
            "GeneralException",
            `Injected fault at sync ${sync}, operation ${index} (${operation.path}.${operation.member}).`,
          );
        }
        // Reading leaves the calculation as it is; any other operation may change what formulas show.
        if (operation.member !== "load") this.recalculate();
        operation.apply();
      } catch (error) {
        record.failed = true;
        // What applied before the failure stays applied, and is heard as a change.
        this.deliverChanges();
        throw error;
      }
    });
    if (record.responseBytes > REQUEST_LIMIT_BYTES) {
      record.failed = true;
      throw new OfficeError(
        "RequestPayloadSizeLimitExceeded",
        `The response payload size (${record.responseBytes} bytes) has exceeded the limit.`,
      );
    }
    this.deliverChanges();
  }

  watchSheets(
    kind: "added" | "deleted",
    handler: (args: { worksheetId: string }) => Promise<unknown>,
  ): () => void {
    const entry = { kind, handler };
    this.sheetHandlers.push(entry);
    return () => {
      this.sheetHandlers = this.sheetHandlers.filter((e) => e !== entry);
    };
  }

  watchSheet(sheet: MemSheet | null, handler: (args: SheetChange) => Promise<unknown>): () => void {
    const entry = { sheet, handler };
    this.changeHandlers.push(entry);
    return () => {
      this.changeHandlers = this.changeHandlers.filter((e) => e !== entry);
    };
  }

  cellsChanged(sheet: MemSheet, address: string): void {
    if (this.changeHandlers.some((e) => e.sheet === sheet || e.sheet === null))
      this.changes.push({ sheet, address });
  }

  /** Like Excel, onChanged handlers run after the request that changed the cells, never inside it. */
  private deliverChanges(): void {
    const changes = this.changes;
    this.changes = [];
    for (const { sheet, address } of changes)
      for (const { handler } of this.changeHandlers.filter((e) => e.sheet === sheet || e.sheet === null))
        setTimeout(() => void handler({ address, worksheetId: String(sheet.id) }).catch(() => undefined), 0);
    const before = this.sheetsBefore;
    const after = this.state.sheets;
    this.sheetsBefore = [...after];
    const heard = (kind: "added" | "deleted", sheets: MemSheet[]) => {
      for (const sheet of sheets)
        for (const { handler } of this.sheetHandlers.filter((e) => e.kind === kind))
          setTimeout(() => void handler({ worksheetId: String(sheet.id) }).catch(() => undefined), 0);
    };
    heard(
      "added",
      after.filter((s) => !before.includes(s)),
    );
    heard(
      "deleted",
      before.filter((s) => !after.includes(s)),
    );
  }
}
