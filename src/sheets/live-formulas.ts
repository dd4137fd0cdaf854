/**
 * Formula pieces for the live heatmaps. A person's Ratings row is found by name (MATCH, so sorting Ratings breaks
 * nothing); the expectations and weights of their track and level are looked up by key in a block the heatmap sheet
 * carries below its people. So every formula in a heatmap column is the same relative formula, which hosts can fill
 * down instead of sending it once per person. The block is on the heatmap's own sheet because hosts build a
 * replacement sheet beside the old one and then swap: a formula pointing at another sheet replaced in the same write
 * would end as #REF!. The Ratings sheet is never replaced by a write that also writes heatmaps.
 *
 * The formulas find competencies by position, as the Ratings sheet had them when they were written; a person by name,
 * so sorting, filtering and hiding rows change nothing. A column moved, inserted, removed or renamed inside the span
 * would pair ratings with the wrong expectations: the block keeps a copy of the Ratings headers it was written for,
 * and a check cell at the top of the sheet compares them with the headers now there. When they differ every live
 * number on the sheet turns blank and the check says to refresh, which rewrites the formulas by header.
 */
import { competencyWeights, countsFor, specialisationFor } from "../core/career-matrix";
import type { CareerMatrix } from "../core/matrix";
import { nameKey } from "../core/names";
import { SOURCE_WORD } from "../core/vocabulary";
import type { Cell, PersonRatings, RatingsColumn } from "../core/types";
import { columnLetter, rangeA1, sheetRef } from "./a1";
import { GROUP, NOTE } from "./palette";
import type { SpecCell, StyledRange } from "./spec";

/** Where the Ratings sheet keeps what formulas need, as read. */
export interface RatingsLayout {
  /** Current tab name of the Ratings sheet. */
  sheet: string;
  values: Cell[][];
  /** 0-based column of Person. */
  person: number;
  /** 0-based column of Source; absent on a sheet without one (every row is then the manager's). */
  source?: number;
  /** Competency columns, as the core read them. */
  columns: RatingsColumn[];
}

export function ratingsLayout(sheet: string, values: Cell[][], columns: RatingsColumn[]): RatingsLayout {
  const header = (values[0] ?? []).map((c) => nameKey(c === null ? "" : String(c)));
  const person = header.indexOf("person");
  const source = header.indexOf("source");
  const layout: RatingsLayout = { sheet, values, person: person < 0 ? 0 : person, columns };
  if (source >= 0) layout.source = source;
  return layout;
}

/**
 * Rows below the last one read that a person's search by name and source still covers, for people typed after the
 * formulas were written (a search by name alone covers the whole column).
 */
const ROWS_TYPED_LATER = 1000;

/** Where a sheet with live formulas shows that the Ratings columns changed since it was written: under its title. */
export const COLUMNS_CHECK_CELL = "A3";

/**
 * What the check cell says when the Ratings columns are no longer those the formulas were written for: short enough
 * to show whole in the empty cells beside it on every sheet that has one.
 */
export const COLUMNS_CHANGED = "Ratings columns changed: numbers hidden. Run Refresh heatmaps.";

/** The check cell stands out: it is the only thing the sheet shows while its numbers are hidden. */
export const COLUMNS_CHECK_STYLE = { bold: true, fontColor: "#C00000" } as const;

/**
 * The key of a track in the block, with the specialisation that counts for the person if any: "backend",
 * "backend|secure". Someone with a specialisation is scored on its competencies as well, so has rows of their own.
 */
export function trackKey(track: string, specialisation?: string): string {
  return specialisation === undefined ? track : `${track}|${specialisation}`;
}

/** The key of a track and level in the expectations block: "backend|senior", "backend|secure|distinguished". */
export function expectationsKey(track: string, level: string, specialisation?: string): string {
  return `${trackKey(track, specialisation)}|${level}`;
}

/** A person's track key: their track, with their specialisation where it counts for them (see specialisationFor). */
export function personTrackKey(matrix: CareerMatrix, person: PersonRatings): string {
  return trackKey(person.track, specialisationFor(matrix, person.track, person.specialisation)?.id);
}

/** The key of a level as it counts for a person: "backend|senior", "backend|secure|distinguished". */
export function personExpectationsKey(matrix: CareerMatrix, person: PersonRatings, level: string): string {
  return expectationsKey(
    person.track,
    level,
    specialisationFor(matrix, person.track, person.specialisation)?.id,
  );
}

/**
 * The expectations block of one heatmap sheet: a row per track and level with the expected rating under each
 * Ratings competency column (blank where nothing is expected), then a row of weights per track.
 */
