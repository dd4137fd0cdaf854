import { readRatings } from "../../src/core/ratings";
import type { Cell } from "../../src/core/types";
import { ratingsTable, tinyMatrix } from "./fixtures";

const matrix = tinyMatrix();
const competencies = ["Code quality", "System design", "Databases", "Mentoring", "Hiring", "Collaboration"];
// Columns: A Person, B Track, C Level, D Rater, E Team, F Code quality, G System design, H Databases, I Mentoring,
// J Hiring, K Collaboration.

function read(rows: Cell[][], headers = competencies) {
  return readRatings(ratingsTable(headers, rows), matrix, { sheet: "Ratings" });
}

describe("readRatings: a clean table", () => {
  it("reads people with their track, level, rater, team, row and assessed ratings", () => {
    const result = read([
      ["Ana Lima", "Backend Engineering", "Senior", "Kim", "Platform", 3, 2, 3, 2, null, 2],
      ["Bo Chen", "frontend", "staff", "Kim", "Web", 4, "3", null, "Advanced", null, ""],
    ]);
    expect(result.problems).toEqual([]);
    expect(result.people).toEqual([
      {
        person: "Ana Lima",
        track: "backend",
        level: "senior",
        rater: "Kim",
        team: "Platform",
        row: 2,
        source: "manager",
        ratings: { "code-quality": 3, "system-design": 2, databases: 3, mentoring: 2, collaboration: 2 },
      },
      {
        person: "Bo Chen",
        track: "frontend",
        level: "staff",
        rater: "Kim",
        team: "Web",
        row: 3,
        source: "manager",
        ratings: { "code-quality": 4, "system-design": 3, mentoring: 3 },
      },
    ]);
    expect(result.columns.map((c) => [c.competency, c.column])).toEqual([
      ["code-quality", 5],
      ["system-design", 6],
      ["databases", 7],
      ["mentoring", 8],
      ["hiring", 9],
      ["collaboration", 10],
    ]);
  });

  it("accepts header columns in any order, case and spacing, and competencies by id or name", () => {
    const cells: Cell[][] = [
      ["  TEAM", "code-quality", "level ", "PERSON", "system   design", "Track", "rater"],
      ["Web", 2, "Intermediate Frontend Engineer", "Cy Diaz", 1, "Frontend Engineering", "Lee"],
    ];
    const result = readRatings(cells, matrix);
    expect(result.problems).toEqual([]);
    expect(result.people[0]).toMatchObject({
      person: "Cy Diaz",
      track: "frontend",
      level: "intermediate",
      rater: "Lee",
      team: "Web",
      ratings: { "code-quality": 2, "system-design": 1 },
    });
  });

  it("reads a level by id, name or ladder title", () => {
    const result = read([
      ["A", "backend", "senior-manager", "", "", null, null, null, null, 4, null],
      ["B", "backend", "Engineering Manager", "", "", null, null, null, null, 3, null],
      ["C", "backend", "Staff Backend Engineer", "", "", 4, null, null, null, null, null],
    ]);
    expect(result.people.map((p) => p.level)).toEqual(["senior-manager", "manager", "staff"]);
  });

  it("takes a rating as a number, as text, as its label or as value and label; dashes and n/a are not assessed", () => {
    const result = read([
      ["Ana", "backend", "senior", "", "", " 3 ", "proficient", "4 - Expert", "-", "n/a", 0],
    ]);
    expect(result.problems).toEqual([]);
    expect(result.people[0].ratings).toEqual({
      "code-quality": 3,
      "system-design": 2,
      databases: 4,
      collaboration: 0,
    });
  });

  it("skips blank rows without complaint", () => {
    const result = read([
      [null, null, null, null, null, null, null, null, null, null, null],
      ["Ana", "backend", "senior", "", "", 3, null, null, null, null, null],
      ["", "  ", null],
    ]);
    expect(result.problems).toEqual([]);
    expect(result.people.map((p) => [p.person, p.row])).toEqual([["Ana", 3]]);
  });
});

