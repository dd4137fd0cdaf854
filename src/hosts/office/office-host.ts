/**
 * The workbook host over Office.js. Every command is one `update`: a small fixed number of syncs whatever the team
 * size, each request under Excel on the web's limit.
 *   look   1 sync: the sheets, the defined names (markers and other writers' claims), this write's claim, and the
 *          owned sheets the command reads when this host already knows where they are;
 *   read   1 sync for the owned sheets not read with the look (none when the host knew where they were);
 *   write  1 sync: build each spec on a hidden temporary sheet, then copy it into the owned sheet (or show it as a
 *          new sheet), set what a copy does not carry (widths, freeze panes), and remove the temporary sheets. Specs
 *          over 3.5 MB in all are built over more syncs first.
 * So a command costs 3 syncs on a fresh host and 2 once the host has seen the markers; ownedSheets, readSheets and
 * select cost 1 (readSheets 2 or 3 when a key has no sheet).
 *
 * Owned sheets are updated in place, never deleted or renamed: the user's formulas, charts, names and validation
 * that point at them keep working. Excel requests are not transactions, so the write sync marks the point after
 * which the new content is complete (this write's claim reads "swap"); a failure before it is undone by removing
 * the temporary sheets, a failure after it is completed by doing the rest again.
 *
 * Two writers at once (the pane and the ribbon's runtime, or two co-authors) are kept apart by claims: each write
 * adds a defined name `CM.Write.<start>.<id>` in its look sync and backs off if it sees another writer's claim there,
 * removing its own and trying again later. Requests run one at a time, so of two writers exactly one sees the other.
 */
import { parseRange, rangeRef } from "../../core/a1";
import type { Cell } from "../../core/types";
import type { SheetSpec } from "../../sheets/spec";
import type { OwnedSheet, SheetRead, WorkbookChange, WorkbookHost, WorkbookView } from "../../workbook/host";
import {
  ownedSheetsOf,
  planWrite,
  sheetNamer,
  type WorkbookLayout,
  type WritePlan,
} from "../../workbook/write-plan";
import type { ExcelContext, ExcelNamedItem, ExcelRange, ExcelRun, ExcelWorksheet } from "./excel-api";
import { a1Of, type Marker, ownerName, readMarkers } from "./markers";
import { contentSteps, sheetLayoutSteps, type Step } from "./sheet-steps";

/** Payload per build request: under Excel on the web's 5 MB limit with room for paths and formats. */
export const REQUEST_BUDGET_BYTES = 3.5 * 1024 * 1024;

/** Cells per read request when a sheet is too large to read in one: ~35 bytes a cell stays under 4 MB. */
const READ_BLOCK_CELLS = 100_000;

const CLAIM_PREFIX = "CM.Write.";
/** A claim older than this belongs to a write that was cut off (the pane closed mid-write): it is ignored and removed. */
export const CLAIM_EXPIRES_MS = 2 * 60 * 1000;
const SWAPPING = "swap";

