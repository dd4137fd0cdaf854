import { readinessStatus, scorePerson, scoreTeam } from "../../src/core/readiness";
import { person, tinyMatrix } from "./fixtures";

const matrix = tinyMatrix();
const scoring = matrix.scoring; // ready 0.8, almost 0.6, minCoverage 0.5

// Backend expectations, Senior: code quality 3, system design 2, databases 3 (Technical, weight 2);
// mentoring 2 (Leadership, weight 1); collaboration 2 (Values, weight 1). Hiring has none below Engineering Manager.
const ana = person("Ana", "backend", "senior", {
  "code-quality": 3,
  "system-design": 1,
  databases: 3,
  mentoring: 1,
  collaboration: 2,
});

describe("readiness for one level", () => {
  const result = scorePerson(matrix, ana);
  const senior = result.levels.find((l) => l.level === "senior")!;

  it("is the weighted share of assessed competencies meeting the expectation", () => {
    // Met: code quality (2) + databases (2) + collaboration (1) = 5 of 8.
    expect(senior.readiness).toBeCloseTo(5 / 8, 12);
    expect(senior).toMatchObject({ expected: 5, assessed: 5, met: 3, coverage: 1, status: "almost" });
  });

  it("lists a gap for every expected competency in matrix order, blanks as not assessed", () => {
    const manager = result.levels.find((l) => l.level === "manager")!;
    expect(manager.gaps).toEqual([
      { competency: "system-design", expected: 2, rating: 1, gap: -1 },
      { competency: "mentoring", expected: 3, rating: 1, gap: -2 },
      { competency: "hiring", expected: 3, rating: null, gap: null },
      { competency: "collaboration", expected: 3, rating: 2, gap: -1 },
    ]);
    expect(manager).toMatchObject({
      expected: 4,
      assessed: 3,
      coverage: 0.75,
      readiness: 0,
      status: "not-yet",
    });
  });

  it("puts the largest shortfall first among blockers, ties in matrix order", () => {
    const staff = result.levels.find((l) => l.level === "staff")!;
    expect(staff.blockers.map((b) => [b.competency, b.gap])).toEqual([
      ["system-design", -2],
      ["mentoring", -2],
      ["code-quality", -1],
      ["collaboration", -1],
    ]);
    expect(senior.blockers.map((b) => b.competency)).toEqual(["system-design", "mentoring"]);
  });

  it("counts a rating above the expectation as met and not as a blocker", () => {
    const intermediate = result.levels.find((l) => l.level === "intermediate")!;
    expect(intermediate).toMatchObject({ readiness: 1, status: "ready", blockers: [] });
    expect(intermediate.gaps.find((g) => g.competency === "code-quality")!.gap).toBe(1);
  });

  it("is 0 with Insufficient data when nothing expected was assessed", () => {
    const blank = scorePerson(matrix, person("Bo", "backend", "senior", {}));
    expect(
      blank.levels.every((l) => l.readiness === 0 && l.coverage === 0 && l.status === "insufficient"),
    ).toBe(true);
  });

  it("ignores ratings of competencies without an expectation at the level", () => {
    const hiringOnly = scorePerson(
      matrix,
      person("Bo", "backend", "senior", { hiring: 4, "code-quality": 3 }),
    );
    const senior = hiringOnly.levels.find((l) => l.level === "senior")!;
    expect(senior).toMatchObject({ assessed: 1, met: 1, readiness: 1 });
  });
});

