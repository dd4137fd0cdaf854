/**
 * Addresses the memory workbook accepts, as Excel does: "B2", "A1:F3", whole columns "A:C" and whole rows "2:5",
 * optionally after "Sheet!" or "'My sheet'!".
 */
import { columnIndex, columnLetter } from "../../core/a1";
import { OfficeError } from "./errors";

export const MAX_ROWS = 1048576;
export const MAX_COLUMNS = 16384;

/** Inclusive bounds; rows 1-based, columns 0-based as in core/a1. */
export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function rectRows(rect: Rect): number {
  return rect.bottom - rect.top + 1;
}

export function rectColumns(rect: Rect): number {
  return rect.right - rect.left + 1;
}

function invalid(address: string): OfficeError {
  return new OfficeError(
    "InvalidArgument",
    `The argument is invalid or missing or has an incorrect format: '${address}'.`,
  );
}

function row(text: string, address: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > MAX_ROWS) throw invalid(address);
  return n;
}

function column(text: string, address: string): number {
  const c = columnIndex(text);
  if (c === undefined || c >= MAX_COLUMNS) throw invalid(address);
  return c;
}

/** Splits "'My sheet'!A1" into the sheet name (unquoted) and the local address. */
export function splitSheet(address: string): { sheet?: string; local: string } {
  const bang = address.lastIndexOf("!");
  if (bang < 0) return { local: address };
  const raw = address.slice(0, bang);
  const sheet = raw.startsWith("'") && raw.endsWith("'") ? raw.slice(1, -1).replace(/''/g, "'") : raw;
  return { sheet, local: address.slice(bang + 1) };
}

export function parseAddress(address: string): Rect {
  const local = splitSheet(address).local.replace(/\$/g, "").trim();
  const parts = local.split(":");
  if (parts.length > 2 || parts.some((p) => p === "")) throw invalid(address);
  const [a, b = parts[0]] = parts;
  const cellRe = /^([A-Za-z]{1,3})([0-9]+)$/;
  const ca = cellRe.exec(a);
  const cb = cellRe.exec(b);
  let rect: Rect;
  if (ca && cb) {
    rect = {
      top: row(ca[2], address),
      left: column(ca[1], address),
      bottom: row(cb[2], address),
      right: column(cb[1], address),
    };
  } else if (parts.length === 2 && /^[A-Za-z]{1,3}$/.test(a) && /^[A-Za-z]{1,3}$/.test(b)) {
    rect = { top: 1, left: column(a, address), bottom: MAX_ROWS, right: column(b, address) };
  } else if (parts.length === 2 && /^[0-9]+$/.test(a) && /^[0-9]+$/.test(b)) {
    rect = { top: row(a, address), left: 0, bottom: row(b, address), right: MAX_COLUMNS - 1 };
  } else {
    throw invalid(address);
  }
  return {
    top: Math.min(rect.top, rect.bottom),
    bottom: Math.max(rect.top, rect.bottom),
    left: Math.min(rect.left, rect.right),
    right: Math.max(rect.left, rect.right),
  };
}

export function formatRect(rect: Rect): string {
  const start = `${columnLetter(rect.left)}${rect.top}`;
  const end = `${columnLetter(rect.right)}${rect.bottom}`;
  return start === end ? start : `${start}:${end}`;
}

/** A sheet name as Excel writes it in an address: quoted unless it is letters, digits, dots and underscores. */
export function quoteSheet(name: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}[0-9]+$/.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}
