/**
 * The WorkbookHost of an .xlsx file held in memory by ExcelJS, so the command line runs the very commands the task
 * pane runs in Excel and writes the same workbook: owned sheets updated in place, new ones after the last owned one.
 */
import ExcelJS from "exceljs";
import { parseA1 } from "../../core/a1";
import type { SheetSpec } from "../../sheets/spec";
import type { OwnedSheet, SheetRead, WorkbookChange, WorkbookHost, WorkbookView } from "../../workbook/host";
import { ownerName, sheetA1 } from "../../workbook/owner-name";
import {
  ownedSheetsOf,
  planWrite,
  type SheetWrite,
  sheetNamer,
  type WorkbookLayout,
  type WritePlan,
} from "../../workbook/write-plan";
import { ownerKeysBySheet, sheetValues } from "./xlsx-reader";
import { setActiveSheet, writeSpec } from "./xlsx-writer";

export class XlsxHost implements WorkbookHost {
  constructor(readonly workbook: ExcelJS.Workbook = new ExcelJS.Workbook()) {}

  async ownedSheets(): Promise<OwnedSheet[]> {
    return ownedSheetsOf(this.layout());
  }

  async readSheets(keys: string[]): Promise<SheetRead[]> {
    const owned = await this.ownedSheets();
    return owned
      .filter((sheet) => keys.includes(sheet.key))
      .map(({ key, name }) => ({ key, name, values: sheetValues(this.sheet(name)) }));
  }

  async update<T>(
    read: (owned: OwnedSheet[]) => string[],
    write: (view: WorkbookView) => WorkbookChange<T>,
  ): Promise<T> {
    const layout = this.layout();
    const owned = ownedSheetsOf(layout);
    const keys = read(owned);
    const reads = owned
      .filter((sheet) => keys.includes(sheet.key))
      .map(({ key, name }) => ({ key, name, values: sheetValues(this.sheet(name)) }));
    const change = write({ owned, reads, nameFor: sheetNamer(layout) });
    if (change.specs.length > 0) {
      const identity = { started: Date.now(), writeId: "xlsx" };
      this.carryOut(planWrite(change.specs, layout, identity, { activate: change.activate }));
    }
    return change.result;
  }

  async writeSheets(specs: SheetSpec[], options: { activate?: string } = {}): Promise<void> {
    await this.update(
      () => [],
      () => ({ specs, activate: options.activate, result: undefined }),
    );
  }

  async select(key: string, a1: string): Promise<void> {
    const sheet = this.activate(key);
    if (sheet && parseA1(a1)) sheet.views = [{ ...(sheet.views[0] ?? {}), activeCell: a1 }];
  }

  private layout(): WorkbookLayout {
    const keys = ownerKeysBySheet(this.workbook);
    return {
      sheets: this.workbook.worksheets.map((sheet) => ({ name: sheet.name, visibility: sheet.state })),
      markers: [...keys].map(([sheet, key]) => ({ key, sheet })),
    };
  }

  /**
   * Builds every spec on a temporary sheet first, so a spec that cannot be written leaves the workbook as it was;
   * then an owned sheet takes the new content in place (its name, position, and the user's column widths and panes
   * where the spec sets none, stay), and a new sheet takes its name and place.
   */
  private carryOut(plan: WritePlan): void {
    const built: { write: SheetWrite; sheet: ExcelJS.Worksheet }[] = [];
    try {
      for (const write of plan.writes) {
        const sheet = this.workbook.addWorksheet(write.temporary);
        built.push({ write, sheet });
        writeSpec(sheet, write.spec);
      }
    } catch (error) {
      for (const { sheet } of built) this.workbook.removeWorksheet(sheet.id);
      throw error;
    }
    for (const name of plan.discard) {
      const sheet = this.workbook.getWorksheet(name);
      if (sheet) this.workbook.removeWorksheet(sheet.id);
    }
    let names = this.workbook.definedNames.model;
    const created = new Map<string, ExcelJS.Worksheet>();
    for (const { write, sheet } of built) {
      if (write.action === "create") {
        sheet.name = write.sheet;
        created.set(write.sheet, sheet);
        const marker = ownerName(write.spec.key);
        names = [...names.filter((n) => n.name !== marker), { name: marker, ranges: [sheetA1(write.sheet)] }];
        continue;
      }
      const owned = this.sheet(write.sheet);
      owned.model = inPlace(owned, sheet, write.spec);
      this.workbook.removeWorksheet(sheet.id);
    }
    this.workbook.definedNames.model = names;
    // ExcelJS orders tabs by each sheet's orderNo, which its type declarations leave out.
    const order = this.workbook.worksheets.filter((sheet) => !created.has(sheet.name));
    for (const { sheet, position } of plan.positions) {
      const made = created.get(sheet);
      if (made) order.splice(position, 0, made);
    }
    order.forEach((sheet, i) => {
      (sheet as ExcelJS.Worksheet & { orderNo: number }).orderNo = i + 1;
    });
    if (plan.activate !== null) {
      const index = this.workbook.worksheets.findIndex((sheet) => sheet.name === plan.activate);
      if (index >= 0) setActiveSheet(this.workbook, index);
    }
  }

  private activate(key: string): ExcelJS.Worksheet | undefined {
    const name = [...ownerKeysBySheet(this.workbook)].find(([, k]) => k === key)?.[0];
    const index =
      name === undefined ? -1 : this.workbook.worksheets.findIndex((sheet) => sheet.name === name);
    if (index < 0) return undefined;
    setActiveSheet(this.workbook, index);
    return this.workbook.worksheets[index];
  }

  private sheet(name: string): ExcelJS.Worksheet {
    const sheet = this.workbook.getWorksheet(name);
    if (!sheet) throw new Error(`Sheet "${name}" is gone from the workbook`);
    return sheet;
  }
}

/**
 * The model of `fresh` (the spec just written) for `owned`: its cells, styles, merges, conditional formats and
 * validation; column widths and panes where the spec sets them and the user's elsewhere; the owned sheet's name and
 * everything else of its own.
 */
function inPlace(
  owned: ExcelJS.Worksheet,
  fresh: ExcelJS.Worksheet,
  spec: SheetSpec,
): ExcelJS.WorksheetModel {
  const kept = owned.model;
  const made = fresh.model;
  const widths = new Map<number, number>();
  for (let c = 1; c <= owned.columnCount; c++) {
    const width = owned.getColumn(c).width;
    if (width !== undefined) widths.set(c, width);
  }
  (spec.columnWidths ?? []).forEach((width, c) => {
    if (width !== undefined) widths.set(c + 1, width);
  });
  const cols = [...widths].sort(([a], [b]) => a - b).map(([c, width]) => ({ min: c, max: c, width }));
  return {
    ...made,
    name: kept.name,
    cols,
    views: spec.freeze ? made.views : kept.views,
    properties: {
      ...kept.properties,
      tabColor: spec.tabColor ? made.properties.tabColor : kept.properties.tabColor,
    },
  } as ExcelJS.WorksheetModel;
}