describe("readRatings: bad input never throws and the valid rows still score", () => {
  it("an empty table is one error at A1 asking for the header row", () => {
    for (const cells of [[], [[]], [[null, ""]]] as Cell[][][]) {
      const result = readRatings(cells, matrix, { sheet: "Ratings" });
      expect(result.people).toEqual([]);
      expect(result.problems).toEqual([
        {
          severity: "error",
          sheet: "Ratings",
          cell: "A1",
          row: 1,
          column: 1,
          message:
            "The ratings table is empty: row 1 needs the headers Person, Track and Level, then one column per competency.",
        },
      ]);
    }
  });

  it("missing header columns are one error at A1 naming them", () => {
    const result = readRatings(
      [
        ["Person", "Rater", "Team", "Mentoring"],
        ["Ana", "Kim", "Web", 2],
      ],
      matrix,
    );
    expect(result.people).toEqual([]);
    expect(result.problems).toEqual([
      expect.objectContaining({
        severity: "error",
        cell: "A1",
        message:
          "Row 1 lacks the columns Track and Level: add them to the header row so ratings can be read.",
      }),
    ]);
  });

  it("without Rater and Team columns, people still score, with a warning about what is lost", () => {
    const result = readRatings(
      [
        ["Person", "Track", "Level", "Mentoring"],
        ["Ana", "backend", "senior", 2],
      ],
      matrix,
    );
    expect(result.people).toHaveLength(1);
    expect(result.people[0]).toMatchObject({ rater: "", team: "" });
    expect(result.problems.map((p) => [p.severity, p.cell, p.message])).toEqual([
      [
        "warning",
        "A1",
        "No Rater column in row 1: raters cannot be compared in calibration. Add a Rater column if you need that.",
      ],
      [
        "warning",
        "A1",
        "No Team column in row 1: everyone counts as one team. Add a Team column to see teams side by side.",
      ],
    ]);
  });

  it("ratings under a blank header row are an error asking for the headers", () => {
    const result = readRatings(
      [
        [null, ""],
        ["Ana", "backend", "senior", 3],
      ],
      matrix,
    );
    expect(result.people).toEqual([]);
    expect(result.problems).toEqual([
      expect.objectContaining({
        severity: "error",
        cell: "A1",
        message:
          "Row 1 has no headers: type Person, Track and Level, then one competency per column, above the ratings.",
      }),
    ]);
  });

  it("a table with no competency columns is an error", () => {
    const result = readRatings(
      [
        ["Person", "Track", "Level", "Rater", "Team"],
        ["Ana", "backend", "senior", "", ""],
      ],
      matrix,
    );
    expect(result.problems).toEqual([
      expect.objectContaining({
        severity: "error",
        cell: "A1",
        message: expect.stringContaining("No competency columns"),
      }),
    ]);
  });

  it("an unknown competency header is a warning at its cell and its column is ignored", () => {
    const result = read([["Ana", "backend", "senior", "", "", 3, "notes here"]], ["Code quality", "Notes"]);
    expect(result.people[0].ratings).toEqual({ "code-quality": 3 });
    expect(result.problems).toEqual([
      {
        severity: "warning",
        sheet: "Ratings",
        cell: "G1",
        row: 1,
        column: 7,
        message:
          '"Notes" in G1 is neither a competency of the matrix nor Person, Track, Level, Rater, Team, Source or Specialisation: its column is ignored. Check the spelling against the matrix.',
      },
    ]);
  });

  it("a competency heading two columns counts once: the second is an error and ignored", () => {
    const result = read([["Ana", "backend", "senior", "", "", 3, 1]], ["Code quality", "code-quality"]);
    expect(result.people[0].ratings).toEqual({ "code-quality": 3 });
    expect(result.problems).toEqual([
      expect.objectContaining({
        severity: "error",
        cell: "G1",
        message:
          '"code-quality" in G1 is Code quality again (already in F1): this column is ignored. Keep one column per competency.',
      }),
    ]);
  });

  it("values under a blank header are a warning, not lost silently", () => {
    const result = read([["Ana", "backend", "senior", "", "", 3, 2]], ["Code quality", ""]);
    expect(result.problems).toEqual([
      expect.objectContaining({
        severity: "warning",
        cell: "G1",
        message: expect.stringContaining("Column G has values but no header"),
      }),
    ]);
  });

  it("an unknown track is an error at its cell listing the tracks; the other rows still score", () => {
    const result = read([
      ["Ana", "Mobile", "Senior", "", "", 3, null, null, null, null, null],
      ["Bo", "backend", "senior", "", "", 3, null, null, null, null, null],
    ]);
    expect(result.people.map((p) => p.person)).toEqual(["Bo"]);
    expect(result.problems).toEqual([
      {
        severity: "error",
        sheet: "Ratings",
        cell: "B2",
        row: 2,
        column: 2,
        message:
          'Track "Mobile" in B2 is not in the matrix: use one of Backend Engineering or Frontend Engineering.',
      },
    ]);
  });

  it("a missing track or level says whose and where", () => {
    const result = read([
      ["Ana", "", "Senior", "", "", 3],
      ["Bo", "backend", "", "", "", 3],
    ]);
    expect(result.people).toEqual([]);
    expect(result.problems.map((p) => [p.cell, p.message])).toEqual([
      ["B2", "No track for Ana in B2: type one of Backend Engineering or Frontend Engineering."],
      [
        "C3",
        "No level for Bo in C3: type one of Intermediate, Senior, Staff, Engineering Manager or Senior Engineering Manager.",
      ],
    ]);
  });

  it("a level outside the person's ladder differs from a level that does not exist", () => {
    const result = read([
      ["Ana", "frontend", "Engineering Manager", "", "", 3],
      ["Bo", "frontend", "Principal", "", "", 3],
    ]);
    expect(result.people).toEqual([]);
    expect(result.problems.map((p) => [p.severity, p.cell, p.message])).toEqual([
      [
        "error",
        "C2",
        'Level "Engineering Manager" in C2 is not on the Frontend Engineering ladder: use one of Intermediate, Senior or Staff.',
      ],
      [
        "error",
        "C3",
        'Level "Principal" in C3 is not a level of the matrix: use one of Intermediate, Senior or Staff (the Frontend Engineering ladder).',
      ],
    ]);
  });

  it("a rating off the scale or not a number is an error at its cell; the person scores on the rest", () => {
    const cells: Cell[][] = [
      [
        "Person",
        "Track",
        "Level",
        "Rater",
        "Team",
        "Code quality",
        "System design",
        "Databases",
        "Mentoring",
      ],
    ];
    // Ten good rows first, so the bad ratings land in row 12.
    for (let i = 0; i < 10; i++) cells.push([`P${i}`, "backend", "senior", "", "", null]);
    cells.push(["Ana", "backend", "senior", "", "", 7, "great", true, 2.5]);
    const result = readRatings(cells, matrix, { sheet: "Ratings" });
    expect(result.people.find((p) => p.person === "Ana")!.ratings).toEqual({});
    expect(result.people).toHaveLength(11);
    expect(result.problems.map((p) => [p.severity, p.cell, p.row, p.column, p.message])).toEqual([
      [
        "error",
        "F12",
        12,
        6,
        'Rating "7" in F12 is off the scale: use 0–4 (Not yet … Expert) or leave it blank.',
      ],
      [
        "error",
        "G12",
        12,
        7,
        'Rating "great" in G12 is not a rating: use 0–4 (Not yet … Expert), a label such as "Proficient", or leave it blank.',
      ],
      [
        "error",
        "H12",
        12,
        8,
        'Rating "TRUE" in H12 is not a rating: use 0–4 (Not yet … Expert), a label such as "Proficient", or leave it blank.',
      ],
      [
        "error",
        "I12",
        12,
        9,
        'Rating "2.5" in I12 is off the scale: use 0–4 (Not yet … Expert) or leave it blank.',
      ],
    ]);
  });

  it("a rating for a competency outside the person's track is a warning and ignored", () => {
    const result = read([["Bo", "frontend", "senior", "", "", 3, null, 2, null, null, null]]);
    expect(result.people[0].ratings).toEqual({ "code-quality": 3 });
    expect(result.problems).toEqual([
      expect.objectContaining({
        severity: "warning",
        cell: "H2",
        message:
          'Bo\'s rating in H2 is for "Databases", which is not a competency of the Frontend Engineering track: it is ignored. Clear the cell or check the track.',
      }),
    ]);
  });

  it("a row with ratings but no name is an error at the name cell", () => {
    const result = read([
      ["", "backend", "senior", "", "", 3],
      ["Bo", "backend", "senior", "", "", 3],
    ]);
    expect(result.people.map((p) => p.person)).toEqual(["Bo"]);
    expect(result.problems).toEqual([
      expect.objectContaining({
        severity: "error",
        cell: "A2",
        message: "Row 2 has ratings but no name in A2: type the person's name, or clear the row.",
      }),
    ]);
  });

  it("a person rated twice by the same source and rater scores from the first row; both rows get a problem", () => {
    const result = read([
      ["Ana Lima", "backend", "senior", "", "", 3],
      ["Bo", "backend", "senior", "", "", 2],
      ["ana  lima", "backend", "staff", "", "", 4],
    ]);
    expect(result.people.map((p) => [p.person, p.level])).toEqual([
      ["Ana Lima", "senior"],
      ["Bo", "senior"],
    ]);
    expect(result.problems).toEqual([
      expect.objectContaining({
        severity: "error",
        cell: "A2",
        message:
          "ana lima's Manager rating in row 2 is given again in row 4: only row 2 is scored. Remove row 4 or merge it into row 2.",
      }),
      expect.objectContaining({
        severity: "error",
        cell: "A4",
        message:
          "ana lima's Manager rating appears again in A4 (first in row 2): only row 2 is scored. Remove this row or merge it into row 2.",
      }),
    ]);
  });

  it("reports every problem of a row, not only the first", () => {
    const result = read([["Ana", "Mobile", "Senior", "", "", 9, "x"]]);
    expect(result.problems.map((p) => p.cell)).toEqual(["B2", "F2", "G2"]);
  });

  it("ragged rows shorter than the header read as blanks", () => {
    const result = read([["Ana", "backend", "senior"]]);
    expect(result.problems).toEqual([]);
    expect(result.people[0].ratings).toEqual({});
  });

  it("omits the sheet from problems when none is given", () => {
    const result = readRatings([], matrix);
    expect(result.problems[0].sheet).toBeUndefined();
  });
});

