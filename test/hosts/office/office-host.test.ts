import { MemoryWorkbook } from "../../../src/hosts/memory";
import { OfficeHost } from "../../../src/hosts/office/office-host";
import type { SheetSpec } from "../../../src/sheets/spec";
import { everyFeatureSpec, filledSpec, ratingsLikeSpec, textSpec } from "./fixtures";

function setup(sheets?: string[]) {
  const book = new MemoryWorkbook(sheets);
  return { book, host: new OfficeHost(book.run) };
}

async function typeInto(book: MemoryWorkbook, sheet: string, address: string, values: (string | number)[][]) {
  await book.run(async (context) => {
    context.workbook.worksheets.getItem(sheet).getRange(address).values = values;
    await context.sync();
  });
}

function sheetNamed(book: MemoryWorkbook, name: string) {
  const sheet = book.snapshot().sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
}

describe("OfficeHost writing a spec", () => {
  it("puts values, formulas, formats, conditional formats, validation and layout on the sheet", async () => {
    const { book, host } = setup();
    await host.writeSheets([everyFeatureSpec()], { activate: "readiness-heatmap:backend" });

    const sheet = sheetNamed(book, "Heatmap");
    expect(sheet.position).toBe(1);
    expect(sheet.visibility).toBe("Visible");
    expect(sheet.tabColor).toBe("#548235");
    expect(sheet.values.map((row) => row.slice(0, 4))).toEqual([
      ["Person", "Readiness", "Level", "Note"],
      ["Ana", 0.85, "Senior", 85],
      ["Ben", 0.4, "Staff", "=not a formula"],
      ["Cy", null, "007", "TRUE"],
    ]);
    expect(sheet.formulas[1][3]).toBe("=B2*100");
    expect(sheet.formulas[2][3]).toBeNull();
    expect(sheet.looks[0][0]).toEqual({
      bold: true,
      fill: "#1F4E78",
      fontColor: "#FFFFFF",
      wrap: true,
      vertical: "Center",
    });
    expect(sheet.looks[1][1]).toMatchObject({
      numberFormat: "0%",
      horizontal: "Center",
      borders: { top: "Thin", left: "Thin", right: "Thin", bottom: "Thin" },
    });
    expect(sheet.looks[3][1]?.borders).toEqual({ bottom: "Thin", left: "Thin", right: "Thin" });
    expect(sheet.looks[1][3]).toEqual({ italic: true, fontSize: 9 });
    expect(sheet.columnWidths).toEqual({ 0: 108.75, 1: 66.75, 2: 66.75 });
    expect(sheet.rowHeights).toEqual({ 1: 30 });
    expect(sheet.freeze).toEqual({ rows: 1, columns: 1 });
    expect(sheet.merges).toEqual(["E1:F1"]);
    expect(sheet.tables).toEqual([]);
    expect(sheet.conditionalFormats).toEqual(everyFeatureSpec().conditionalFormats);
    expect(sheet.validations).toEqual([
      {
        range: "C2:C4",
        list: ["Senior", "Staff"],
        error: "Pick a level from the list.",
        errorTitle: "Not in the list",
        inCellDropDown: true,
      },
    ]);
    const snapshot = book.snapshot();
    expect(snapshot.activeSheet).toBe("Heatmap");
    expect(snapshot.names).toEqual([
      {
        name: "CM_readiness_002Dheatmap_003Abackend",
        formula: "=Heatmap!$A$1",
        comment: "readiness-heatmap:backend",
      },
    ]);
    expect(snapshot.sheets.map((s) => s.name)).toEqual(["Sheet1", "Heatmap"]);
  });

  it("reads the sheet back by key in one sync, text kept as text and blanks as null", async () => {
    const { book, host } = setup();
    await host.writeSheets([everyFeatureSpec()]);
    book.resetCounters();
    const [read] = await host.readSheets(["readiness-heatmap:backend"]);
    expect(book.syncCount).toBe(1);
    expect(read.name).toBe("Heatmap");
    expect(read.values[2]).toEqual(["Ben", 0.4, "Staff", "=not a formula"]);
    expect(read.values[3]).toEqual(["Cy", null, "007", "TRUE"]);
  });

  it("reads from A1 even when the used range starts further in, in one sync on a fresh host", async () => {
    const { book } = setup();
    await new OfficeHost(book.run).writeSheets([
      { name: "Sparse", kind: "matrix", key: "matrix", cells: [[], [null, null, "x"]] },
    ]);
    book.resetCounters();
    const reads = await new OfficeHost(book.run).readSheets(["matrix"]);
    expect(book.syncCount).toBe(1);
    expect(reads).toEqual([
      {
        key: "matrix",
        name: "Sparse",
        values: [
          [null, null, null],
          [null, null, "x"],
        ],
      },
    ]);
  });

  it("leaves out a key with no sheet: 3 syncs on a fresh host, 2 once the host has seen the markers", async () => {
    const { book } = setup();
    await new OfficeHost(book.run).writeSheets([everyFeatureSpec()]);
    const fresh = new OfficeHost(book.run);
    book.resetCounters();
    const reads = await fresh.readSheets(["readiness-heatmap:backend", "ratings"]);
    expect(reads.map((r) => r.name)).toEqual(["Heatmap"]);
    expect(book.syncCount).toBe(3);
    book.resetCounters();
    await fresh.readSheets(["readiness-heatmap:backend", "ratings"]);
    expect(book.syncCount).toBe(2);
  });

  it("reads a sheet the user renamed after this host last saw it", async () => {
    const { book, host } = setup();
    await host.writeSheets([everyFeatureSpec()]);
    await book.run(async (context) => {
      context.workbook.worksheets.getItem("Heatmap").name = "Renamed";
      await context.sync();
    });
    book.resetCounters();
    const [read] = await host.readSheets(["readiness-heatmap:backend"]);
    expect([read.name, read.values[0][0], book.syncCount]).toEqual(["Renamed", "Person", 1]);
  });

  it("costs the same syncs for 10 and 2,000 people: look, then build and copy into place", async () => {
    const counts: number[] = [];
    for (const people of [10, 2000]) {
      const { book, host } = setup();
      await host.writeSheets([ratingsLikeSpec(people)]);
      counts.push(book.syncCount);
      expect(book.requests.every((r) => !r.failed)).toBe(true);
      expect(
        book.requests.slice(1, -1).every((r) => r.calculationSuspended && r.screenUpdatingSuspended),
      ).toBe(true);
    }
    expect(counts).toEqual([2, 2]);
  });

  it("fills a column of one relative formula down and copies a tall number format: the sheet as the spec says, in one build request whatever the team size", async () => {
    const builds: { operations: number; bytes: number }[] = [];
    for (const people of [10, 200, 2000]) {
      const { book, host } = setup();
      const spec = filledSpec(people);
      await host.writeSheets([spec]);
      expect(book.syncCount).toBe(2);
      builds.push({ operations: book.requests[1].operations, bytes: book.requests[1].bytes });

      const sheet = sheetNamed(book, "Filled");
      spec.cells.forEach((row, r) =>
        row.forEach((cell, c) => {
          if (cell !== null && typeof cell === "object") {
            expect(sheet.formulas[r][c]).toBe(cell.f);
            expect(sheet.values[r][c]).toBe(cell.v);
          } else expect(sheet.values[r][c]).toBe(cell);
        }),
      );
      for (let r = 2; r < people + 2; r++)
        expect(sheet.looks[r].slice(2, 4)).toEqual([
          { numberFormat: "0%", horizontal: "Center" },
          { numberFormat: "0%", horizontal: "Center" },
        ]);
      expect(sheet.looks[people + 2][2]).toBeNull();
    }
    // Past a few people (below that, short columns go as they are), the same operations for 200 and 2,000 people;
    // the bytes grow only with the names, teams and keys typed.
    expect(builds[2].operations).toBe(builds[1].operations);
    expect(builds[2].bytes - builds[1].bytes).toBeLessThan(1800 * 40);
  });

  it("splits 5,000 rows x 60 columns of text into several requests, each under 4 MB", async () => {
    const { book, host } = setup();
    await host.writeSheets([textSpec(5000)]);
    const builds = book.requests.slice(1, -1);
    expect(builds.length).toBeGreaterThan(1);
    expect(book.totalRequestBytes).toBeGreaterThan(4 * 1024 * 1024);
    expect(book.maxRequestBytes).toBeLessThan(4 * 1024 * 1024);
    const sheet = sheetNamed(book, "Notes");
    expect(sheet.values).toHaveLength(5000);
    expect(sheet.values[4999][59]).toBe("Note 5000.60 meets bar");
  });

  it("is idempotent: writing again gives the same workbook, without duplicate sheets or names", async () => {
    const { book, host } = setup();
    const specs = [everyFeatureSpec(), ratingsLikeSpec(20)];
    await host.writeSheets(specs);
    const first = book.snapshot();
    await host.writeSheets(specs);
    await new OfficeHost(book.run).writeSheets(specs);
    expect(book.snapshot()).toEqual(first);
    expect(first.sheets.map((s) => s.name)).toEqual(["Sheet1", "Heatmap", "Ratings"]);
    expect(first.names).toHaveLength(2);
  });

  it("finds a renamed sheet by its marker, replaces it in place and keeps the user's name", async () => {
    const { book, host } = setup();
    await host.writeSheets([ratingsLikeSpec(3), everyFeatureSpec()]);
    await book.run(async (context) => {
      context.workbook.worksheets.getItem("Ratings").name = "Team ratings";
      context.workbook.worksheets.add("Notes");
      await context.sync();
    });
    await host.writeSheets([ratingsLikeSpec(4)]);
    expect(book.snapshot().sheets.map((s) => s.name)).toEqual(["Sheet1", "Team ratings", "Heatmap", "Notes"]);
    expect(sheetNamed(book, "Team ratings").values).toHaveLength(5);
    expect(await host.ownedSheets()).toEqual([
      { key: "ratings", name: "Team ratings" },
      { key: "readiness-heatmap:backend", name: "Heatmap" },
    ]);
  });

  it("never touches a user's sheet that has the spec's name: the new sheet gets a free name", async () => {
    const { book, host } = setup(["Sheet1", "Ratings"]);
    await typeInto(book, "Ratings", "A1:B1", [["my", "notes"]]);
    await host.writeSheets([ratingsLikeSpec(2)]);
    expect(sheetNamed(book, "Ratings").values).toEqual([["my", "notes"]]);
    expect(sheetNamed(book, "Ratings (2)").values[0][0]).toBe("Person");
    expect(await host.ownedSheets()).toEqual([{ key: "ratings", name: "Ratings (2)" }]);
  });

  it("puts new sheets after the last owned sheet and keeps replaced ones where they were", async () => {
    const { book, host } = setup(["Intro", "Data"]);
    await host.writeSheets([ratingsLikeSpec(2)]);
    await book.run(async (context) => {
      context.workbook.worksheets.getItem("Ratings").position = 0;
      await context.sync();
    });
    await host.writeSheets([ratingsLikeSpec(3), everyFeatureSpec()]);
    expect(book.snapshot().sheets.map((s) => s.name)).toEqual(["Ratings", "Heatmap", "Intro", "Data"]);
  });

  it("keeps the user on the sheet they were looking at when it is replaced", async () => {
    const { book, host } = setup();
    await host.writeSheets([ratingsLikeSpec(2), everyFeatureSpec()]);
    await book.run(async (context) => {
      context.workbook.worksheets.getItem("Ratings").activate();
      await context.sync();
    });
    await host.writeSheets([ratingsLikeSpec(3)]);
    expect(book.snapshot().activeSheet).toBe("Ratings");
  });

  it("runs writes started together one after the other", async () => {
    const { book, host } = setup();
    await Promise.all([
      host.writeSheets([ratingsLikeSpec(5)]),
      host.writeSheets([ratingsLikeSpec(6), everyFeatureSpec()]),
    ]);
    expect(book.snapshot().sheets.map((s) => [s.name, s.values.length])).toEqual([
      ["Sheet1", 0],
      ["Ratings", 7],
      ["Heatmap", 4],
    ]);
  });

  it("writes hidden specs as hidden sheets", async () => {
    const { book, host } = setup();
    await host.writeSheets([{ ...everyFeatureSpec(), hidden: true }]);
    expect(sheetNamed(book, "Heatmap").visibility).toBe("Hidden");
  });

  it("selects a range on an owned sheet", async () => {
    const { book, host } = setup();
    await host.writeSheets([everyFeatureSpec()]);
    book.resetCounters();
    await host.select("readiness-heatmap:backend", "C3");
    expect(book.syncCount).toBe(1);
    expect(book.snapshot().selection).toBe("Heatmap!C3");
  });

  it("explains a drop-down list Excel cannot hold, before touching the workbook", async () => {
    const { book, host } = setup();
    const before = book.snapshot();
    const spec: SheetSpec = {
      ...everyFeatureSpec(),
      validations: [{ range: "A2:A3", list: ["x".repeat(300)], error: "no" }],
    };
    await expect(host.writeSheets([spec])).rejects.toThrow(
      /drop-down list for Heatmap!A2:A3 is 300 characters long/,
    );
    expect(book.snapshot()).toEqual(before);
  });
});