export interface OfficeHostOptions {
  /** Clock and id source, for tests. */
  now?: () => number;
  writeId?: () => string;
  /** Waits between attempts when another writer is busy (ms); attempts = delays + 1. */
  retryDelays?: number[];
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

function randomId(): string {
  return Math.floor(Math.random() * 36 ** 6)
    .toString(36)
    .padStart(6, "0");
}

function claimName(started: number, writeId: string): string {
  return `${CLAIM_PREFIX}${started.toString(36)}.${writeId}`;
}

/** The start time of a claim name, or NaN. */
function claimStarted(name: string): number {
  if (!name.toUpperCase().startsWith(CLAIM_PREFIX.toUpperCase())) return NaN;
  return parseInt(name.slice(CLAIM_PREFIX.length).split(".")[0] ?? "", 36);
}

function textFormula(text: string): string {
  return `="${text.replace(/"/g, '""')}"`;
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

/** Another writer is busy: try again later. */
class Busy {
  constructor(readonly since: number) {}
}

export class OfficeHost implements WorkbookHost {
  /** Where each key's sheet was last seen in this session. */
  private readonly locations = new Map<string, string>();
  /** Whether `locations` came from a full look at the markers, so a key missing from it has no sheet. */
  private markersSeen = false;
  private writing: Promise<unknown> = Promise.resolve();
  private readonly now: () => number;
  private readonly newWriteId: () => string;
  private readonly retryDelays: number[];

  constructor(
    private readonly run: ExcelRun,
    options: OfficeHostOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.newWriteId = options.writeId ?? randomId;
    this.retryDelays = options.retryDelays ?? [100, 300, 1000, 2000];
  }

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
      const owned = keys.flatMap((key) => {
        const name = markers.get(key)?.sheet;
        return name ? [{ key, name }] : [];
      });
      return this.readOwned(context, owned);
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

  /**
   * Reads owned sheets in one sync; when the answer would pass Excel's 5 MB response limit, reads their used ranges'
   * sizes, then the cells in blocks of rows, each request's answer under the limit.
   */
  private async readOwned(context: ExcelContext, sheets: OwnedSheet[]): Promise<SheetRead[]> {
    const queued = sheets.map((o) =>
      this.queueRead(o.key, context.workbook.worksheets.getItem(o.name).load("name")),
    );
    try {
      await context.sync();
      return queued.map((q) => q());
    } catch (error) {
      if ((error as { code?: unknown }).code !== "RequestPayloadSizeLimitExceeded") throw error;
    }
    const used = sheets.map((o) =>
      context.workbook.worksheets
        .getItem(o.name)
        .getUsedRangeOrNullObject(true)
        .load("address,rowCount,columnCount"),
    );
    await context.sync();
    const reads: SheetRead[] = [];
    for (const [i, sheet] of sheets.entries()) {
      const range = used[i];
      if (range.isNullObject) {
        reads.push({ key: sheet.key, name: sheet.name, values: [] });
        continue;
      }
      const area = parseRange(range.address);
      if (!area) throw new Error(`Excel returned an unexpected used range "${range.address}".`);
      const rowsPerBlock = Math.max(1, Math.floor(READ_BLOCK_CELLS / Math.max(1, range.columnCount)));
      const blocks: ExcelRange[] = [];
      for (let top = area.start.row; top <= area.end.row; top += rowsPerBlock) {
        const bottom = Math.min(area.end.row, top + rowsPerBlock - 1);
        blocks.push(
          context.workbook.worksheets
            .getItem(sheet.name)
            .getRange(rangeRef(top, area.start.column, bottom, area.end.column))
            .load("values"),
        );
        await context.sync();
      }
      const values = blocks.flatMap((block) => block.values);
      reads.push({ key: sheet.key, name: sheet.name, values: fromA1(range.address, values) });
    }
    return reads;
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

  async watchSheet(key: string, onChange: () => void): Promise<() => Promise<void>> {
    const added = await this.run(async (context) => {
      let name = this.locations.get(key);
      if (name === undefined) name = (await this.loadMarkers(context)).get(key)?.sheet ?? undefined;
      if (name === undefined)
        throw new Error(
          `The add-in's sheet "${key}" is not in this workbook; run the command that creates it.`,
        );
      const result = context.workbook.worksheets.getItem(name).onChanged.add(async () => onChange());
      await context.sync();
      return result;
    });
    // Removing a handler is synced in the context that added it, as Office.js requires.
    return async () => {
      added.remove();
      await added.context.sync();
    };
  }

  async watchWorkbook(onChange: () => void): Promise<() => Promise<void>> {
    const added = await this.run(async (context) => {
      const sheets = context.workbook.worksheets;
      const heard = async () => onChange();
      const results = [sheets.onChanged.add(heard), sheets.onAdded.add(heard), sheets.onDeleted.add(heard)];
      await context.sync();
      return results;
    });
    // Removed in the context that added them, as Office.js requires: one sync for the three.
    return async () => {
      for (const result of added) result.remove();
      await added[0].context.sync();
    };
  }

  async writeSheets(specs: SheetSpec[], options: { activate?: string } = {}): Promise<void> {
    await this.update(
      () => [],
      () => ({ specs, activate: options.activate, result: undefined }),
    );
  }

  update<T>(
    read: (owned: OwnedSheet[]) => string[],
    write: (view: WorkbookView) => WorkbookChange<T>,
  ): Promise<T> {
    // One write at a time within this runtime; other runtimes are kept off by claims.
    const turn = this.writing.then(() => this.attempts(read, write));
    this.writing = turn.catch(() => undefined);
    return turn;
  }

  private async attempts<T>(
    read: (owned: OwnedSheet[]) => string[],
    write: (view: WorkbookView) => WorkbookChange<T>,
  ): Promise<T> {
    let busy: Busy | undefined;
    for (let attempt = 0; attempt <= this.retryDelays.length; attempt++) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, this.retryDelays[attempt - 1]));
      const outcome = await this.run((context) => this.attempt(context, read, write));
      if (!(outcome instanceof Busy)) return outcome.value;
      busy = outcome;
    }
    const since = busy ? new Date(busy.since).toLocaleTimeString() : "a moment ago";
    throw new Error(
      `Another task pane, the ribbon or a co-author has been writing to this workbook since ${since}; nothing was changed. Try again in a moment.`,
    );
  }

