/**
 * The whole of a write as plain data, worked out before a host touches the workbook: which owned sheets are updated
 * in place, which are created and where they go, which markers are added, which abandoned temporary sheets go, and
 * how to undo it before it commits. Hosts only carry a plan out; the naming rules they follow live here and in
 * ../sheets/sheet-names.
 *
 * An owned sheet is never deleted or renamed by a write: its new content is built on a hidden temporary sheet and
 * copied into it, so formulas, charts, names and validation of the user's that point at it keep pointing at it.
 */
import { parseRange, rangeRef } from "../core/a1";
import { checkCellTexts } from "../core/excel-limits";
import {
  isAbandonedTemporarySheet,
  isTemporarySheetName,
  sameSheetName,
  sheetNameProblem,
  temporarySheetName,
  uniqueSheetName,
} from "../sheets/sheet-names";
import type { SheetSpec } from "../sheets/spec";
import type { OwnedSheet } from "./host";

/** What a host knows of the workbook before it writes. */
export interface WorkbookLayout {
  /** Every sheet, in tab order. */
  sheets: { name: string; visibility: string }[];
  /** Ownership markers by key: the sheet each points at, or null when its sheet is gone (#REF!). */
  markers: { key: string; sheet: string | null }[];
}

export interface SheetWrite {
  spec: SheetSpec;
  /** "update": the owned sheet `sheet` takes the new content in place; "create": the temporary sheet becomes `sheet`. */
  action: "update" | "create";
  /** The tab name after the write: an updated sheet keeps the name it has (the user's rename too). */
  sheet: string;
  /** The hidden sheet the content is built on first. */
  temporary: string;
  /** "keep": the marker already points at `sheet`; "add": there is none yet; "point": it exists but lost its sheet. */
  marker: "keep" | "add" | "point";
  /** Every cell the spec sets anything on, from A1: what is cleared and copied. */
  extent: string;
}

export interface WritePlan {
  writes: SheetWrite[];
  /** Temporary sheets no write in progress owns, left by one that was interrupted: removed first. */
  discard: string[];
  /** Created sheets' tab positions once the write is done, ascending. */
  positions: { sheet: string; position: number }[];
  /** The sheet shown at the end; null leaves the active sheet as it is. */
  activate: string | null;
  /** Undoing the write before it commits: removing these. Nothing else has changed until then. */
  undo: string[];
}

export interface WriteIdentity {
  /** When the write started (ms since the epoch): names its temporary sheets and tells abandoned ones. */
  started: number;
  /** Distinguishes two writes started in the same millisecond (letters and digits). */
  writeId: string;
}

/** Owned sheets by key, from the markers that still point at a sheet. */
export function ownedSheetsOf(layout: WorkbookLayout): OwnedSheet[] {
  const index = (name: string) => layout.sheets.findIndex((s) => sameSheetName(s.name, name));
  return layout.markers
    .flatMap((marker) => {
      const at = marker.sheet === null ? -1 : index(marker.sheet);
      return at < 0 ? [] : [{ key: marker.key, name: layout.sheets[at].name, at }];
    })
    .sort((a, b) => a.at - b.at)
    .map(({ key, name }) => ({ key, name }));
}

/**
 * Tab names for the sheets a command is about to write, decided before it builds them (their formulas refer to each
 * other by name): an owned sheet keeps its current name, the user's rename included; a new one gets the name it
 * wants, or "name (2)" ... when any sheet already has it.
 */
export function sheetNamer(layout: WorkbookLayout): (key: string, wanted: string) => string {
  const owned = new Map(ownedSheetsOf(layout).map((o) => [o.key, o.name]));
  const taken = layout.sheets.map((s) => s.name);
  return (key, wanted) => {
    const known = owned.get(key);
    if (known !== undefined) return known;
    const name = uniqueSheetName(wanted, taken);
    taken.push(name);
    owned.set(key, name);
    return name;
  };
}