describe("OfficeHost when Excel fails half-way", () => {
  async function prepared() {
    const { book, host } = setup(["Sheet1", "Notes"]);
    await host.writeSheets([ratingsLikeSpec(30), everyFeatureSpec()]);
    // The user's typed ratings and a rename: what must never be lost.
    await typeInto(book, "Ratings", "F2:G2", [[4, 4]]);
    await book.run(async (context) => {
      context.workbook.worksheets.getItem("Heatmap").name = "Calibration view";
      await context.sync();
    });
    return { book, host };
  }

  const next = [ratingsLikeSpec(31), { ...everyFeatureSpec(), cells: [["changed"]] }];

  it("at every operation of every sync, ends exactly as before or exactly as after, never losing a sheet", async () => {
    const after = await prepared();
    await after.host.writeSheets(next);
    const expectedAfter = after.book.snapshot();

    const counter = await prepared();
    counter.book.resetCounters();
    await new OfficeHost(counter.book.run).writeSheets(next);
    const operations = counter.book.requests.map((r) => r.operations);
    expect(operations).toHaveLength(2);
    expect(operations[1]).toBeGreaterThan(20);

    const outcomes = new Set<string>();
    for (let sync = 1; sync <= operations.length; sync++) {
      for (let op = 0; op < operations[sync - 1]; op++) {
        const { book, host } = await prepared();
        const before = book.snapshot();
        book.failAt({ sync, op });
        await expect(host.writeSheets(next)).rejects.toThrow(
          /(nothing was changed|the workbook was left as it was|failed and was completed)/,
        );
        const now = book.snapshot();
        if (JSON.stringify(now) === JSON.stringify(before)) outcomes.add("before");
        else {
          expect({ sync, op, now }).toEqual({ sync, op, now: expectedAfter });
          outcomes.add("after");
        }
        expect(now.sheets.some((s) => s.name.startsWith("~cm-"))).toBe(false);
        expect(now.names.some((n) => n.name.startsWith("CM.Write"))).toBe(false);
      }
    }
    expect([...outcomes].sort()).toEqual(["after", "before"]);
  });

  it("cleans up a temporary sheet left by an interrupted write on the next write", async () => {
    const { book, host } = await prepared();
    await book.run(async (context) => {
      context.workbook.worksheets.add("~cm-tmp").visibility = "Hidden";
      await context.sync();
    });
    await host.writeSheets(next);
    expect(book.snapshot().sheets.map((s) => s.name)).toEqual([
      "Sheet1",
      "Notes",
      "Ratings",
      "Calibration view",
    ]);
  });
});