describe("status", () => {
  it("is Insufficient data below the minimum coverage whatever the readiness", () => {
    const oneRating = scorePerson(
      matrix,
      person("Bo", "backend", "senior", { "code-quality": 4, databases: 4 }),
    );
    expect(oneRating.current).toMatchObject({ readiness: 1, coverage: 0.4, status: "insufficient" });
  });

  it("follows the framework's thresholds, a person exactly at a threshold passing it", () => {
    expect(readinessStatus(0.8, 1, scoring)).toBe("ready");
    expect(readinessStatus(0.79, 1, scoring)).toBe("almost");
    expect(readinessStatus(0.6, 1, scoring)).toBe("almost");
    expect(readinessStatus(0.59, 1, scoring)).toBe("not-yet");
    expect(readinessStatus(1, 0.5, scoring)).toBe("ready");
    expect(readinessStatus(1, 0.49, scoring)).toBe("insufficient");
  });

  it("is Insufficient data when nothing was assessed, even with no minimum coverage", () => {
    const lenient = { ...scoring, minCoverage: 0 };
    expect(readinessStatus(0, 0, lenient)).toBe("insufficient");
    expect(readinessStatus(0, 0.1, lenient)).toBe("not-yet");
  });

  it("is not tipped below a threshold by floating-point sums of weights", () => {
    const weighted = tinyMatrix();
    weighted.areas = [
      { id: "technical", name: "Technical", weight: 0.7 },
      { id: "leadership", name: "Leadership", weight: 0.1 },
      { id: "values", name: "Values alignment", weight: 0.2 },
    ];
    // Met: 0.7 + 0.1 of 1.0, which floating point makes 0.7999999999999999.
    const bo = person("Bo", "frontend", "senior", { "code-quality": 3, mentoring: 2, collaboration: 1 });
    expect(scorePerson(weighted, bo).current!.status).toBe("ready");
  });

  it("uses thresholds from the matrix, so an edited framework changes the status", () => {
    const strict = tinyMatrix();
    strict.scoring = { ready: 0.9, almost: 0.7, minCoverage: 1 };
    expect(scorePerson(strict, ana).current!.status).toBe("not-yet");
  });
});

describe("a person's levels", () => {
  it("scores every level of the track in ladder order, with current, next and highest Ready level", () => {
    const result = scorePerson(matrix, ana);
    expect(result.levels.map((l) => [l.level, l.status])).toEqual([
      ["intermediate", "ready"],
      ["senior", "almost"],
      ["staff", "not-yet"],
      ["manager", "not-yet"],
      ["senior-manager", "not-yet"],
    ]);
    expect(result.current?.level).toBe("senior");
    expect(result.next?.level).toBe("staff");
    expect(result.highestReady).toBe("intermediate");
  });

  it("takes the next level on the person's own path: an Engineering Manager's is Senior Engineering Manager", () => {
    const manager = person("Cy", "backend", "manager", {
      "system-design": 3,
      mentoring: 4,
      hiring: 4,
      collaboration: 3,
      "code-quality": 4,
      databases: 4,
    });
    const result = scorePerson(matrix, manager);
    expect(result.next?.level).toBe("senior-manager");
    // Ready for every level, yet the highest Ready level stays on the management path.
    expect(result.levels.every((l) => l.status === "ready")).toBe(true);
    expect(result.highestReady).toBe("senior-manager");
  });

  it("has no next level at the top of a path and no highest Ready level when none is Ready", () => {
    const result = scorePerson(
      matrix,
      person("Di", "frontend", "staff", { "code-quality": 0, mentoring: 0 }),
    );
    expect(result.next).toBeUndefined();
    expect(result.highestReady).toBeUndefined();
  });

  it("scores the levels but has no current level when the level is not on the ladder", () => {
    const result = scorePerson(matrix, person("Ed", "frontend", "manager", { "code-quality": 3 }));
    expect(result.levels.map((l) => l.level)).toEqual(["intermediate", "senior", "staff"]);
    expect(result.current).toBeUndefined();
    expect(result.next).toBeUndefined();
  });

  it("scores nothing for a track the matrix lacks, without failing", () => {
    expect(scorePerson(matrix, person("Fa", "mobile", "senior", { x: 1 }))).toEqual({
      person: expect.objectContaining({ person: "Fa" }),
      levels: [],
      nextLevels: [],
    });
  });

  it("ignores ratings that are not finite numbers", () => {
    const odd = person("Ga", "frontend", "senior", {
      "code-quality": NaN,
      mentoring: Infinity,
      collaboration: 2,
    });
    expect(scorePerson(matrix, odd).current).toMatchObject({ assessed: 1, met: 1 });
  });
});

