/** A1 references and sheet names, shared by every sheet module. */
import { columnLetter } from "../core/a1";

export { columnLetter };

/** A1 reference of a 0-based row and column. */
export function a1(row: number, column: number): string {
  return `${columnLetter(column)}${row + 1}`;
}

/** A1 range between two 0-based corners, inclusive. */
export function rangeA1(row: number, column: number, lastRow: number, lastColumn: number): string {
  return `${a1(row, column)}:${a1(lastRow, lastColumn)}`;
}

/** A sheet name as a formula prefix, quoted when it is not a plain word (or could be read as a cell reference). */
export function sheetRef(name: string): string {
  const plain =
    /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) && !/^R\d*C\d*$/i.test(name);
  return plain ? `${name}!` : `'${name.replace(/'/g, "''")}'!`;
}
