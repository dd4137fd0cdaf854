/**
 * The workbook host over Office.js. Every command runs in one Excel.run and costs a fixed number of syncs:
 *   ownedSheets  1 sync (load the defined names);
 *   readSheets   1 sync when every key has its sheet (the marker names lead to them); when some key has none,
 *                2 if this host already knows that (after any earlier call), else 3;
 *   writeSheets  1 sync to inspect + 1 build sync per 3.5 MB of cells + 1 swap sync; a failed swap costs 2 more
 *                to restore the workbook. Columns of one relative formula are filled down and blanks are not sent
 *                (see sheet-steps), so the heatmaps of any team take one build sync;
 *   select       1 sync when the sheet's location is known, else 2.
 *
 * A write builds every new sheet under a hidden temporary name, then swaps them in with one request, so a failure
 * while building leaves the workbook as it was. Excel requests are not transactions, so the swap is ordered to keep
 * each key's marker on a complete sheet at every step, and a failed swap is rolled back (or, once every marker has
 * moved, forward). Deleting a sheet turns other sheets' formulas that refer to it into #REF!: callers rewrite sheets
 * whose formulas depend on a replaced sheet after it (the commands do).
 */
import { parseRange } from "../../core/a1";
import type { Cell } from "../../core/types";
import type { SheetSpec } from "../../sheets/spec";
import type { OwnedSheet, SheetRead, WorkbookHost } from "../../workbook/host";
import type { ExcelContext, ExcelRun, ExcelTable, ExcelWorksheet } from "./excel-api";
import { a1Of, type Marker, ownerName, readMarkers } from "./markers";
import { sheetSteps, type Step } from "./sheet-steps";

/** Payload per build request: under Excel on the web's 5 MB limit with room for paths and formats. */
export const REQUEST_BUDGET_BYTES = 3.5 * 1024 * 1024;

const TEMP_PREFIX = "~cm-";

