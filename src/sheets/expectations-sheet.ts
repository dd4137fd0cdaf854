/**
 * The hidden Expectations sheet: the lookup the live heatmap formulas read. Its columns mirror the Ratings sheet's
 * columns letter for letter, so a formula compares a slice of a person's Ratings row with the same slice of the
 * expectations of their track and level, element by element. One row per (track, level), keyed "track|level"; the
 * weights of the same competencies sit one block further right on the same row.
 */
import { competencyWeights } from "../core/career-matrix";
import type { CareerMatrix } from "../core/matrix";
import { nameKey } from "../core/names";
import type { Cell, RatingsColumn } from "../core/types";
import { columnLetter, sheetRef } from "./a1";
import { HEADER, NOTE } from "./palette";
import type { SheetSpec } from "./spec";

export const EXPECTATIONS_KEY = "expectations";
export const EXPECTATIONS_NAME = "Expectations";

/** Where the Ratings sheet keeps what formulas need, as read. */
export interface RatingsLayout {
  /** Current tab name of the Ratings sheet. */
  sheet: string;
  values: Cell[][];
  /** 0-based columns of Person, Track and Level. */
  person: number;
  track: number;
  level: number;
  columns: RatingsColumn[];
}

/** How formulas reach the Expectations sheet. */
export interface ExpectationsLayout {
  sheet: string;
  /** 0-based span of the Ratings competency columns (the same columns here). */
  first: number;
  last: number;
  /** Columns from an expectation to its weight. */
  weightOffset: number;
  /** "track|level" (ids) → 1-based row. */
  rowOfKey: Map<string, number>;
}

export function ratingsLayout(sheet: string, values: Cell[][], columns: RatingsColumn[]): RatingsLayout {
  const header = (values[0] ?? []).map((c) => nameKey(c === null ? "" : String(c)));
  const find = (field: string, fallback: number): number => {
    const i = header.indexOf(field);
    return i < 0 ? fallback : i;
  };
  return {
    sheet,
    values,
    person: find("person", 0),
    track: find("track", 1),
    level: find("level", 2),
    columns,
  };
}

export function expectationsSheetSpec(
  matrix: CareerMatrix,
  ratings: RatingsLayout,
  name = EXPECTATIONS_NAME,
): { spec: SheetSpec; layout: ExpectationsLayout } {
  const first = Math.min(...ratings.columns.map((c) => c.column));
  const last = Math.max(...ratings.columns.map((c) => c.column));
  const weightOffset = last - first + 2;
  const width = last + weightOffset + 1;

  const header: Cell[] = new Array(width).fill(null);
  header[0] = "Key";
  for (const column of ratings.columns) {
    header[column.column] = column.competency;
    header[column.column + weightOffset] = `weight ${column.competency}`;
  }
  const cells: Cell[][] = [header];
  const rowOfKey = new Map<string, number>();
  for (const track of matrix.tracks) {
    const weights = competencyWeights(matrix, track);
    const byId = new Map(track.competencies.map((c) => [c.id, c]));
    for (const level of track.levels) {
      const key = `${track.id}|${level.id}`;
      const row: Cell[] = new Array(width).fill(null);
      row[0] = key;
      for (const column of ratings.columns) {
        const expectation = byId.get(column.competency)?.expectations[level.id];
        if (!expectation) continue;
        row[column.column] = expectation.value;
        row[column.column + weightOffset] = weights.get(column.competency) ?? 1;
      }
      rowOfKey.set(key, cells.length + 1);
      cells.push(row);
    }
  }
  const spec: SheetSpec = {
    name,
    kind: "expectations",
    key: EXPECTATIONS_KEY,
    cells,
    styles: [
      { range: `A1:${columnLetter(width - 1)}1`, style: HEADER },
      { range: `A2:A${Math.max(cells.length, 2)}`, style: NOTE },
    ],
    hidden: true,
  };
  return { spec, layout: { sheet: name, first, last, weightOffset, rowOfKey } };
}

/**
 * Formula pieces over the Ratings and Expectations sheets, shared by the heatmap sheets. A person's Ratings row is
 * found live by name (sorting the Ratings sheet breaks nothing); the expectations row of their track and level is
 * fixed when the heatmaps are written.
 */
