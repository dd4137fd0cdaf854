import { calibrate, tCritical } from "../../src/core/calibration";
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
      outliers: [],
    });
  });
});

describe("calibration: raters", () => {
  it("flags a rater whose people sit consistently above everyone else's at the same level as lenient", () => {
    const result = calibrated([
      ...baseline,
      senior("L1", "Lenny", [1, 1, 1, 1]),
      senior("L2", "Lenny", [1, 2, 1, 1]),
      senior("L3", "Lenny", [1, 0, 1, 1]),
    ]);
    const lenny = result.raters.find((r) => r.rater === "Lenny")!;
    expect(lenny).toEqual({
      rater: "Lenny",
      people: 3,
      ratings: 12,
      meanGapDifference: 1,
      flag: "lenient",
      reason:
        "Rates 1.00 points above others at the same levels (3 people, 12 ratings), t = 5.66: review these ratings together.",
    });
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
    expect(sev.meanGapDifference).toBeCloseTo(-1, 12);
    expect(sev.reason).toMatch(/^Rates 1\.00 points below others/);
  });

  it("does not flag a difference under half a scale point, however consistent", () => {
    const result = calibrated([
      ...baseline,
      senior("M1", "Mild", [1, 0, 0, 1]),
      senior("M2", "Mild", [0, 1, 0, 0]),
      senior("M3", "Mild", [0, 0, 1, 0]),
    ]);
    const mild = result.raters.find((r) => r.rater === "Mild")!;
    expect(mild.flag).toBeNull();
    expect(mild.meanGapDifference).toBeCloseTo(1 / 3, 12);
    expect(mild.reason).toBe(
      "In line with others: 0.33 points above others at the same levels (3 people, 12 ratings).",
    );
  });

  it("does not flag one person's ratings, however far apart", () => {
    const once = calibrated([...baseline, senior("O1", "Once", [1, 2, 2, 2])]).raters.find(
      (r) => r.rater === "Once",
    )!;
    expect(once.flag).toBeNull();
    expect(once.reason).toBe(
      "1.75 points above others at the same levels (1 person, 4 ratings): too little evidence to judge. A flag needs at least 10 ratings of 2 people, compared with at least 2 people of other raters at the same levels.",
    );
  });

  it("does not flag two people with fewer than 10 ratings between them", () => {
    const twice = calibrated([
      ...baseline,
      senior("T1", "Twice", [2, 2, 2, 2]),
      person(
        "T2",
        "frontend",
        "senior",
        { "code-quality": 4, "system-design": 3, mentoring: 3 },
        { rater: "Twice" },
      ),
    ]).raters.find((r) => r.rater === "Twice")!;
    expect(twice).toMatchObject({ people: 2, ratings: 7, flag: null });
    expect(twice.reason).toMatch(/too little evidence to judge/);
  });

  it("does not flag when others at the same levels are a single person", () => {
    const result = calibrated([
      senior("P1", "Sam", [0, 0, 0, 0]),
      senior("L1", "Lenny", [1, 1, 1, 1]),
      senior("L2", "Lenny", [1, 2, 1, 1]),
      senior("L3", "Lenny", [1, 0, 1, 1]),
    ]);
    expect(result.raters.find((r) => r.rater === "Lenny")!.flag).toBeNull();
  });

  it("does not flag a large mean difference when the rater's people vary too much to be sure", () => {
    const result = calibrated([
      ...baseline,
      senior("V1", "Vary", [2, 2, 2, 2]),
      senior("V2", "Vary", [-1, -1, -1, -1]),
      senior("V3", "Vary", [2, 2, 2, 2]),
    ]);
    const vary = result.raters.find((r) => r.rater === "Vary")!;
    expect(vary.meanGapDifference).toBeCloseTo(1, 12);
    expect(vary.flag).toBeNull();
    expect(vary.reason).toBe(
      "1.00 points above others at the same levels (3 people, 12 ratings), but ratings vary too much to be sure (t = 0.99, needs 4.30).",
    );
  });

  it("compares only with people at the same track and level, so a rater alone at a level has nothing to compare", () => {
    const result = calibrated([
      ...baseline,
      person("X", "backend", "staff", { "code-quality": 4 }, { rater: "Solo" }),
      person("Y", "backend", "staff", { "code-quality": 0 }, { rater: "Solo" }),
    ]);
    const solo = result.raters.find((r) => r.rater === "Solo")!;
    expect(solo).toEqual({
      rater: "Solo",
      people: 2,
      ratings: 0,
      meanGapDifference: null,
      flag: null,
      reason: "No one else rated people at the same track and level, so there is nothing to compare with.",
    });
  });

  it("does not count a rater's own people as 'others', and counts people without a rater only as others", () => {
    const noRater = baseline.map((p) => ({ ...p, rater: "" }));
    const result = calibrated([
      ...noRater,
      senior("L1", "Lenny", [1, 1, 1, 1]),
      senior("L2", "lenny ", [1, 2, 1, 1]),
      senior("L3", "LENNY", [1, 0, 1, 1]),
    ]);
    expect(result.raters.map((r) => [r.rater, r.people, r.flag])).toEqual([["Lenny", 3, "lenient"]]);
  });

  it("uses the two-sided 5% critical t, erring toward not flagging between table rows", () => {
    expect(tCritical(1)).toBe(12.706);
    expect(tCritical(3.9)).toBe(3.182);
    expect(tCritical(11)).toBe(2.228);
    expect(tCritical(0.5)).toBe(12.706);
    expect(tCritical(5000)).toBe(1.96);
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