  private async attempt<T>(
    context: ExcelContext,
    read: (owned: OwnedSheet[]) => string[],
    write: (view: WorkbookView) => WorkbookChange<T>,
  ): Promise<{ value: T } | Busy> {
    const started = this.now();
    const writeId = this.newWriteId();
    let claim = claimName(started, writeId);
    const firstClaim = claim;

    // Look: what the workbook holds, and this write's claim. Owned sheets this host knows are read along.
    const guessed = this.markersSeen
      ? read([...this.locations].map(([key, name]) => ({ key, name }))).filter((k) => this.locations.has(k))
      : [];
    let look = this.queueLook(context, claim, guessed);
    try {
      await context.sync();
    } catch (error) {
      if (guessed.length === 0) throw this.untouched(error);
      // A sheet this host knew was renamed or removed since, or the sheets were too large to read along: look again
      // without guessing, under a claim of another name (the first may have been made before the request failed).
      claim = claimName(started, `${writeId}.2`);
      look = this.queueLook(context, claim, []);
      try {
        await context.sync();
      } catch (again) {
        throw this.untouched(again);
      }
    }
    const layout = look.layout();
    const claimItem = look.claim;
    const mine = (name: string) => sameName(name, claim) || sameName(name, firstClaim);
    // A claim of this write's first look, left by its failed request: removed with this write's own.
    const leftOver = look.claims.filter((c) => mine(c.name) && !sameName(c.name, claim)).map((c) => c.name);
    const release = async () => {
      claimItem.delete();
      for (const name of leftOver) context.workbook.names.getItem(name).delete();
      await context.sync().catch(() => undefined);
    };
    const others = look.claims.filter((c) => !mine(c.name) && !this.expired(c.started, started));
    if (others.length > 0) {
      await release();
      return new Busy(Math.min(...others.map((c) => c.started)));
    }

    let change: WorkbookChange<T>;
    let plan: WritePlan;
    let steps: { temporary: string; step: Step }[];
    try {
      const owned = ownedSheetsOf(layout);
      const keys = read(owned);
      const reads = look
        .reads()
        .filter((r) => keys.includes(r.key) && owned.some((o) => o.key === r.key && o.name === r.name));
      const missing = owned.filter((o) => keys.includes(o.key) && !reads.some((r) => r.key === o.key));
      if (missing.length > 0) reads.push(...(await this.readOwned(context, missing)));
      reads.sort((a, b) => keys.indexOf(a.key) - keys.indexOf(b.key));
      change = write({ owned, reads, nameFor: sheetNamer(layout) });
      plan = planWrite(change.specs, layout, { started, writeId }, { activate: change.activate });
      // Every spec made into steps before anything is built: a spec Excel cannot hold stops here.
      steps = plan.writes.flatMap((w) =>
        contentSteps(w.spec, REQUEST_BUDGET_BYTES).map((step) => ({ temporary: w.temporary, step })),
      );
    } catch (error) {
      await release();
      throw error;
    }
    if (plan.writes.length === 0) {
      await release();
      return { value: change.result };
    }
    const expiredClaims = [
      ...look.claims.filter((c) => !mine(c.name) && this.expired(c.started, started)),
      ...leftOver.map((name) => ({ name })),
    ];
    await this.carryOut(context, plan, steps, claimItem, {
      claim,
      expiredClaims: expiredClaims.map((c) => c.name),
    });
    for (const w of plan.writes) this.locations.set(w.spec.key, w.sheet);
    return { value: change.result };
  }

