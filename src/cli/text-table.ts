/** A plain-text table for a terminal: columns padded to their widest cell, numbers right-aligned. */
import { shortText } from "../core/short-text";
import type { Cell } from "../core/types";
import { terminalText } from "./terminal-text";

/** Widest a cell is shown: a table is for reading; --format csv or json has every value whole. */
const MAX_CELL = 60;

function display(cell: Cell): string {
  if (cell === null) return "";
  if (typeof cell === "boolean") return cell ? "TRUE" : "FALSE";
  // Line breaks inside a cell would break the table's rows; control characters are shown, not run.
  return terminalText(shortText(String(cell).replace(/\s*\r?\n\s*/g, " / "), MAX_CELL));
}

/** East Asian wide and full-width characters take two terminal columns. */
const WIDE =
  /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{1F300}-\u{1FAFF}\u{20000}-\u{3FFFD}]/u;
/** Combining marks take none (a decomposed "é" is one column). */
const COMBINING = /\p{Mn}/u;

/** Width in terminal columns. */
function width(text: string): number {
  let columns = 0;
  for (const ch of text) columns += COMBINING.test(ch) ? 0 : WIDE.test(ch) ? 2 : 1;
  return columns;
}

export function textTable(rows: Cell[][]): string {
  const texts = rows.map((row) => row.map(display));
  // Folds, not spreads: a spread of 200,000 rows overflows the call stack.
  const columns = texts.reduce((most, row) => Math.max(most, row.length), 0);
  const widths = Array.from({ length: columns }, (_, c) =>
    texts.reduce((most, row) => Math.max(most, width(row[c] ?? "")), 0),
  );
  const line = (row: string[], source: Cell[]): string =>
    widths
      .map((w, c) => {
        const text = row[c] ?? "";
        const pad = " ".repeat(w - width(text));
        return typeof source[c] === "number" ? pad + text : text + pad;
      })
      .join("  ")
      .trimEnd();
  const [header, ...body] = texts;
  if (!header) return "";
  const rule = widths.map((w) => "-".repeat(w)).join("  ");
  return [line(header, []), rule, ...body.map((row, i) => line(row, rows[i + 1]))].join("\n") + "\n";
}
