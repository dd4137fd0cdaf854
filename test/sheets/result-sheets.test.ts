/** The result sheets built from a tiny scored team: layout, formats, colours and the words beside them. */
import { calibrate } from "../../src/core/calibration";
import { compareLevels } from "../../src/core/comparison";
import { readRatings } from "../../src/core/ratings";
import { scoreTeam } from "../../src/core/readiness";
import { calibrationSheetSpec } from "../../src/sheets/calibration-sheet";
import { comparisonSheetSpec } from "../../src/sheets/comparison-sheet";
import { competencyHeatmapSheetSpec } from "../../src/sheets/competency-heatmap-sheet";
import { LiveFormulas, ratingsLayout } from "../../src/sheets/live-formulas";
import { readinessSheetSpec } from "../../src/sheets/readiness-sheet";
import { relativeFormula } from "../../src/sheets/formula-shift";
import { teamSummarySheetSpec } from "../../src/sheets/team-summary-sheet";
import { tinyMatrix } from "./fixtures";
import { CalculatedWorkbook as Workbook } from "./calculated-workbook";
import { at, valueOf } from "./values";

const matrix = tinyMatrix();
// Columns: F Code quality, G System design, H Accessibility, I Mentoring, J People management.
const ratings = [
  [
    "Person",
    "Track",
    "Level",
    "Rater",
    "Team",
    "Code quality",
    "System design",
    "Accessibility",
    "Mentoring",
    "People management",
  ],
  ["Ana", "Backend", "Senior", "Kim", "Payments", 4, 2, null, 1, null],
  ["Bo", "Frontend", "Intermediate", "Kim", "Web", 2, null, 3, 1, null],
];
const read = readRatings(ratings, matrix, { sheet: "Ratings" });
const scored = scoreTeam(matrix, read.people);
const live = new LiveFormulas(matrix, ratingsLayout("Ratings", ratings, read.columns));

describe("readiness sheet", () => {
  const spec = readinessSheetSpec(matrix, scored, live);

  it("lists each person with next level, readiness, coverage and status, then a column per level", () => {
    expect(spec.cells[3]).toEqual([
      "Person",
      "Team",
      "Track",
      "Level",
      "Next level",
      "Readiness",
      "Coverage",
      "Status",
      "Intermediate",
      "Senior",
      "Staff",
      "Manager",
      "Track key",
      "Next level key",
      "Ratings row",
    ]);
    // Ana (Backend Senior) next is Staff: code quality 4 ≥ 4 (weight 2), design 2 < 3 (2), mentoring 1 < 3 (1) → 2/5.
    expect(spec.cells[4].slice(0, 5)).toEqual(["Ana", "Payments", "Backend", "Senior", "Staff"]);
    expect(valueOf(spec.cells[4][5])).toBeCloseTo(0.4);
    expect(valueOf(spec.cells[4][6])).toBe(1);
    expect(valueOf(spec.cells[4][7])).toBe("Not yet");
  });

  it("leaves blank the levels that are not on a person's track", () => {
    // Bo is on Frontend: no Staff or Manager there.
    expect(spec.cells[5].slice(10, 12).map(valueOf)).toEqual(["", ""]);
    expect(new Workbook([{ name: "Ratings", cells: ratings }, spec]).value(spec.name, 5, 10)).toBe("");
  });

  it("finds each level's expectations by the row's track key, so a column holds one formula for everyone", () => {
    expect(spec.cells[4].slice(12, 14)).toEqual(["backend", "backend|staff"]);
    expect(spec.cells[5].slice(12, 14)).toEqual(["frontend", "frontend|senior"]);
    expect(at(spec, "J5")).toMatchObject({
      f:
        '=IF($A$3<>"","",IF($O5="","",IF(ISNUMBER(MATCH($M5&"|senior",$A$11:$A$16,0)),IFERROR(' +
        'SUMPRODUCT(INDEX($B$20:$F$21,MATCH($M5,$A$20:$A$21,0),0)*ISNUMBER(INDEX($B$11:$F$16,MATCH($M5&"|senior",$A$11:$A$16,0),0))' +
        "*ISNUMBER(INDEX(Ratings!$F:$J,$O5,0))*ISNUMBER(1/((INDEX(Ratings!$F:$J,$O5,0)>=0)*(INDEX(Ratings!$F:$J,$O5,0)<=4)))" +
        '*ISNUMBER(1/(INDEX(Ratings!$F:$J,$O5,0)>=INDEX($B$11:$F$16,MATCH($M5&"|senior",$A$11:$A$16,0),0))))' +
        '/SUMPRODUCT(INDEX($B$20:$F$21,MATCH($M5,$A$20:$A$21,0),0)*ISNUMBER(INDEX($B$11:$F$16,MATCH($M5&"|senior",$A$11:$A$16,0),0))' +
        '*ISNUMBER(INDEX(Ratings!$F:$J,$O5,0))*ISNUMBER(1/((INDEX(Ratings!$F:$J,$O5,0)>=0)*(INDEX(Ratings!$F:$J,$O5,0)<=4)))),0),"")))',
    });
    for (const column of [5, 6, 7, 8, 9, 10, 11, 14]) {
      const [ana, bo] = [spec.cells[4][column], spec.cells[5][column]];
      if (ana === null || typeof ana !== "object" || bo === null || typeof bo !== "object")
        throw new Error(`column ${column} is not a formula column`);
      expect(relativeFormula(bo.f, 5, column)).toBe(relativeFormula(ana.f, 4, column));
    }
  });

  it("carries the expectations and weights its formulas use below the people", () => {
    expect(at(spec, "A9")).toBe("Expectations used by the formulas above, from the matrix sheets");
    expect(spec.cells.slice(9, 16)).toEqual([
      ["Track|level", "Code quality", "System design", "Accessibility", "Mentoring", "People management"],
      ["backend|intermediate", 2, 1, null, 1, null],
      ["backend|senior", 3, 2, null, 2, null],
      ["backend|staff", 4, 3, null, 3, null],
      ["backend|manager", null, 2, null, 3, 3],
      ["frontend|intermediate", 2, null, 1, 1, null],
      ["frontend|senior", 3, null, 3, 2, null],
    ]);
    // Area weights: Technical 2, Leadership 1; blank where the track has no such competency.
    expect(spec.cells.slice(18, 21)).toEqual([
      ["Track", "Code quality", "System design", "Accessibility", "Mentoring", "People management"],
      ["backend", 2, 2, null, 1, 1],
      ["frontend", 2, null, 2, 1, null],
    ]);
  });

  it("computes the same numbers live from the Ratings sheet", () => {
    const book = new Workbook([{ name: "Ratings", cells: ratings }, spec]);
    spec.cells.slice(4).forEach((row, r) =>
      row.forEach((cell, c) => {
        if (cell === null || typeof cell !== "object") return;
        const value = book.value(spec.name, r + 4, c);
        if (typeof cell.v === "number") expect(value).toBeCloseTo(cell.v, 12);
        else expect(value).toBe(cell.v);
      }),
    );
  });

  it("formats readiness as percentages on a red-amber-green scale, with the status in words", () => {
    expect(spec.styles).toContainEqual({
      range: "I5:L6",
      style: { numberFormat: "0%", horizontal: "center" },
    });
    expect(spec.conditionalFormats?.[1]).toMatchObject({
      kind: "colorScale",
      range: "I5:L6",
      min: { color: "#F8696B" },
    });
    expect(spec.conditionalFormats?.slice(2).map((c) => c.kind === "cellValue" && c.formula1)).toEqual([
      '="Ready"',
      '="Almost"',
      '="Not yet"',
      '="Insufficient data"',
    ]);
    expect(spec.freeze).toEqual({ rows: 4, columns: 1 });
  });
});

