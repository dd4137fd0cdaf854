/**
 * The task pane's Office host, loaded with its first call: the pane draws its first screen while the code that reads
 * and writes sheets (markers, write steps, cell formats) is still on its way, and the first command waits for it.
 */
import type { SheetSpec } from "../../sheets/spec";
import type { OwnedSheet, SheetRead, WorkbookHost, WorkbookView, WorkbookChange } from "../../workbook/host";
import type { ExcelRun } from "./excel-api";

export class OfficeHostOnDemand implements WorkbookHost {
  private loading: Promise<WorkbookHost> | undefined;

  constructor(private readonly run: ExcelRun) {}

  private host(): Promise<WorkbookHost> {
    this.loading ??= import(/* webpackChunkName: "office-host" */ "./office-host").then(
      ({ OfficeHost }) => new OfficeHost(this.run),
    );
    return this.loading;
  }

  async ownedSheets(): Promise<OwnedSheet[]> {
    return (await this.host()).ownedSheets();
  }

  async readSheets(keys: string[]): Promise<SheetRead[]> {
    return (await this.host()).readSheets(keys);
  }

  async update<T>(
    read: (owned: OwnedSheet[]) => string[],
    write: (view: WorkbookView) => WorkbookChange<T>,
  ): Promise<T> {
    return (await this.host()).update(read, write);
  }

  async writeSheets(specs: SheetSpec[], options?: { activate?: string }): Promise<void> {
    return (await this.host()).writeSheets(specs, options);
  }

  async select(key: string, a1: string): Promise<void> {
    return (await this.host()).select(key, a1);
  }

  // The Office host watches sheets (Excel's worksheet.onChanged), so this one says it can too.
  async watchSheet(key: string, onChange: () => void): Promise<() => Promise<void>> {
    const host = await this.host();
    if (!host.watchSheet) throw new Error("The Office host cannot watch a sheet");
    return host.watchSheet(key, onChange);
  }
}
