/** Sources of a rating in the core: which row readiness counts under each rule, and self − manager. */
import { agreementTable, disagreements, ratingsByRule } from "../../src/core/rating-sources";
import { readRatings } from "../../src/core/ratings";
import type { Cell, PersonRatings } from "../../src/core/types";
import { tinyMatrix } from "./fixtures";

const matrix = tinyMatrix();
const HEADER = [
  "Person",
  "Track",
  "Level",
  "Rater",
  "Team",
  "Source",
  "Code quality",
  "System design",
  "Mentoring",
];

function read(rows: Cell[][], rule?: "manager" | "manager-and-peers") {
  return readRatings([HEADER, ...rows], matrix, { sheet: "Ratings", ...(rule ? { rule } : {}) });
}

const row = (source: PersonRatings["source"], ratings: PersonRatings["ratings"], r = 2): PersonRatings => ({
  person: "Ana",
  track: "backend",
  level: "senior",
  rater: "",
  team: "",
  row: r,
  source,
  ratings,
});

describe("reading the Source column", () => {
  it("takes Self, Manager and Peer in any case and spacing, and a blank as Manager", () => {
    const result = read([
      ["Ana", "Backend", "Senior", "Ana", "", " SELF ", 4, 4, 4],
      ["Ana", "Backend", "Senior", "Kim", "", "", 3, 2, 4],
      ["Ana", "Backend", "Senior", "Bo", "", "peer", 1, 1, null],
      ["Bo", "Backend", "Senior", "Bo", "", "Self", 2, 2, 2],
    ]);
    expect(result.problems).toEqual([]);
    expect(result.rows.map((r) => [r.person, r.source, r.row])).toEqual([
      ["Ana", "self", 2],
      ["Ana", "manager", 3],
      ["Ana", "peer", 4],
      ["Bo", "self", 5],
    ]);
    // Readiness counts the manager's row; Bo has none yet.
    expect(result.rule).toBe("manager");
    expect(result.people.map((p) => [p.person, p.row, p.ratings])).toEqual([
      ["Ana", 3, { "code-quality": 3, "system-design": 2, mentoring: 4 }],
    ]);
    expect(result.awaiting.map((p) => [p.person, p.row])).toEqual([["Bo", 5]]);
  });

  it("under the mean rule counts per competency the mean of the manager's and the peers' ratings", () => {
    const result = read(
      [
        ["Ana", "Backend", "Senior", "Ana", "", "Self", 4, 4, 4],
        ["Ana", "Backend", "Senior", "Kim", "", "Manager", 3, 2, 4],
        ["Ana", "Backend", "Senior", "Bo", "", "Peer", 1, 1, null],
        ["Ana", "Backend", "Senior", "Cy", "", "Peer", 2, null, null],
        ["Bo", "Backend", "Senior", "Cy", "", "Peer", 2, 2, 2],
      ],
      "manager-and-peers",
    );
    expect(result.people.map((p) => [p.person, p.row, p.ratings])).toEqual([
      ["Ana", 3, { "code-quality": 2, "system-design": 1.5, mentoring: 4 }],
    ]);
    // A peer alone does not make a readiness.
    expect(result.awaiting.map((p) => p.person)).toEqual(["Bo"]);
  });

  it("takes the rule from the framework when the caller names none", () => {
    const mean = { ...matrix, scoring: { ...matrix.scoring, ratingRule: "manager-and-peers" as const } };
    const result = readRatings(
      [
        HEADER,
        ["Ana", "Backend", "Senior", "Kim", "", "", 3, 2, 4],
        ["Ana", "Backend", "Senior", "Bo", "", "Peer", 1, 4, 4],
      ],
      mean,
    );
    expect(result.rule).toBe("manager-and-peers");
    expect(result.people[0].ratings).toEqual({ "code-quality": 2, "system-design": 3, mentoring: 4 });
  });

  it("lets a person have peer rows from two raters, but not the same rater twice", () => {
    const result = read([
      ["Ana", "Backend", "Senior", "Kim", "", "Peer", 3, 2, 4],
      ["Ana", "Backend", "Senior", "Bo", "", "Peer", 3, 2, 4],
      ["Ana", "Backend", "Senior", "bo", "", "peer", 3, 2, 4],
    ]);
    expect(result.problems.map((p) => [p.cell, p.severity])).toEqual([
      ["A3", "error"],
      ["A4", "error"],
    ]);
    expect(result.rows.map((r) => r.row)).toEqual([2, 3]);
  });
});

describe("rules and agreement", () => {
  it("gives no readiness ratings to a person without a manager's row, under either rule", () => {
    expect(ratingsByRule([row("self", { "code-quality": 3 })], "manager")).toBeUndefined();
    expect(ratingsByRule([row("peer", { "code-quality": 3 })], "manager-and-peers")).toBeUndefined();
  });

  it("ranks disagreements by size either way, keeping competency order for ties", () => {
    const self = row("self", { "code-quality": 4, "system-design": 1, mentoring: 3 });
    const manager = row("manager", { "code-quality": 2, "system-design": 3, mentoring: 3, hiring: 2 });
    expect(
      disagreements(self, manager, ["code-quality", "system-design", "mentoring", "hiring"]).map((d) => [
        d.competency,
        d.difference,
      ]),
    ).toEqual([
      ["code-quality", 2],
      ["system-design", -2],
      ["mentoring", 0],
    ]);
  });

  it("names the largest gap as the sheet's formula does: +d over −d, then the first competency", () => {
    const manager = row("manager", { "code-quality": 3, "system-design": 3, mentoring: 1 }, 2);
    const self = row("self", { "code-quality": 1, "system-design": 3, mentoring: 3 }, 3);
    const [entry] = agreementTable(
      [manager],
      [manager, self],
      ["code-quality", "system-design", "mentoring"],
      () => true,
    );
    expect(entry.largest).toEqual({ competency: "mentoring", difference: 2 });
    expect(entry.farApart).toBe(2);
    const same = row("self", { "code-quality": 3 }, 3);
    const [agreed] = agreementTable([manager], [same], ["code-quality"], () => true);
    expect(agreed.largest).toBeUndefined();
    expect(agreed.differences).toEqual({ "code-quality": 0 });
  });
});