describe("competency heatmap sheet", () => {
  const spec = competencyHeatmapSheetSpec(matrix, scored, "current", live);

  it("groups competencies under their area and rolls gaps up by area", () => {
    expect(spec.key).toBe("competency-heatmap:current");
    expect(spec.cells[2].slice(4, 10)).toEqual([
      "Technical",
      null,
      null,
      "Leadership",
      null,
      "Mean gap by area",
    ]);
    expect(spec.cells[3].slice(0, 11)).toEqual([
      "Person",
      "Team",
      "Track",
      "Level",
      "Code quality",
      "System design",
      "Accessibility",
      "Mentoring",
      "People management",
      "Technical",
      "Leadership",
    ]);
    expect(spec.merges).toEqual(["E3:G3", "H3:I3", "J3:K3"]);
  });

  it("shows rating − expectation as a live formula, blank where not assessed or not expected", () => {
    // Ana at Senior: code quality 4 − 3 = +1, design 2 − 2 = 0, mentoring 1 − 2 = −1; no accessibility on Backend.
    expect(spec.cells[5].slice(4, 9).map(valueOf)).toEqual([1, 0, "", -1, ""]);
    // Her expectations are the second row of the block below the people (backend|senior).
    expect(spec.cells[5].slice(11, 13)).toEqual([
      "backend|senior",
      { f: '=IFERROR(MATCH($L6,$A$12:$A$17,0),"")', v: 2 },
    ]);
    expect(at(spec, "E6")).toEqual({
      f:
        '=IF($A$3<>"","",IF(ISNUMBER(INDEX($B$12:$B$17,$M6)),IF(ISNUMBER(INDEX(Ratings!F:F,$N6))' +
        "*ISNUMBER(1/((INDEX(Ratings!F:F,$N6)>=0)*(INDEX(Ratings!F:F,$N6)<=4)))," +
        'INDEX(Ratings!F:F,$N6)-INDEX($B$12:$B$17,$M6),""),""))',
      v: 1,
    });
    const book = new Workbook([{ name: "Ratings", cells: ratings }, spec]);
    expect([4, 5, 6, 7, 8].map((column) => book.value(spec.name, 5, column))).toEqual([1, 0, "", -1, ""]);
    expect(at(spec, "E7")).toMatchObject({ f: expect.stringContaining("INDEX(Ratings!F:F,$N7)") });
    expect(valueOf(spec.cells[5][9])).toBeCloseTo(0.5);
    expect(at(spec, "J6")).toEqual({ f: '=IFERROR(AVERAGE(E6:G6),"")', v: 0.5 });
  });

  it("heads each competency column with its short label, the full name in the row below", () => {
    const labelled = {
      ...matrix,
      tracks: matrix.tracks.map((t) => ({
        ...t,
        competencies: t.competencies.map((c) => (c.id === "code-quality" ? { ...c, label: "Quality" } : c)),
      })),
    };
    const withLabels = competencyHeatmapSheetSpec(labelled, scored, "current", live);
    expect(withLabels.cells[3].slice(4, 6)).toEqual(["Quality", "System design"]);
    expect(withLabels.cells[4].slice(4, 6)).toEqual(["Code quality", "System design"]);
    expect(withLabels.freeze).toEqual({ rows: 5, columns: 1 });
    expect(withLabels.columnWidths?.[4]).toBe(11);
  });

  it("colours gaps on a scale diverging at 0", () => {
    expect(spec.conditionalFormats).toEqual([
      expect.objectContaining({
        kind: "colorScale",
        range: "E6:K7",
        mid: { type: "number", value: 0, color: "#FFFFFF" },
      }),
    ]);
  });
});