interface Plan {
  spec: SheetSpec;
  marker?: Marker;
  /** The sheet being replaced, by its current name. */
  old?: { name: string; parkedAs: string };
  target: string;
  tempName: string;
  temp?: ExcelWorksheet;
  tables: { table: ExcelTable; name: string }[];
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** "Ratings" if free, else "Ratings (2)", "Ratings (3)" ... within Excel's 31 characters. */
function freeName(wanted: string, taken: Set<string>): string {
  if (!taken.has(wanted.toLowerCase())) return wanted;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const name = wanted.slice(0, 31 - suffix.length) + suffix;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

function checkSpecs(specs: SheetSpec[]): void {
  const keys = new Set<string>();
  for (const spec of specs) {
    if (keys.has(spec.key)) throw new Error(`Two sheets to write share the key "${spec.key}".`);
    keys.add(spec.key);
    if (
      spec.name.length === 0 ||
      spec.name.length > 31 ||
      /[:\\/?*[\]]/.test(spec.name) ||
      spec.name.startsWith(TEMP_PREFIX)
    ) {
      throw new Error(
        `"${spec.name}" cannot be a sheet name: use 1 to 31 characters, none of : \\ / ? * [ ].`,
      );
    }
  }
}

/** Pads a used range read from `address` out to A1, with blanks as null. */
function fromA1(address: string, values: Cell[][]): Cell[][] {
  const range = parseRange(address);
  if (!range) throw new Error(`Excel returned an unexpected used range "${address}".`);
  const top = range.start.row - 1;
  const left = range.start.column;
  const width = left + (values[0]?.length ?? 0);
  const blankRow = (): Cell[] => Array.from({ length: width }, () => null);
  return [
    ...Array.from({ length: top }, blankRow),
    ...values.map((row) => [
      ...Array.from({ length: left }, () => null),
      ...row.map((v) => (v === "" ? null : v)),
    ]),
  ];
}

export class OfficeHost implements WorkbookHost {
  /** Where each key's sheet was last seen in this session. */
  private readonly locations = new Map<string, string>();
  /** Whether `locations` came from a full look at the markers, so a key missing from it has no sheet. */
  private markersSeen = false;
  private writing: Promise<unknown> = Promise.resolve();

  constructor(private readonly run: ExcelRun) {}

  async ownedSheets(): Promise<OwnedSheet[]> {
    return this.run(async (context) => {
      const markers = await this.loadMarkers(context);
      return [...markers.values()]
        .filter((m) => m.sheet !== null)
        .map((m) => ({ key: m.key, name: m.sheet as string }));
    });
  }

  private async loadMarkers(context: ExcelContext): Promise<Map<string, Marker>> {
    const names = context.workbook.names.load("items/name,items/formula");
    await context.sync();
    return this.remember(readMarkers(names.items));
  }

  private remember(markers: Map<string, Marker>): Map<string, Marker> {
    this.markersSeen = true;
    this.locations.clear();
    for (const marker of markers.values())
      if (marker.sheet !== null) this.locations.set(marker.key, marker.sheet);
    return markers;
  }

  async readSheets(keys: string[]): Promise<SheetRead[]> {
    return this.run(async (context) => {
      const knownAbsent = this.markersSeen && keys.some((key) => !this.locations.has(key));
      if (!knownAbsent) {
        const direct = await this.readThroughMarkers(context, keys).catch(() => undefined);
        if (direct) return direct;
      }
      const markers = await this.loadMarkers(context);
      const reads = keys.flatMap((key) => {
        const name = markers.get(key)?.sheet;
        return name ? [this.queueRead(key, context.workbook.worksheets.getItem(name).load("name"))] : [];
      });
      await context.sync();
      return reads.map((read) => read());
    });
  }

  /** One sync: each key's marker name leads to its sheet. Fails (harmlessly) if any key has no sheet. */
  private async readThroughMarkers(context: ExcelContext, keys: string[]): Promise<SheetRead[]> {
    const reads = keys.map((key) =>
      this.queueRead(key, context.workbook.names.getItem(ownerName(key)).getRange().worksheet.load("name")),
    );
    await context.sync();
    const result = reads.map((read) => read());
    for (const read of result) this.locations.set(read.key, read.name);
    return result;
  }

  private queueRead(key: string, sheet: ExcelWorksheet): () => SheetRead {
    const used = sheet.getUsedRangeOrNullObject(true).load("values,address");
    return () => ({
      key,
      name: sheet.name,
      values: used.isNullObject ? [] : fromA1(used.address, used.values),
    });
  }

  async select(key: string, a1: string): Promise<void> {
    await this.run(async (context) => {
      let name = this.locations.get(key);
      if (name === undefined) name = (await this.loadMarkers(context)).get(key)?.sheet ?? undefined;
      if (name === undefined)
        throw new Error(
          `The add-in's sheet "${key}" is not in this workbook; run the command that creates it.`,
        );
      const sheet = context.workbook.worksheets.getItem(name);
      sheet.activate();
      sheet.getRange(a1).select();
      try {
        await context.sync();
      } catch (error) {
        this.locations.delete(key);
        throw new Error(`Could not show ${a1} on sheet "${name}": ${message(error)}`);
      }
    });
  }

  async writeSheets(specs: SheetSpec[], options: { activate?: string } = {}): Promise<void> {
    checkSpecs(specs);
    if (specs.length === 0) return;
    // One write at a time: a second one would take the first one's temporary sheets for leftovers.
    const turn = this.writing.then(() => this.write(specs, options));
    this.writing = turn.catch(() => undefined);
    return turn;
  }

  private async write(specs: SheetSpec[], options: { activate?: string }): Promise<void> {
    await this.run(async (context) => {
      const workbook = context.workbook;
      const sheets = workbook.worksheets.load("items/name");
      const names = workbook.names.load("items/name,items/formula");
      const active = workbook.worksheets.getActiveWorksheet().load("name");
      try {
        await context.sync();
      } catch (error) {
        throw new Error(
          `Writing ${specs.map((s) => `"${s.name}"`).join(", ")} failed, and the workbook was left as it was: ${message(error)}`,
        );
      }

      const markers = readMarkers(names.items);
      const plans = this.plan(
        specs,
        markers,
        sheets.items.map((s) => s.name),
      );
      const markedSheets = new Set([...markers.values()].map((m) => m.sheet?.toLowerCase()));
      const leftovers = sheets.items.filter(
        (s) => s.name.startsWith(TEMP_PREFIX) && !markedSheets.has(s.name.toLowerCase()),
      );

      try {
        await this.build(context, plans, leftovers);
      } catch (error) {
        await this.discardTemps(context, plans);
        throw new Error(
          `Writing ${plans.map((p) => `"${p.target}"`).join(", ")} failed, and the workbook was left as it was: ${message(error)}`,
        );
      }

      const order = this.finalOrder(
        plans,
        markers,
        sheets.items.map((s) => s.name).filter((n) => !leftovers.some((l) => l.name === n)),
      );
      try {
        // Replacing the sheet the user is looking at must not send them to another one.
        const shown =
          options.activate ?? plans.find((p) => p.old && sameName(p.old.name, active.name))?.spec.key;
        this.queueSwap(context, plans, order, shown);
        await context.sync();
      } catch (error) {
        const outcome = await this.repair(context, plans, order).catch(
          (repairError: unknown) => `it could not be repaired (${message(repairError)})`,
        );
        throw new Error(
          `Replacing ${plans.map((p) => `"${p.target}"`).join(", ")} failed and ${outcome}: ${message(error)}`,
        );
      }
      for (const plan of plans) this.locations.set(plan.spec.key, plan.target);
    });
  }

  private plan(specs: SheetSpec[], markers: Map<string, Marker>, sheets: string[]): Plan[] {
    const taken = new Set(sheets.map((s) => s.toLowerCase()));
    const tempNames = new Set(taken);
    // Distinct from any other write's temporary sheets, should one be in flight in another task pane.
    const stamp = Date.now().toString(36);
    const replaced = new Map<string, string>();
    for (const spec of specs) {
      const marked = markers.get(spec.key)?.sheet;
      const old = marked ? sheets.find((s) => sameName(s, marked)) : undefined;
      if (old) replaced.set(spec.key, old);
    }
    // Names of the replaced sheets become free for their replacements; every other name stays taken.
    for (const old of replaced.values()) taken.delete(old.toLowerCase());
    const temp = (): string => {
      const name = freeName(`${TEMP_PREFIX}${stamp}`, tempNames);
      tempNames.add(name.toLowerCase());
      return name;
    };
    const plans: Plan[] = [];
    for (const spec of specs) {
      const old = replaced.get(spec.key);
      // A user's rename is kept; a sheet left under a temporary name by an interrupted write gets its own back.
      const wanted = old && !old.startsWith(TEMP_PREFIX) ? old : spec.name;
      const target = freeName(wanted, taken);
      taken.add(target.toLowerCase());
      tempNames.add(target.toLowerCase());
      plans.push({
        spec,
        marker: markers.get(spec.key),
        old: old ? { name: old, parkedAs: "" } : undefined,
        target,
        tempName: "",
        tables: [],
      });
    }
    for (const plan of plans) {
      plan.tempName = temp();
      if (plan.old) plan.old.parkedAs = temp();
    }
    return plans;
  }

  /** Creates the hidden temporary sheets and fills them, request by request, each under the size budget. */
  private async build(context: ExcelContext, plans: Plan[], leftovers: ExcelWorksheet[]): Promise<void> {
    const steps: { plan: Plan; step: Step }[] = [];
    for (const plan of plans)
      for (const step of sheetSteps(plan.spec, REQUEST_BUDGET_BYTES, plan.tables)) steps.push({ plan, step });

    const suspend = () => {
      context.workbook.application.suspendApiCalculationUntilNextSync();
      context.workbook.application.suspendScreenUpdatingUntilNextSync();
    };
    suspend();
    for (const sheet of leftovers) sheet.delete();
    for (const plan of plans) {
      plan.temp = context.workbook.worksheets.add(plan.tempName);
      plan.temp.visibility = "Hidden";
    }
    let size = 0;
    for (const { plan, step } of steps) {
      if (size > 0 && size + step.bytes > REQUEST_BUDGET_BYTES) {
        await context.sync();
        suspend();
        size = 0;
      }
      step.queue(plan.temp as ExcelWorksheet, plan.tempName);
      size += step.bytes;
    }
    await context.sync();
  }

  private async discardTemps(context: ExcelContext, plans: Plan[]): Promise<void> {
    const probes = plans.map((plan) => context.workbook.worksheets.getItemOrNullObject(plan.tempName));
    await context.sync().catch(() => undefined);
    for (const probe of probes) {
      try {
        if (!probe.isNullObject) probe.delete();
      } catch {
        // The probe's request failed; the next write removes any leftover temporary sheet.
      }
    }
    await context.sync().catch(() => undefined);
  }

  /** The tab order after the write: replacements where their old sheets were, new sheets after the last owned one. */
  private finalOrder(plans: Plan[], markers: Map<string, Marker>, current: string[]): string[] {
    const byOld = new Map(plans.filter((p) => p.old).map((p) => [p.old?.name.toLowerCase(), p.target]));
    const order = current.map((name) => byOld.get(name.toLowerCase()) ?? name);
    const owned = new Set(
      [...markers.values()].map((m) => m.sheet?.toLowerCase()).filter((n) => n !== undefined),
    );
    let insertAt = order.length;
    for (let i = order.length - 1; i >= 0; i--) {
      if (owned.has(current[i].toLowerCase())) {
        insertAt = i + 1;
        break;
      }
    }
    order.splice(insertAt, 0, ...plans.filter((p) => !p.old).map((p) => p.target));
    return order;
  }

  private queueSwap(context: ExcelContext, plans: Plan[], order: string[], activate?: string): void {
    const worksheets = context.workbook.worksheets;
    context.workbook.application.suspendApiCalculationUntilNextSync();
    context.workbook.application.suspendScreenUpdatingUntilNextSync();
    const olds = new Map<Plan, ExcelWorksheet>();
    for (const plan of plans) {
      if (!plan.old) continue;
      const old = worksheets.getItem(plan.old.name);
      old.name = plan.old.parkedAs;
      olds.set(plan, old);
    }
    for (const plan of plans) {
      const temp = plan.temp as ExcelWorksheet;
      temp.name = plan.target;
      if (!plan.spec.hidden) temp.visibility = "Visible";
    }
    for (const plan of plans) this.pointMarker(context, plan, plan.target);
    for (const old of olds.values()) old.delete();
    this.finish(plans, order, activate);
  }

  private pointMarker(context: ExcelContext, plan: Plan, sheet: string): void {
    if (plan.marker) plan.marker.item.formula = a1Of(sheet);
    else
      plan.marker = {
        key: plan.spec.key,
        item: context.workbook.names.add(ownerName(plan.spec.key), a1Of(sheet), plan.spec.key),
        sheet,
      };
  }

  /** Table names, tab positions and the active sheet: safe to redo once the new sheets are in place. */
  private finish(plans: Plan[], order: string[], activate?: string): void {
    for (const plan of plans) for (const { table, name } of plan.tables) table.name = name;
    const placed = plans
      .map((plan) => ({ plan, position: order.findIndex((n) => sameName(n, plan.target)) }))
      .sort((a, b) => a.position - b.position);
    for (const { plan, position } of placed) (plan.temp as ExcelWorksheet).position = position;
    const shown = plans.find((p) => p.spec.key === activate && !p.spec.hidden);
    shown?.temp?.activate();
  }

  /**
   * After a failed swap: if every key's marker already points at its new sheet, finish the swap; otherwise put
   * the old sheets and markers back and drop the new sheets. Returns what was done, for the error message.
   */
  private async repair(context: ExcelContext, plans: Plan[], order: string[]): Promise<string> {
    const sheets = context.workbook.worksheets.load("items/name");
    const names = context.workbook.names.load("items/name,items/formula");
    for (const plan of plans) plan.temp?.load("name");
    await context.sync();
    const exists = (name: string) => sheets.items.some((s) => sameName(s.name, name));
    const markers = readMarkers(names.items);
    const moved = (plan: Plan) => {
      const at = markers.get(plan.spec.key)?.sheet;
      return !!at && sameName(at, (plan.temp as ExcelWorksheet).name);
    };
    const worksheets = context.workbook.worksheets;
    if (plans.every(moved)) {
      for (const plan of plans)
        if (plan.old && exists(plan.old.parkedAs)) worksheets.getItem(plan.old.parkedAs).delete();
      this.finish(plans, order);
      await context.sync();
      return "was completed";
    }
    for (const plan of plans) {
      const marker = markers.get(plan.spec.key);
      if (!marker || !moved(plan)) continue;
      if (plan.old) marker.item.formula = a1Of(exists(plan.old.parkedAs) ? plan.old.parkedAs : plan.old.name);
      else marker.item.delete();
    }
    for (const plan of plans) plan.temp?.delete();
    for (const plan of plans)
      if (plan.old && exists(plan.old.parkedAs)) worksheets.getItem(plan.old.parkedAs).name = plan.old.name;
    await context.sync();
    return "the workbook was left as it was";
  }
}
