/**
 * The Ratings sheet: one row per person and source of ratings (Self, Manager, Peer; blank is Manager), Person / Track /
 * Level / Rater / Team / Source, then a rating per competency. It is
 * rebuilt from what is on the sheet, never from scratch: every row and cell typed is kept (columns the add-in does not
 * know move to the end, untouched), new people and new competencies are added.
 */
import { findLevel, findSpecialisation, findTrack } from "../core/career-matrix";
import type { CompetencyId } from "../core/framework";
import type { CareerMatrix, MatrixCompetency } from "../core/matrix";
import { nameKey, personKey } from "../core/names";
import { BLANK_SOURCE, RATING_SOURCES, type RatingSource } from "../core/rating-sources";
import type { Cell } from "../core/types";
import { SOURCE_WORD } from "../core/vocabulary";
import { columnLetter, rangeA1 } from "./a1";
import { HEADER } from "./palette";
import type { SheetSpec } from "./spec";

import { RATINGS_KEY } from "./sheet-keys";
export { RATINGS_KEY };
export const RATINGS_NAME = "Ratings";
export const RATINGS_FIELDS = ["Person", "Track", "Level", "Rater", "Team", "Source"] as const;
/** The column after Source where the framework has specialisations: blank is none. */
export const SPECIALISATION_FIELD = "Specialisation";
/** 0-based column of Source on a sheet this module writes. */
export const SOURCE_COLUMN = RATINGS_FIELDS.indexOf("Source");

/** The fields before the ratings: Person to Source, then Specialisation where the framework offers any. */
export function ratingsFields(matrix: CareerMatrix): string[] {
  return (matrix.specialisations ?? []).length > 0
    ? [...RATINGS_FIELDS, SPECIALISATION_FIELD]
    : [...RATINGS_FIELDS];
}

/** 0-based column of the first rating on a sheet this module writes: right after the fields. */
export function firstRatingColumn(matrix: CareerMatrix): number {
  return ratingsFields(matrix).length;
}
/** Room below the last person where the drop-downs already apply, for people typed by hand. */
const ROOM_FOR_PEOPLE = 200;

export interface NewPerson {
  person: string;
  /** Track id or name. */
  track: string;
  /** Level id, name or title. */
  level: string;
  rater?: string;
  team?: string;
  /** Who rates on this row; blank (Manager) when absent. */
  source?: RatingSource;
  /** Specialisation id or name. */
  specialisation?: string;
}

export interface RatingsSheet {
  spec: SheetSpec;
  added: string[];
  /** People not added because they are already on the sheet, with the reason. */
  skipped: { person: string; reason: string }[];
}

/**
 * `matrix` holds the tracks whose competencies get a column; `existing` is the sheet as read (null = none yet).
 * `formerNames` are matrices whose names a header may still carry (the bundled one, other tracks): a competency
 * renamed on its matrix sheet keeps its column, and its ratings, under the new name.
 */
