/**
 * Reads a ratings table as any host reads it. Bad input never throws and never stops the rest: each problem points at
 * its cell and says what to do, and every valid row still scores.
 */
import { cellRef } from "./a1";
import { findLevel, findSpecialisation, findTrack } from "./career-matrix";
import type { CompetencyId } from "./framework";
import type { CareerMatrix } from "./matrix";
import { listNames, nameKey, personKey } from "./names";
import {
  BLANK_SOURCE,
  DEFAULT_RATING_RULE,
  RATING_SOURCES,
  type RatingRule,
  type RatingSource,
  ratingsByRule,
} from "./rating-sources";
import { scaleReader } from "./scale";
import { shortText } from "./short-text";
import type { Cell, PersonRatings, Problem, RatingsColumn, RatingsRead, Severity } from "./types";
import { SOURCE_WORD } from "./vocabulary";

export interface ReadRatingsOptions {
  /** Sheet or file name the problems point at. */
  sheet?: string;
  /**
   * Count only ratings held as numbers, as the Ratings sheet's live formulas do: a label or a number stored as text
   * gets a warning instead, so the task pane and the sheet never disagree. Files (CSV) take labels as ratings.
   */
  numbersOnly?: boolean;
  /**
   * A workbook's numbers stored as text ("3" typed into a text-formatted cell) count, with a warning at the cell
   * saying how to convert them. Without this, text that reads as a rating counts silently, as CSV holds only text.
   */
  warnNumbersAsText?: boolean;
  /** Which ratings readiness counts; the framework's (matrix.scoring.ratingRule) when absent. */
  rule?: RatingRule;
}

/** The error values a formula can leave in a cell, as Excel and LibreOffice show them. */
const ERROR_VALUE = /^#(N\/A|VALUE!|REF!|DIV\/0!|NUM!|NAME\?|NULL!|SPILL!|CALC!|GETTING_DATA)$/;
/** A date cell as the workbook reader gives it (ISO text). */
const DATE_VALUE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

const FIELDS = ["person", "track", "level", "rater", "team", "source", "specialisation"] as const;
type Field = (typeof FIELDS)[number];
const FIELD_HEADER: Record<Field, string> = {
  person: "Person",
  track: "Track",
  level: "Level",
  rater: "Rater",
  team: "Team",
  source: "Source",
  specialisation: "Specialisation",
};
const REQUIRED: Field[] = ["person", "track", "level"];

function isBlank(cell: Cell | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === "string" && cell.trim() === "");
}

function text(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "boolean") return cell ? "TRUE" : "FALSE";
  return String(cell).trim();
}

type Report = (severity: Severity, row1: number, col0: number, message: string) => void;

