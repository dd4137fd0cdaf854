/**
 * A workbook host that keeps specs as they were written, for testing commands without Excel semantics: reading a
 * sheet gives its values (formula cells show the value the core computed), and every call is counted.
 */
import type { Cell } from "../../src/core/types";
import type { SheetSpec } from "../../src/sheets/spec";
import type {
  OwnedSheet,
  SheetRead,
  WorkbookChange,
  WorkbookHost,
  WorkbookView,
} from "../../src/workbook/host";
import { sheetNamer } from "../../src/workbook/write-plan";
import { valuesOf, written } from "../sheets/values";

export class SpecHost implements WorkbookHost {
  readonly sheets = new Map<string, SheetSpec>();
  calls = 0;
  writes = 0;
  /** When set, the next write fails after validating, leaving the workbook as it was. */
  failNextWrite = false;

  async ownedSheets(): Promise<OwnedSheet[]> {
    this.calls++;
    return [...this.sheets.values()].map((s) => ({ key: s.key, name: s.name }));
  }

  async readSheets(keys: string[]): Promise<SheetRead[]> {
    this.calls++;
    return keys.flatMap((key) => {
      const spec = this.sheets.get(key);
      return spec ? [{ key, name: spec.name, values: trimmed(valuesOf(spec)) }] : [];
    });
  }

  async writeSheets(specs: SheetSpec[]): Promise<void> {
    this.calls++;
    this.writes++;
    const names = new Map([...this.sheets.values()].map((s) => [s.name.toLowerCase(), s.key]));
    for (const spec of specs) {
      const holder = names.get(spec.name.toLowerCase());
      if (holder !== undefined && holder !== spec.key) throw new Error(`Sheet name "${spec.name}" is taken.`);
      if (spec.name.length > 31 || /[:\\/?*[\]]/.test(spec.name))
        throw new Error(`Illegal name "${spec.name}".`);
      names.set(spec.name.toLowerCase(), spec.key);
    }
    if (this.failNextWrite) {
      this.failNextWrite = false;
      throw new Error("The workbook refused the write.");
    }
    // Kept as written: formula cells as their text and value.
    for (const spec of specs)
      this.sheets.set(
        spec.key,
        structuredClone({ ...spec, cells: spec.cells.map((row) => row.map(written)) }),
      );
  }

  /** Read then write, counted as the calls they are; this host has no other writer. */
  async update<T>(
    read: (owned: OwnedSheet[]) => string[],
    write: (view: WorkbookView) => WorkbookChange<T>,
  ): Promise<T> {
    const owned = await this.ownedSheets();
    const reads = await this.readSheets(read(owned));
    const layout = {
      sheets: owned.map((o) => ({ name: o.name, visibility: "Visible" })),
      markers: owned.map((o) => ({ key: o.key, sheet: o.name })),
    };
    const change = write({ owned, reads, nameFor: sheetNamer(layout) });
    if (change.specs.length > 0) await this.writeSheets(change.specs);
    return change.result;
  }

  async select(): Promise<void> {
    this.calls++;
  }

  /** What the user sees in a sheet, by key. */
  values(key: string): Cell[][] {
    const spec = this.sheets.get(key);
    if (!spec) throw new Error(`No sheet ${key}`);
    return trimmed(valuesOf(spec));
  }

  /** Types into cells of an owned sheet, as a user would. */
  type(key: string, edits: Record<string, Cell>): void {
    const spec = this.sheets.get(key);
    if (!spec) throw new Error(`No sheet ${key}`);
    for (const [ref, value] of Object.entries(edits)) {
      const match = /^([A-Z]+)(\d+)$/.exec(ref);
      if (!match) throw new Error(`Bad reference ${ref}`);
      const column = [...match[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
      const row = Number(match[2]) - 1;
      while (spec.cells.length <= row) spec.cells.push([]);
      while (spec.cells[row].length <= column) spec.cells[row].push(null);
      spec.cells[row][column] = value;
    }
  }
}

/** A used range: trailing blank cells and rows are not part of it. */
function trimmed(values: Cell[][]): Cell[][] {
  const rows = values.map((row) => {
    let end = row.length;
    while (end > 0 && (row[end - 1] === null || row[end - 1] === "")) end--;
    return row.slice(0, end);
  });
  while (rows.length > 0 && rows[rows.length - 1].length === 0) rows.pop();
  return rows;
}
