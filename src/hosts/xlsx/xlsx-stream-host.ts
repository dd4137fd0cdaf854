/**
 * The WorkbookHost of a new .xlsx workbook that is streamed to its file once built: the sheets are kept as the specs
 * the commands wrote, and values are read back from them, so no cell model of the whole workbook is ever held. Memory
 * grows with the specs alone, and the file is written row by row (xlsx-stream-writer). It follows the same plan as
 * XlsxHost (names, tab order, markers, the shown sheet), so a workbook built here reads back as one built there.
 */
import { parseA1, parseRange } from "../../core/a1";
import type { Cell } from "../../core/types";
import type { SheetSpec } from "../../sheets/spec";
import type { OwnedSheet, SheetRead, WorkbookChange, WorkbookHost, WorkbookView } from "../../workbook/host";
import { ownedSheetsOf, planWrite, sheetNamer, type WorkbookLayout } from "../../workbook/write-plan";

/** A sheet of the workbook as the specs left it. */
export interface StreamedSheet {
  spec: SheetSpec;
  /** The cell selected when the file opens, where a command chose one. */
  activeCell?: string;
}

export interface StreamedWorkbook {
  /** In tab order. */
  sheets: StreamedSheet[];
  /** Ownership markers: key -> the sheet's name. */
  markers: Map<string, string>;
  /** The sheet shown when the file opens, by name. */
  active?: string;
}

export class XlsxStreamHost implements WorkbookHost {
  private readonly book: StreamedWorkbook = { sheets: [], markers: new Map() };

  /** What the commands built, for the writer. */
  get workbook(): StreamedWorkbook {
    return this.book;
  }

  async ownedSheets(): Promise<OwnedSheet[]> {
    return ownedSheetsOf(this.layout());
  }

  async readSheets(keys: string[]): Promise<SheetRead[]> {
    return this.reads(ownedSheetsOf(this.layout()), keys);
  }

  async update<T>(
    read: (owned: OwnedSheet[]) => string[],
    write: (view: WorkbookView) => WorkbookChange<T>,
  ): Promise<T> {
    const layout = this.layout();
    const owned = ownedSheetsOf(layout);
    const reads = this.reads(owned, read(owned));
    const change = write({ owned, reads, nameFor: sheetNamer(layout) });
    if (change.specs.length === 0) return change.result;
    const plan = planWrite(
      change.specs,
      layout,
      { started: Date.now(), writeId: "xlsx" },
      {
        activate: change.activate,
      },
    );
    // Checked before anything changes, as XlsxHost's temporary sheets would: a bad spec leaves the workbook as it was.
    for (const { spec } of plan.writes) checkSpec(spec);
    const created = new Map<string, StreamedSheet>();
    for (const { spec, action, sheet } of plan.writes) {
      if (action === "create") {
        created.set(sheet, { spec: { ...spec, name: sheet } });
        this.book.markers.set(spec.key, sheet);
        continue;
      }
      const at = this.book.sheets.findIndex((s) => s.spec.name === sheet);
      this.book.sheets[at] = { ...this.book.sheets[at], spec: inPlace(this.book.sheets[at].spec, spec) };
    }
    for (const { sheet, position } of plan.positions) {
      const made = created.get(sheet);
      if (made) this.book.sheets.splice(position, 0, made);
    }
    if (plan.activate !== null) this.book.active = plan.activate;
    return change.result;
  }

  async writeSheets(specs: SheetSpec[], options: { activate?: string } = {}): Promise<void> {
    await this.update(
      () => [],
      () => ({ specs, activate: options.activate, result: undefined }),
    );
  }

  async select(key: string, a1: string): Promise<void> {
    const name = this.book.markers.get(key);
    const sheet = this.book.sheets.find((s) => s.spec.name === name);
    if (!sheet) return;
    this.book.active = sheet.spec.name;
    if (parseA1(a1)) sheet.activeCell = a1;
  }

  private layout(): WorkbookLayout {
    return {
      sheets: this.book.sheets.map(({ spec }) => ({
        name: spec.name,
        visibility: spec.hidden ? "hidden" : "visible",
      })),
      markers: [...this.book.markers].map(([key, sheet]) => ({ key, sheet })),
    };
  }

  private reads(owned: OwnedSheet[], keys: string[]): SheetRead[] {
    return owned
      .filter((sheet) => keys.includes(sheet.key))
      .map(({ key, name }) => {
        const sheet = this.book.sheets.find((s) => s.spec.name === name);
        return { key, name, values: sheet ? specValues(sheet.spec) : [] };
      });
  }
}

/** An owned sheet taking a new spec in place: its name stays, and so do its column widths, panes and tab colour where the new spec sets none. */
function inPlace(kept: SheetSpec, fresh: SheetSpec): SheetSpec {
  const widths = [...(kept.columnWidths ?? [])];
  (fresh.columnWidths ?? []).forEach((width, c) => {
    if (width !== undefined) widths[c] = width;
  });
  return {
    ...fresh,
    name: kept.name,
    columnWidths: widths.length > 0 ? widths : undefined,
    freeze: fresh.freeze ?? kept.freeze,
    tabColor: fresh.tabColor ?? kept.tabColor,
  };
}

/** What XlsxHost would refuse while building a sheet: every range must be an A1 range. */
function checkSpec(spec: SheetSpec): void {
  for (const styled of spec.styles ?? []) {
    if (!parseRange(styled.range)) throw new Error(`Style on ${spec.name}: "${styled.range}" is not a range`);
  }
}

/**
 * The values a formula sees on a sheet written from `spec`, as XlsxHost reads them back: a formula's computed value,
 * blank cells as null, trailing blanks dropped, cells a merge covers blank.
 */
export function specValues(spec: SheetSpec): Cell[][] {
  const values: Cell[][] = spec.cells.map((row) =>
    Array.from(row, (cell) =>
      cell === null || cell === undefined ? null : typeof cell === "object" ? (cell.v ?? null) : cell,
    ),
  );
  for (const ref of spec.merges ?? []) {
    const range = parseRange(ref);
    if (!range) continue;
    for (let row1 = range.start.row; row1 <= Math.min(range.end.row, values.length); row1++) {
      const row = values[row1 - 1];
      for (let column = range.start.column; column <= Math.min(range.end.column, row.length - 1); column++) {
        if (row1 !== range.start.row || column !== range.start.column) row[column] = null;
      }
    }
  }
  for (const row of values) while (row.length > 0 && row[row.length - 1] === null) row.pop();
  while (values.length > 0 && values[values.length - 1].length === 0) values.pop();
  return values;
}
