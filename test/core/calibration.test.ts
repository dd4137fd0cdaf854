import { calibrate } from "../../src/core/calibration";
import { adjustRatings, nearestPoint } from "../../src/core/rater-adjusted";
import type { PersonRatings } from "../../src/core/types";
import { scoreTeam } from "../../src/core/readiness";
import { person, tinyMatrix } from "./fixtures";

const matrix = tinyMatrix();

/**
 * A Senior Frontend Engineer rated at the given gaps from the Senior expectations (code quality 3, system design 2,
 * mentoring 2, collaboration 2); the mean of the gaps is the person's mean gap.
 */
function senior(name: string, rater: string, gaps: [number, number, number, number]): PersonRatings {
  const [cq, sd, m, c] = gaps;
  return person(
    name,
    "frontend",
    "senior",
    { "code-quality": 3 + cq, "system-design": 2 + sd, mentoring: 2 + m, collaboration: 2 + c },
    { rater },
  );
}

function calibrated(people: PersonRatings[]) {
  return calibrate(matrix, scoreTeam(matrix, people));
}

/** Others' people average a mean gap of 0, spread ±0.25. */
const baseline = [
  senior("P1", "Sam", [0, 0, 0, 0]),
  senior("P2", "Sam", [1, 0, 0, 0]),
  senior("P3", "Ola", [0, -1, 0, 0]),
  senior("P4", "Ola", [0, 0, 0, 0]),
];

describe("calibration: statuses by level", () => {
  it("counts people by their status at their current level, per track and level in matrix order", () => {
    const result = calibrated([
      person("A", "frontend", "staff", {
        "code-quality": 4,
        "system-design": 3,
        mentoring: 3,
        collaboration: 3,
      }),
      senior("B", "", [0, 0, 0, 0]),
      senior("C", "", [0, -1, 0, 0]),
      senior("D", "", [-1, -1, -1, -1]),
      person("E", "frontend", "senior", { mentoring: 2 }),
      person("F", "backend", "senior", { "code-quality": 3, "system-design": 2, databases: 3 }),
    ]);
    expect(result.byLevel).toEqual([
      { track: "backend", level: "senior", counts: { ready: 1, almost: 0, "not-yet": 0, insufficient: 0 } },
      { track: "frontend", level: "senior", counts: { ready: 1, almost: 1, "not-yet": 1, insufficient: 1 } },
      { track: "frontend", level: "staff", counts: { ready: 1, almost: 0, "not-yet": 0, insufficient: 0 } },
    ]);
    expect(result.totals).toEqual({ ready: 3, almost: 1, "not-yet": 1, insufficient: 1 });
  });

  it("is empty for nobody", () => {
    expect(calibrated([])).toEqual({
      byLevel: [],
      totals: { ready: 0, almost: 0, "not-yet": 0, insufficient: 0 },
      raters: [],
      raterModel: { abilitySpread: 0, noise: 0 },
      adjusted: [],
      outliers: [],
    });
  });
});

const lenny = [
  senior("L1", "Lenny", [1, 1, 1, 1]),
  senior("L2", "Lenny", [1, 2, 1, 1]),
  senior("L3", "Lenny", [1, 0, 1, 1]),
];