  private expired(claimStart: number, now: number): boolean {
    return !Number.isFinite(claimStart) || Math.abs(now - claimStart) > CLAIM_EXPIRES_MS;
  }

  private untouched(error: unknown): Error {
    return new Error(`Reading the workbook failed, and nothing was changed: ${message(error)}`);
  }

  private queueLook(context: ExcelContext, claim: string, guessed: string[]) {
    const workbook = context.workbook;
    // Guessed reads first: if one fails, nothing after it (the claim) has been done.
    const guesses = guessed.map((key) =>
      this.queueRead(key, workbook.worksheets.getItem(this.locations.get(key) ?? key).load("name")),
    );
    const sheets = workbook.worksheets.load("items/name,items/visibility");
    const names = workbook.names.load("items/name,items/formula");
    const item = workbook.names.add(
      claim,
      textFormula(String(this.now())),
      "A write by the Career Matrix add-in",
    );
    return {
      claim: item,
      reads: () => guesses.map((g) => g()),
      layout: (): WorkbookLayout => {
        const markers = this.remember(readMarkers(names.items));
        return {
          sheets: sheets.items.map((s) => ({ name: s.name, visibility: s.visibility })),
          markers: [...markers.values()].map((m) => ({ key: m.key, sheet: m.sheet })),
        };
      },
      get claims() {
        return names.items
          .map((n) => ({ name: n.name, started: claimStarted(n.name) }))
          .filter((c) => c.name.toUpperCase().startsWith(CLAIM_PREFIX.toUpperCase()));
      },
    };
  }

  /** The write sync (after build syncs when the specs are large); a failure is undone or completed. */
  private async carryOut(
    context: ExcelContext,
    plan: WritePlan,
    steps: { temporary: string; step: Step }[],
    claim: ExcelNamedItem,
    extra: { claim: string; expiredClaims: string[] },
  ): Promise<void> {
    const workbook = context.workbook;
    const suspend = () => {
      workbook.application.suspendApiCalculationUntilNextSync();
      workbook.application.suspendScreenUpdatingUntilNextSync();
    };
    const targets = (what: string) => `${plan.writes.map((w) => `"${w.sheet}"`).join(", ")} ${what}`;

    // Build.
    try {
      suspend();
      for (const name of plan.discard) workbook.worksheets.getItem(name).delete();
      for (const name of extra.expiredClaims) workbook.names.getItem(name).delete();
      const temporaries = new Map<string, ExcelWorksheet>();
      for (const w of plan.writes) {
        const sheet = workbook.worksheets.add(w.temporary);
        sheet.visibility = "Hidden";
        temporaries.set(w.temporary, sheet);
      }
      let size = 0;
      for (const { temporary, step } of steps) {
        if (size > 0 && size + step.bytes > REQUEST_BUDGET_BYTES) {
          await context.sync();
          suspend();
          size = 0;
        }
        step.queue(temporaries.get(temporary) as ExcelWorksheet, temporary);
        size += step.bytes;
      }
      // Everything is built: from here on the write is completed, never undone.
      claim.formula = textFormula(SWAPPING);
    } catch (error) {
      const outcome = await this.undo(context, plan, extra.claim).catch(
        (undoError: unknown) => `the hidden sheets it made could not all be removed (${message(undoError)})`,
      );
      throw new Error(`Writing ${targets(`failed, and ${outcome}`)}: ${message(error)}`);
    }
    try {
      this.queueSwap(context, plan, { everyCopy: true });
      this.queueFinish(context, plan, claim);
      await context.sync();
    } catch (error) {
      // Either the build failed (the claim does not read "swap" yet) or the swap did.
      const outcome = await this.repair(context, plan, extra).catch(
        (repairError: unknown) =>
          `it could not be repaired (${message(repairError)}); the new content is on the hidden sheets ${plan.writes.map((w) => `"${w.temporary}"`).join(", ")}`,
      );
      throw new Error(`Writing ${targets(`failed and ${outcome}`)}: ${message(error)}`);
    }
  }