export function ratingsSheetSpec(
  matrix: CareerMatrix,
  existing: Cell[][] | null,
  add: NewPerson[],
  name = RATINGS_NAME,
  formerNames: CareerMatrix[] = [],
): RatingsSheet {
  const header = existing?.[0] ?? [];
  const fields = ratingsFields(matrix);
  const competencies = ratingCompetencies(matrix);
  const byKey = new Map<string, MatrixCompetency>();
  for (const c of competencies) for (const key of [nameKey(c.id), nameKey(c.name)]) byKey.set(key, c);
  const byId = new Map(competencies.map((c) => [c.id, c]));
  for (const former of formerNames)
    for (const track of former.tracks)
      for (const c of track.competencies) {
        const now = byId.get(c.id);
        if (now && !byKey.has(nameKey(c.name))) byKey.set(nameKey(c.name), now);
      }

  // Where each existing column goes: a field, a competency, or "kept" (unknown, moved to the end untouched).
  const fieldAt = new Map<number, number>();
  const competencyAt = new Map<number, CompetencyId>();
  const kept: number[] = [];
  // A fold, not a spread: spreading 125,000 rows into Math.max overflows the call stack.
  const width = (existing ?? []).reduce((most, row) => Math.max(most, row.length), 0);
  for (let column = 0; column < width; column++) {
    const key = nameKey(text(header[column]));
    const field = fields.findIndex((f) => nameKey(f) === (key === "specialization" ? "specialisation" : key));
    const competency = key ? byKey.get(key) : undefined;
    if (field >= 0 && ![...fieldAt.values()].includes(field)) fieldAt.set(column, field);
    else if (competency && ![...competencyAt.values()].includes(competency.id))
      competencyAt.set(column, competency.id);
    else if ((existing ?? []).some((row) => text(row[column]) !== "")) kept.push(column);
  }

  const order = [
    ...[...competencyAt.values()].map((id) => competencies.find((c) => c.id === id) as MatrixCompetency),
    ...competencies.filter((c) => ![...competencyAt.values()].includes(c.id)),
  ];
  const duplicateNames = new Set(
    order.map((c) => nameKey(c.name)).filter((key, i, all) => all.indexOf(key) !== i),
  );
  const competencyColumn = new Map(order.map((c, i) => [c.id, fields.length + i]));
  const firstKept = fields.length + order.length;

  const rows: Cell[][] = [
    [
      ...fields,
      ...order.map((c) => (duplicateNames.has(nameKey(c.name)) ? c.id : c.name)),
      ...kept.map((column) => header[column] ?? null),
    ],
  ];
  const present = new Set<string>();
  for (const row of (existing ?? []).slice(1)) {
    const out: Cell[] = new Array(firstKept + kept.length).fill(null);
    fieldAt.forEach((field, column) => (out[field] = row[column] ?? null));
    competencyAt.forEach((id, column) => (out[competencyColumn.get(id) as number] = row[column] ?? null));
    kept.forEach((column, i) => (out[firstKept + i] = row[column] ?? null));
    rows.push(trimRow(out));
    if (text(out[0]) !== "") present.add(rowKey(text(out[0]), text(out[SOURCE_COLUMN])));
  }
  while (rows.length > 1 && rows[rows.length - 1].length === 0) rows.pop();

  const added: string[] = [];
  const skipped: RatingsSheet["skipped"] = [];
  for (const person of add) {
    if (personKey(person.person) === "") continue;
    const key = rowKey(person.person, person.source === undefined ? "" : SOURCE_WORD[person.source]);
    if (present.has(key)) {
      const source = SOURCE_WORD[person.source ?? BLANK_SOURCE];
      skipped.push({
        person: person.person,
        reason:
          source === SOURCE_WORD[BLANK_SOURCE]
            ? `${person.person} is already on the ${name} sheet.`
            : `${person.person} already has a ${source} row on the ${name} sheet.`,
      });
      continue;
    }
    present.add(key);
    const track = findTrack(matrix, person.track);
    const level = track && findLevel(track, person.level);
    const row: Cell[] = [
      person.person.trim(),
      track?.name ?? person.track,
      level?.name ?? person.level,
      person.rater ?? null,
      person.team ?? null,
      person.source === undefined ? null : SOURCE_WORD[person.source],
    ];
    if (fields.length > RATINGS_FIELDS.length && person.specialisation !== undefined)
      row[RATINGS_FIELDS.length] =
        findSpecialisation(matrix, person.specialisation)?.name ?? person.specialisation;
    rows.push(trimRow(row));
    added.push(person.person.trim());
  }

  const lastColumn = Math.max(firstKept + kept.length - 1, fields.length - 1);
  const lastRow = rows.length - 1 + ROOM_FOR_PEOPLE;
  const scale = matrix.scale.map((p) => String(p.value));
  const validations = [
    {
      range: `B2:B${lastRow + 1}`,
      list: matrix.tracks.map((t) => t.name),
      error: "Pick a track from the list.",
    },
    {
      range: `C2:C${lastRow + 1}`,
      list: unique(matrix.tracks.flatMap((t) => t.levels.map((l) => l.name))),
      error: "Pick a level from the list.",
    },
  ];
  validations.push({
    range: rangeA1(1, SOURCE_COLUMN, lastRow, SOURCE_COLUMN),
    list: RATING_SOURCES.map((s) => SOURCE_WORD[s]),
    error: `A source is ${RATING_SOURCES.map((s) => SOURCE_WORD[s]).join(", ")}, or blank for ${SOURCE_WORD[BLANK_SOURCE]}.`,
  });
  const specialisations = matrix.specialisations ?? [];
  if (fields.length > RATINGS_FIELDS.length)
    validations.push({
      range: rangeA1(1, RATINGS_FIELDS.length, lastRow, RATINGS_FIELDS.length),
      list: specialisations.map((s) => s.name),
      error: `A specialisation is ${specialisations.map((s) => s.name).join(" or ")}, or blank for none.`,
    });
  if (order.length > 0)
    validations.push({
      range: rangeA1(1, fields.length, lastRow, firstKept - 1),
      list: scale,
      error: `A rating is a value of the scale (${scale.join(", ")}), or blank when not assessed.`,
    });

  return {
    spec: {
      name,
      kind: "ratings",
      key: RATINGS_KEY,
      cells: rows,
      styles: [
        { range: `A1:${columnLetter(lastColumn)}1`, style: HEADER },
        ...(order.length > 0
          ? [
              {
                range: rangeA1(1, fields.length, lastRow, firstKept - 1),
                style: { horizontal: "center" as const },
              },
            ]
          : []),
      ],
      columnWidths: [
        24,
        20,
        16,
        18,
        16,
        11,
        ...fields.slice(RATINGS_FIELDS.length).map(() => 18),
        ...order.map(() => 13),
        ...kept.map(() => 14),
      ],
      rowHeights: { 0: 45 },
      freeze: { rows: 1, columns: 1 },
      validations,
      tabColor: "#548235",
    },
    added,
    skipped,
  };
}

/** The competencies of the matrix's tracks, each once, grouped by area in area order. */
export function ratingCompetencies(matrix: CareerMatrix): MatrixCompetency[] {
  const seen = new Map<CompetencyId, MatrixCompetency>();
  for (const track of matrix.tracks)
    for (const c of track.competencies) if (!seen.has(c.id)) seen.set(c.id, c);
  const areaOrder = new Map(matrix.areas.map((a, i) => [a.id, i]));
  return [...seen.values()].sort((x, y) => (areaOrder.get(x.area) ?? 0) - (areaOrder.get(y.area) ?? 0));
}

/** A person's row for one source: a blank source is the manager's, as the core reads it. */
function rowKey(person: string, source: string): string {
  return `${personKey(person)}|${nameKey(source === "" ? SOURCE_WORD[BLANK_SOURCE] : source)}`;
}

function trimRow(row: Cell[]): Cell[] {
  let end = row.length;
  while (end > 0 && text(row[end - 1]) === "") end--;
  return row.slice(0, end);
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

function text(cell: Cell | undefined): string {
  return cell === null || cell === undefined ? "" : String(cell).trim();
}