export class LiveFormulas {
  constructor(
    readonly ratings: RatingsLayout,
    readonly expectations: ExpectationsLayout,
  ) {}

  /** =IFERROR(MATCH(A5,Ratings!$A:$A,0),"") */
  ratingsRow(personCell: string): string {
    const r = this.ratings;
    return `IFERROR(MATCH(${personCell},${sheetRef(r.sheet)}${span(r.person, r.person)},0),"")`;
  }

  /** What that MATCH finds: the first row whose Person is the same text, ignoring case. */
  ratingsRowValue(person: string): number | null {
    if (!this.rowOfPerson) {
      this.rowOfPerson = new Map();
      const r = this.ratings;
      for (let i = r.values.length - 1; i > 0; i--)
        this.rowOfPerson.set(text(r.values[i][r.person]).toLowerCase(), i + 1);
    }
    return this.rowOfPerson.get(person.toLowerCase()) ?? null;
  }

  private rowOfPerson?: Map<string, number>;

  /** The person's name exactly as typed on the Ratings sheet (row is 1-based), so MATCH finds it. */
  personText(row: number, fallback: string): string {
    const cell = this.ratings.values[row - 1]?.[this.ratings.person];
    return typeof cell === "string" ? cell : fallback;
  }

  expectationsRow(track: string, level: string): number | undefined {
    return this.expectations.rowOfKey.get(`${track}|${level}`);
  }

  /** A person's ratings over the competency span: INDEX(Ratings!$F:$J,$Q5,0). */
  ratingsSpan(ratingsRowCell: string): string {
    const e = this.expectations;
    return `INDEX(${sheetRef(this.ratings.sheet)}${span(e.first, e.last)},${ratingsRowCell},0)`;
  }

  /** Expectations!$F$7:$J$7 */
  expectationSpan(row: number): string {
    const e = this.expectations;
    return `${sheetRef(e.sheet)}${fixed(e.first, row)}:${fixed(e.last, row)}`;
  }

  weightSpan(row: number): string {
    const e = this.expectations;
    return `${sheetRef(e.sheet)}${fixed(e.first + e.weightOffset, row)}:${fixed(e.last + e.weightOffset, row)}`;
  }

  /** One rating: INDEX(Ratings!$G:$G,$Q5). */
  rating(column: number, ratingsRowCell: string): string {
    return `INDEX(${sheetRef(this.ratings.sheet)}${span(column, column)},${ratingsRowCell})`;
  }

  expectation(column: number, row: number): string {
    return `${sheetRef(this.expectations.sheet)}${fixed(column, row)}`;
  }

  /** Weighted share of assessed competencies rated at or above the expectation; 0 when none assessed. */
  readiness(ratingsRowCell: string, expectationsRow: number): string {
    const r = this.ratingsSpan(ratingsRowCell);
    const w = this.weightSpan(expectationsRow);
    const e = this.expectationSpan(expectationsRow);
    // Weights are blank where there is no expectation, so they also mask competencies not expected at the level.
    return `IF(${ratingsRowCell}="","",IFERROR(SUMPRODUCT(${w}*ISNUMBER(${r})*(${r}>=${e}))/SUMPRODUCT(${w}*ISNUMBER(${r})),0))`;
  }

  /** Share of the competencies expected at the level that are assessed. */
  coverage(ratingsRowCell: string, expectationsRow: number): string {
    const r = this.ratingsSpan(ratingsRowCell);
    const e = this.expectationSpan(expectationsRow);
    return `IF(${ratingsRowCell}="","",IFERROR(SUMPRODUCT(ISNUMBER(${r})*ISNUMBER(${e}))/COUNT(${e}),0))`;
  }
}

function span(first: number, last: number): string {
  return `$${columnLetter(first)}:$${columnLetter(last)}`;
}

function fixed(column: number, row: number): string {
  return `$${columnLetter(column)}$${row}`;
}

function text(cell: Cell | undefined): string {
  return cell === null || cell === undefined ? "" : String(cell);
}