export interface ExpectationsBlock {
  /** Rows to write from the block's first row, from column A. */
  rows: SpecCell[][];
  /** 0-based rows of the two titles and of the two header rows, for styling. */
  titleRows: number[];
  headerRows: number[];
  /** 0-based last column of the block. */
  lastColumn: number;
  /** 0-based rows of the block, first and last. */
  first: number;
  last: number;
  /** Absolute ranges: the keys and the expected values (one column per Ratings column of the span). */
  keys: string;
  expected: string;
  weightKeys: string;
  weights: string;
  /** The check cell's formula: blank while the Ratings headers over the span are those the block copied. */
  columnsCheck: SpecCell;
  /** 1-based position of a key among the keys, as MATCH gives it. */
  positionOf(key: string): number | undefined;
  /** The expected values under one Ratings column, as an absolute one-column range. */
  expectedColumn(ratingsColumn: number): string;
}

export class LiveFormulas {
  private readonly first: number;
  private readonly last: number;
  private rowOfPerson?: Map<string, number>;

  constructor(
    private readonly matrix: CareerMatrix,
    readonly ratings: RatingsLayout,
  ) {
    this.first = Math.min(...ratings.columns.map((c) => c.column));
    this.last = Math.max(...ratings.columns.map((c) => c.column));
  }

  /**
   * The row of a person's manager rating: the first row with their name whose Source is Manager or blank, as the core
   * reads the sheet. Found by name first (=MATCH($A5,Ratings!$A:$A,0)), which is the manager's row unless a self or
   * peer row comes first; only then is the name searched together with the source.
   */
  ratingsRow(personCell: string): string {
    const r = this.ratings;
    const sheet = sheetRef(r.sheet);
    const byName = `MATCH(${personCell},${sheet}${span(r.person, r.person)},0)`;
    if (r.source === undefined) return `IFERROR(${byName},"")`;
    const sourceAt = `INDEX(${sheet}${span(r.source, r.source)},${byName})`;
    const end = r.values.length + ROWS_TYPED_LATER;
    const names = `${sheet}${absolute(rangeA1(0, r.person, end - 1, r.person))}`;
    const sources = `${sheet}${absolute(rangeA1(0, r.source, end - 1, r.source))}`;
    const bySource = `MATCH(1,INDEX((${names}=${personCell})*((${sources}=${quoted(SOURCE_WORD.manager)})+(${sources}="")),0),0)`;
    return `IFERROR(IF(OR(${sourceAt}=${quoted(SOURCE_WORD.manager)},${sourceAt}=""),${byName},${bySource}),"")`;
  }

  /**
   * The row of a person's self rating: the first row with their name whose Source is Self; blank when none (or the
   * sheet has no Source column).
   */
  selfRow(personCell: string): string {
    const r = this.ratings;
    if (r.source === undefined) return `""`;
    const sheet = sheetRef(r.sheet);
    const end = r.values.length + ROWS_TYPED_LATER;
    const names = `${sheet}${absolute(rangeA1(0, r.person, end - 1, r.person))}`;
    const sources = `${sheet}${absolute(rangeA1(0, r.source, end - 1, r.source))}`;
    return `IFERROR(MATCH(1,INDEX((${names}=${personCell})*(${sources}=${quoted(SOURCE_WORD.self)}),0),0),"")`;
  }

  /**
   * Self − manager in one Ratings column, blank unless both rated it on the scale. The row cells hold selfRow and
   * ratingsRow.
   */
  agreement(selfRowCell: string, managerRowCell: string, column: number): string {
    const at = (row: string) => `INDEX(${sheetRef(this.ratings.sheet)}${span(column, column, "")},${row})`;
    const [self, manager] = [at(selfRowCell), at(managerRowCell)];
    return this.checked(
      `IF(OR(${selfRowCell}="",${managerRowCell}=""),"",IF(${this.rated(self)}*${this.rated(manager)}=1,${self}-${manager},""))`,
    );
  }

  /** The Ratings columns the formulas cover, first to last, 0-based: competencies and anything typed between them. */
  get span(): { first: number; last: number } {
    return { first: this.first, last: this.last };
  }

  /**
   * The check cell's formula for a sheet that carries its own copy of the Ratings headers over the span, in 0-based
   * row `row` from 0-based column `left`: blank while they are those now on the Ratings sheet.
   */
  columnsCheck(row: number, left: number): SpecCell {
    const copied = absolute(rangeA1(row, left, row, left + this.last - this.first));
    const now = `${sheetRef(this.ratings.sheet)}${absolute(rangeA1(0, this.first, 0, this.last))}`;
    return {
      f: `=IF(IFERROR(SUMPRODUCT((${now}<>${copied})*1),1)=0,"",${quoted(COLUMNS_CHANGED)})`,
      v: "",
    };
  }

