/** Proxies for workbook-scoped defined names. */
import type { ExcelNamedItem, ExcelNamedItemCollection, ExcelRange } from "../office/excel-api";
import { parseAddress, quoteSheet } from "./address";
import { Binding, type MemoryContext, MemoryObject, quoteArg } from "./client-object";
import * as doc from "./document";
import { OfficeError } from "./errors";
import { RangeProxy } from "./range-proxies";
import type { MemName, MemState } from "./state";

/** The formula Excel reports for a name: it follows renames and shows #REF! once its sheet is gone. */
/** A text constant as a name's formula: ="..." with doubled quotes. */
function textConstant(formula: string): string | undefined {
  const match = /^="((?:[^"]|"")*)"$/.exec(formula);
  return match ? match[1].replace(/""/g, '"') : undefined;
}

export function nameFormula(state: MemState, name: MemName): string {
  if (name.text !== undefined) return `="${name.text.replace(/"/g, '""')}"`;
  const sheet = name.sheetId === null ? undefined : doc.sheetById(state, name.sheetId);
  return sheet ? `=${quoteSheet(sheet.name)}!${name.address}` : `=#REF!${name.address}`;
}

export class NamedItemCollectionProxy extends MemoryObject implements ExcelNamedItemCollection {
  constructor(context: MemoryContext) {
    super(context, "names");
  }
  protected loadable(): Record<string, () => unknown> {
    return {};
  }
  protected isNullBinding(): boolean {
    return false;
  }

  get items(): ExcelNamedItem[] {
    return this.readField<ExcelNamedItem[]>("items");
  }

  protected override applyLoad(names: string[]): void {
    const props = names.map((n) => n.replace(/^items\//, ""));
    const items = this.context.engine.state.names.map((name) => {
      const proxy = new NamedItemProxy(this.context, `names.getItem(${quoteArg(name.name)})`);
      proxy.binding.bind(name);
      proxy.fill(props);
      return proxy;
    });
    this.context.deliver(() => this.setField("items", items));
  }

  add(name: string, reference: string, comment = ""): ExcelNamedItem {
    const proxy = new NamedItemProxy(this.context, `names.add(${quoteArg(name)})`);
    this.queue("add", [name, reference, comment], () => {
      const state = this.context.engine.state;
      doc.validateName(state, name);
      if (comment.length > 255)
        throw new OfficeError("InvalidArgument", "A name's comment is at most 255 characters.");
      const text = textConstant(reference);
      let item: MemName = { name, comment, sheetId: null, address: "", text };
      if (text === undefined) {
        const { sheet, address } = doc.resolveReference(state, reference);
        item = { name, comment, sheetId: sheet.id, address };
      }
      state.names.push(item);
      proxy.binding.bind(item);
    });
    return proxy;
  }

  getItem(name: string): ExcelNamedItem {
    const proxy = new NamedItemProxy(this.context, `names.getItem(${quoteArg(name)})`);
    this.queue("getItem", [name], () => {
      const item = this.context.engine.state.names.find((n) => n.name.toLowerCase() === name.toLowerCase());
      if (!item)
        throw new OfficeError("ItemNotFound", `The requested resource doesn't exist (name '${name}').`);
      proxy.binding.bind(item);
    });
    return proxy;
  }

  getItemOrNullObject(name: string): ExcelNamedItem {
    const proxy = new NamedItemProxy(this.context, `names.getItemOrNullObject(${quoteArg(name)})`);
    this.queue("getItemOrNullObject", [name], () =>
      proxy.binding.bind(
        this.context.engine.state.names.find((n) => n.name.toLowerCase() === name.toLowerCase()),
      ),
    );
    return proxy;
  }
}

class NamedItemProxy extends MemoryObject implements ExcelNamedItem {
  readonly binding: Binding<MemName>;

  constructor(context: MemoryContext, path: string) {
    super(context, path);
    this.binding = new Binding<MemName>(path);
  }

  protected loadable(): Record<string, () => unknown> {
    const state = this.context.engine.state;
    const name = this.binding.get();
    return {
      name: () => name.name,
      comment: () => name.comment,
      formula: () => nameFormula(state, name),
      type: () => (name.text !== undefined ? "String" : name.sheetId === null ? "Error" : "Range"),
    };
  }
  protected isNullBinding(): boolean {
    return this.binding.nullObject;
  }

  fill(props: string[]): void {
    this.applyLoad(props);
  }

  get isNullObject(): boolean {
    return this.binding.readIsNull();
  }

  get name(): string {
    return this.readField<string>("name");
  }

  get comment(): string {
    return this.readField<string>("comment");
  }
  set comment(value: string) {
    this.queueSet("comment", value, () => {
      this.binding.get().comment = value;
    });
  }

  get formula(): string {
    return this.readField<string>("formula");
  }
  set formula(value: string) {
    this.queueSet("formula", value, () => {
      const name = this.binding.get();
      const text = textConstant(value);
      if (text !== undefined) {
        Object.assign(name, { sheetId: null, address: "", text });
        return;
      }
      const { sheet, address } = doc.resolveReference(this.context.engine.state, value);
      name.sheetId = sheet.id;
      name.address = address;
      delete name.text;
    });
  }

  getRange(): ExcelRange {
    const proxy = new RangeProxy(this.context, `${this.path}.getRange()`);
    this.queue("getRange", [], () => {
      const name = this.binding.get();
      const sheet =
        name.sheetId === null ? undefined : doc.sheetById(this.context.engine.state, name.sheetId);
      if (!sheet)
        throw new OfficeError(
          "InvalidReference",
          `The name '${name.name}' does not refer to a range (#REF!).`,
        );
      proxy.binding.bind({ sheet, rect: parseAddress(name.address) });
    });
    return proxy;
  }

  delete(): void {
    this.queue("delete", [], () => {
      const state = this.context.engine.state;
      const name = this.binding.get();
      state.names = state.names.filter((n) => n !== name);
    });
  }
}