describe("team summary sheet", () => {
  it("counts next-level statuses per team and shows the team's mean gap per competency", () => {
    const spec = teamSummarySheetSpec(matrix, scored);
    expect(spec.cells[3].slice(0, 6)).toEqual([
      "Team",
      "People",
      "Ready",
      "Almost",
      "Not yet",
      "Insufficient data",
    ]);
    // Short labels head the competency columns (the name where there is none), full names in the row below.
    expect(spec.cells[4].slice(6, 8)).toEqual(["Code quality", "System design"]);
    expect(spec.cells[5].slice(0, 8)).toEqual(["Payments", 1, 0, 0, 1, 0, 1, 0]);
    expect(spec.cells[6][0]).toBe("Web");
    expect(spec.freeze).toEqual({ rows: 5, columns: 1 });
  });
});

describe("calibration sheet", () => {
  it("shows the status spread per level, raters and outliers, each flag with its reason", () => {
    const spec = calibrationSheetSpec(matrix, calibrate(matrix, scored));
    const titles = spec.cells.map((row) => row[0]);
    expect(titles).toContain("Status at current level");
    expect(titles).toContain("Raters");
    expect(titles).toContain("People apart from their rater's pattern");
    const levels = spec.cells.findIndex((row) => row[0] === "Track");
    expect(spec.cells[levels]).toEqual([
      "Track",
      "Level",
      "Ready",
      "Almost",
      "Not yet",
      "Insufficient data",
      "People",
    ]);
    expect(spec.cells.find((row) => row[0] === "All")?.at(-1)).toBe(2);
    const raters = spec.cells.findIndex((row) => row[0] === "Rater");
    expect(spec.cells[raters + 1][0]).toBe("Kim");
  });
});

describe("comparison sheet", () => {
  const comparison = compareLevels(
    matrix,
    { track: "backend", level: "senior" },
    { track: "backend", level: "staff" },
  );
  const spec = comparisonSheetSpec(matrix, comparison);

  it("is keyed by both sides and named for them", () => {
    expect(spec.key).toBe("comparison:backend.senior~backend.staff");
    expect(spec.name).toBe("Backend Senior vs Staff");
  });

  it("puts each competency's value and expectation side by side with the change and where it applies", () => {
    expect(spec.cells[3]).toEqual([
      "Area",
      "Competency",
      "Senior Backend Engineer",
      null,
      "Staff Backend Engineer",
      null,
      "Change",
      "On",
    ]);
    expect(spec.cells[5]).toEqual(["Technical"]);
    expect(spec.cells[6]).toEqual([
      "Technical",
      "Code quality",
      3,
      "Raises the bar",
      4,
      "Sets standards",
      1,
      "Both",
    ]);
  });

  it("is laid out for printing: wrapped descriptors, widths, frozen headers", () => {
    expect(spec.columnWidths).toEqual([16, 26, 7, 40, 7, 40, 8, 16]);
    expect(spec.freeze).toEqual({ rows: 5, columns: 2 });
    expect(spec.styles).toContainEqual({
      range: expect.stringMatching(/^D6:D/),
      style: { wrap: true, vertical: "top" },
    });
  });
});
