/**
 * A calibration session, recorded: the Ratings table as it stood at the start (the baseline), the ratings changed
 * since as cells (before → after, exactly as typed, so a text or off-scale rating is recorded too), and the outcome:
 * readiness and status per person before and after, the raters' mean change, who was renamed, added or removed.
 */
import type { CareerMatrix } from "./matrix";
import { personKey } from "./names";
import { readRatings } from "./ratings";
import { scoreTeam } from "./readiness";
import { scaleReader } from "./scale";
import { sessionChanges, type SessionChanges } from "./session-changes";
import type { Cell, LevelReadiness, PersonRatings, ReadinessStatus } from "./types";

/** One rating cell changed: by person and competency header as the Ratings sheet shows them. */
export interface CellChange {
  person: string;
  competency: string;
  before: Cell;
  after: Cell;
  /** 1-based row and 0-based column of the cell on the Ratings sheet now (for pointing at it). */
  row: number;
  column: number;
  /** Why the new value does not count, when it does not; null for a rating on the scale or a blank. */
  flag: string | null;
}

/** A short fingerprint of a table (FNV-1a over its cells), to tell a baseline edited by hand. */
export function tableFingerprint(values: Cell[][]): string {
  let hash = 0x811c9dc5;
  const text = JSON.stringify(trimRows(values));
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, "0");
}

/** Rows without trailing blanks, and no trailing blank rows: how a sheet's used range reads back. */
export function trimRows(values: Cell[][]): Cell[][] {
  const rows = values.map((row) => {
    let end = row.length;
    while (end > 0 && (row[end - 1] === null || row[end - 1] === "")) end--;
    return row.slice(0, end).map((c) => (c === "" ? null : c));
  });
  while (rows.length > 0 && rows[rows.length - 1].length === 0) rows.pop();
  return rows;
}

/** Why a value typed as a rating does not count, or null when it does (or is blank). */
export function ratingFlag(matrix: CareerMatrix, cell: Cell): string | null {
  const scale = scaleReader(matrix.scale);
  const parsed = scale.parse(cell);
  if (parsed.kind === "blank") return null;
  if (parsed.kind === "rating")
    return typeof cell === "number" ? null : `Text, not counted: pick ${parsed.value} from the drop-down`;
  if (parsed.kind === "off-scale") return `Off the scale, not counted: use ${scale.description}`;
  return `Not a rating, not counted: use ${scale.description}`;
}

interface TableShape {
  person: number;
  /** Competency header (as typed) by 0-based column. */
  competencies: Map<number, string>;
  rowOf: Map<string, number>;
}

function shape(values: Cell[][], matrix: CareerMatrix): TableShape {
  const header = values[0] ?? [];
  const person = header.findIndex((c) => typeof c === "string" && c.trim().toLowerCase() === "person");
  const { columns } = readRatings([header], matrix);
  const competencies = new Map(columns.map((c) => [c.column, c.header]));
  const rowOf = new Map<string, number>();
  for (let i = values.length - 1; i > 0; i--) {
    const name = values[i]?.[person];
    if (typeof name === "string" && name.trim() !== "") rowOf.set(personKey(name), i);
  }
  return { person: Math.max(0, person), competencies, rowOf };
}

/**
 * The rating cells that differ between two versions of the Ratings table, matched by person (case and spacing
 * ignored) and competency header, so sorting the sheet or moving a column changes nothing. People only in one of
 * the two are not compared here (the outcome lists them).
 */
export function changedCells(matrix: CareerMatrix, before: Cell[][], after: Cell[][]): CellChange[] {
  const was = shape(before, matrix);
  const is = shape(after, matrix);
  const beforeColumn = new Map(
    [...was.competencies].map(([column, header]) => [header.toLowerCase(), column]),
  );
  const changes: CellChange[] = [];
  for (let i = 1; i < after.length; i++) {
    const name = after[i]?.[is.person];
    if (typeof name !== "string" || name.trim() === "") continue;
    const key = personKey(name);
    if (is.rowOf.get(key) !== i) continue;
    const b = was.rowOf.get(key);
    if (b === undefined) continue;
    for (const [column, header] of is.competencies) {
      const bc = beforeColumn.get(header.toLowerCase());
      const old = normal(bc === undefined ? null : (before[b]?.[bc] ?? null));
      const now = normal(after[i]?.[column] ?? null);
      if (old === now) continue;
      changes.push({
        person: name.trim(),
        competency: header,
        before: old,
        after: now,
        row: i + 1,
        column,
        flag: ratingFlag(matrix, now),
      });
    }
  }
  return changes;
}

function normal(cell: Cell): Cell {
  return cell === "" ? null : cell;
}

/** A change already in the log, as far as the end of a session needs it. */
export interface LoggedChange {
  person: string;
  competency: string;
  before: Cell;
  after: Cell;
}

/**
 * What the end of a session adds to the log: the changes between the baseline and now that the log does not already
 * account for. A cell is accounted for when its last logged change ends at the value it has now.
 */