  /** What that formula finds: the first row with the same name, ignoring case, whose source is Manager or blank. */
  ratingsRowValue(person: string): number | null {
    if (!this.rowOfPerson) {
      this.rowOfPerson = new Map();
      const r = this.ratings;
      const manager = nameKey(SOURCE_WORD.manager);
      for (let i = r.values.length - 1; i > 0; i--) {
        const source = r.source === undefined ? "" : nameKey(text(r.values[i]?.[r.source]).trim());
        if (source === "" || source === manager)
          this.rowOfPerson.set(text(r.values[i]?.[r.person]).toLowerCase(), i + 1);
      }
    }
    return this.rowOfPerson.get(person.toLowerCase()) ?? null;
  }

  /** The person's name exactly as typed on the Ratings sheet (row is 1-based), so MATCH finds it. */
  personText(row: number, fallback: string): string {
    const cell = this.ratings.values[row - 1]?.[this.ratings.person];
    return typeof cell === "string" ? cell : fallback;
  }

  /**
   * The block for the given tracks (every level of each), starting at 0-based row `top`, keys in column A and the
   * Ratings competency span from column B.
   */
  expectationsBlock(trackIds: string[], top: number): ExpectationsBlock {
    const wanted = new Set(trackIds);
    const tracks = this.matrix.tracks.filter((t) => wanted.has(t.id));
    const width = this.last - this.first + 1;
    const header: SpecCell[] = [];
    const idAt: (string | undefined)[] = [];
    for (let column = this.first; column <= this.last; column++) {
      header.push(this.ratings.values[0]?.[column] ?? null);
      idAt.push(this.ratings.columns.find((c) => c.column === column)?.competency);
    }
    const rows: SpecCell[][] = [
      ["Expectations used by the formulas above, from the matrix sheets"],
      ["Track|level", ...header],
    ];
    const keys: string[] = [];
    // Each track as people without a specialisation see it, then once per specialisation it offers.
    const variants = tracks.flatMap((track) => [
      { track, specialisation: undefined as string | undefined },
      ...(this.matrix.specialisations ?? [])
        .filter((s) => s.tracks.includes(track.id))
        .map((s) => ({ track, specialisation: s.id as string | undefined })),
    ]);
    for (const { track, specialisation } of variants) {
      for (const level of track.levels) {
        keys.push(expectationsKey(track.id, level.id, specialisation));
        rows.push([
          expectationsKey(track.id, level.id, specialisation),
          ...idAt.map((id) => {
            const competency = track.competencies.find((c) => c.id === id);
            return competency && countsFor(competency, specialisation)
              ? (competency.expectations[level.id]?.value ?? null)
              : null;
          }),
        ]);
      }
    }
    const keysEnd = top + rows.length - 1;
    rows.push([], ["Weights of the competencies (their area's weight), by track"], ["Track", ...header]);
    const weightsStart = top + rows.length;
    for (const { track, specialisation } of variants) {
      const weightOf = competencyWeights(this.matrix, track);
      rows.push([
        trackKey(track.id, specialisation),
        ...idAt.map((id) => (id === undefined ? null : (weightOf.get(id) ?? null))),
      ]);
    }
    const keysStart = top + 2;
    const range = (from: number, to: number, left: number, right: number) =>
      absolute(rangeA1(from, left, Math.max(from, to), right));
    const lastColumn = Math.max(1, width);
    const position = new Map(keys.map((key, i) => [key.toLowerCase(), i + 1]));
    // Compared cell by cell; a span that grew or shrank makes the comparison an error, which counts as changed.
    const copied = range(top + 1, top + 1, 1, lastColumn);
    const now = `${sheetRef(this.ratings.sheet)}${absolute(rangeA1(0, this.first, 0, this.last))}`;
    const columnsCheck: SpecCell = {
      f: `=IF(IFERROR(SUMPRODUCT((${now}<>${copied})*1),1)=0,"",${quoted(COLUMNS_CHANGED)})`,
      v: "",
    };
    // Asked for once per gap formula: 800,000 times at 10,000 people.
    const expectedColumns = new Map<number, string>();
    return {
      rows,
      titleRows: [top, keysEnd + 2],
      headerRows: [top + 1, keysEnd + 3],
      lastColumn,
      first: top,
      last: top + rows.length - 1,
      keys: range(keysStart, keysEnd, 0, 0),
      expected: range(keysStart, keysEnd, 1, lastColumn),
      weightKeys: range(weightsStart, top + rows.length - 1, 0, 0),
      weights: range(weightsStart, top + rows.length - 1, 1, lastColumn),
      columnsCheck,
      positionOf: (key) => position.get(key.toLowerCase()),
      expectedColumn: (column) => {
        let expected = expectedColumns.get(column);
        if (expected === undefined) {
          const at = 1 + column - this.first;
          expected = range(keysStart, keysEnd, at, at);
          expectedColumns.set(column, expected);
        }
        return expected;
      },
    };
  }

