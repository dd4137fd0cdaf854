/**
 * A1 references. Rows are 1-based as Excel shows them; columns are 0-based as they index a row of cells, so a
 * table read as `cells[row - 1][column]` maps straight to `cellRef(row, column)`.
 */

export interface CellAddress {
  /** 1-based row. */
  row: number;
  /** 0-based column. */
  column: number;
}

export interface RangeAddress {
  start: CellAddress;
  end: CellAddress;
}

/** 0 -> "A", 25 -> "Z", 26 -> "AA". */
export function columnLetter(index0: number): string {
  if (!Number.isInteger(index0) || index0 < 0) throw new RangeError(`Column index ${index0} is not a column`);
  let letters = "";
  let n = index0 + 1;
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** "A" -> 0, "aa" -> 26; undefined when the text is not column letters. */
export function columnIndex(letters: string): number | undefined {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return undefined;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** cellRef(12, 5) -> "F12". */
export function cellRef(row1: number, col0: number): string {
  if (!Number.isInteger(row1) || row1 < 1) throw new RangeError(`Row ${row1} is not a row`);
  return `${columnLetter(col0)}${row1}`;
}

/** rangeRef(1, 0, 3, 5) -> "A1:F3"; a single cell gives "A1". */
export function rangeRef(row1: number, col0: number, endRow1: number, endCol0: number): string {
  const start = cellRef(row1, col0);
  const end = cellRef(endRow1, endCol0);
  return start === end ? start : `${start}:${end}`;
}

/** "F12", "$F$12" or "Sheet!F12" -> { row: 12, column: 5 }; undefined when it is not a cell reference. */
export function parseA1(ref: string): CellAddress | undefined {
  const bang = ref.lastIndexOf("!");
  const local = (bang >= 0 ? ref.slice(bang + 1) : ref).trim();
  const match = /^\$?([A-Za-z]{1,3})\$?([1-9][0-9]*)$/.exec(local);
  if (!match) return undefined;
  const column = columnIndex(match[1]);
  if (column === undefined) return undefined;
  return { row: Number(match[2]), column };
}

/** "A1:F3" -> start and end (normalised so start is top-left); a single cell is a one-cell range. */
export function parseRange(ref: string): RangeAddress | undefined {
  const bang = ref.lastIndexOf("!");
  const local = bang >= 0 ? ref.slice(bang + 1) : ref;
  const parts = local.split(":");
  if (parts.length > 2) return undefined;
  const a = parseA1(parts[0]);
  const b = parts.length === 2 ? parseA1(parts[1]) : a;
  if (!a || !b) return undefined;
  return {
    start: { row: Math.min(a.row, b.row), column: Math.min(a.column, b.column) },
    end: { row: Math.max(a.row, b.row), column: Math.max(a.column, b.column) },
  };
}