describe("readRatings: numbers only, as the Ratings sheet's formulas count", () => {
  it("warns about a label or a number stored as text and does not count it; numbers still count", () => {
    const result = readRatings(
      ratingsTable(competencies, [
        ["Ana Lima", "Backend Engineering", "Senior", "Kim", "Platform", 3, "2", "Advanced"],
      ]),
      matrix,
      { sheet: "Ratings", numbersOnly: true },
    );
    expect(result.people[0].ratings).toEqual({ "code-quality": 3 });
    expect(result.problems).toEqual([
      expect.objectContaining({ severity: "warning", sheet: "Ratings", cell: "G2" }),
      expect.objectContaining({ severity: "warning", sheet: "Ratings", cell: "H2" }),
    ]);
    expect(result.problems[1].message).toBe(
      `Rating "Advanced" in H2 is text, which the sheet's formulas do not count: pick 3 from the drop-down. It is not counted until then.`,
    );
  });

  it("suggests for a word that is not a rating only what the next check accepts: a number from the drop-down", () => {
    const result = readRatings(
      ratingsTable(competencies, [["Ana Lima", "Backend Engineering", "Senior", "Kim", "Platform", "abc"]]),
      matrix,
      { sheet: "Ratings", numbersOnly: true },
    );
    expect(result.problems.map((p) => p.message)).toEqual([
      'Rating "abc" in F2 is not a rating: pick 0–4 (Not yet … Expert) from the drop-down, or leave it blank.',
    ]);
    expect(result.problems[0].message).not.toMatch(/label/);
  });
});
