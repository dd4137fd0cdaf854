/** Proxies for the workbook, its application settings, worksheets, freeze panes and tables. */
import type {
  ExcelApplication,
  ExcelAutoFilter,
  ExcelEvent,
  ExcelFreezePanes,
  ExcelNamedItemCollection,
  ExcelRange,
  ExcelTable,
  ExcelTableCollection,
  ExcelWorkbook,
  ExcelWorksheet,
  ExcelWorksheetChangedEventArgs,
  ExcelWorksheetCollection,
  ExcelWorksheetEventArgs,
} from "../office/excel-api";
import { parseAddress } from "./address";
import { Binding, type MemoryContext, MemoryObject, quoteArg } from "./client-object";
import * as doc from "./document";
import { OfficeError } from "./errors";
import { AutoFilterProxy } from "./filters";
import { NamedItemCollectionProxy } from "./name-proxies";
import { RangeProxy } from "./range-proxies";
import type { MemSheet, MemTable } from "./state";

export class WorkbookProxy implements ExcelWorkbook {
  readonly worksheets: ExcelWorksheetCollection;
  readonly names: ExcelNamedItemCollection;
  readonly application: ExcelApplication;

  constructor(context: MemoryContext) {
    this.worksheets = new WorksheetCollectionProxy(context);
    this.names = new NamedItemCollectionProxy(context);
    this.application = new ApplicationProxy(context);
  }
}

class ApplicationProxy extends MemoryObject implements ExcelApplication {
  constructor(context: MemoryContext) {
    super(context, "application");
  }
  protected loadable(): Record<string, () => unknown> {
    return {};
  }
  protected isNullBinding(): boolean {
    return false;
  }
  suspendApiCalculationUntilNextSync(): void {
    this.queue("suspendApiCalculationUntilNextSync", [], () =>
      this.context.engine.noteSuspended("calculation"),
    );
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this.queue("suspendScreenUpdatingUntilNextSync", [], () =>
      this.context.engine.noteSuspended("screenUpdating"),
    );
  }
}

class WorksheetCollectionProxy extends MemoryObject implements ExcelWorksheetCollection {
  /** Handlers are added and removed at the sync after the call, in the context that added them, as in Excel. */
  readonly onChanged: ExcelEvent<ExcelWorksheetChangedEventArgs>;
  readonly onAdded: ExcelEvent<ExcelWorksheetEventArgs>;
  readonly onDeleted: ExcelEvent<ExcelWorksheetEventArgs>;

  constructor(context: MemoryContext) {
    super(context, "worksheets");
    const event = <Args>(
      member: string,
      watch: (handler: (args: Args) => Promise<unknown>) => () => void,
    ): ExcelEvent<Args> => ({
      add: (handler) => {
        let remove: (() => void) | undefined;
        this.queue(`${member}.add`, [], () => {
          remove = watch(handler);
        });
        return {
          context: this.context,
          remove: () => this.queue(`${member}.remove`, [], () => remove?.()),
        };
      },
    });
    this.onChanged = event("onChanged", (handler) => this.context.engine.watchSheet(null, handler));
    this.onAdded = event("onAdded", (handler) => this.context.engine.watchSheets("added", handler));
    this.onDeleted = event("onDeleted", (handler) => this.context.engine.watchSheets("deleted", handler));
  }
  protected loadable(): Record<string, () => unknown> {
    return {};
  }
  protected isNullBinding(): boolean {
    return false;
  }

  get items(): ExcelWorksheet[] {
    return this.readField<ExcelWorksheet[]>("items");
  }

