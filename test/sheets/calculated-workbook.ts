/**
 * Sheet specs put into the memory workbook, which calculates their formulas as Excel does. Tests use it to prove a
 * live formula computes the value the core put beside it.
 */
import type { Cell } from "../../src/core/types";
import { MemoryWorkbook } from "../../src/hosts/memory";
import { addSheet } from "../../src/hosts/memory/document";
import { ensureCell } from "../../src/hosts/memory/state";
import type { SpecCell } from "../../src/sheets/spec";

export class CalculatedWorkbook {
  readonly memory = new MemoryWorkbook([]);

  constructor(specs: { name: string; cells: SpecCell[][] }[]) {
    for (const spec of specs) {
      const sheet = addSheet(this.memory.state, spec.name);
      spec.cells.forEach((cells, r) =>
        cells.forEach((cell, c) => {
          if (cell === null || cell === undefined) return;
          const stored = ensureCell(sheet, r + 1, c);
          if (typeof cell === "object") stored.formula = cell.f;
          else stored.value = cell;
        }),
      );
    }
  }

  static of(specs: { name: string; cells: SpecCell[][] }[]): CalculatedWorkbook {
    return new CalculatedWorkbook(specs);
  }

  /** What a cell shows, by sheet name and 0-based row and column: errors read as "#N/A" and the like. */
  value(sheetName: string, row: number, column: number): Cell {
    const sheet = this.memory.state.sheets.find((s) => s.name.toLowerCase() === sheetName.toLowerCase());
    if (!sheet) throw new Error(`No sheet ${sheetName}`);
    const cell = sheet.rows[row]?.[column];
    if (cell?.formula === undefined) return cell?.value ?? null;
    return this.memory.formulaValue(sheet, row + 1, column);
  }
}
