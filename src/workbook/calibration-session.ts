/**
 * A calibration session as commands: start (the Ratings sheet kept on a hidden baseline sheet), record what changed
 * while the pane watches, end (everything else found against the baseline, then the outcome), abandon. Each is one
 * `update`; the log is only ever appended to, its rows (and the reasons typed in them) carried over as read.
 */
import { careerMatrixFromFramework } from "../core/career-matrix";
import {
  type CellChange,
  changedCells,
  type LoggedChange,
  type SessionOutcome,
  sessionOutcome,
  unloggedChanges,
} from "../core/calibration-session";
import { cellRef } from "../core/a1";
import type { Framework } from "../core/framework";
import type { CareerMatrix } from "../core/matrix";
import type { Cell, Problem } from "../core/types";
import {
  BASELINE_KEY,
  BASELINE_NAME,
  baselineSheetSpec,
  LOG_FIELDS,
  LOG_KEY,
  LOG_NAME,
  type LogRead,
  logEvent,
  logRow,
  logSheetSpec,
  type LogStatus,
  OUTCOME_KEY,
  OUTCOME_NAME,
  outcomeSheetSpec,
  readBaseline,
  readLog,
} from "../sheets/calibration-session-sheets";
import { RATINGS_KEY } from "../sheets/ratings-sheet";
import type { SheetRead, WorkbookHost, WorkbookView } from "./host";
import { editedMatrix, isMatrixKey } from "./matrix-edits";

export const RECORDED_LIVE = "As it happened";
export const RECORDED_AT_END = "At the end, against the start";
const STARTED = "Session started";

export interface SessionOptions {
  /** The clock, for tests. */
  now?: () => Date;
}

/** A step that needs the facilitator's yes first: nothing was written. */
export interface NeedsConfirmation {
  confirm: string;
}

export interface StartResult {
  started: string | null;
  /** The Ratings sheet as stored: the pane's copy to compare the next change with. */
  ratings: Cell[][];
  problems: Problem[];
}

/** Time as people read it in a log: local date and time to the second. */
export function logTime(date: Date): string {
  const two = (n: number) => String(n).padStart(2, "0");
  return (
    `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())} ` +
    `${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}`
  );
}

const SESSION_SHEETS = [RATINGS_KEY, LOG_KEY, BASELINE_KEY];

function readsFor(extra: string[] = []) {
  return (owned: { key: string }[]) =>
    owned
      .filter((o) => [...SESSION_SHEETS, ...extra].includes(o.key) || isMatrixKey(o.key))
      .map((o) => o.key);
}

function sheetOf(view: WorkbookView, key: string): SheetRead | undefined {
  return view.reads.find((r) => r.key === key);
}

function matrixOf(framework: Framework, reads: SheetRead[]): CareerMatrix {
  return editedMatrix(careerMatrixFromFramework(framework), reads).matrix;
}

const noRatings: Problem = {
  severity: "error",
  message: "There is no Ratings sheet: create it first, then start the calibration session.",
};

/**
 * Starts a session: stores the Ratings sheet as it stands. While another session is in progress it asks first
 * (`startOver` is the yes); the log keeps what that session recorded.
 */
export async function startCalibration(
  host: WorkbookHost,
  options: SessionOptions & { startOver?: boolean } = {},
): Promise<StartResult | NeedsConfirmation> {
  const now = logTime((options.now ?? (() => new Date()))());
  return host.update<StartResult | NeedsConfirmation>(readsFor(), (view) => {
    const ratings = sheetOf(view, RATINGS_KEY);
    if (!ratings) return { specs: [], result: { started: null, ratings: [], problems: [noRatings] } };
    const log = readLog(sheetOf(view, LOG_KEY)?.values);
    if (log.status?.state === "in progress" && !options.startOver)
      return {
        specs: [],
        result: {
          confirm:
            `A session started ${log.status.started} is in progress. Starting over takes the ratings as they are ` +
            `now as the new start; the ${LOG_NAME} keeps every change recorded so far.`,
        },
      };
    const status: LogStatus = { state: "in progress", started: now, closed: null };
    return {
      specs: [
        baselineSheetSpec(ratings.values, now, view.nameFor(BASELINE_KEY, BASELINE_NAME)),
        logSheetSpec(status, [...log.rows, logEvent(now, STARTED)], view.nameFor(LOG_KEY, LOG_NAME)),
      ],
      activate: LOG_KEY,
      result: { started: now, ratings: ratings.values, problems: [] },
    };
  });
}

export interface RecordResult {
  /** The changes appended to the log. */
  recorded: CellChange[];
  /** The Ratings sheet as it is now: the copy to compare the next change with. */
  ratings: Cell[][];
  /** False when no session is in progress: nothing is recorded. */
  active: boolean;
  problems: Problem[];
}

/**
 * Appends to the log every rating that differs between `seen` (the Ratings sheet as last seen) and the sheet now:
 * one cell typed, or a paste over many (Excel gives no before and after for those, so the copy is the record).
 */
export async function recordRatingChanges(
  host: WorkbookHost,
  framework: Framework,
  seen: Cell[][],
  options: SessionOptions = {},
): Promise<RecordResult> {
  const now = logTime((options.now ?? (() => new Date()))());
  return host.update(readsFor(), (view) => {
    const ratings = sheetOf(view, RATINGS_KEY);
    const log = readLog(sheetOf(view, LOG_KEY)?.values);
    if (!ratings || log.status?.state !== "in progress")
      return {
        specs: [],
        result: { recorded: [], ratings: ratings?.values ?? [], active: false, problems: [] },
      };
    const changes = changedCells(matrixOf(framework, view.reads), seen, ratings.values);
    const result = {
      recorded: changes,
      ratings: ratings.values,
      active: true,
      problems: flags(changes, ratings.name),
    };
    if (changes.length === 0) return { specs: [], result };
    return {
      specs: [
        logSheetSpec(
          log.status,
          [...log.rows, ...changes.map((c) => logRow(now, c, RECORDED_LIVE))],
          view.nameFor(LOG_KEY, LOG_NAME),
        ),
      ],
      result,
    };
  });
}