describe("OfficeHost with two writers on one workbook", () => {
  /** Two hosts (the pane and the ribbon's runtime, or two co-authors) over one workbook, the second starting `turns` microtask turns after the first. */
  async function race(turns: number, firstWrite: boolean) {
    const book = new MemoryWorkbook(["Sheet1"]);
    if (!firstWrite) await new OfficeHost(book.run).writeSheets([ratingsLikeSpec(4)]);
    const a = new OfficeHost(book.run);
    const b = new OfficeHost(book.run);
    const first = a.writeSheets([ratingsLikeSpec(5)]);
    for (let i = 0; i < turns; i++) await Promise.resolve();
    const second = b.writeSheets([ratingsLikeSpec(6)]);
    const outcomes = await Promise.allSettled([first, second]);
    return { book, outcomes };
  }

  it.each([0, 1, 2, 3, 4, 5, 6, 8, 12, 20])(
    "never loses the Ratings sheet when the second write starts %i microtask turns after the first",
    async (turns) => {
      for (const firstWrite of [true, false]) {
        const { book, outcomes } = await race(turns, firstWrite);
        const snapshot = book.snapshot();
        const ratings = snapshot.sheets.filter((s) => s.name === "Ratings");
        expect(ratings).toHaveLength(1);
        // The whole of one write's sheet: 5 or 6 people under the header, never a mix.
        expect([6, 7]).toContain(ratings[0].values.length);
        expect(snapshot.names).toEqual([
          { name: "CM_ratings", formula: "=Ratings!$A$1", comment: "ratings" },
        ]);
        expect(snapshot.sheets.map((s) => s.name)).toEqual(["Sheet1", "Ratings"]);
        // A write that says it succeeded is the one the workbook shows, or was followed by one that did.
        const succeeded = outcomes.map((o) => o.status === "fulfilled");
        expect(succeeded.some(Boolean)).toBe(true);
        for (const outcome of outcomes)
          if (outcome.status === "rejected")
            expect(String(outcome.reason)).toMatch(/left as it was|another/i);
        const shown = ratings[0].values.length - 1;
        if (succeeded[1]) expect(shown).toBe(6);
        else expect(shown).toBe(5);
      }
    },
  );
});

