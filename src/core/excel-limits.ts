/**
 * Excel's limits on a sheet, and the problems of a table that would pass them: said at the cell before anything is
 * written, never hit halfway through a build (Microsoft, "Excel specifications and limits").
 */
import { cellRef } from "./a1";
import type { Cell, Problem } from "./types";

export const EXCEL_MAX_ROWS = 1_048_576;
export const EXCEL_MAX_COLUMNS = 16_384;
export const EXCEL_MAX_CELL_CHARACTERS = 32_767;

const count = (n: number): string => n.toLocaleString("en-US");

/** Cells longer than Excel holds, rows or columns past the sheet's edge; one problem per kind past the first few. */
export function excelLimitProblems(cells: Cell[][], sheet?: string): Problem[] {
  const problems: Problem[] = [];
  const at = (row1: number, col0: number, message: string): Problem => ({
    severity: "error",
    message,
    cell: cellRef(row1, Math.min(col0, EXCEL_MAX_COLUMNS - 1)),
    row: row1,
    column: col0 + 1,
    ...(sheet === undefined ? {} : { sheet }),
  });
  if (cells.length > EXCEL_MAX_ROWS) {
    problems.push(
      at(
        EXCEL_MAX_ROWS + 1,
        0,
        `The table has ${count(cells.length)} rows; an Excel sheet holds ${count(EXCEL_MAX_ROWS)}: split it into several files.`,
      ),
    );
  }
  let wide = false;
  let long = 0;
  for (let r = 0; r < cells.length && problems.length < 20; r++) {
    const row = cells[r] ?? [];
    if (!wide && row.length > EXCEL_MAX_COLUMNS) {
      wide = true;
      problems.push(
        at(
          r + 1,
          EXCEL_MAX_COLUMNS,
          `Row ${r + 1} has ${count(row.length)} columns; an Excel sheet holds ${count(EXCEL_MAX_COLUMNS)}: keep one column per competency of the matrix.`,
        ),
      );
    }
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (typeof cell !== "string" || cell.length <= EXCEL_MAX_CELL_CHARACTERS) continue;
      if (++long > 10) break;
      problems.push(
        at(
          r + 1,
          c,
          `${cellRef(r + 1, Math.min(c, EXCEL_MAX_COLUMNS - 1))} holds ${count(cell.length)} characters; an Excel cell holds ${count(EXCEL_MAX_CELL_CHARACTERS)}: shorten it.`,
        ),
      );
    }
  }
  return problems;
}

/**
 * A workbook refused because a cell would not fit Excel. Writers refuse rather than cut: a cut text would be what
 * the user typed, silently changed, in a file they may join on or paste elsewhere.
 */
export class ExcelLimitError extends Error {
  constructor(
    message: string,
    readonly sheet: string,
    readonly cell: string,
  ) {
    super(message);
    this.name = "ExcelLimitError";
  }
}

/** Throws ExcelLimitError for the first text cell of `cells` longer than Excel's 32,767 characters. */
export function checkCellTexts(sheet: string, cells: readonly (readonly unknown[])[]): void {
  for (let r = 0; r < cells.length; r++) {
    const row = cells[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (typeof cell !== "string" || cell.length <= EXCEL_MAX_CELL_CHARACTERS) continue;
      const ref = cellRef(r + 1, c);
      throw new ExcelLimitError(
        `${sheet}!${ref} would hold ${count(cell.length)} characters; an Excel cell holds ${count(EXCEL_MAX_CELL_CHARACTERS)}: shorten it (nothing was written).`,
        sheet,
        ref,
      );
    }
  }
}
