/**
 * Formula pieces for the live heatmaps. They read the Ratings sheet only: a person's Ratings row is found by name
 * (MATCH, so sorting Ratings breaks nothing) and the expectations and weights of their track and level are written
 * into the formula as array constants. Hosts build a replacement sheet beside the old one and then swap, so a formula
 * pointing at another sheet replaced in the same write would end as #REF!; the Ratings sheet is never replaced by a
 * write that also writes heatmaps, and nothing else is referred to.
 */
import { competencyWeights } from "../core/career-matrix";
import type { CareerMatrix } from "../core/matrix";
import { nameKey } from "../core/names";
import type { Cell, RatingsColumn } from "../core/types";
import { columnLetter, sheetRef } from "./a1";

/** Where the Ratings sheet keeps what formulas need, as read. */
export interface RatingsLayout {
  /** Current tab name of the Ratings sheet. */
  sheet: string;
  values: Cell[][];
  /** 0-based column of Person. */
  person: number;
  /** Competency columns, as the core read them. */
  columns: RatingsColumn[];
}

export function ratingsLayout(sheet: string, values: Cell[][], columns: RatingsColumn[]): RatingsLayout {
  const header = (values[0] ?? []).map((c) => nameKey(c === null ? "" : String(c)));
  const person = header.indexOf("person");
  return { sheet, values, person: person < 0 ? 0 : person, columns };
}

interface LevelArrays {
  /** Expected values over the competency span, 0 where nothing is expected. */
  expected: string;
  /** Weights over the span, 0 where nothing is expected, so what is not expected drops out. */
  weights: string;
  /** 1 where something is expected. */
  mask: string;
  count: number;
}

export class LiveFormulas {
  private readonly first: number;
  private readonly last: number;
  private readonly arrays = new Map<string, LevelArrays>();
  private rowOfPerson?: Map<string, number>;

  constructor(
    private readonly matrix: CareerMatrix,
    readonly ratings: RatingsLayout,
  ) {
    this.first = Math.min(...ratings.columns.map((c) => c.column));
    this.last = Math.max(...ratings.columns.map((c) => c.column));
  }

  /** =IFERROR(MATCH($A5,Ratings!$A:$A,0),"") */
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
        this.rowOfPerson.set(text(r.values[i]?.[r.person]).toLowerCase(), i + 1);
    }
    return this.rowOfPerson.get(person.toLowerCase()) ?? null;
  }

  /** The person's name exactly as typed on the Ratings sheet (row is 1-based), so MATCH finds it. */
  personText(row: number, fallback: string): string {
    const cell = this.ratings.values[row - 1]?.[this.ratings.person];
    return typeof cell === "string" ? cell : fallback;
  }

  /** Weighted share of assessed competencies rated at or above the expectation; 0 when none assessed. */
  readiness(ratingsRowCell: string, track: string, level: string): string {
    const r = this.ratingsSpan(ratingsRowCell);
    const { expected, weights } = this.levelArrays(track, level);
    return `IF(${ratingsRowCell}="","",IFERROR(SUMPRODUCT(${weights}*ISNUMBER(${r})*(${r}>=${expected}))/SUMPRODUCT(${weights}*ISNUMBER(${r})),0))`;
  }

  /** Share of the competencies expected at the level that are assessed. */
  coverage(ratingsRowCell: string, track: string, level: string): string {
    const r = this.ratingsSpan(ratingsRowCell);
    const { mask, count } = this.levelArrays(track, level);
    return count === 0
      ? `IF(${ratingsRowCell}="","",0)`
      : `IF(${ratingsRowCell}="","",SUMPRODUCT(${mask}*ISNUMBER(${r}))/${count})`;
  }

  /**
   * Rating − expectation for one competency column, blank when not assessed. Kept short, as there is one per person
   * and competency: INDEX on a blank Ratings row is an error, which ISNUMBER turns into blank too.
   */
  gap(ratingsRowCell: string, column: number, expected: number): string {
    const rating = `INDEX(${sheetRef(this.ratings.sheet)}${span(column, column, "")},${ratingsRowCell})`;
    return `IF(ISNUMBER(${rating}),${rating}-${expected},"")`;
  }

  /** A person's ratings over the competency span: INDEX(Ratings!$F:$J,$Q5,0). */
  private ratingsSpan(ratingsRowCell: string): string {
    return `INDEX(${sheetRef(this.ratings.sheet)}${span(this.first, this.last)},${ratingsRowCell},0)`;
  }

  private levelArrays(trackId: string, levelId: string): LevelArrays {
    const key = `${trackId}|${levelId}`;
    const known = this.arrays.get(key);
    if (known) return known;
    const track = this.matrix.tracks.find((t) => t.id === trackId);
    const weightOf = track ? competencyWeights(this.matrix, track) : new Map<string, number>();
    const expected: number[] = [];
    const weights: number[] = [];
    const mask: number[] = [];
    for (let column = this.first; column <= this.last; column++) {
      const id = this.ratings.columns.find((c) => c.column === column)?.competency;
      const competency = id === undefined ? undefined : track?.competencies.find((c) => c.id === id);
      const expectation = competency?.expectations[levelId];
      expected.push(expectation?.value ?? 0);
      weights.push(expectation && competency ? (weightOf.get(competency.id) ?? 1) : 0);
      mask.push(expectation ? 1 : 0);
    }
    const arrays = {
      expected: `{${expected.join(",")}}`,
      weights: `{${weights.join(",")}}`,
      mask: `{${mask.join(",")}}`,
      count: mask.filter((m) => m === 1).length,
    };
    this.arrays.set(key, arrays);
    return arrays;
  }
}

function span(first: number, last: number, fixed = "$"): string {
  return `${fixed}${columnLetter(first)}:${fixed}${columnLetter(last)}`;
}

function text(cell: Cell | undefined): string {
  return cell === null || cell === undefined ? "" : String(cell);
}