/** Row 1: where Person, Track, Level, Rater and Team are, and which column holds which competency. */
function readHeader(
  cells: Cell[][],
  matrix: CareerMatrix,
  report: Report,
): { fieldColumn: Partial<Record<Field, number>>; columns: RatingsColumn[] } {
  const header = cells[0] ?? [];
  const fieldColumn: Partial<Record<Field, number>> = {};
  const columns: RatingsColumn[] = [];
  const competencyByKey = competencyKeys(matrix);
  const seenCompetency = new Map<CompetencyId, number>();

  // A blank header row is one problem, reported by the caller, not one per column.
  if (header.every(isBlank)) return { fieldColumn, columns };
  header.forEach((cell, col) => {
    const title = text(cell);
    const ref = cellRef(1, col);
    if (title === "") {
      if (cells.some((row, i) => i > 0 && !isBlank(row[col]))) {
        report(
          "warning",
          1,
          col,
          `Column ${ref.slice(0, -1)} has values but no header in ${ref}: they are ignored. Type a competency name in ${ref}.`,
        );
      }
      return;
    }
    const key = nameKey(title);
    // Both spellings of the optional Specialisation column are read.
    const field = FIELDS.find((f) => f === (key === "specialization" ? "specialisation" : key));
    if (field) {
      if (fieldColumn[field] !== undefined) {
        const first = cellRef(1, fieldColumn[field]);
        report(
          "error",
          1,
          col,
          `"${shortText(title)}" in ${ref} repeats the ${FIELD_HEADER[field]} column of ${first}: this column is ignored. Remove or rename it.`,
        );
      } else {
        fieldColumn[field] = col;
      }
      return;
    }
    const competency = competencyByKey.get(key);
    if (!competency) {
      report(
        "warning",
        1,
        col,
        `"${shortText(title)}" in ${ref} is neither a competency of the matrix nor Person, Track, Level, Rater, Team, Source or Specialisation: its column is ignored. Check the spelling against the matrix.`,
      );
      return;
    }
    const earlier = seenCompetency.get(competency.id);
    if (earlier !== undefined) {
      report(
        "error",
        1,
        col,
        `"${shortText(title)}" in ${ref} is ${competency.name} again (already in ${cellRef(1, earlier)}): this column is ignored. Keep one column per competency.`,
      );
      return;
    }
    seenCompetency.set(competency.id, col);
    columns.push({ competency: competency.id, header: title, column: col });
  });

  return { fieldColumn, columns };
}