export function unloggedChanges(changes: CellChange[], logged: LoggedChange[]): CellChange[] {
  const last = new Map<string, Cell>();
  for (const entry of logged)
    last.set(`${personKey(entry.person)}\u0000${entry.competency.toLowerCase()}`, normal(entry.after));
  return changes.filter((change) => {
    const key = `${personKey(change.person)}\u0000${change.competency.toLowerCase()}`;
    return !last.has(key) || last.get(key) !== change.after;
  });
}

export interface ReadinessBeforeAfter {
  level: string;
  before: { readiness: number; status: ReadinessStatus } | null;
  after: { readiness: number; status: ReadinessStatus } | null;
}

export interface OutcomePerson {
  person: string;
  rater: string;
  track: string;
  level: string;
  current: ReadinessBeforeAfter | null;
  next: ReadinessBeforeAfter | null;
  /** Status at the current or next level changed. */
  statusChanged: boolean;
  /** "renamed" from `was`; "removed" from the Ratings sheet; "added" since the start; null otherwise. */
  change: { kind: "renamed"; was: string } | { kind: "removed" } | { kind: "added" } | null;
}

export interface SessionOutcome {
  people: OutcomePerson[];
  changes: SessionChanges;
  totals: {
    people: number;
    ratingsChanged: number;
    statusChanged: number;
    /** Next-level statuses before and after, over the people in both. */
    before: Record<ReadinessStatus, number>;
    after: Record<ReadinessStatus, number>;
  };
}

function pair(
  before: LevelReadiness | undefined,
  after: LevelReadiness | undefined,
): ReadinessBeforeAfter | null {
  if (!before && !after) return null;
  const of = (l: LevelReadiness | undefined) => (l ? { readiness: l.readiness, status: l.status } : null);
  return { level: (after ?? before)!.level, before: of(before), after: of(after) };
}

/**
 * The outcome of a session from the baseline and the Ratings table at its end. A person missing at the end whose
 * row now holds someone new of the same track, level and rater counts as renamed.
 */
export function sessionOutcome(matrix: CareerMatrix, baseline: Cell[][], now: Cell[][]): SessionOutcome {
  const read = (values: Cell[][]) => readRatings(values, matrix, { numbersOnly: true }).people;
  const was = read(baseline);
  const is = read(now);
  const changes = sessionChanges(matrix, was, is);
  const scoredBefore = new Map(scoreTeam(matrix, was).map((s) => [personKey(s.person.person), s]));
  const scoredAfter = new Map(scoreTeam(matrix, is).map((s) => [personKey(s.person.person), s]));
  const removed = new Set(changes.removed.map(personKey));
  const added = new Set(changes.added.map(personKey));
  const renamedFrom = new Map<string, string>();
  const sameSeat = (a: PersonRatings, b: PersonRatings) =>
    a.row === b.row &&
    a.track === b.track &&
    a.level === b.level &&
    personKey(a.rater) === personKey(b.rater);
  for (const gone of was.filter((p) => removed.has(personKey(p.person)))) {
    const successor = is.find((p) => added.has(personKey(p.person)) && sameSeat(gone, p));
    if (successor && !renamedFrom.has(personKey(successor.person)))
      renamedFrom.set(personKey(successor.person), gone.person);
  }
  const renamedAway = new Set([...renamedFrom.values()].map(personKey));

  const people: OutcomePerson[] = [];
  const zero = (): Record<ReadinessStatus, number> => ({
    ready: 0,
    almost: 0,
    "not-yet": 0,
    insufficient: 0,
  });
  const totals = { before: zero(), after: zero() };
  for (const p of is) {
    const key = personKey(p.person);
    const renamed = renamedFrom.get(key);
    const before = scoredBefore.get(renamed !== undefined ? personKey(renamed) : key);
    const after = scoredAfter.get(key)!;
    const current = pair(before?.current, after.current);
    const next = pair(before?.next, after.next);
    const statusChanged =
      before !== undefined &&
      ((current?.before?.status ?? null) !== (current?.after?.status ?? null) ||
        (next?.before?.status ?? null) !== (next?.after?.status ?? null));
    if (before?.next && after.next) {
      totals.before[before.next.status]++;
      totals.after[after.next.status]++;
    }
    people.push({
      person: p.person,
      rater: p.rater,
      track: p.track,
      level: p.level,
      current,
      next,
      statusChanged,
      change:
        renamed !== undefined ? { kind: "renamed", was: renamed } : added.has(key) ? { kind: "added" } : null,
    });
  }
  for (const p of was) {
    const key = personKey(p.person);
    if (!removed.has(key) || renamedAway.has(key)) continue;
    const before = scoredBefore.get(key)!;
    people.push({
      person: p.person,
      rater: p.rater,
      track: p.track,
      level: p.level,
      current: pair(before.current, undefined),
      next: pair(before.next, undefined),
      statusChanged: false,
      change: { kind: "removed" },
    });
  }
  return {
    people,
    changes,
    totals: {
      people: is.length,
      ratingsChanged: changes.ratings.length,
      statusChanged: people.filter((p) => p.statusChanged).length,
      ...totals,
    },
  };
}
