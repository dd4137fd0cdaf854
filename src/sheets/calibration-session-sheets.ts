/**
 * The sheets of a recorded calibration session: the baseline (hidden, the Ratings table as it stood at the start,
 * with a fingerprint that tells an edit by hand), the Calibration log (one row per change, a Reason column the
 * facilitator types; rows are only ever appended) and the outcome. Each has a reader for what the commands need back.
 */
import type { CellChange, SessionOutcome } from "../core/calibration-session";
import { tableFingerprint, trimRows } from "../core/calibration-session";
import type { CareerMatrix } from "../core/matrix";
import type { Cell, Problem, ReadinessStatus } from "../core/types";
import { rangeA1 } from "./a1";
import { HEADER, NOTE, TITLE } from "./palette";
import type { SheetSpec, SpecCell, StyledRange } from "./spec";
import { STATUS_LABEL, STATUS_ORDER, statusFormats } from "./status";

export const BASELINE_KEY = "calibration-baseline";
export const BASELINE_NAME = "Calibration baseline";
import { LOG_KEY } from "./sheet-keys";
export { LOG_KEY };
export const LOG_NAME = "Calibration log";
export const OUTCOME_KEY = "calibration-outcome";
export const OUTCOME_NAME = "Calibration outcome";

/** Rows above the Ratings copy on the baseline sheet. */
const BASELINE_TOP = 3;

export function baselineSheetSpec(ratings: Cell[][], started: string, name = BASELINE_NAME): SheetSpec {
  const copy = trimRows(ratings);
  return {
    name,
    kind: "calibration-baseline",
    key: BASELINE_KEY,
    cells: [
      ["Calibration baseline: the Ratings sheet as it stood when the session started. Do not edit."],
      ["Started", started, "Fingerprint", tableFingerprint(copy)],
      [],
      ...copy,
    ],
    styles: [{ range: "A1", style: TITLE }],
    hidden: true,
  };
}

export type BaselineRead = { ok: true; started: string; ratings: Cell[][] } | { ok: false; problem: Problem };

export function readBaseline(values: Cell[][] | undefined, sheet: string): BaselineRead {
  if (!values)
    return {
      ok: false,
      problem: {
        severity: "error",
        message:
          `The ${BASELINE_NAME} sheet, which held the ratings as they stood at the start, has been deleted: ` +
          `the session cannot be compared with its start. The ${LOG_NAME} keeps every change recorded so far; ` +
          "start a new session to record from now on.",
      },
    };
  const started = values[1]?.[1];
  const fingerprint = values[1]?.[3];
  const ratings = trimRows(values.slice(BASELINE_TOP));
  if (
    typeof started !== "string" ||
    typeof fingerprint !== "string" ||
    tableFingerprint(ratings) !== fingerprint
  )
    return {
      ok: false,
      problem: {
        severity: "error",
        sheet,
        message:
          `The ${sheet} sheet has been edited by hand since the session started, so it no longer says how the ` +
          `ratings stood at the start: the session cannot be compared with it. The ${LOG_NAME} keeps every change ` +
          "recorded so far; start a new session to record from now on.",
      },
    };
  return { ok: true, started, ratings };
}

export type SessionState = "in progress" | "ended" | "abandoned";

/** What the log's status row says. */
export interface LogStatus {
  state: SessionState;
  started: string;
  /** When it ended or was abandoned. */
  closed: string | null;
}

const STATE_LABEL: Record<SessionState, string> = {
  "in progress": "In progress",
  ended: "Ended",
  abandoned: "Abandoned",
};
export const LOG_FIELDS = [
  "Time",
  "Person",
  "Competency",
  "Before",
  "After",
  "Recorded",
  "Flag",
  "Reason",
] as const;
const LOG_HEADER = 4;
export const REASON_COLUMN = LOG_FIELDS.indexOf("Reason");

export interface LogRead {
  status: LogStatus | null;
  /** Every row below the header exactly as read, the reasons typed included. */
  rows: Cell[][];
}

export function readLog(values: Cell[][] | undefined): LogRead {
  if (!values) return { status: null, rows: [] };
  const [, stateText, , started, , closed] = values[1] ?? [];
  const state = (Object.keys(STATE_LABEL) as SessionState[]).find((s) => STATE_LABEL[s] === stateText);
  const status =
    state && typeof started === "string"
      ? { state, started, closed: typeof closed === "string" ? closed : null }
      : null;
  return { status, rows: values.slice(LOG_HEADER + 1) };
}

/** A row of the log for a change; `recorded` says how it was seen. */
export function logRow(time: string, change: CellChange, recorded: string): Cell[] {
  return [time, change.person, change.competency, change.before, change.after, recorded, change.flag, null];
}

/** A row marking a session's start, end or abandonment in the log, so several sessions read apart. */
export function logEvent(time: string, text: string): Cell[] {
  return [time, null, null, null, null, text, null, null];
}

