import {
  areaHeatmap,
  competencyHeatmap,
  readinessHeatmap,
  teamAreaHeatmap,
  teamHeatmap,
} from "../../src/core/heatmaps";
import { scoreTeam } from "../../src/core/readiness";
import { person, tinyMatrix } from "./fixtures";

const matrix = tinyMatrix();
const team = [
  // Senior expects code quality 3, system design 2, databases 3, mentoring 2, collaboration 2.
  person(
    "Ana",
    "backend",
    "senior",
    { "code-quality": 3, "system-design": 1, databases: 3, mentoring: 1, collaboration: 2 },
    { team: "Platform" },
  ),
  // Frontend Staff expects code quality 4, system design 3, mentoring 3, collaboration 3; no level above.
  person(
    "Bo",
    "frontend",
    "staff",
    { "code-quality": 4, "system-design": 3, mentoring: 3, collaboration: 2 },
    { team: "Web" },
  ),
  // Engineering Manager expects system design 2, mentoring 3, hiring 3, collaboration 3.
  person(
    "Cy",
    "backend",
    "manager",
    { "system-design": 3, mentoring: 2, hiring: 4, collaboration: 3 },
    { team: "Platform" },
  ),
];
const scored = scoreTeam(matrix, team);
const competencyColumns = [
  { key: "code-quality", label: "Code quality", group: "Technical" },
  { key: "system-design", label: "System design", group: "Technical" },
  { key: "databases", label: "Databases", group: "Technical" },
  { key: "mentoring", label: "Mentoring", group: "Leadership" },
  { key: "hiring", label: "Hiring", group: "Leadership" },
  { key: "collaboration", label: "Collaboration", group: "Values alignment" },
];
const rows = [
  { key: "Ana", label: "Ana" },
  { key: "Bo", label: "Bo" },
  { key: "Cy", label: "Cy" },
];

describe("readiness heatmap (people x levels)", () => {
  it("has a column per level of the people's ladders, IC then management by rank, and null off a ladder", () => {
    const heatmap = readinessHeatmap(matrix, scored);
    expect(heatmap.title).toBe("Readiness by level");
    expect(heatmap.rows).toEqual(rows);
    expect(heatmap.columns).toEqual([
      { key: "intermediate", label: "Intermediate", group: "Individual contributor" },
      { key: "senior", label: "Senior", group: "Individual contributor" },
      { key: "staff", label: "Staff", group: "Individual contributor" },
      { key: "manager", label: "Engineering Manager", group: "Management" },
      { key: "senior-manager", label: "Senior Engineering Manager", group: "Management" },
    ]);
    expect(heatmap.values[0][1]).toBeCloseTo(5 / 8, 12);
    expect(heatmap.values[1].slice(3)).toEqual([null, null]);
    expect(heatmap.values.map((row) => row.length)).toEqual([5, 5, 5]);
    scored.forEach((s, r) =>
      s.levels.forEach((l) => {
        const column = heatmap.columns.findIndex((c) => c.key === l.level);
        expect(heatmap.values[r][column]).toBe(l.readiness);
      }),
    );
  });

  it("shows only the levels of the tracks present", () => {
    const frontendOnly = readinessHeatmap(matrix, scored.slice(1, 2));
    expect(frontendOnly.columns.map((c) => c.key)).toEqual(["intermediate", "senior", "staff"]);
  });

  it("is empty for nobody", () => {
    expect(readinessHeatmap(matrix, [])).toEqual({
      title: "Readiness by level",
      rows: [],
      columns: [],
      values: [],
    });
  });
});

describe("competency heatmap (people x competencies)", () => {
  it("shows rating − expectation at the current level, grouped by area; null where not assessed or not expected", () => {
    const heatmap = competencyHeatmap(matrix, scored, "current");
    expect(heatmap.title).toBe("Gap against current level");
    expect(heatmap.rows).toEqual(rows);
    expect(heatmap.columns).toEqual(competencyColumns);
    expect(heatmap.values).toEqual([
      [0, -1, 0, -1, null, 0],
      [0, 0, null, 0, null, -1],
      [null, 1, null, -1, 1, 0],
    ]);
  });

  it("shows the gap against the next level, all null for someone at the top of their path", () => {
    const heatmap = competencyHeatmap(matrix, scored, "next");
    expect(heatmap.title).toBe("Gap against next level");
    expect(heatmap.values).toEqual([
      [-1, -2, 0, -2, null, -1],
      [null, null, null, null, null, null],
      [null, 0, null, -2, 0, 0],
    ]);
  });
});

describe("team heatmap (teams x competencies)", () => {
  it("averages the gaps of the team's assessed members, teams in order of first appearance", () => {
    const heatmap = teamHeatmap(matrix, scored);
    expect(heatmap.rows).toEqual([
      { key: "Platform", label: "Platform" },
      { key: "Web", label: "Web" },
    ]);
    expect(heatmap.columns).toEqual(competencyColumns);
    expect(heatmap.values).toEqual([
      [0, 0, 0, -1, 1, 0],
      [0, 0, null, 0, null, -1],
    ]);
  });

  it("puts people without a team in one row labelled No team", () => {
    const loner = scoreTeam(matrix, [person("Di", "frontend", "senior", { "code-quality": 2 })]);
    const heatmap = teamHeatmap(matrix, [...scored, ...loner]);
    expect(heatmap.rows[2]).toEqual({ key: "", label: "No team" });
    expect(heatmap.values[2][0]).toBe(-1);
  });
});

describe("heatmaps rolled up by area", () => {
  it("people x areas: mean gap over the person's assessed competencies in each area", () => {
    const heatmap = areaHeatmap(matrix, scored, "current");
    expect(heatmap.title).toBe("Mean gap by area against current level");
    expect(heatmap.columns).toEqual([
      { key: "technical", label: "Technical" },
      { key: "leadership", label: "Leadership" },
      { key: "values", label: "Values alignment" },
    ]);
    expect(heatmap.values[0][0]).toBeCloseTo(-1 / 3, 12);
    expect(heatmap.values.map((row) => row.slice(1))).toEqual([
      [-1, 0],
      [0, -1],
      [0, 0],
    ]);
    expect(heatmap.values[1][0]).toBe(0);
    expect(heatmap.values[2][0]).toBe(1);
  });

  it("teams x areas: each assessed rating of the team counts once", () => {
    const heatmap = teamAreaHeatmap(matrix, scored);
    // Platform technical: Ana 0, −1, 0 and Cy +1; leadership: Ana −1, Cy −1 and +1.
    expect(heatmap.values[0][0]).toBe(0);
    expect(heatmap.values[0][1]).toBeCloseTo(-1 / 3, 12);
    expect(heatmap.values[0][2]).toBe(0);
    expect(heatmap.values[1]).toEqual([0, 0, -1]);
  });

  it("against the next level, leaves a person with no next level empty", () => {
    expect(areaHeatmap(matrix, scored, "next").values[1]).toEqual([null, null, null]);
  });
});
