/** What a host reads back from a written spec: formula cells show their value. */
import type { Cell } from "../../src/core/types";
import type { SheetSpec, SpecCell } from "../../src/sheets/spec";

export function valuesOf(spec: SheetSpec): Cell[][] {
  return spec.cells.map((row) => row.map(valueOf));
}

export function valueOf(cell: SpecCell | undefined): Cell {
  if (cell === undefined) return null;
  return cell !== null && typeof cell === "object" ? (cell.v ?? null) : cell;
}

/** A cell as a host writes it: a formula cell as its text and value (some make their text when it is read). */
export function written(cell: SpecCell): SpecCell {
  if (cell === null || typeof cell !== "object") return cell;
  return cell.v === undefined ? { f: cell.f } : { f: cell.f, v: cell.v };
}

/** The cell at an A1 reference, e.g. "D7", as a host writes it. */
export function at(spec: SheetSpec, ref: string): SpecCell | undefined {
  const match = /^([A-Z]+)(\d+)$/.exec(ref);
  if (!match) throw new Error(`Bad reference ${ref}`);
  const column = [...match[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const cell = spec.cells[Number(match[2]) - 1]?.[column];
  return cell === undefined ? undefined : written(cell);
}

/** Writes a value into a copy of read-back values, as a user typing into a cell would. */
export function edit(values: Cell[][], ref: string, value: Cell): Cell[][] {
  const match = /^([A-Z]+)(\d+)$/.exec(ref);
  if (!match) throw new Error(`Bad reference ${ref}`);
  const column = [...match[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const row = Number(match[2]) - 1;
  const copy = values.map((r) => [...r]);
  while (copy.length <= row) copy.push([]);
  while (copy[row].length <= column) copy[row].push(null);
  copy[row][column] = value;
  return copy;
}