export function readRatings(
  cells: Cell[][],
  matrix: CareerMatrix,
  options: ReadRatingsOptions = {},
): RatingsRead {
  const problems: Problem[] = [];
  const rule = options.rule ?? matrix.scoring.ratingRule ?? DEFAULT_RATING_RULE;
  const report: Report = (severity, row1, col0, message) => {
    const problem: Problem = { severity, message, cell: cellRef(row1, col0), row: row1, column: col0 + 1 };
    if (options.sheet !== undefined) problem.sheet = options.sheet;
    problems.push(problem);
  };
  const { fieldColumn, columns } = readHeader(cells, matrix, report);
  const missing = REQUIRED.filter((f) => fieldColumn[f] === undefined).map((f) => FIELD_HEADER[f]);
  if (missing.length > 0) {
    const empty = (cells[0] ?? []).every(isBlank);
    const body = cells.slice(1).some((row) => !row.every(isBlank));
    report(
      "error",
      1,
      0,
      empty && !body
        ? `The ratings table is empty: row 1 needs the headers Person, Track and Level, then one column per competency.`
        : empty
          ? `Row 1 has no headers: type Person, Track and Level, then one competency per column, above the ratings.`
          : `Row 1 lacks the ${missing.length === 1 ? "column" : "columns"} ${listNames(missing, missing.length, "and")}: add ${missing.length === 1 ? "it" : "them"} to the header row so ratings can be read.`,
    );
    return { people: [], rows: [], awaiting: [], rule, columns, problems };
  }
  if (fieldColumn.rater === undefined) {
    report(
      "warning",
      1,
      0,
      "No Rater column in row 1: raters cannot be compared in calibration. Add a Rater column if you need that.",
    );
  }
  if (fieldColumn.team === undefined) {
    report(
      "warning",
      1,
      0,
      "No Team column in row 1: everyone counts as one team. Add a Team column to see teams side by side.",
    );
  }
  if (columns.length === 0) {
    report(
      "error",
      1,
      0,
      "No competency columns in row 1: add one column per competency, headed by its name or id as in the matrix.",
    );
  }

  const scale = scaleReader(matrix.scale);
  const allTracks = listNames(matrix.tracks.map((t) => t.name));
  const levelsAnywhere = new Set<string>();
  for (const t of matrix.tracks)
    for (const l of t.levels) for (const n of [l.id, l.name, l.title]) levelsAnywhere.add(nameKey(n));
  const applies = new Map(matrix.tracks.map((t) => [t.id, new Set(t.competencies.map((c) => c.id))]));
  const firstRowOf = new Map<string, number>();
  const reportedFirst = new Set<number>();
  // Thousands of rows repeat a handful of track and level names: match each distinct text once.
  const trackNamed = memo((name: string) => findTrack(matrix, name));
  const levelNamed = memo((key: string) => {
    const [trackId, name] = key.split("\u0000");
    const track = matrix.tracks.find((t) => t.id === trackId);
    return track && findLevel(track, name);
  });
  const rows: PersonRatings[] = [];
  const col = fieldColumn as Record<Field, number | undefined>;

  for (let i = 1; i < cells.length; i++) {
    const row = cells[i] ?? [];
    const row1 = i + 1;
    if (row.every(isBlank)) continue;
    const personCol = col.person as number;
    const person = text(row[personCol]).replace(/\s+/g, " ");
    if (person === "") {
      report(
        "error",
        row1,
        personCol,
        `Row ${row1} has ratings but no name in ${cellRef(row1, personCol)}: type the person's name, or clear the row.`,
      );
      continue;
    }
    let source: RatingSource = BLANK_SOURCE;
    if (col.source !== undefined) {
      const typed = text(row[col.source]);
      const found =
        typed === "" ? BLANK_SOURCE : RATING_SOURCES.find((s) => nameKey(SOURCE_WORD[s]) === nameKey(typed));
      if (found === undefined) {
        const ref = cellRef(row1, col.source);
        report(
          "error",
          row1,
          col.source,
          `Source "${shortText(typed)}" in ${ref} for ${shortText(person)} is not a source of ratings: type ${listNames(
            RATING_SOURCES.map((s) => SOURCE_WORD[s]),
            3,
          )} (blank is ${SOURCE_WORD[BLANK_SOURCE]}). The row is not counted until then.`,
        );
        continue;
      }
      source = found;
    }
    const rater = col.rater === undefined ? "" : text(row[col.rater]).replace(/\s+/g, " ");
    const who = `${personKey(person)}\u0000${source}\u0000${personKey(rater)}`;
    const first = firstRowOf.get(who);
    if (first !== undefined) {
      const by = rater === "" ? "" : ` by ${shortText(rater)}`;
      const what = `${shortText(person)}'s ${SOURCE_WORD[source]} rating${by}`;
      if (!reportedFirst.has(first))
        report(
          "error",
          first,
          personCol,
          `${what} in row ${first} is given again in row ${row1}: only row ${first} is scored. Remove row ${row1} or merge it into row ${first}.`,
        );
      reportedFirst.add(first);
      report(
        "error",
        row1,
        personCol,
        `${what} appears again in ${cellRef(row1, personCol)} (first in row ${first}): only row ${first} is scored. Remove this row or merge it into row ${first}.`,
      );
      continue;
    }
    firstRowOf.set(who, row1);

    const trackCol = col.track as number;
    const trackText = text(row[trackCol]);
    const track = trackText === "" ? undefined : trackNamed(trackText);
    if (!track) {
      const ref = cellRef(row1, trackCol);
      report(
        "error",
        row1,
        trackCol,
        trackText === ""
          ? `No track for ${shortText(person)} in ${ref}: type one of ${allTracks}.`
          : `Track "${shortText(trackText)}" in ${ref} is not in the matrix: use one of ${allTracks}.`,
      );
    }
    const levelCol = col.level as number;
    const levelText = text(row[levelCol]);
    const level = track && levelText !== "" ? levelNamed(`${track.id}\u0000${levelText}`) : undefined;
    if (track && !level) {
      const ref = cellRef(row1, levelCol);
      const ladder = listNames(
        track.levels.map((l) => l.name),
        12,
      );
      let message: string;
      if (levelText === "") message = `No level for ${shortText(person)} in ${ref}: type one of ${ladder}.`;
      else if (levelsAnywhere.has(nameKey(levelText)))
        message = `Level "${shortText(levelText)}" in ${ref} is not on the ${track.name} ladder: use one of ${ladder}.`;
      else
        message = `Level "${shortText(levelText)}" in ${ref} is not a level of the matrix: use one of ${ladder} (the ${track.name} ladder).`;
      report("error", row1, levelCol, message);
    }

    const ratings: Partial<Record<CompetencyId, number>> = {};
    const trackCompetencies = track && applies.get(track.id);
    for (const column of columns) {
      const cell = row[column.column] ?? null;
      const parsed = scale.parse(cell);
      if (parsed.kind === "blank") continue;
      if (parsed.kind === "rating") {
        if (options.numbersOnly && typeof cell !== "number") {
          const ref = cellRef(row1, column.column);
          report(
            "warning",
            row1,
            column.column,
            `Rating "${shortText(text(cell))}" in ${ref} is text, which the sheet's formulas do not count: pick ${parsed.value} from the drop-down. It is not counted until then.`,
          );
          continue;
        }
        if (options.warnNumbersAsText && typeof cell === "string" && /^\s*[+-]?\d/.test(cell)) {
          const ref = cellRef(row1, column.column);
          report(
            "warning",
            row1,
            column.column,
            `Rating "${shortText(text(cell))}" in ${ref} is a number stored as text: it counts as ${parsed.value}. Convert it to a number (in Excel, the cell's warning › Convert to Number).`,
          );
        }
        if (trackCompetencies && !trackCompetencies.has(column.competency)) {
          const ref = cellRef(row1, column.column);
          report(
            "warning",
            row1,
            column.column,
            `${shortText(person)}'s rating in ${ref} is for "${shortText(column.header)}", which is not a competency of the ${track.name} track: it is ignored. Clear the cell or check the track.`,
          );
          continue;
        }
        ratings[column.competency] = parsed.value;
        continue;
      }
      const ref = cellRef(row1, column.column);
      if (parsed.kind === "off-scale") {
        report(
          "error",
          row1,
          column.column,
          `Rating "${shortText(text(cell))}" in ${ref} is off the scale: use ${scale.description} or leave it blank.`,
        );
      } else if (typeof cell === "string" && ERROR_VALUE.test(cell.trim())) {
        report(
          "error",
          row1,
          column.column,
          `${ref} holds the error ${cell.trim()}, not a rating: fix the formula that gives it, type a rating, or clear the cell.`,
        );
      } else if (typeof cell === "string" && DATE_VALUE.test(cell)) {
        report(
          "error",
          row1,
          column.column,
          `${ref} holds a date (${cell.slice(0, 10)}), not a rating: the cell is formatted as a date; format it as a number and type ${scale.description}.`,
        );
      } else {
        report(
          "error",
          row1,
          column.column,
          // Where only numbers count (the sheet's formulas), a label would be refused next: suggest the drop-down.
          options.numbersOnly
            ? `Rating "${shortText(text(cell))}" in ${ref} is not a rating: pick ${scale.description} from the drop-down, or leave it blank.`
            : `Rating "${shortText(text(cell))}" in ${ref} is not a rating: use ${scale.description}, a label such as "${scale.exampleLabel}", or leave it blank.`,
        );
      }
    }
    if (!track || !level) continue;
    const read: PersonRatings = {
      person,
      track: track.id,
      level: level.id,
      rater,
      team: col.team === undefined ? "" : text(row[col.team]).replace(/\s+/g, " "),
      row: row1,
      source,
      ratings,
    };
    if (col.specialisation !== undefined) {
      const specialisation = readSpecialisation(matrix, track, person, row1, col.specialisation, row, report);
      if (specialisation !== undefined) read.specialisation = specialisation;
    }
    rows.push(read);
  }
  const { people, awaiting } = peopleByRule(rows, rule, matrix, col.track as number, report);
  return { people, rows, awaiting, rule, columns, problems };
}