describe("calibration: raters, by the rater model", () => {
  it("flags a rater whose people sit consistently above everyone else's at the same level as lenient", () => {
    const result = calibrated([...baseline, ...lenny]);
    expect(result.raters.map((r) => [r.rater, r.effect?.toFixed(2), r.flag])).toEqual([
      ["Sam", "-0.21", null],
      ["Ola", "-0.46", null],
      ["Lenny", "0.67", "lenient"],
    ]);
    const flagged = result.raters[2];
    expect(flagged).toMatchObject({ people: 3, ratings: 12 });
    expect(flagged.standardError).toBeGreaterThan(0.05);
    expect(flagged.standardError).toBeLessThan(0.2);
    expect(flagged.reason).toMatch(
      /^Rates 0\.67 points above the mean of 3 raters compared \(give or take 0\.\d\d, 3 people, 12 ratings\), about 1 in \d+ that chance alone explains it \(p = 0\.0\d\d?\): review these ratings together\.$/,
    );
  });

  it("flags a rater consistently below everyone else as severe", () => {
    const result = calibrated([
      ...baseline,
      senior("S1", "Sev", [-1, -1, -1, -1]),
      senior("S2", "Sev", [-1, -1, -2, -1]),
      senior("S3", "Sev", [-1, -1, -1, 0]),
    ]);
    const sev = result.raters.find((r) => r.rater === "Sev")!;
    expect(sev.flag).toBe("severe");
    expect(sev.effect).toBeCloseTo(-2 / 3, 9);
    expect(sev.reason).toMatch(/^Rates 0\.67 points below the mean of 3 raters compared/);
  });

  it("does not flag a difference under half a scale point", () => {
    const result = calibrated([
      ...baseline,
      senior("M1", "Mild", [1, 0, 0, 1]),
      senior("M2", "Mild", [0, 1, 0, 0]),
      senior("M3", "Mild", [0, 0, 1, 0]),
    ]);
    const mild = result.raters.find((r) => r.rater === "Mild")!;
    expect(mild.flag).toBeNull();
    expect(mild.reason).toMatch(/^In line with others: 0\.22 points above the mean of 3 raters compared/);
    expect(result.adjusted).toEqual([]);
  });

  it("does not flag one person's ratings, however far apart, nor let them move everyone else's reference", () => {
    const result = calibrated([...baseline, senior("O1", "Once", [1, 2, 2, 2])]);
    expect(result.raters.map((r) => [r.rater, r.effect?.toFixed(3), r.flag])).toEqual([
      ["Sam", "0.125", null],
      ["Ola", "-0.125", null],
      ["Once", "1.750", null],
    ]);
    expect(result.raters[2].reason).toMatch(/, but on 1 person: a flag needs at least 2 people\.$/);
  });

  it("does not flag a large difference when the rater's people vary too much to be sure", () => {
    const result = calibrated([
      ...baseline,
      senior("V1", "Vary", [2, 2, 2, 2]),
      senior("V2", "Vary", [-1, -1, -1, -1]),
      senior("V3", "Vary", [2, 2, 2, 2]),
    ]);
    const vary = result.raters.find((r) => r.rater === "Vary")!;
    expect(vary.effect).toBeCloseTo(2 / 3, 6);
    expect(vary.flag).toBeNull();
    expect(vary.reason).toMatch(
      /, but ratings vary too much to be sure: (about 1 in \d+ that chance alone explains it|chance alone could well explain it) \(p = 0\.\d\d\)\.$/,
    );
  });

  it("says a rater alone at their track and level cannot be estimated", () => {
    const result = calibrated([
      ...baseline,
      person("X", "backend", "staff", { "code-quality": 4 }, { rater: "Solo" }),
      person("Y", "backend", "staff", { "code-quality": 0 }, { rater: "Solo" }),
    ]);
    expect(result.raters.find((r) => r.rater === "Solo")).toEqual({
      rater: "Solo",
      people: 2,
      ratings: 2,
      effect: null,
      standardError: null,
      pValue: null,
      flag: null,
      reason:
        "Cannot be estimated: no one else rated people at the same track and level, so there is nothing to compare with.",
    });
  });

  it("matches a rater's name whatever the case and spacing, and compares with people who have no rater", () => {
    const noRater = baseline.map((p) => ({ ...p, rater: "" }));
    const result = calibrated([
      ...noRater,
      senior("L1", "Lenny", [1, 1, 1, 1]),
      senior("L2", "lenny ", [1, 2, 1, 1]),
      senior("L3", "LENNY", [1, 0, 1, 1]),
    ]);
    expect(result.raters.map((r) => [r.rater, r.people, r.flag])).toEqual([["Lenny", 3, "lenient"]]);
  });

  it("uses second ratings of the same people as direct evidence", () => {
    // Only Lenny rates at this level, so alone he cannot be compared; Sam's second ratings of his people can.
    const second = lenny.map((p) => ({
      ...p,
      rater: "Sam",
      ratings: Object.fromEntries(Object.entries(p.ratings).map(([c, v]) => [c, (v as number) - 1])),
    }));
    const alone = calibrated(lenny).raters[0];
    expect(alone.effect).toBeNull();
    const result = calibrate(matrix, scoreTeam(matrix, lenny), { otherRatings: second });
    expect(result.raters.map((r) => [r.rater, r.effect?.toFixed(2), r.flag])).toEqual([
      ["Lenny", "0.50", "lenient"],
      ["Sam", "-0.50", "severe"],
    ]);
  });
});

