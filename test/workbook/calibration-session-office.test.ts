/**
 * A calibration session through the Office host over the in-memory Excel workbook: the pane watches the Ratings
 * sheet with worksheet.onChanged and logs each change as it happens; a paste over many cells is compared with the
 * copy kept; the end finds the rest. The memory workbook keeps Excel's event rules.
 */
import { bundledFramework } from "../../src/data";
import { MemoryWorkbook } from "../../src/hosts/memory";
import type { Cell } from "../../src/core/types";
import {
  endCalibration,
  RECORDED_AT_END,
  RECORDED_LIVE,
  recordRatingChanges,
  startCalibration,
} from "../../src/workbook/calibration-session";
import { createRatings } from "../../src/workbook/commands";
import { officeWorkbook, sheetNamed, typeInto, typeRatings } from "./office-workbook";
import { newPeople, teamOf } from "./team";

const framework = bundledFramework();
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe("worksheet.onChanged in the memory workbook", () => {
  it("calls a handler after the request that changed the sheet, only for that sheet, until it is removed", async () => {
    const book = new MemoryWorkbook(["Ratings", "Other"]);
    const heard: string[] = [];
    const added = await book.run(async (context) => {
      const result = context.workbook.worksheets.getItem("Ratings").onChanged.add(async (args) => {
        heard.push(args.address);
      });
      // Not registered before the sync: a change queued in the same request is not heard.
      await context.sync();
      return result;
    });
    await typeInto(book, "Ratings", "B2", [[3]]);
    await typeInto(book, "Other", "B2", [[3]]);
    await typeInto(book, "Ratings", "C2:D3", [
      [1, 2],
      [3, 4],
    ]);
    expect(heard).toEqual([]); // handlers run after the request, never inside it
    await settle();
    expect(heard).toEqual(["B2", "C2:D3"]);

    added.remove();
    await typeInto(book, "Ratings", "B3", [[1]]);
    await settle();
    expect(heard).toHaveLength(3); // removal takes effect at the handler context's sync
    await added.context.sync();
    await typeInto(book, "Ratings", "B4", [[1]]);
    await settle();
    expect(heard).toHaveLength(3);
  });
});

describe("a calibration session in Excel", () => {
  it("logs three ratings typed while the pane watches, a paste as one comparison, and the rest at the end", async () => {
    const { book, host } = officeWorkbook();
    const team = teamOf(8);
    await createRatings(host, framework, newPeople(team));
    await typeRatings(book, framework, team);
    const start = await startCalibration(host);
    if ("confirm" in start) throw new Error(start.confirm);
    expect(sheetNamed(book, "Calibration baseline").visibility).toBe("Hidden");

    let seen: Cell[][] = start.ratings;
    let queue = Promise.resolve();
    const stop = await host.watchSheet!("ratings", () => {
      queue = queue.then(async () => {
        seen = (await recordRatingChanges(host, framework, seen)).ratings;
      });
    });
    // The first competency is in H: the Source and Specialisation columns come before the ratings.
    const other = (a1: string) => {
      const v = sheetNamed(book, "Ratings").values[Number(a1.slice(1)) - 1][a1.charCodeAt(0) - 65];
      return v === 0 ? 1 : 0;
    };
    await typeInto(book, "Ratings", "H2", [[other("H2")]]);
    await typeInto(book, "Ratings", "I3", [[other("I3")]]);
    await typeInto(book, "Ratings", "H4", [["nine"]]);
    await typeInto(book, "Ratings", "H5:I6", [
      [1, 1],
      [2, 2],
    ]);
    await settle();
    await queue;
    await stop();
    // Typed with the pane closed.
    await typeInto(book, "Ratings", "J7", [[other("J7")]]);

    const end = await endCalibration(host, framework);
    if ("confirm" in end) throw new Error(end.confirm);
    const log = sheetNamed(book, "Calibration log").values;
    const entries = log.slice(5).filter((r) => typeof r[1] === "string");
    const ratings = sheetNamed(book, "Ratings").values;
    const at = (a1: string) => {
      const column = a1.charCodeAt(0) - 65;
      const row = Number(a1.slice(1)) - 1;
      return [ratings[row][0], ratings[0][column], ratings[row][column]];
    };
    const live = ["H2", "I3", "H4", "H5", "I5", "H6", "I6"].map(at);
    const recorded = entries.map((r) => [r[1], r[2], r[4], r[5]]);
    const changedLive = recorded.filter((r) => r[3] === RECORDED_LIVE).map((r) => r.slice(0, 3));
    // Cells whose value did not change (a paste of the same value) are not logged.
    const expectedLive = live.filter(
      ([person, competency, value]) =>
        (start.ratings.find((r) => r[0] === person) ?? [])[start.ratings[0].indexOf(competency)] !== value,
    );
    expect(changedLive).toEqual(expectedLive);
    expect(changedLive.length).toBeGreaterThanOrEqual(3);
    expect(recorded.filter((r) => r[3] === RECORDED_AT_END).map((r) => r.slice(0, 3))).toEqual([at("J7")]);
    expect(entries.find((r) => r[4] === "nine")?.[6]).toMatch(/Not a rating, not counted/);
    expect(end.problems.some((p) => p.cell === "H4")).toBe(true);
  });
});