describe("OfficeHost reading a sheet larger than Excel answers in one response", () => {
  it("reads it in blocks of rows, every response under 5 MB, and sees every cell", async () => {
    const { book, host } = setup();
    await host.writeSheets([ratingsLikeSpec(2)]);
    const columns = 40;
    const text = (r: number, c: number) => `person ${r} competency ${c} note`;
    for (let top = 2; top <= 6001; top += 1000) {
      await book.run(async (context) => {
        const rows = Array.from({ length: 1000 }, (_, i) =>
          Array.from({ length: columns }, (__, c) => text(top + i, c)),
        );
        context.workbook.worksheets.getItem("Ratings").getRange(`A${top}:AN${top + 999}`).values = rows;
        await context.sync();
      });
    }
    book.resetCounters();
    const fresh = new OfficeHost(book.run);
    const [read] = await fresh.readSheets(["ratings"]);
    expect(read.values).toHaveLength(6001);
    expect(read.values[6000][39]).toBe(text(6001, 39));
    expect(read.values[2999][0]).toBe(text(3000, 0));
    expect(book.requests.some((r) => r.failed)).toBe(true);
    expect(book.requests.filter((r) => !r.failed).every((r) => r.responseBytes < 5 * 1024 * 1024)).toBe(true);

    // The same inside a command's update.
    const seen = await fresh.update(
      (owned) => owned.map((o) => o.key),
      ({ reads }) => ({ specs: [], result: reads[0].values.length }),
    );
    expect(seen).toBe(6001);
  });
});