export function logSheetSpec(status: LogStatus, rows: Cell[][], name = LOG_NAME): SheetSpec {
  const width = LOG_FIELDS.length;
  const cells: SpecCell[][] = [
    [LOG_NAME],
    ["Session", STATE_LABEL[status.state], "Started", status.started, "Closed", status.closed],
    [
      "Every rating changed in the session, as it happened while the pane was open and, at the end, every other " +
        "change found against the start. Type why in Reason: rows are only ever added, never rewritten.",
    ],
    [],
    [...LOG_FIELDS],
    ...rows,
  ];
  const last = Math.max(LOG_HEADER + 1, cells.length - 1);
  const styles: StyledRange[] = [
    { range: "A1", style: TITLE },
    { range: "A2:F2", style: { bold: true } },
    { range: "A3", style: NOTE },
    { range: rangeA1(LOG_HEADER, 0, LOG_HEADER, width - 1), style: HEADER },
    { range: rangeA1(LOG_HEADER + 1, 6, last, 6), style: { fontColor: "#C00000", wrap: true } },
    { range: rangeA1(LOG_HEADER + 1, 7, last, 7), style: { wrap: true } },
  ];
  return {
    name,
    kind: "calibration-log",
    key: LOG_KEY,
    cells,
    styles,
    columnWidths: [20, 24, 24, 10, 10, 28, 36, 48],
    freeze: { rows: LOG_HEADER + 1, columns: 0 },
    tabColor: "#7030A0",
  };
}

const CHANGE_NOTE = {
  renamed: (was: string) => `Renamed from ${was} during the session`,
  removed: "Removed from the Ratings sheet during the session",
  added: "Added to the Ratings sheet during the session",
};

export function outcomeSheetSpec(
  matrix: CareerMatrix,
  outcome: SessionOutcome,
  session: { started: string; ended: string },
  name = OUTCOME_NAME,
): SheetSpec {
  const levelName = (track: string, level: string | undefined) =>
    (level && matrix.tracks.find((t) => t.id === track)?.levels.find((l) => l.id === level)?.name) ||
    level ||
    null;
  const label = (s: ReadinessStatus | undefined) => (s ? STATUS_LABEL[s] : null);
  const cells: SpecCell[][] = [
    [OUTCOME_NAME],
    [
      `Session started ${session.started}, ended ${session.ended}. Before: the ratings at the start; after: at the end.`,
    ],
    [],
    ["Totals"],
    ["People", outcome.totals.people],
    ["Ratings changed", outcome.totals.ratingsChanged],
    ["People whose status changed", outcome.totals.statusChanged],
    [],
    ["Status for the next level", "Before", "After"],
    ...STATUS_ORDER.map((s) => [STATUS_LABEL[s], outcome.totals.before[s], outcome.totals.after[s]]),
    [],
  ];
  const styles: StyledRange[] = [
    { range: "A1", style: TITLE },
    { range: "A2", style: NOTE },
    { range: "A4", style: { bold: true, fontSize: 12 } },
    { range: "A9:C9", style: HEADER },
  ];
  const fields = [
    "Person",
    "Rater",
    "Level",
    "Readiness before",
    "Readiness after",
    "Status before",
    "Status after",
    "Next level",
    "Next readiness before",
    "Next readiness after",
    "Next status before",
    "Next status after",
    "Status changed",
    "Note",
  ];
  cells.push(["People"]);
  styles.push({
    range: rangeA1(cells.length - 1, 0, cells.length - 1, 0),
    style: { bold: true, fontSize: 12 },
  });
  const header = cells.length;
  cells.push(fields);
  styles.push({ range: rangeA1(header, 0, header, fields.length - 1), style: HEADER });
  const ordered = [...outcome.people].sort(
    (a, b) => Number(b.statusChanged) - Number(a.statusChanged) || a.person.localeCompare(b.person),
  );
  for (const p of ordered) {
    cells.push([
      p.person,
      p.rater || null,
      levelName(p.track, p.level),
      p.current?.before?.readiness ?? null,
      p.current?.after?.readiness ?? null,
      label(p.current?.before?.status),
      label(p.current?.after?.status),
      levelName(p.track, p.next?.level),
      p.next?.before?.readiness ?? null,
      p.next?.after?.readiness ?? null,
      label(p.next?.before?.status),
      label(p.next?.after?.status),
      p.statusChanged ? "Yes" : null,
      p.change === null
        ? null
        : p.change.kind === "renamed"
          ? CHANGE_NOTE.renamed(p.change.was)
          : CHANGE_NOTE[p.change.kind],
    ]);
  }
  const lastPerson = Math.max(header + 1, cells.length - 1);
  styles.push(
    { range: rangeA1(header + 1, 3, lastPerson, 4), style: { numberFormat: "0%" } },
    { range: rangeA1(header + 1, 8, lastPerson, 9), style: { numberFormat: "0%" } },
    { range: rangeA1(header + 1, 12, lastPerson, 12), style: { bold: true } },
  );
  cells.push([]);
  cells.push(["Raters"]);
  styles.push({
    range: rangeA1(cells.length - 1, 0, cells.length - 1, 0),
    style: { bold: true, fontSize: 12 },
  });
  cells.push(["Rater", "Ratings compared", "Changed", "Mean change (points)"]);
  styles.push({ range: rangeA1(cells.length - 1, 0, cells.length - 1, 3), style: HEADER });
  const firstRater = cells.length;
  for (const r of outcome.changes.raters)
    cells.push([r.rater || "(no rater)", r.ratings, r.changed, r.meanChange]);
  if (outcome.changes.raters.length === 0) cells.push(["None"]);
  else
    styles.push({
      range: rangeA1(firstRater, 3, cells.length - 1, 3),
      style: { numberFormat: "+0.00;-0.00;0" },
    });
  return {
    name,
    kind: "calibration-outcome",
    key: OUTCOME_KEY,
    cells,
    styles,
    columnWidths: [28, 20, 16, 12, 12, 16, 16, 16, 12, 12, 16, 16, 10, 44],
    freeze: { rows: 0, columns: 1 },
    conditionalFormats: [
      ...statusFormats(rangeA1(header + 1, 5, lastPerson, 6)),
      ...statusFormats(rangeA1(header + 1, 10, lastPerson, 11)),
    ],
    tabColor: "#7030A0",
  };
}
