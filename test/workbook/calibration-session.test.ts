/**
 * A calibration session recorded in the workbook: start, changes as they happen, changes made while the pane was
 * closed, end with an outcome; asking before ending twice or starting over; bad input during the session.
 */
import { careerMatrixFromFramework } from "../../src/core/career-matrix";
import { readRatings } from "../../src/core/ratings";
import { sessionChanges } from "../../src/core/session-changes";
import type { Cell } from "../../src/core/types";
import { bundledFramework } from "../../src/data";
import type { SheetSpec } from "../../src/sheets/spec";
import {
  abandonCalibration,
  endCalibration,
  type EndResult,
  type NeedsConfirmation,
  RECORDED_AT_END,
  RECORDED_LIVE,
  recordRatingChanges,
  startCalibration,
  type StartResult,
} from "../../src/workbook/calibration-session";
import { createRatings } from "../../src/workbook/commands";
import { SpecHost } from "./spec-host";
import { newPeople, teamOf, typeRatings } from "./team";

const framework = bundledFramework();
const matrix = careerMatrixFromFramework(framework);
let tick = 0;
const clock = () => new Date(2026, 11, 2, 10, 0, tick++);

async function ratedHost(size = 8): Promise<SpecHost> {
  const host = new SpecHost();
  const team = teamOf(size);
  await createRatings(host, framework, newPeople(team));
  typeRatings(host, framework, team);
  return host;
}

function ratingsSheet(host: SpecHost): SheetSpec {
  return host.sheets.get("ratings") as SheetSpec;
}

/** Row (0-based) and a rated competency column of the n-th person, with the header over it. */
function ratedCell(host: SpecHost, person: number, nth = 0) {
  const cells = ratingsSheet(host).cells;
  const row = person + 1;
  const columns = cells[row].flatMap((c, i) => (i >= 5 && typeof c === "number" ? [i] : []));
  const column = columns[nth];
  return {
    row,
    column,
    person: String(cells[row][0]),
    competency: String(cells[0][column]),
    value: cells[row][column],
  };
}

function type(host: SpecHost, row: number, column: number, value: Cell): void {
  const cells = ratingsSheet(host).cells[row];
  while (cells.length <= column) cells.push(null);
  cells[column] = value;
}

function logEntries(host: SpecHost): Cell[][] {
  return host
    .values("calibration-log")
    .slice(5)
    .filter((r) => typeof r[1] === "string");
}

function started(result: StartResult | NeedsConfirmation): StartResult {
  if ("confirm" in result) throw new Error(`asked: ${result.confirm}`);
  return result;
}

function ended(result: EndResult | NeedsConfirmation): EndResult {
  if ("confirm" in result) throw new Error(`asked: ${result.confirm}`);
  return result;
}

