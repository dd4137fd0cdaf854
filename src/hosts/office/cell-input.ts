/**
 * What the Office host writes for a spec cell. Excel parses written strings as if typed: "007" would become 7,
 * "TRUE" a boolean, "=x" or "-x" a formula, "Mar 5" a date. Text that could be read as anything but itself gets
 * Excel's quote prefix ("'"), which keeps it text and is not part of the value read back.
 */
import type { Cell } from "../../core/types";
import type { SpecCell } from "../../sheets/spec";

const MONTH_DATE = /^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*[\s\-/.,]+\d/i;

export function needsQuotePrefix(text: string): boolean {
  const trimmed = text.trim();
  return (
    /^[=+\-@'#]/.test(text) ||
    /^[0-9.,$€£¥(]/.test(trimmed) ||
    /^(true|false)$/i.test(trimmed) ||
    MONTH_DATE.test(trimmed) ||
    // Leading or trailing spaces around something numeric would still parse.
    (trimmed !== text && /\d/.test(trimmed))
  );
}

/** The value to put in a `formulas` array: formula text for formula cells, quote-prefixed text where needed. */
export function cellInput(cell: SpecCell | undefined): Cell {
  if (cell === undefined || cell === null) return null;
  if (typeof cell === "object") return cell.f.startsWith("=") ? cell.f : `=${cell.f}`;
  if (typeof cell === "string") return cell !== "" && needsQuotePrefix(cell) ? `'${cell}` : cell;
  return cell;
}
