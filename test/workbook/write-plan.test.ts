import {
  sheetNameProblem,
  legalSheetName,
  uniqueSheetName,
  isAbandonedTemporarySheet,
  temporarySheetName,
} from "../../src/sheets/sheet-names";
import type { SheetSpec } from "../../src/sheets/spec";
import { planWrite, sheetNamer, specExtent, type WorkbookLayout } from "../../src/workbook/write-plan";

const T0 = Date.UTC(2026, 11, 2, 9, 0, 0);
const identity = { started: T0, writeId: "abc123" };

function spec(key: string, name: string, extra: Partial<SheetSpec> = {}): SheetSpec {
  return {
    key,
    name,
    kind: "ratings",
    cells: [
      ["Person", "Track"],
      ["Ana", "Backend"],
    ],
    ...extra,
  };
}

function layout(sheets: string[], markers: Record<string, string | null> = {}): WorkbookLayout {
  return {
    sheets: sheets.map((name) => ({ name, visibility: name.startsWith("~cm-") ? "Hidden" : "Visible" })),
    markers: Object.entries(markers).map(([key, sheet]) => ({ key, sheet })),
  };
}

describe("the write plan", () => {
  it("updates an owned sheet in place under the name the user gave it, and creates the others after the last owned sheet", () => {
    const plan = planWrite(
      [spec("ratings", "Ratings"), spec("readiness", "Readiness")],
      layout(["Intro", "Team ratings", "Notes"], { ratings: "Team ratings" }),
      identity,
      { activate: "readiness" },
    );
    expect(plan.writes.map((w) => [w.action, w.sheet, w.marker])).toEqual([
      ["update", "Team ratings", "keep"],
      ["create", "Readiness", "add"],
    ]);
    expect(plan.positions).toEqual([{ sheet: "Readiness", position: 2 }]);
    expect(plan.activate).toBe("Readiness");
    expect(plan.discard).toEqual([]);
    expect(plan.undo).toEqual(plan.writes.map((w) => w.temporary));
  });

  it("never takes a user's sheet with the spec's name: the new sheet gets a free one", () => {
    const plan = planWrite([spec("ratings", "Ratings")], layout(["Ratings", "Ratings (2)"]), identity);
    expect(plan.writes[0]).toMatchObject({ action: "create", sheet: "Ratings (3)" });
    expect(plan.writes[0].spec.name).toBe("Ratings (3)");
  });

  it("points a marker whose sheet was deleted (#REF!) at the new sheet", () => {
    const plan = planWrite([spec("ratings", "Ratings")], layout(["Sheet1"], { ratings: null }), identity);
    expect(plan.writes[0]).toMatchObject({ action: "create", sheet: "Ratings", marker: "point" });
  });

  it("gives two writes started in the same millisecond different temporary sheets", () => {
    const a = planWrite([spec("ratings", "Ratings")], layout(["Sheet1"]), { started: T0, writeId: "aaaaaa" });
    const b = planWrite([spec("ratings", "Ratings")], layout(["Sheet1"]), { started: T0, writeId: "bbbbbb" });
    expect(a.writes[0].temporary).not.toBe(b.writes[0].temporary);
  });

  it("discards only temporary sheets no write in progress can own", () => {
    const running = temporarySheetName(T0 - 5_000, "other1", 0);
    const abandoned = temporarySheetName(T0 - 60 * 60 * 1000, "gone22", 0);
    const plan = planWrite(
      [spec("ratings", "Ratings")],
      layout(["Sheet1", running, abandoned, "~cm-tmp"]),
      identity,
    );
    expect(plan.discard).toEqual([abandoned, "~cm-tmp"]);
  });

  it("refuses specs Excel would refuse, before anything is planned", () => {
    const sheets = layout(["Sheet1"]);
    expect(() => planWrite([spec("a", "Same"), spec("a", "Other")], sheets, identity)).toThrow(
      /share the key "a"/,
    );
    expect(() => planWrite([spec("a", "History")], sheets, identity)).toThrow(/reserved/);
    expect(() => planWrite([spec("a", "Engineers'")], sheets, identity)).toThrow(/apostrophe/);
    expect(() => planWrite([spec("a", "a/b")], sheets, identity)).toThrow(/cannot contain \//);
    expect(() => planWrite([spec("a", "~cm-x")], sheets, identity)).toThrow(/add-in's own/);
  });

  it("covers every cell a spec sets: cells, styles, merges, conditional formats and validation", () => {
    expect(specExtent(spec("a", "A"))).toBe("A1:B2");
    expect(
      specExtent(
        spec("a", "A", {
          merges: ["D1:E1"],
          validations: [{ range: "C2:C40", list: ["x"], error: "no" }],
          styles: [{ range: "A50", style: { bold: true } }],
        }),
      ),
    ).toBe("A1:E50");
  });
});

describe("sheet names", () => {
  it("decides new sheets' names before they are built, keeping owned sheets' names", () => {
    const nameFor = sheetNamer(layout(["Ratings", "My readiness"], { readiness: "My readiness" }));
    expect(nameFor("readiness", "Readiness")).toBe("My readiness");
    expect(nameFor("ratings", "Ratings")).toBe("Ratings (2)");
    expect(nameFor("ratings", "Ratings")).toBe("Ratings (2)");
    expect(nameFor("calibration", "Ratings")).toBe("Ratings (3)");
  });

  it("never makes a name Excel refuses when it shortens one", () => {
    const long = "Developer Relations (Engineers' track)";
    for (const name of [legalSheetName(long), uniqueSheetName(long, [legalSheetName(long)])]) {
      expect(sheetNameProblem(name)).toBeNull();
      expect(name.length).toBeLessThanOrEqual(31);
    }
    expect(legalSheetName("Developer Relations (Engineers' x")).toBe("Developer Relations (Engineers");
    expect(legalSheetName("History")).toBe("History sheet");
    expect(legalSheetName("a:b/c")).toBe("a b c");
  });

  it("tells a temporary sheet of a write in progress from an abandoned one", () => {
    expect(isAbandonedTemporarySheet(temporarySheetName(T0, "x", 0), T0 + 1000)).toBe(false);
    expect(isAbandonedTemporarySheet(temporarySheetName(T0, "x", 0), T0 + 11 * 60 * 1000)).toBe(true);
    expect(isAbandonedTemporarySheet("Ratings", T0)).toBe(false);
  });
});
