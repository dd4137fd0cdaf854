import { fitRaterModel, type RaterModel } from "../../src/core/rater-model";
import type { PersonRatings } from "../../src/core/types";
import { simulateRatings, type Simulation } from "./rater-simulation";

/** Planted effects of Rater 0 … Rater 7, summing to zero: four at 0.8 points or more, four at 0.2 or less. */
const PLANTED = [0.9, -0.8, 0.8, -0.9, 0.2, -0.2, -0.1, 0.1];

function simulation(seed: number, ratersPerPerson: 1 | 2): Simulation {
  return {
    seed,
    people: 80,
    competencies: 20,
    effects: PLANTED,
    tracks: ["backend", "frontend", "platform"],
    levels: ["intermediate", "senior", "staff", "principal"],
    ratersPerPerson,
    abilitySpread: 0.2,
    noise: 0.7,
  };
}

function planted(rater: string): number {
  return PLANTED[Number(/^Rater (\d+)$/.exec(rater)?.[1])];
}

/** Largest distance between an estimated effect and the planted one. */
function worstError(model: RaterModel): number {
  return Math.max(...model.raters.map((r) => Math.abs((r.effect ?? Infinity) - planted(r.rater))));
}

function flagsExactlyThePlanted(model: RaterModel): boolean {
  return model.raters.every((r) => {
    const expected = Math.abs(planted(r.rater)) >= 0.5;
    return (
      (r.flag !== null) === expected &&
      (!expected || r.flag === (planted(r.rater) > 0 ? "lenient" : "severe"))
    );
  });
}

describe("rater model: planted effects of 8 raters, 20 competencies, noise 0.7", () => {
  it("recovers every effect within 0.25 points when each of 80 people has one rater", () => {
    const model = fitRaterModel(simulateRatings(simulation(1, 1)));
    expect(model.raters).toHaveLength(8);
    for (const r of model.raters)
      expect(Math.abs((r.effect as number) - planted(r.rater))).toBeLessThan(0.25);
    expect(model.abilitySpread).toBeCloseTo(0.2, 1);
    expect(model.noise).toBeGreaterThan(0.7);
    expect(model.noise).toBeLessThan(0.85);
  });

  it("flags exactly the raters planted at 0.5 points or more, on the side they lean, when each has one rater", () => {
    const model = fitRaterModel(simulateRatings(simulation(1, 1)));
    expect(
      model.raters
        .filter((r) => r.flag !== null)
        .map((r) => [r.rater, r.flag])
        .sort(),
    ).toEqual([
      ["Rater 0", "lenient"],
      ["Rater 1", "severe"],
      ["Rater 2", "lenient"],
      ["Rater 3", "severe"],
    ]);
  });

  it("recovers every effect within 0.15 points and flags the same raters when each person also has a second rater", () => {
    const model = fitRaterModel(simulateRatings(simulation(1, 2)));
    expect(worstError(model)).toBeLessThan(0.15);
    expect(flagsExactlyThePlanted(model)).toBe(true);
    // A second rater on the same person is direct evidence: the standard errors shrink.
    const single = fitRaterModel(simulateRatings(simulation(1, 1)));
    const se = (m: RaterModel) => Math.max(...m.raters.map((r) => r.standardError as number));
    expect(se(model)).toBeLessThan(se(single) / 1.5);
  });

  it("is no lucky seed: over 20 teams every flag is right, and the effects are within tolerance in at least 18", () => {
    for (const [raters, tolerance] of [
      [1, 0.25],
      [2, 0.15],
    ] as const) {
      let within = 0;
      for (let seed = 1; seed <= 20; seed++) {
        const model = fitRaterModel(simulateRatings(simulation(seed, raters)));
        expect(flagsExactlyThePlanted(model)).toBe(true);
        if (worstError(model) < tolerance) within++;
      }
      expect(within).toBeGreaterThanOrEqual(18);
    }
  });

  it("says a rater whose people share no track and level with anyone else's cannot be estimated", () => {
    const team = simulateRatings(simulation(1, 1));
    const isolated: PersonRatings[] = ["Ida", "Ivo", "Ines"].map((name, i) => ({
      person: name,
      track: "security",
      level: "staff",
      rater: "Isa",
      team: "Security",
      row: 100 + i,
      ratings: { c0: 4, c1: 4, c2: 3 },
    }));
    const model = fitRaterModel([...team, ...isolated]);
    const isa = model.raters.find((r) => r.rater === "Isa");
    expect(isa).toEqual({
      rater: "Isa",
      people: 3,
      ratings: 9,
      effect: null,
      standardError: null,
      pValue: null,
      flag: null,
      reason:
        "Cannot be estimated: no one else rated people at the same track and level, so there is nothing to compare with.",
    });
    // The others are unaffected: Isa's people only tell about the security track.
    const without = fitRaterModel(team);
    for (const r of without.raters)
      expect(model.raters.find((x) => x.rater === r.rater)?.effect).toBeCloseTo(r.effect as number, 6);
  });
});