export interface EndResult {
  outcome: SessionOutcome | null;
  /** Changes found against the baseline that the log did not hold yet, now appended. */
  added: CellChange[];
  problems: Problem[];
}

/**
 * Ends the session: compares the Ratings sheet with the baseline, appends what the log lacks (changes made while the
 * pane was closed, or by a co-author), marks the session ended and writes the outcome. Ending an ended session asks
 * first (`again` is the yes). A baseline deleted or edited by hand stops it with a message; the log stays as it is.
 */
export async function endCalibration(
  host: WorkbookHost,
  framework: Framework,
  options: SessionOptions & { again?: boolean } = {},
): Promise<EndResult | NeedsConfirmation> {
  const now = logTime((options.now ?? (() => new Date()))());
  return host.update<EndResult | NeedsConfirmation>(readsFor(), (view) => {
    const stop = (problem: Problem) => ({
      specs: [],
      result: { outcome: null, added: [], problems: [problem] } as EndResult,
    });
    const ratings = sheetOf(view, RATINGS_KEY);
    if (!ratings) return stop(noRatings);
    const log = readLog(sheetOf(view, LOG_KEY)?.values);
    if (!log.status || log.status.state === "abandoned")
      return stop({
        severity: "error",
        message: log.status
          ? `The last session was abandoned ${log.status.closed ?? ""}: there is nothing to end. Start a new session.`
          : "No calibration session has started: choose Start calibration first.",
      });
    if (log.status.state === "ended" && !options.again)
      return {
        specs: [],
        result: {
          confirm:
            `This session already ended ${log.status.closed ?? ""}. Ending it again compares the Ratings sheet ` +
            `with the same start, adds any change since to the ${LOG_NAME} and redraws the outcome.`,
        },
      };
    const baselineSheet = sheetOf(view, BASELINE_KEY);
    const baseline = readBaseline(baselineSheet?.values, baselineSheet?.name ?? BASELINE_NAME);
    if (!baseline.ok) return stop(baseline.problem);

    const matrix = matrixOf(framework, view.reads);
    const changes = changedCells(matrix, baseline.ratings, ratings.values);
    const added = unloggedChanges(changes, loggedSince(log, log.status.started));
    const outcome = sessionOutcome(matrix, baseline.ratings, ratings.values);
    const status: LogStatus = { state: "ended", started: log.status.started, closed: now };
    const rows = [
      ...log.rows,
      ...added.map((c) => logRow(now, c, RECORDED_AT_END)),
      logEvent(now, "Session ended"),
    ];
    return {
      specs: [
        logSheetSpec(status, rows, view.nameFor(LOG_KEY, LOG_NAME)),
        outcomeSheetSpec(
          matrix,
          outcome,
          { started: log.status.started, ended: now },
          view.nameFor(OUTCOME_KEY, OUTCOME_NAME),
        ),
      ],
      activate: OUTCOME_KEY,
      result: { outcome, added, problems: flags(changes, ratings.name) },
    };
  });
}

/** Abandons the session in progress: the log says so; ratings stay as they are, nothing is restored. */
export async function abandonCalibration(
  host: WorkbookHost,
  options: SessionOptions = {},
): Promise<{ abandoned: boolean; problems: Problem[] }> {
  const now = logTime((options.now ?? (() => new Date()))());
  return host.update<{ abandoned: boolean; problems: Problem[] }>(
    (owned) => owned.filter((o) => o.key === LOG_KEY).map((o) => o.key),
    (view) => {
      const log = readLog(sheetOf(view, LOG_KEY)?.values);
      if (log.status?.state !== "in progress")
        return {
          specs: [],
          result: {
            abandoned: false,
            problems: [{ severity: "warning" as const, message: "No calibration session is in progress." }],
          },
        };
      const status: LogStatus = { ...log.status, state: "abandoned", closed: now };
      return {
        specs: [
          logSheetSpec(
            status,
            [...log.rows, logEvent(now, "Session abandoned: ratings left as they are")],
            view.nameFor(LOG_KEY, LOG_NAME),
          ),
        ],
        result: { abandoned: true, problems: [] },
      };
    },
  );
}

/** The changes the log holds for the session started at `started` (rows after its start event). */
function loggedSince(log: LogRead, started: string): LoggedChange[] {
  const at = (name: (typeof LOG_FIELDS)[number]) => LOG_FIELDS.indexOf(name);
  let from = 0;
  log.rows.forEach((row, i) => {
    if (row[at("Recorded")] === STARTED && row[at("Time")] === started) from = i + 1;
  });
  return log.rows.slice(from).flatMap((row) => {
    const person = row[at("Person")];
    const competency = row[at("Competency")];
    if (typeof person !== "string" || typeof competency !== "string") return [];
    return [{ person, competency, before: row[at("Before")] ?? null, after: row[at("After")] ?? null }];
  });
}

/** A rating typed that does not count, pointed at its cell on the Ratings sheet. */
function flags(changes: CellChange[], sheet: string): Problem[] {
  return changes.flatMap((c) =>
    c.flag === null
      ? []
      : [
          {
            severity: "warning" as const,
            sheet,
            cell: cellRef(c.row, c.column),
            row: c.row,
            column: c.column + 1,
            message: `${c.person}, ${c.competency}: "${String(c.after)}" in ${cellRef(c.row, c.column)}. ${c.flag}. It is in the ${LOG_NAME} as typed.`,
          },
        ],
  );
}