/**
 * One entry per person from their rows. Rows of one name on different tracks are two people the sheet cannot tell
 * apart (the formulas find a person by name and source): the rows on the first track (the manager's where given)
 * count, every row of the name gets a problem saying how to tell them apart, and nothing is merged.
 */
function peopleByRule(
  rows: PersonRatings[],
  rule: RatingRule,
  matrix: CareerMatrix,
  trackCol: number,
  report: Report,
): { people: PersonRatings[]; awaiting: PersonRatings[] } {
  const byPerson = new Map<string, PersonRatings[]>();
  for (const r of rows) {
    const key = personKey(r.person);
    const list = byPerson.get(key);
    if (list) list.push(r);
    else byPerson.set(key, [r]);
  }
  const people: PersonRatings[] = [];
  const awaiting: PersonRatings[] = [];
  const trackName = (id: string) => matrix.tracks.find((t) => t.id === id)?.name ?? id;
  for (const all of byPerson.values()) {
    const kept = (all.find((r) => r.source === "manager") ?? all[0]).track;
    const mine = all.filter((r) => r.track === kept);
    if (mine.length < all.length) {
      const where = all.map((r) => `row ${r.row} (${trackName(r.track)})`);
      for (const r of all)
        report(
          r.track === kept ? "warning" : "error",
          r.row,
          trackCol,
          `${shortText(r.person)} is on two tracks: ${listNames(where, 6, "and")}. If they are two people, add something to one name (such as "${shortText(r.person)} (${trackName(r.track)})") on all of that person's rows; if one person, correct the track.${r.track === kept ? "" : ` Row ${r.row} is not counted until then.`}`,
        );
    }
    const chosen = ratingsByRule(mine, rule);
    if (chosen) people.push(chosen);
    else awaiting.push(mine[0]);
  }
  return { people, awaiting };
}