  /** Created sheets shown under their names with their markers; updated sheets cleared and given the new content. */
  private queueSwap(
    context: ExcelContext,
    plan: WritePlan,
    options: { everyCopy: boolean; exists?: (name: string) => boolean },
  ): void {
    const worksheets = context.workbook.worksheets;
    const exists = options.exists ?? (() => true);
    for (const w of plan.writes) {
      if (w.action !== "create" || !exists(w.temporary)) continue;
      const sheet = worksheets.getItem(w.temporary);
      if (!w.spec.hidden) sheet.visibility = "Visible";
      sheet.name = w.sheet;
    }
    for (const w of plan.writes) {
      if (w.action === "create") this.pointMarker(context, w.spec.key, w.sheet, w.marker);
    }
    if (options.everyCopy) {
      for (const w of plan.writes) {
        if (w.action !== "update") continue;
        const sheet = worksheets.getItem(w.sheet);
        const whole = sheet.getRange();
        whole.clear("All");
        whole.conditionalFormats.clearAll();
        whole.dataValidation.clear();
        whole.unmerge();
        sheet.getRange(w.extent).copyFrom(`'${w.temporary.replace(/'/g, "''")}'!${w.extent}`, "All");
      }
    }
  }

  private pointMarker(
    context: ExcelContext,
    key: string,
    sheet: string,
    how: "keep" | "add" | "point",
  ): void {
    if (how === "add") context.workbook.names.add(ownerName(key), a1Of(sheet), key);
    else if (how === "point") context.workbook.names.getItem(ownerName(key)).formula = a1Of(sheet);
  }

  /** What a copy does not carry, then tidying: safe to do again. */
  private queueFinish(
    context: ExcelContext,
    plan: WritePlan,
    claim: ExcelNamedItem,
    exists: (name: string) => boolean = () => true,
  ): void {
    const worksheets = context.workbook.worksheets;
    for (const w of plan.writes) {
      const sheet = worksheets.getItem(w.sheet);
      for (const step of sheetLayoutSteps(w.spec)) step.queue(sheet, w.sheet);
    }
    for (const w of plan.writes)
      if (w.action === "update" && exists(w.temporary)) worksheets.getItem(w.temporary).delete();
    for (const { sheet, position } of plan.positions) worksheets.getItem(sheet).position = position;
    if (plan.activate !== null) worksheets.getItem(plan.activate).activate();
    claim.delete();
  }

  /** Before the write committed: remove what it made. Returns what was done, for the error message. */
  private async undo(context: ExcelContext, plan: WritePlan, claim: string): Promise<string> {
    const probes = plan.undo.map((name) => context.workbook.worksheets.getItemOrNullObject(name));
    const claimProbe = context.workbook.names.getItemOrNullObject(claim);
    await context.sync();
    for (const probe of probes) if (!probe.isNullObject) probe.delete();
    if (!claimProbe.isNullObject) claimProbe.delete();
    await context.sync();
    return "the workbook was left as it was";
  }

  /**
   * After a failed write sync: if the build was complete (the claim reads "swap"), do the rest of the write again,
   * skipping what was done; otherwise remove what the write made.
   */
  private async repair(context: ExcelContext, plan: WritePlan, extra: { claim: string }): Promise<string> {
    const sheets = context.workbook.worksheets.load("items/name");
    const names = context.workbook.names.load("items/name,items/formula");
    await context.sync();
    const exists = (name: string) => sheets.items.some((s) => sameName(s.name, name));
    const claimed = names.items.find((n) => sameName(n.name, extra.claim));
    if (!claimed) return "was completed";
    if (claimed.formula !== textFormula(SWAPPING)) return this.undo(context, plan, extra.claim);

    const markers = readMarkers(names.items);
    const pending: WritePlan = {
      ...plan,
      writes: plan.writes.map((w) => {
        if (w.action !== "create") return w;
        const at = markers.get(w.spec.key)?.sheet;
        const marker = at && sameName(at, w.sheet) ? "keep" : markers.has(w.spec.key) ? "point" : "add";
        return { ...w, marker };
      }),
    };
    // Temporary sheets of updates go only after every copy is made: with all of them there, copy again.
    const everyCopy = plan.writes.every((w) => w.action !== "update" || exists(w.temporary));
    this.queueSwap(context, pending, { everyCopy, exists });
    this.queueFinish(context, pending, claimed, exists);
    await context.sync();
    return "was completed";
  }
}
