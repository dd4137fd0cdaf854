import { readRatings } from "../../src/core/ratings";
import { ratingsSheetSpec } from "../../src/sheets/ratings-sheet";
import { tinyMatrix } from "./fixtures";
import { edit, valuesOf } from "./values";

const team = [
  { person: "Ana Lima", track: "backend", level: "senior", rater: "Kim", team: "Payments" },
  { person: "Bo Chen", track: "Frontend", level: "Intermediate", rater: "Kim", team: "Web" },
];

describe("ratings sheet", () => {
  const matrix = tinyMatrix();

  it("has one header row: the person fields, then one column per competency of the tracks, grouped by area", () => {
    const { spec } = ratingsSheetSpec(matrix, null, []);
    expect(spec).toMatchObject({
      key: "ratings",
      kind: "ratings",
      name: "Ratings",
      freeze: { rows: 1, columns: 1 },
    });
    expect(spec.cells).toEqual([
      [
        "Person",
        "Track",
        "Level",
        "Rater",
        "Team",
        "Source",
        "Code quality",
        "System design",
        "Accessibility",
        "Mentoring",
        "People management",
      ],
    ]);
  });

  it("adds the given people with track and level names from the drop-downs", () => {
    const { spec, added } = ratingsSheetSpec(matrix, null, team);
    expect(added).toEqual(["Ana Lima", "Bo Chen"]);
    expect(spec.cells.slice(1)).toEqual([
      ["Ana Lima", "Backend", "Senior", "Kim", "Payments"],
      ["Bo Chen", "Frontend", "Intermediate", "Kim", "Web"],
    ]);
  });

  it("offers drop-downs for track, level and the scale over the rating area, with room for more people", () => {
    const { spec } = ratingsSheetSpec(matrix, null, team);
    expect(spec.validations).toEqual([
      { range: "B2:B203", list: ["Backend", "Frontend"], error: "Pick a track from the list." },
      {
        range: "C2:C203",
        list: ["Intermediate", "Senior", "Staff", "Manager"],
        error: "Pick a level from the list.",
      },
      {
        range: "F2:F203",
        list: ["Self", "Manager", "Peer"],
        error: "A source is Self, Manager, Peer, or blank for Manager.",
      },
      expect.objectContaining({ range: "G2:K203", list: ["0", "1", "2", "3", "4"] }),
    ]);
  });

  it("is read by the core as written", () => {
    const { spec } = ratingsSheetSpec(matrix, null, team);
    const read = readRatings(edit(valuesOf(spec), "G2", 3), matrix, { sheet: "Ratings" });
    expect(read.problems).toEqual([]);
    expect(read.people.map((p) => [p.person, p.track, p.level, p.ratings])).toEqual([
      ["Ana Lima", "backend", "senior", { "code-quality": 3 }],
      ["Bo Chen", "frontend", "intermediate", {}],
    ]);
  });

  it("keeps every rating typed when run again, and does not add a person twice", () => {
    const first = ratingsSheetSpec(matrix, null, team).spec;
    let typed = edit(valuesOf(first), "G2", 3);
    typed = edit(typed, "J3", 1);
    const again = ratingsSheetSpec(matrix, typed, [
      ...team,
      { person: "ana lima", track: "backend", level: "staff" },
    ]);
    expect(again.spec.cells).toEqual(typed);
    expect(again.added).toEqual([]);
    expect(again.skipped.map((s) => s.person)).toEqual(["Ana Lima", "Bo Chen", "ana lima"]);
    expect(again.skipped[2].reason).toBe("ana lima is already on the Ratings sheet.");
  });

  it("adds columns for new competencies and moves columns it does not know to the end, untouched", () => {
    const backendOnly = { ...matrix, tracks: [matrix.tracks[0]] };
    let typed = valuesOf(ratingsSheetSpec(backendOnly, null, team.slice(0, 1)).spec);
    typed = edit(typed, "G2", 3);
    typed = edit(typed, "K1", "Notes");
    typed = edit(typed, "K2", "Strong reviewer");
    const { spec } = ratingsSheetSpec(matrix, typed, team);
    expect(spec.cells[0]).toEqual([
      "Person",
      "Track",
      "Level",
      "Rater",
      "Team",
      "Source",
      "Code quality",
      "System design",
      "Mentoring",
      "People management",
      "Accessibility",
      "Notes",
    ]);
    expect(spec.cells[1]).toEqual([
      "Ana Lima",
      "Backend",
      "Senior",
      "Kim",
      "Payments",
      null,
      3,
      null,
      null,
      null,
      null,
      "Strong reviewer",
    ]);
    expect(spec.cells[2]).toEqual(["Bo Chen", "Frontend", "Intermediate", "Kim", "Web"]);
  });

  it("reads person fields in any order and case, and puts them back in the standard order", () => {
    const typed = [
      ["team", "PERSON", "Code quality", "track", "level"],
      ["Web", "Cy", 2, "Frontend", "Senior"],
    ];
    const { spec } = ratingsSheetSpec(matrix, typed, []);
    expect(spec.cells[1]).toEqual(["Cy", "Frontend", "Senior", null, "Web", null, 2]);
  });

  it("adds a self or peer row for someone already rated by their manager, but not a second manager row", () => {
    const first = valuesOf(ratingsSheetSpec(matrix, null, team).spec);
    const again = ratingsSheetSpec(matrix, first, [
      { ...team[0], source: "self", rater: "Ana Lima" },
      { ...team[0], source: "manager" },
      { ...team[1], source: "self", rater: "Bo Chen" },
      { ...team[1], source: "self", rater: "Bo Chen" },
    ]);
    expect(again.added).toEqual(["Ana Lima", "Bo Chen"]);
    expect(again.spec.cells.slice(3)).toEqual([
      ["Ana Lima", "Backend", "Senior", "Ana Lima", "Payments", "Self"],
      ["Bo Chen", "Frontend", "Intermediate", "Bo Chen", "Web", "Self"],
    ]);
    expect(again.skipped.map((s) => s.reason)).toEqual([
      "Ana Lima is already on the Ratings sheet.",
      "Bo Chen already has a Self row on the Ratings sheet.",
    ]);
  });

  it("keeps a column of ratings for a competency no longer in the matrix", () => {
    const typed = [
      ["Person", "Track", "Level", "Rater", "Team", "Retired skill"],
      ["Cy", "Frontend", "Senior", null, null, 4],
    ];
    const { spec } = ratingsSheetSpec(matrix, typed, []);
    expect(spec.cells[0].at(-1)).toBe("Retired skill");
    expect(spec.cells[1].at(-1)).toBe(4);
  });
});