  protected override applyLoad(names: string[]): void {
    const state = this.context.engine.state;
    const props = names.map((n) => n.replace(/^items\//, ""));
    const items = state.sheets.map((sheet) => {
      const proxy = new WorksheetProxy(this.context, `worksheets.getItem(${quoteArg(sheet.name)})`);
      proxy.binding.bind(sheet);
      proxy.fill(props);
      return proxy;
    });
    this.context.deliver(() => this.setField("items", items));
  }

  add(name?: string): ExcelWorksheet {
    const proxy = new WorksheetProxy(this.context, `worksheets.add(${quoteArg(name ?? "")})`);
    this.queue("add", [name], () => proxy.binding.bind(doc.addSheet(this.context.engine.state, name)));
    return proxy;
  }

  getItem(key: string): ExcelWorksheet {
    const proxy = new WorksheetProxy(this.context, `worksheets.getItem(${quoteArg(key)})`);
    this.queue("getItem", [key], () => {
      const sheet = doc.findSheet(this.context.engine.state, key);
      if (!sheet)
        throw new OfficeError("ItemNotFound", `The requested resource doesn't exist (worksheet '${key}').`);
      proxy.binding.bind(sheet);
    });
    return proxy;
  }

  getActiveWorksheet(): ExcelWorksheet {
    const proxy = new WorksheetProxy(this.context, "worksheets.getActiveWorksheet()");
    this.queue("getActiveWorksheet", [], () => {
      const state = this.context.engine.state;
      const active = state.activeSheetId === null ? undefined : doc.sheetById(state, state.activeSheetId);
      if (!active) throw new OfficeError("ItemNotFound", "The workbook has no active worksheet.");
      proxy.binding.bind(active);
    });
    return proxy;
  }

  getItemOrNullObject(key: string): ExcelWorksheet {
    const proxy = new WorksheetProxy(this.context, `worksheets.getItemOrNullObject(${quoteArg(key)})`);
    this.queue("getItemOrNullObject", [key], () =>
      proxy.binding.bind(doc.findSheet(this.context.engine.state, key)),
    );
    return proxy;
  }
}

export class WorksheetProxy extends MemoryObject implements ExcelWorksheet {
  readonly binding: Binding<MemSheet>;
  readonly freezePanes: ExcelFreezePanes;
  readonly tables: ExcelTableCollection;
  readonly autoFilter: ExcelAutoFilter;
  /** Handlers are added and removed at the sync after the call, in the context that added them, as in Excel. */
  readonly onChanged: ExcelEvent<ExcelWorksheetChangedEventArgs>;

  constructor(context: MemoryContext, path: string) {
    super(context, path);
    this.binding = new Binding<MemSheet>(path);
    this.freezePanes = new FreezePanesProxy(context, this);
    this.tables = new TableCollectionProxy(context, this);
    this.autoFilter = new AutoFilterProxy(context, path, () => this.live());
    this.onChanged = {
      add: (handler) => {
        let remove: (() => void) | undefined;
        this.queue("onChanged.add", [], () => {
          remove = this.context.engine.watchSheet(this.live(), handler);
        });
        return {
          context: this.context,
          remove: () => this.queue("onChanged.remove", [], () => remove?.()),
        };
      },
    };
  }

  /** The sheet, which must still be in the workbook: Excel refuses to act on a deleted sheet's proxy. */
  live(): MemSheet {
    const sheet = this.binding.get();
    if (!this.context.engine.state.sheets.includes(sheet)) {
      throw new OfficeError(
        "ItemNotFound",
        `The requested resource doesn't exist (${this.path} was deleted).`,
      );
    }
    return sheet;
  }

  protected loadable(): Record<string, () => unknown> {
    const state = this.context.engine.state;
    const sheet = this.live();
    return {
      name: () => sheet.name,
      position: () => state.sheets.indexOf(sheet),
      visibility: () => sheet.visibility,
      tabColor: () => sheet.tabColor,
    };
  }

  protected isNullBinding(): boolean {
    return this.binding.nullObject;
  }

  /** Fills loaded properties now (used when a collection load creates the item). */
  fill(props: string[]): void {
    this.applyLoad(props);
  }

  get isNullObject(): boolean {
    return this.binding.readIsNull();
  }

  get name(): string {
    return this.readField<string>("name");
  }
  set name(value: string) {
    this.queueSet("name", value, () => doc.renameSheet(this.context.engine.state, this.live(), value));
  }

  get position(): number {
    return this.readField<number>("position");
  }
  set position(value: number) {
    this.queueSet("position", value, () => doc.setPosition(this.context.engine.state, this.live(), value));
  }

  get visibility(): string {
    return this.readField<string>("visibility");
  }
  set visibility(value: string) {
    this.queueSet("visibility", value, () =>
      doc.setVisibility(this.context.engine.state, this.live(), value),
    );
  }

  get tabColor(): string {
    return this.readField<string>("tabColor");
  }
  set tabColor(value: string) {
    this.queueSet("tabColor", value, () => {
      if (value !== "" && !/^#[0-9A-Fa-f]{6}$/.test(value))
        throw new OfficeError("InvalidArgument", `'${value}' is not a colour.`);
      this.live().tabColor = value.toUpperCase();
    });
  }

  getRange(address = "A1:XFD1048576"): ExcelRange {
    const proxy = new RangeProxy(this.context, `${this.path}.getRange(${quoteArg(address)})`);
    this.queue("getRange", [address], () =>
      proxy.binding.bind({ sheet: this.live(), rect: parseAddress(address) }),
    );
    return proxy;
  }

  getUsedRangeOrNullObject(valuesOnly = false): ExcelRange {
    const proxy = new RangeProxy(this.context, `${this.path}.getUsedRangeOrNullObject(${valuesOnly})`);
    this.queue("getUsedRangeOrNullObject", [valuesOnly], () => {
      const sheet = this.live();
      const rect = doc.usedRect(sheet, valuesOnly);
      proxy.binding.bind(rect ? { sheet, rect } : undefined);
    });
    return proxy;
  }

  activate(): void {
    this.queue("activate", [], () => doc.activate(this.context.engine.state, this.live()));
  }

  delete(): void {
    this.queue("delete", [], () => doc.deleteSheet(this.context.engine.state, this.live()));
  }
}

class FreezePanesProxy implements ExcelFreezePanes {
  constructor(
    private readonly context: MemoryContext,
    private readonly sheet: WorksheetProxy,
  ) {}

  private queue(member: string, args: unknown, apply: () => void): void {
    this.context.enqueue({ path: `${this.sheet.path}.freezePanes`, member, args, apply });
  }

  freezeAt(frozenRange: string): void {
    this.queue("freezeAt", [frozenRange], () => {
      const rect = parseAddress(frozenRange);
      // Excel freezes everything above and left of the range's bottom-right corner.
      doc.freeze(this.sheet.live(), rect.bottom, rect.right + 1);
    });
  }
  freezeRows(count = 1): void {
    this.queue("freezeRows", [count], () => doc.freeze(this.sheet.live(), count, 0));
  }
  freezeColumns(count = 1): void {
    this.queue("freezeColumns", [count], () => doc.freeze(this.sheet.live(), 0, count));
  }
}

class TableCollectionProxy implements ExcelTableCollection {
  constructor(
    private readonly context: MemoryContext,
    private readonly sheet: WorksheetProxy,
  ) {}

  add(address: string, hasHeaders: boolean): ExcelTable {
    const path = `${this.sheet.path}.tables.add(${quoteArg(address)})`;
    const proxy = new TableProxy(this.context, path);
    this.context.enqueue({
      path: `${this.sheet.path}.tables`,
      member: "add",
      args: [address, hasHeaders],
      apply: () => {
        const sheet = this.sheet.live();
        const state = this.context.engine.state;
        doc.addTable(state, sheet, parseAddress(address), hasHeaders);
        proxy.binding.bind(sheet.tables[sheet.tables.length - 1]);
      },
    });
    return proxy;
  }
}

class TableProxy extends MemoryObject implements ExcelTable {
  readonly binding: Binding<MemTable>;

  constructor(context: MemoryContext, path: string) {
    super(context, path);
    this.binding = new Binding<MemTable>(path);
  }
  protected loadable(): Record<string, () => unknown> {
    const table = this.binding.get();
    return { name: () => table.name, style: () => table.style };
  }
  protected isNullBinding(): boolean {
    return this.binding.nullObject;
  }

  get name(): string {
    return this.readField<string>("name");
  }
  set name(value: string) {
    this.queueSet("name", value, () => {
      const table = this.binding.get();
      doc.validateName(this.context.engine.state, value, table);
      table.name = value;
    });
  }

  get style(): string {
    return this.readField<string>("style");
  }
  set style(value: string) {
    this.queueSet("style", value, () => {
      this.binding.get().style = value;
    });
  }
}
