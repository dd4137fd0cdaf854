/**
 * How the Office host sends a sheet's cells so a request grows with what is typed, not with how many formulas there
 * are or how wide the sheet is: a column of copies of one relative formula is written once and filled down
 * (Range.copyFrom), and the rest goes as rectangles around the cells that hold something, so long rows of blanks
 * are not sent.
 */
import type { Cell } from "../../core/types";
import { movedFormulaTest } from "../../sheets/formula-shift";

/** 0-based, inclusive. The fill copies row `top` onto rows top + 1 .. bottom, columns left .. right. */
export interface Fill {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** Cells to write from (top, left), 0-based; null leaves a cell as it is. */
export interface CellBlock {
  top: number;
  left: number;
  rows: Cell[][];
}

/** JSON of one blank in a written array: "null,". */
const BLANK_BYTES = 5;

const encoder = new TextEncoder();

function bytes(cell: Cell): number {
  return encoder.encode(JSON.stringify(cell)).length + 1;
}

function isFormula(cell: Cell | undefined): cell is string {
  return typeof cell === "string" && cell.startsWith("=");
}

/**
 * Runs of two or more rows in a column where each formula is the first one moved down (the same relative formula),
 * adjacent columns with the same rows taken together; only those that save more than `operationBytes` apiece.
 */
export function findFills(cells: Cell[][], operationBytes: number): Fill[] {
  const width = cells.reduce((max, row) => Math.max(max, row.length), 0);
  const runs: Fill[] = [];
  for (let column = 0; column < width; column++) {
    let row = 0;
    while (row < cells.length) {
      const first = cells[row][column];
      if (!isFormula(first)) {
        row++;
        continue;
      }
      const isMoved = movedFormulaTest(first);
      let last = row;
      while (last + 1 < cells.length) {
        const next = cells[last + 1][column];
        if (typeof next !== "string" || !isMoved(next, last + 1 - row, 0)) break;
        last++;
      }
      if (last > row) runs.push({ top: row, bottom: last, left: column, right: column });
      row = last + 1;
    }
  }
  runs.sort((a, b) => a.top - b.top || a.bottom - b.bottom || a.left - b.left);
  const fills: Fill[] = [];
  for (const run of runs) {
    const previous = fills[fills.length - 1];
    if (
      previous &&
      previous.top === run.top &&
      previous.bottom === run.bottom &&
      previous.right + 1 === run.left
    )
      previous.right = run.left;
    else fills.push({ ...run });
  }
  return fills.filter((fill) => {
    let saved = 0;
    for (let row = fill.top + 1; row <= fill.bottom; row++)
      for (let column = fill.left; column <= fill.right; column++) saved += bytes(cells[row][column]);
    return saved > operationBytes;
  });
}

/** Column runs of a sorted set of columns, bridging gaps that cost less to send as blanks than another write. */
function columnRuns(columns: number[], rows: number, operationBytes: number): [number, number][] {
  const runs: [number, number][] = [];
  for (const column of columns) {
    const last = runs[runs.length - 1];
    if (last && (column - last[1] - 1) * rows * BLANK_BYTES < operationBytes) last[1] = column;
    else runs.push([column, column]);
  }
  return runs;
}

/**
 * Rectangles covering every non-null cell. Consecutive rows holding the same columns form bands; a band joins the
 * rectangle above when the blanks that adds cost less than writing it apart.
 */
export function cellBlocks(cells: Cell[][], operationBytes: number): CellBlock[] {
  const bands: { top: number; bottom: number; columns: number[] }[] = [];
  cells.forEach((row, r) => {
    const columns: number[] = [];
    row.forEach((cell, c) => {
      if (cell !== null && cell !== undefined) columns.push(c);
    });
    const last = bands[bands.length - 1];
    if (last && last.bottom === r - 1 && last.columns.join() === columns.join()) last.bottom = r;
    else bands.push({ top: r, bottom: r, columns });
  });

  const segments: { top: number; bottom: number; columns: Set<number> }[] = [];
  let open: (typeof segments)[number] | undefined;
  for (const band of bands) {
    if (band.columns.length === 0) {
      open = undefined;
      continue;
    }
    const rows = band.bottom - band.top + 1;
    if (open && open.bottom === band.top - 1) {
      const union = new Set([...open.columns, ...band.columns]);
      const blanks =
        rows * (union.size - band.columns.length) +
        (open.bottom - open.top + 1) * (union.size - open.columns.size);
      const apart = columnRuns(band.columns, rows, operationBytes).length * operationBytes;
      if (blanks * BLANK_BYTES <= apart) {
        open.columns = union;
        open.bottom = band.bottom;
        continue;
      }
    }
    open = { top: band.top, bottom: band.bottom, columns: new Set(band.columns) };
    segments.push(open);
  }

  return segments.flatMap((segment) => {
    const rows = segment.bottom - segment.top + 1;
    const columns = [...segment.columns].sort((a, b) => a - b);
    return columnRuns(columns, rows, operationBytes).map(([left, right]) => ({
      top: segment.top,
      left,
      rows: cells
        .slice(segment.top, segment.bottom + 1)
        .map((row) => Array.from({ length: right - left + 1 }, (_, i) => row[left + i] ?? null)),
    }));
  });
}
