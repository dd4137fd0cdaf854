/**
 * The WorkbookHost of an .xlsx file held in memory by ExcelJS, so the command line runs the very commands the task
 * pane runs in Excel and writes the same workbook.
 */
import ExcelJS from "exceljs";
import { parseA1 } from "../../core/a1";
import type { SheetSpec } from "../../sheets/spec";
import type { OwnedSheet, SheetRead, WorkbookHost } from "../../workbook/host";
import { ownerName, sheetA1 } from "../../workbook/owner-name";
import { ownerKeysBySheet, sheetValues } from "./xlsx-reader";
import { setActiveSheet, writeSpec } from "./xlsx-writer";

export class XlsxHost implements WorkbookHost {
  constructor(readonly workbook: ExcelJS.Workbook = new ExcelJS.Workbook()) {}

  async ownedSheets(): Promise<OwnedSheet[]> {
    const keys = ownerKeysBySheet(this.workbook);
    return this.workbook.worksheets.flatMap((sheet) => {
      const key = keys.get(sheet.name);
      return key === undefined ? [] : [{ key, name: sheet.name }];
    });
  }

  async readSheets(keys: string[]): Promise<SheetRead[]> {
    const owned = await this.ownedSheets();
    return owned
      .filter((sheet) => keys.includes(sheet.key))
      .map(({ key, name }) => ({ key, name, values: sheetValues(this.sheet(name)) }));
  }

  /** New sheets are built under temporary names first; only when all are built do they replace the old ones. */
  async writeSheets(specs: SheetSpec[], options: { activate?: string } = {}): Promise<void> {
    const owned = new Map((await this.ownedSheets()).map((sheet) => [sheet.key, sheet.name]));
    const built: { spec: SheetSpec; sheet: ExcelJS.Worksheet }[] = [];
    try {
      for (const spec of specs) {
        const sheet = this.workbook.addWorksheet(`~cm${built.length}~${Date.now() % 1e6}`);
        built.push({ spec, sheet });
        writeSpec(sheet, spec);
      }
    } catch (error) {
      for (const { sheet } of built) this.workbook.removeWorksheet(sheet.id);
      throw error;
    }

    const ownedNames = new Set(owned.values());
    const newSheets = new Set(built.map(({ sheet }) => sheet));
    const order = this.workbook.worksheets.filter((sheet) => !newSheets.has(sheet));
    let insertAt = order.reduce((at, sheet, i) => (ownedNames.has(sheet.name) ? i + 1 : at), order.length);
    if (ownedNames.size === 0) insertAt = order.length;
    let names = this.workbook.definedNames.model;
    for (const { spec, sheet } of built) {
      const oldName = owned.get(spec.key);
      const at = oldName === undefined ? -1 : order.findIndex((s) => s.name === oldName);
      if (at >= 0) {
        this.workbook.removeWorksheet(order[at].id);
        order[at] = sheet;
      } else {
        order.splice(insertAt++, 0, sheet);
      }
      sheet.name = this.freeName(spec.name, sheet);
      const marker = ownerName(spec.key);
      names = [...names.filter((n) => n.name !== marker), { name: marker, ranges: [sheetA1(sheet.name)] }];
    }
    this.workbook.definedNames.model = names;
    // ExcelJS orders tabs by each sheet's orderNo, which its type declarations leave out.
    order.forEach((sheet, i) => {
      (sheet as ExcelJS.Worksheet & { orderNo: number }).orderNo = i + 1;
    });
    if (options.activate !== undefined) this.activate(options.activate);
  }

  async select(key: string, a1: string): Promise<void> {
    const sheet = this.activate(key);
    if (sheet && parseA1(a1)) sheet.views = [{ ...(sheet.views[0] ?? {}), activeCell: a1 }];
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

  /** The spec's name, or "name (2)"... when a sheet of the user's already has it. */
  private freeName(wanted: string, self: ExcelJS.Worksheet): string {
    const taken = new Set(
      this.workbook.worksheets.filter((s) => s !== self).map((s) => s.name.toLowerCase()),
    );
    let name = wanted;
    for (let n = 2; taken.has(name.toLowerCase()); n++) {
      const suffix = ` (${n})`;
      name = wanted.slice(0, 31 - suffix.length) + suffix;
    }
    return name;
  }
}