/** The bounding range, from A1, of everything a spec sets. */
export function specExtent(spec: SheetSpec): string {
  let rows = Math.max(1, spec.cells.length);
  let columns = Math.max(1, ...spec.cells.map((row) => row.length));
  const ranges = [
    ...(spec.styles ?? []).map((s) => s.range),
    ...(spec.merges ?? []),
    ...(spec.conditionalFormats ?? []).map((f) => f.range),
    ...(spec.validations ?? []).map((v) => v.range),
  ];
  for (const text of ranges) {
    const range = parseRange(text);
    if (!range) throw new Error(`The sheet "${spec.name}" has a range "${text}" that is not an A1 range.`);
    rows = Math.max(rows, range.end.row);
    columns = Math.max(columns, range.end.column + 1);
  }
  return rangeRef(1, 0, rows, columns - 1);
}

function checkSpecs(specs: SheetSpec[]): void {
  const keys = new Set<string>();
  for (const spec of specs) {
    if (keys.has(spec.key)) throw new Error(`Two sheets to write share the key "${spec.key}".`);
    keys.add(spec.key);
    const problem = sheetNameProblem(spec.name);
    if (problem !== null) throw new Error(`"${spec.name}" cannot be a sheet name: ${problem}.`);
    if (isTemporarySheetName(spec.name))
      throw new Error(`"${spec.name}" cannot be a sheet name: names starting "~cm-" are the add-in's own.`);
    // Every host refuses a text Excel cannot hold before writing anything, with the sheet and cell.
    checkCellTexts(spec.name, spec.cells);
  }
}

export function planWrite(
  specs: SheetSpec[],
  layout: WorkbookLayout,
  identity: WriteIdentity,
  options: { activate?: string } = {},
): WritePlan {
  checkSpecs(specs);
  const discard = layout.sheets
    .filter((s) => isAbandonedTemporarySheet(s.name, identity.started) && !isOwned(layout, s.name))
    .map((s) => s.name);
  const owned = new Map(ownedSheetsOf(layout).map((o) => [o.key, o.name]));
  const taken = layout.sheets.filter((s) => !discard.includes(s.name)).map((s) => s.name);

  const writes: SheetWrite[] = specs.map((spec, index) => {
    const temporary = temporarySheetName(identity.started, identity.writeId, index);
    const current = owned.get(spec.key);
    const extent = specExtent(spec);
    if (current !== undefined)
      return { spec, action: "update", sheet: current, temporary, marker: "keep", extent };
    // A new sheet takes the name the command chose, unless a sheet took it since.
    const sheet = uniqueSheetName(spec.name, taken);
    taken.push(sheet);
    const marker = layout.markers.some((m) => m.key === spec.key) ? "point" : "add";
    return { spec: { ...spec, name: sheet }, action: "create", sheet, temporary, marker, extent };
  });

  // Created sheets go after the last owned sheet, in the order of the specs; everything else keeps its place.
  const order = layout.sheets.map((s) => s.name).filter((name) => !discard.includes(name));
  let insertAt = order.length;
  for (let i = order.length - 1; i >= 0; i--) {
    if (isOwned(layout, order[i])) {
      insertAt = i + 1;
      break;
    }
  }
  const created = writes.filter((w) => w.action === "create").map((w) => w.sheet);
  order.splice(insertAt, 0, ...created);
  const positions = created
    .map((sheet) => ({ sheet, position: order.indexOf(sheet) }))
    .sort((a, b) => a.position - b.position);

  const shown = writes.find((w) => w.spec.key === options.activate && !w.spec.hidden);
  return {
    writes,
    discard,
    positions,
    activate: shown ? shown.sheet : null,
    undo: writes.map((w) => w.temporary),
  };
}

function isOwned(layout: WorkbookLayout, name: string): boolean {
  return layout.markers.some((m) => m.sheet !== null && sameSheetName(m.sheet, name));
}
