/**
 * What both .xlsx writers take from a sheet spec the same way, so a streamed workbook and one built in memory agree:
 * each cell's style, and a drop-down list as Excel keeps it. No workbook library here: the streamed writer does
 * without one.
 */
import { parseRange } from "../../core/a1";
import type { CellStyle, ListValidation, SheetSpec } from "../../sheets/spec";

/**
 * A spec's cell styles row by row: later ranges override earlier ones property by property, as successive
 * formatting does in Excel. The same style is the same object, so writers convert each distinct style once. Both
 * writers take styles from here, so a streamed sheet is styled as a sheet built in memory.
 */
export class SpecStyles {
  private readonly ranges: { top: number; bottom: number; left: number; right: number; style: CellStyle }[];
  private readonly distinct = new Map<string, CellStyle>();
  private readonly rows = new Map<string, Map<number, CellStyle>>();
  /** The last 1-based row any style reaches (0 without styles). */
  readonly lastRow: number;

  constructor(spec: SheetSpec) {
    this.ranges = (spec.styles ?? []).map((styled) => {
      const range = parseRange(styled.range);
      if (!range) throw new Error(`Style on ${spec.name}: "${styled.range}" is not a range`);
      const { start, end } = range;
      return { top: start.row, bottom: end.row, left: start.column, right: end.column, style: styled.style };
    });
    this.lastRow = Math.max(0, ...this.ranges.map((range) => range.bottom));
  }

  /** The styled cells of 1-based row `row1`: 0-based column -> style. Rows under the same ranges share one map. */
  row(row1: number): ReadonlyMap<number, CellStyle> {
    const covering = this.ranges.filter((range) => row1 >= range.top && row1 <= range.bottom);
    const id = covering.map((range) => this.ranges.indexOf(range)).join(",");
    let styled = this.rows.get(id);
    if (styled) return styled;
    styled = new Map<number, CellStyle>();
    for (const range of covering) {
      for (let c = range.left; c <= range.right; c++) {
        const current = styled.get(c);
        styled.set(c, current ? { ...current, ...range.style } : range.style);
      }
    }
    for (const [column, style] of styled) {
      const key = JSON.stringify(style);
      const same = this.distinct.get(key);
      if (same) styled.set(column, same);
      else this.distinct.set(key, style);
    }
    this.rows.set(id, styled);
    return styled;
  }
}

/**
 * A drop-down list as Excel keeps it: one quoted, comma-separated text of 1 to 255 characters, as the Office host
 * writes it. Throws, naming the range, for a list Excel cannot hold.
 */
export function listFormula(validation: ListValidation, sheetName: string): string {
  const where = `${sheetName}!${validation.range}`;
  const comma = validation.list.find((item) => item.includes(","));
  if (comma !== undefined) {
    throw new Error(
      `The drop-down list for ${where} has an item with a comma ("${comma}"), which Excel cannot list.`,
    );
  }
  const inline = validation.list.join(",");
  if (inline.length === 0 || inline.length > 255) {
    throw new Error(
      `The drop-down list for ${where} is ${inline.length} characters long; Excel allows 1 to 255.`,
    );
  }
  return `"${inline.replace(/"/g, '""')}"`;
}