describe("OfficeHost watching the workbook", () => {
  const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

  it("hears cells typed on any sheet and sheets added or deleted, until it stops listening", async () => {
    const { book, host } = setup(["Plan", "Other"]);
    let heard = 0;
    const stop = await host.watchWorkbook(() => heard++);

    await typeInto(book, "Plan", "B2", [["typed"]]);
    await settle();
    expect(heard).toBe(1);
    await typeInto(book, "Other", "A1:B2", [
      [1, 2],
      [3, 4],
    ]);
    await settle();
    expect(heard).toBe(2);
    await book.run(async (context) => {
      context.workbook.worksheets.add("Added");
      await context.sync();
    });
    await settle();
    expect(heard).toBe(3);
    await book.run(async (context) => {
      context.workbook.worksheets.getItem("Added").delete();
      await context.sync();
    });
    await settle();
    expect(heard).toBe(4);

    // A command's own write is heard too: the pane tells its own writes apart by when they happen.
    await host.writeSheets([textSpec(3)]);
    await settle();
    expect(heard).toBeGreaterThan(4);

    const before = heard;
    await stop();
    await typeInto(book, "Plan", "C3", [["after"]]);
    await settle();
    expect(heard).toBe(before);
  });

  it("adds its three handlers in one sync, and removes them in one", async () => {
    const { book, host } = setup(["Plan"]);
    const syncs = book.requests.length;
    const stop = await host.watchWorkbook(() => undefined);
    expect(book.requests.length - syncs).toBe(1);
    await stop();
    expect(book.requests.length - syncs).toBe(2);
  });
});
