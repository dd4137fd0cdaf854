/**
 * Shared gap records. A gap is fully determined by the competency, the expectation and the rating, and both values
 * come from a small scale, so a whole team needs only a few hundred distinct gaps. Sharing them spares scoring
 * 10,000 people from allocating (and the garbage collector from tracing) millions of identical objects. Shared gaps
 * are frozen: results are read, never edited in place.
 *
 * The table is addressed in two halves so the scoring loop only adds two precomputed offsets: `expectationSlot` once
 * per (competency, level) and `ratingSlot` once per (person, competency).
 */
import type { CompetencyId, ScalePoint } from "./framework";
import type { Gap } from "./types";

/** Beyond this many scale values the table would outgrow its use; gaps are then made one by one. */
const MAX_SPAN = 64;

export class GapTable {
  private readonly lowest: number;
  private readonly span: number;
  private readonly table: (Gap | undefined)[];

  constructor(
    private readonly ids: CompetencyId[],
    scale: ScalePoint[],
  ) {
    const values = scale.map((p) => p.value).filter(Number.isInteger);
    this.lowest = values.length > 0 ? Math.min(...values) : 0;
    const span = values.length > 0 ? Math.max(...values) - this.lowest + 1 : 0;
    this.span = span <= MAX_SPAN ? span : 0;
    // One slot per (competency, expectation, rating or not assessed).
    this.table = new Array(ids.length * this.span * (this.span + 1));
  }

  /** Offset of competency `index` at expectation `expected`, or -1 when its gaps cannot be shared. */
  expectationSlot(index: number, expected: number): number {
    const e = expected - this.lowest;
    return Number.isInteger(e) && e >= 0 && e < this.span ? (index * this.span + e) * (this.span + 1) : -1;
  }

  /** Offset of a rating (NaN = not assessed), or -1 when it cannot be shared. */
  ratingSlot(rating: number): number {
    if (Number.isNaN(rating)) return this.span;
    const r = rating - this.lowest;
    return Number.isInteger(r) && r >= 0 && r < this.span ? r : -1;
  }

  /** The gap for competency `index`; the slots are those of its expectation and rating. */
  gap(index: number, expected: number, rating: number, expectationSlot: number, ratingSlot: number): Gap {
    if (expectationSlot < 0 || ratingSlot < 0) return this.make(index, expected, rating);
    const slot = expectationSlot + ratingSlot;
    let gap = this.table[slot];
    if (gap === undefined) {
      gap = Object.freeze(this.make(index, expected, rating));
      this.table[slot] = gap;
    }
    return gap;
  }

  private make(index: number, expected: number, rating: number): Gap {
    return Number.isNaN(rating)
      ? { competency: this.ids[index], expected, rating: null, gap: null }
      : { competency: this.ids[index], expected, rating, gap: rating - expected };
  }
}