describe("rater model: what it reports", () => {
  /** Two raters at one level, four people each; Lena's people rated one point above Sven's on every competency. */
  function pair(lift: number): PersonRatings[] {
    const people: PersonRatings[] = [];
    const base = [
      [2, 3, 2],
      [3, 3, 2],
      [2, 2, 3],
      [3, 2, 2],
    ];
    for (const [rater, offset] of [
      ["Lena", lift],
      ["Sven", 0],
    ] as const) {
      base.forEach((r, i) =>
        people.push({
          person: `${rater} ${i}`,
          track: "backend",
          level: "senior",
          rater,
          team: "",
          row: people.length + 2,
          ratings: { a: r[0] + offset, b: r[1] + offset, c: r[2] + offset },
        }),
      );
    }
    return people;
  }

  it("puts two raters symmetrically around their mean, in scale points, with the evidence behind each", () => {
    const model = fitRaterModel(pair(1));
    const [lena, sven] = model.raters;
    expect(lena.effect).toBeCloseTo(0.5, 9);
    expect(sven.effect).toBeCloseTo(-0.5, 9);
    expect(lena.standardError).toBeCloseTo(sven.standardError as number, 9);
    expect([lena.people, lena.ratings]).toEqual([4, 12]);
    expect(lena.flag).toBe("lenient");
    expect(sven.flag).toBe("severe");
    expect(lena.reason).toMatch(
      /^Rates 0\.50 points above the mean of 2 raters compared \(give or take 0\.\d\d, 4 people, 12 ratings\), (about|less than) 1 in [\d,]+ that chance alone explains it \(p [<=] 0\.\d+\): review/,
    );
  });

  it("does not flag an effect under 0.5 points, however certain", () => {
    const model = fitRaterModel(pair(0.8));
    expect(model.raters.map((r) => [r.effect?.toFixed(2), r.flag])).toEqual([
      ["0.40", null],
      ["-0.40", null],
    ]);
    expect(model.raters[0].reason).toMatch(
      /^In line with others: 0\.40 points above the mean of 2 raters compared/,
    );
  });

  it("does not flag a large effect that noise could explain", () => {
    // One person each: the difference between two people is as likely ability as rating.
    const model = fitRaterModel(pair(1).filter((p) => p.person.endsWith(" 0")));
    expect(model.raters.every((r) => r.flag === null)).toBe(true);
  });

  it("matches raters and people by name whatever the case and spacing, and fits people without a rater", () => {
    const team = pair(1).map((p, i) => ({ ...p, rater: i === 0 ? " lena " : p.rater }));
    team.push({ ...team[1], person: "No one's", rater: "" });
    const model = fitRaterModel(team);
    expect(model.raters.map((r) => r.rater)).toEqual(["lena", "Sven"]);
    expect(model.raters[0].people).toBe(4);
  });

  it("fits nothing without ratings and still lists the raters", () => {
    const model = fitRaterModel([
      { person: "A", track: "backend", level: "senior", rater: "R", team: "", row: 2, ratings: {} },
    ]);
    expect(model.raters).toEqual([
      expect.objectContaining({
        rater: "R",
        people: 0,
        ratings: 0,
        effect: null,
        flag: null,
        reason: "Cannot be estimated: no ratings from this rater yet.",
      }),
    ]);
    expect(fitRaterModel([]).raters).toEqual([]);
  });
});