/**
 * The specialisation a person took on, by id or name; blank is none. One that is unknown, or not offered on their
 * track (Secure is a Backend specialisation, not the Security track's), is a warning and the person scores without it.
 */
function readSpecialisation(
  matrix: CareerMatrix,
  track: CareerMatrix["tracks"][number],
  person: string,
  row1: number,
  col0: number,
  row: Cell[],
  report: Report,
): string | undefined {
  const typed = text(row[col0]);
  if (typed === "" || nameKey(typed) === "none") return undefined;
  const ref = cellRef(row1, col0);
  const offered = (matrix.specialisations ?? []).filter((s) => s.tracks.includes(track.id));
  const choices =
    offered.length === 0
      ? `the ${track.name} track has no specialisation: clear the cell`
      : `use ${listNames(
          offered.map((s) => s.name),
          offered.length,
        )}, or leave it blank`;
  const found = findSpecialisation(matrix, typed);
  if (found === undefined) {
    report(
      "warning",
      row1,
      col0,
      `Specialisation "${shortText(typed)}" in ${ref} is not one of the framework's: ${choices}. ${shortText(person)} is scored without one.`,
    );
    return undefined;
  }
  if (!found.tracks.includes(track.id)) {
    report(
      "warning",
      row1,
      col0,
      `${found.name} in ${ref} is not offered on the ${track.name} track: ${choices}. ${shortText(person)} is scored without one.`,
    );
    return undefined;
  }
  return found.id;
}

function memo<T>(find: (key: string) => T): (key: string) => T {
  const found = new Map<string, T>();
  return (key) => {
    if (found.has(key)) return found.get(key) as T;
    const value = find(key);
    found.set(key, value);
    return value;
  };
}

/** Competencies of every track by id and name key; the first track to name a key wins. */
function competencyKeys(matrix: CareerMatrix): Map<string, { id: CompetencyId; name: string }> {
  const byKey = new Map<string, { id: CompetencyId; name: string }>();
  for (const track of matrix.tracks) {
    for (const c of track.competencies) {
      for (const key of [nameKey(c.id), nameKey(c.name)]) if (!byKey.has(key)) byKey.set(key, c);
    }
  }
  return byKey;
}
