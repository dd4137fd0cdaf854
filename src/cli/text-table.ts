/** A plain-text table for a terminal: columns padded to their widest cell, numbers right-aligned. */
import type { Cell } from "../core/types";

function display(cell: Cell): string {
  if (cell === null) return "";
  if (typeof cell === "boolean") return cell ? "TRUE" : "FALSE";
  // Line breaks inside a cell would break the table's rows.
  return String(cell).replace(/\s*\r?\n\s*/g, " / ");
}

/** Width in terminal columns; counts code points, so accented and non-Latin letters count once. */
function width(text: string): number {
  return [...text].length;
}

export function textTable(rows: Cell[][]): string {
  const texts = rows.map((row) => row.map(display));
  const columns = Math.max(0, ...texts.map((row) => row.length));
  const widths = Array.from({ length: columns }, (_, c) =>
    Math.max(0, ...texts.map((row) => width(row[c] ?? ""))),
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