describe("scoreTeam", () => {
  it("scores each person as scorePerson does, in input order, across tracks", () => {
    const team = [
      ana,
      person("Bo", "frontend", "staff", {
        "code-quality": 4,
        "system-design": 3,
        mentoring: 3,
        collaboration: 2,
      }),
      person("Fa", "mobile", "senior", {}),
      person("Cy", "backend", "intermediate", { "code-quality": 2, databases: 1 }),
    ];
    expect(scoreTeam(matrix, team)).toEqual(team.map((p) => scorePerson(matrix, p)));
  });

  it("gives each level's gaps and blockers as plain properties: printed, compared and copied with the rest", () => {
    const [scored] = scoreTeam(matrix, [ana]);
    const senior = scored.levels.find((l) => l.level === "senior")!;
    const plain = {
      level: "senior",
      readiness: senior.readiness,
      coverage: 1,
      expected: 5,
      assessed: 5,
      met: 3,
      status: "almost",
      gaps: [
        { competency: "code-quality", expected: 3, rating: 3, gap: 0 },
        { competency: "system-design", expected: 2, rating: 1, gap: -1 },
        { competency: "databases", expected: 3, rating: 3, gap: 0 },
        { competency: "mentoring", expected: 2, rating: 1, gap: -1 },
        { competency: "collaboration", expected: 2, rating: 2, gap: 0 },
      ],
      blockers: [
        { competency: "system-design", expected: 2, rating: 1, gap: -1 },
        { competency: "mentoring", expected: 2, rating: 1, gap: -1 },
      ],
    };
    expect(Object.keys(senior)).toEqual(Object.keys(plain));
    expect(senior).toEqual(plain);
    expect(JSON.parse(JSON.stringify(senior))).toEqual(plain);
    expect({ ...senior }).toEqual(plain);
    // Worked out once: reading again gives the same arrays.
    expect(senior.gaps).toBe(senior.gaps);
    expect(senior.blockers).toBe(senior.blockers);
  });

  it("makes no gap or blocker list until one is read", () => {
    // At 10,000 people the lists of every level nobody reads were most of the scoring's time, in garbage collection.
    const [scored] = scoreTeam(matrix, [ana]);
    const unread = (key: "gaps" | "blockers") =>
      scored.levels.filter((l) => Object.getOwnPropertyDescriptor(l, key)?.get !== undefined).length;
    expect([unread("gaps"), unread("blockers")]).toEqual([scored.levels.length, scored.levels.length]);
    expect(scored.current!.blockers.length).toBeGreaterThan(0);
    expect([unread("gaps"), unread("blockers")]).toEqual([
      scored.levels.length - 1,
      scored.levels.length - 1,
    ]);
  });

  it("tells apart two results that differ only in their gaps", () => {
    // Same readiness and counts at Senior (all met), different ratings above the expectations.
    const ratings = { "code-quality": 3, "system-design": 2, databases: 3, mentoring: 2, collaboration: 2 };
    const [first, second] = scoreTeam(matrix, [
      person("Ha", "backend", "senior", ratings),
      person("Ha", "backend", "senior", { ...ratings, databases: 4 }),
    ]);
    const [a, b] = [first.current!, second.current!];
    expect([a.readiness, a.assessed, a.met]).toEqual([b.readiness, b.assessed, b.met]);
    expect(a).not.toEqual(b);
  });

  it("returns the person's own ratings object so results point back at the row", () => {
    const [scored] = scoreTeam(matrix, [ana]);
    expect(scored.person).toBe(ana);
  });
});