  /**
   * Weighted share of assessed competencies rated at or above the expectation at the level whose key `key` gives
   * (a formula expression); 0 when none assessed, blank when the track has no such level.
   */
  readiness(block: ExpectationsBlock, ratingsRowCell: string, key: string, trackCell: string): string {
    const r = this.ratingsSpan(ratingsRowCell);
    const found = `MATCH(${key},${block.keys},0)`;
    const expected = `INDEX(${block.expected},${found},0)`;
    const weights = `INDEX(${block.weights},MATCH(${trackCell},${block.weightKeys},0),0)*ISNUMBER(${expected})`;
    return this.checked(
      `IF(${ratingsRowCell}="","",IF(ISNUMBER(${found}),IFERROR(` +
        `SUMPRODUCT(${weights}*${this.rated(r)}*${this.atLeast(r, expected)})/SUMPRODUCT(${weights}*${this.rated(r)}),0),""))`,
    );
  }

  /** Share of the competencies expected at the level that are assessed; blank when the track has no such level. */
  coverage(block: ExpectationsBlock, ratingsRowCell: string, key: string): string {
    const r = this.ratingsSpan(ratingsRowCell);
    const found = `MATCH(${key},${block.keys},0)`;
    const expected = `INDEX(${block.expected},${found},0)`;
    return this.checked(
      `IF(${ratingsRowCell}="","",IF(ISNUMBER(${found}),` +
        `IFERROR(SUMPRODUCT(ISNUMBER(${expected})*${this.rated(r)})/COUNT(${expected}),0),""))`,
    );
  }

  /** The position of a row's key among the block's keys: =IFERROR(MATCH($N5,$A$60:$A$80,0),""). */
  expectationsRow(block: ExpectationsBlock, keyCell: string): string {
    return `IFERROR(MATCH(${keyCell},${block.keys},0),"")`;
  }

  /**
   * Rating − expectation for one Ratings column, blank when not assessed or nothing is expected. INDEX on a blank
   * row number is an error, which ISNUMBER turns into blank too.
   */
  gap(block: ExpectationsBlock, ratingsRowCell: string, expectationsRowCell: string, column: number): string {
    const rating = `INDEX(${sheetRef(this.ratings.sheet)}${span(column, column, "")},${ratingsRowCell})`;
    const expected = `INDEX(${block.expectedColumn(column)},${expectationsRowCell})`;
    return this.checked(`IF(ISNUMBER(${expected}),IF(${this.rated(rating)},${rating}-${expected},""),"")`);
  }

  /** Blank while the check cell says the Ratings columns changed: no number from a stale pairing is shown. */
  private checked(formula: string): string {
    return `IF(${absolute(COLUMNS_CHECK_CELL)}<>"","",${formula})`;
  }

  /**
   * 1 where a rating counts: a number within the scale, as the core reads the sheet. An error value in a rating cell
   * (#N/A, #REF!) counts as not assessed, as the core reads it, instead of turning the whole SUMPRODUCT into an error:
   * ISNUMBER(1/(test)) is 1 for a true test and 0 for a false one or an error, with no IF (which a SUMPRODUCT would
   * not evaluate over an array in Excel before dynamic arrays).
   */
  private rated(r: string): string {
    const values = this.matrix.scale.map((point) => point.value);
    return `ISNUMBER(${r})*ISNUMBER(1/((${r}>=${Math.min(...values)})*(${r}<=${Math.max(...values)})))`;
  }

  /** 1 where the rating meets the expectation, 0 where it does not or is an error value. */
  private atLeast(r: string, expected: string): string {
    return `ISNUMBER(1/(${r}>=${expected}))`;
  }

  /** A person's ratings over the competency span: INDEX(Ratings!$F:$J,$Q5,0). */
  private ratingsSpan(ratingsRowCell: string): string {
    return `INDEX(${sheetRef(this.ratings.sheet)}${span(this.first, this.last)},${ratingsRowCell},0)`;
  }
}

/** Titles as notes, header rows as group headings. */
export function blockStyles(block: ExpectationsBlock): StyledRange[] {
  return [
    ...block.titleRows.map((row) => ({ range: rangeA1(row, 0, row, 0), style: NOTE })),
    ...block.headerRows.map((row) => ({ range: rangeA1(row, 0, row, block.lastColumn), style: GROUP })),
  ];
}

/** A text as a formula string literal. */
export function quoted(value: string): string {
  return `"${value.replace(/"/g, '""')}"`;
}

function absolute(range: string): string {
  return range.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
}

function span(first: number, last: number, fixed = "$"): string {
  return `${fixed}${columnLetter(first)}:${fixed}${columnLetter(last)}`;
}

function text(cell: Cell | undefined): string {
  return cell === null || cell === undefined ? "" : String(cell);
}