describe("calibration: rater-adjusted readiness", () => {
  it("shows beside the raw readiness what it would be if a flagged rater rated like the mean rater", () => {
    const scored = scoreTeam(matrix, [...baseline, ...lenny]);
    const result = calibrate(matrix, scored);
    expect(result.adjusted.map((a) => a.person)).toEqual(["L1", "L2", "L3"]);
    // L3: 4, 2, 3, 3 against 3, 2, 2, 2; one point down: 3, 1, 2, 2 misses system design.
    const l3 = result.adjusted[2];
    expect(l3).toEqual({
      person: "L3",
      rater: "Lenny",
      effect: expect.closeTo(2 / 3, 9),
      statusChanged: true,
      current: {
        level: "senior",
        raw: { readiness: 1, status: "ready" },
        adjusted: { readiness: expect.closeTo(2 / 3, 9), status: "almost" },
      },
      next: {
        level: "staff",
        raw: { readiness: expect.closeTo(2 / 3, 9), status: "almost" },
        adjusted: { readiness: 0, status: "not-yet" },
      },
    });
    // The ratings themselves are untouched.
    expect(scored[6].current?.status).toBe("ready");
    expect(scored[6].person.ratings["code-quality"]).toBe(4);
  });

  it("keeps a rating on a tie and within the scale", () => {
    expect(nearestPoint(matrix.scale, 2.5, 3)).toBe(3);
    expect(nearestPoint(matrix.scale, 3.4, 4)).toBe(3);
    expect(nearestPoint(matrix.scale, 4.6, 4)).toBe(4);
    expect(nearestPoint(matrix.scale, -0.7, 0)).toBe(0);
    expect(adjustRatings(matrix, lenny[0], -0.8).ratings).toEqual({
      "code-quality": 4,
      "system-design": 4,
      mentoring: 4,
      collaboration: 4,
    });
  });
});

describe("calibration: people apart from their rater's pattern", () => {
  it("names a person rated a point or more away from the rater's other people with a status most of them lack", () => {
    const result = calibrated([
      senior("K1", "Kim", [0, 0, 0, 0]),
      senior("K2", "Kim", [0, 0, 0, 0]),
      senior("K3", "Kim", [1, 0, 0, 0]),
      senior("Low", "Kim", [-2, -1, -1, -1]),
    ]);
    expect(result.outliers).toEqual([
      {
        person: "Low",
        rater: "Kim",
        reason:
          "Rated 1.33 points below Kim's other people (mean gap −1.25 against 0.08) and Not yet at their level, while most of them are Ready.",
      },
    ]);
  });

  it("leaves alone a person far from the others whose status matches theirs", () => {
    const result = calibrated([
      senior("K1", "Kim", [0, 0, 0, 0]),
      senior("K2", "Kim", [0, 0, 0, 0]),
      senior("High", "Kim", [1, 2, 1, 1]),
    ]);
    expect(result.outliers).toEqual([]);
  });

  it("needs at least two other people of the rater and a majority status among them", () => {
    expect(
      calibrated([senior("K1", "Kim", [0, 0, 0, 0]), senior("Low", "Kim", [-2, -2, -2, -2])]).outliers,
    ).toEqual([]);
    const split = calibrated([
      senior("K1", "Kim", [0, 0, 0, 0]),
      senior("K2", "Kim", [0, -1, 0, 0]),
      senior("Low", "Kim", [-2, -2, -2, -2]),
    ]);
    expect(split.outliers).toEqual([]);
  });
});