describe("calibration session", () => {
  it("keeps the ratings on a hidden baseline, logs three changes with before and after, and ends with an outcome the core agrees with", async () => {
    const host = await ratedHost();
    const baselineValues = host.values("ratings");
    const start = started(await startCalibration(host, { now: clock }));
    expect(host.sheets.get("calibration-baseline")?.hidden).toBe(true);
    expect(host.values("calibration-log")[1].slice(0, 2)).toEqual(["Session", "In progress"]);

    let seen = start.ratings;
    const picks = [ratedCell(host, 0), ratedCell(host, 1), ratedCell(host, 2, 1)];
    for (const [i, pick] of picks.entries()) {
      type(host, pick.row, pick.column, pick.value === 0 ? 1 : 0);
      const recorded = await recordRatingChanges(host, framework, seen, { now: clock });
      expect(recorded.recorded).toHaveLength(1);
      seen = recorded.ratings;
      expect(logEntries(host)).toHaveLength(i + 1);
    }
    expect(logEntries(host).map((r) => r.slice(1, 6))).toEqual(
      picks.map((p) => [p.person, p.competency, p.value, p.value === 0 ? 1 : 0, RECORDED_LIVE]),
    );

    // The facilitator types a reason; it survives everything after.
    const log = host.sheets.get("calibration-log") as SheetSpec;
    const firstEntry = log.cells.findIndex((r, i) => i > 4 && r[1] === picks[0].person);
    log.cells[firstEntry][7] = "Led the incident review in March";

    const end = ended(await endCalibration(host, framework, { now: clock }));
    expect(end.added).toEqual([]);
    expect(logEntries(host)).toHaveLength(3);
    expect(host.values("calibration-log")[firstEntry][7]).toBe("Led the incident review in March");
    expect(host.values("calibration-log")[1].slice(0, 2)).toEqual(["Session", "Ended"]);

    const core = sessionChanges(
      matrix,
      readRatings(baselineValues, matrix).people,
      readRatings(host.values("ratings"), matrix).people,
    );
    expect(end.outcome?.changes).toEqual(core);
    const outcome = host.values("calibration-outcome");
    expect(outcome.find((r) => r[0] === "Ratings changed")?.[1]).toBe(3);
    const changedStatus = core.statuses.map((s) => s.person).sort();
    const header = outcome.findIndex((r) => r[0] === "Person");
    const flagged = outcome
      .slice(header + 1)
      .filter((r) => r[12] === "Yes")
      .map((r) => r[0])
      .sort();
    expect(flagged).toEqual(changedStatus);
    const raterHeader = outcome.findIndex((r) => r[0] === "Rater" && r[3] === "Mean change (points)");
    expect(
      outcome.slice(raterHeader + 1, raterHeader + 1 + core.raters.length).map((r) => [r[0], r[3]]),
    ).toEqual(core.raters.map((r) => [r.rater, r.meanChange]));
  });

  it("adds at the end the changes made while the pane was closed, and a live change changed again", async () => {
    const host = await ratedHost();
    const start = started(await startCalibration(host, { now: clock }));
    const live = ratedCell(host, 0);
    // Two values other than the one at the start, whatever the sample team holds there.
    const first = live.value === 4 ? 2 : 4;
    const second = live.value === 1 ? 0 : 1;
    type(host, live.row, live.column, first);
    await recordRatingChanges(host, framework, start.ratings, { now: clock });
    // The pane closes; a co-author changes the same cell again and another one.
    type(host, live.row, live.column, second);
    const other = ratedCell(host, 3);
    type(host, other.row, other.column, null);

    const end = ended(await endCalibration(host, framework, { now: clock }));
    expect(end.added.map((c) => [c.person, c.competency, c.before, c.after])).toEqual([
      [live.person, live.competency, live.value, second],
      [other.person, other.competency, other.value, null],
    ]);
    expect(logEntries(host).map((r) => [r[1], r[3], r[4], r[5]])).toEqual([
      [live.person, live.value, first, RECORDED_LIVE],
      [live.person, live.value, second, RECORDED_AT_END],
      [other.person, other.value, null, RECORDED_AT_END],
    ]);
  });

  it("asks before starting over or ending twice; abandoning restores nothing", async () => {
    const host = await ratedHost();
    started(await startCalibration(host, { now: clock }));
    const again = await startCalibration(host, { now: clock });
    expect(again).toEqual({ confirm: expect.stringContaining("is in progress. Starting over") });

    const pick = ratedCell(host, 0);
    type(host, pick.row, pick.column, 0);
    ended(await endCalibration(host, framework, { now: clock }));
    const log = host.values("calibration-log");
    const twice = await endCalibration(host, framework, { now: clock });
    expect(twice).toEqual({ confirm: expect.stringContaining("already ended") });
    expect(host.values("calibration-log")).toEqual(log);
    ended(await endCalibration(host, framework, { now: clock, again: true }));
    expect(logEntries(host)).toHaveLength(1);

    started(await startCalibration(host, { now: clock }));
    type(host, pick.row, pick.column, 3);
    const before = host.values("ratings");
    expect(await abandonCalibration(host, { now: clock })).toEqual({ abandoned: true, problems: [] });
    expect(host.values("ratings")).toEqual(before);
    expect(host.values("calibration-log")[1].slice(0, 2)).toEqual(["Session", "Abandoned"]);
    const afterAbandon = await endCalibration(host, framework, { now: clock });
    expect(afterAbandon).toEqual({
      outcome: null,
      added: [],
      problems: [expect.objectContaining({ message: expect.stringContaining("abandoned") })],
    });
  });

  it("logs an off-scale or text rating as typed and points at its cell", async () => {
    const host = await ratedHost();
    const start = started(await startCalibration(host, { now: clock }));
    const a = ratedCell(host, 0);
    const b = ratedCell(host, 1);
    type(host, a.row, a.column, 7);
    type(host, b.row, b.column, "great");
    const recorded = await recordRatingChanges(host, framework, start.ratings, { now: clock });
    expect(logEntries(host).map((r) => [r[4], r[6]])).toEqual([
      [7, expect.stringContaining("Off the scale, not counted")],
      ["great", expect.stringContaining("Not a rating, not counted")],
    ]);
    const cellOf = (p: typeof a) => `${String.fromCharCode(65 + p.column)}${p.row + 1}`;
    expect(recorded.problems.map((p) => [p.sheet, p.cell])).toEqual([
      ["Ratings", cellOf(a)],
      ["Ratings", cellOf(b)],
    ]);
  });

  it("says so when the baseline was deleted or edited by hand, and leaves the log as recorded", async () => {
    const host = await ratedHost();
    const start = started(await startCalibration(host, { now: clock }));
    const pick = ratedCell(host, 0);
    type(host, pick.row, pick.column, pick.value === 4 ? 3 : 4);
    await recordRatingChanges(host, framework, start.ratings, { now: clock });
    const log = host.values("calibration-log");

    const baseline = host.sheets.get("calibration-baseline") as SheetSpec;
    baseline.cells[5][6] = 0;
    const edited = ended(await endCalibration(host, framework, { now: clock }));
    expect(edited.problems[0].message).toMatch(/edited by hand since the session started/);
    expect(edited.problems[0].message).toMatch(/Calibration log keeps every change recorded/);
    expect(host.values("calibration-log")).toEqual(log);

    host.sheets.delete("calibration-baseline");
    const deleted = ended(await endCalibration(host, framework, { now: clock }));
    expect(deleted.problems[0].message).toMatch(/has been deleted/);
    expect(host.values("calibration-log")).toEqual(log);
    expect(host.sheets.has("calibration-outcome")).toBe(false);
  });

  it("shows a person renamed or deleted mid-session as such in the outcome", async () => {
    const host = await ratedHost();
    started(await startCalibration(host, { now: clock }));
    const cells = ratingsSheet(host).cells;
    const renamed = String(cells[1][0]);
    const removed = String(cells[2][0]);
    cells[1][0] = "Alex Renamed";
    cells.splice(2, 1);
    const end = ended(await endCalibration(host, framework, { now: clock }));
    expect(end.outcome?.people.find((p) => p.person === "Alex Renamed")?.change).toEqual({
      kind: "renamed",
      was: renamed,
    });
    const notes = Object.fromEntries(host.values("calibration-outcome").map((r) => [r[0], r[13]]));
    expect(notes["Alex Renamed"]).toBe(`Renamed from ${renamed} during the session`);
    expect(notes[removed]).toBe("Removed from the Ratings sheet during the session");
  });
});
