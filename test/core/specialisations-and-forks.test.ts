import { careerMatrixFromFramework, nextLevels, specialisationFor } from "../../src/core/career-matrix";
import type { Framework } from "../../src/core/framework";
import { FrameworkError, loadFramework } from "../../src/core/load-framework";
import { readRatings } from "../../src/core/ratings";
import { scorePerson } from "../../src/core/readiness";
import type { PersonRatings } from "../../src/core/types";
import { bundledFramework } from "../../src/data";

const framework = bundledFramework();
const matrix = careerMatrixFromFramework(framework);
const backend = matrix.tracks.find((t) => t.id === "backend")!;
const SPECIALISED = ["ops-enablement", "secure-products"];

/** Someone rated 4 on every competency of their track, specialised ones included. */
function everything(track: string, level: string, specialisation?: string): PersonRatings {
  const t = matrix.tracks.find((x) => x.id === track)!;
  const person: PersonRatings = {
    person: "Ana",
    track,
    level,
    rater: "",
    team: "",
    row: 2,
    ratings: Object.fromEntries(t.competencies.map((c) => [c.id, 4])),
  };
  if (specialisation !== undefined) person.specialisation = specialisation;
  return person;
}

const expectedAt = (p: PersonRatings, level: string) =>
  scorePerson(matrix, p)
    .levels.find((l) => l.level === level)!
    .gaps.map((g) => g.competency);

describe("specialisations", () => {
  it("rates a Backend Junior on no specialisation competency, at any level of the ladder, even when rated on one", () => {
    const junior = scorePerson(matrix, everything("backend", "junior"));
    for (const level of junior.levels)
      expect([level.level, level.gaps.filter((g) => SPECIALISED.includes(g.competency))]).toEqual([
        level.level,
        [],
      ]);
  });

  it("counts a specialisation's competencies only for the people who took it on, from Distinguished up", () => {
    expect(expectedAt(everything("backend", "distinguished"), "distinguished")).not.toEqual(
      expect.arrayContaining(["secure-products"]),
    );
    const secure = everything("backend", "distinguished", "secure");
    expect(expectedAt(secure, "distinguished")).toContain("secure-products");
    expect(expectedAt(secure, "distinguished")).not.toContain("ops-enablement");
    expect(expectedAt(secure, "staff").filter((id) => SPECIALISED.includes(id))).toEqual([]);
    const ops = everything("backend", "staff", "ops-enablement");
    expect(expectedAt(ops, "distinguished")).toContain("ops-enablement");
    expect(expectedAt(ops, "fellow")).toContain("ops-enablement");
  });

  it("makes a shortfall on the specialisation a blocker for its people only", () => {
    const weak = { ...everything("backend", "staff", "secure") };
    weak.ratings = { ...weak.ratings, "secure-products": 1 };
    const next = scorePerson(matrix, weak).next!;
    expect(next.level).toBe("distinguished");
    expect(next.blockers.map((b) => b.competency)).toEqual(["secure-products"]);
    const without = scorePerson(matrix, { ...weak, specialisation: undefined } as PersonRatings).next!;
    expect(without.blockers).toEqual([]);
  });

  it("does not apply Secure to the Security department's track", () => {
    expect(specialisationFor(matrix, "security", "secure")).toBeUndefined();
    expect(specialisationFor(matrix, "backend", "secure")?.name).toBe("Secure");
    const onSecurity = scorePerson(matrix, everything("security", "staff", "secure"));
    for (const level of onSecurity.levels)
      expect(level.gaps.filter((g) => SPECIALISED.includes(g.competency))).toEqual([]);
  });

  describe("on the Ratings sheet", () => {
    const header = ["Person", "Track", "Level", "Rater", "Team", "Specialisation", "Secure products"];
    const read = (rows: (string | number | null)[][], head = header) => readRatings([head, ...rows], matrix);

    it("reads the Specialisation column by name or id, blank as none", () => {
      const result = read([
        ["Ana", "Backend", "Distinguished", "Kim", "Secure", "Secure", 4],
        ["Bo", "Backend", "Staff", "Kim", "Ops", "ops-enablement", null],
        ["Cy", "Backend", "Senior", "Kim", "Ops", "", null],
      ]);
      expect(result.problems).toEqual([]);
      expect(result.people.map((p) => [p.person, p.specialisation])).toEqual([
        ["Ana", "secure"],
        ["Bo", "ops-enablement"],
        ["Cy", undefined],
      ]);
      expect(
        read(
          [["Ana", "Backend", "Staff", "Kim", "Ops", "Secure", 4]],
          ["Person", "Track", "Level", "Rater", "Team", "Specialization", "Secure products"],
        ).people[0].specialisation,
      ).toBe("secure");
    });

    it("warns at the cell about a specialisation the person's track does not offer, and scores without it", () => {
      const result = read([["Dee", "Security", "Staff", "Kim", "Ops", "Secure", null]]);
      expect(result.people[0].specialisation).toBeUndefined();
      expect(result.problems).toEqual([
        expect.objectContaining({
          severity: "warning",
          cell: "F2",
          message:
            "Secure in F2 is not offered on the Security track: the Security track has no specialisation: clear the cell. Dee is scored without one.",
        }),
      ]);
    });

    it("warns at the cell about an unknown specialisation, naming the ones the track offers", () => {
      const result = read([["Eve", "Backend", "Staff", "Kim", "Ops", "Mobile", null]]);
      expect(result.people[0].specialisation).toBeUndefined();
      expect(result.problems.map((p) => [p.cell, p.message])).toEqual([
        [
          "F2",
          'Specialisation "Mobile" in F2 is not one of the framework\'s: use Ops & Enablement or Secure, or leave it blank. Eve is scored without one.',
        ],
      ]);
    });
  });

  describe("in a framework file", () => {
    const problems = (change: (f: Framework) => void): string[] => {
      const f = JSON.parse(JSON.stringify(framework)) as Framework;
      change(f);
      try {
        loadFramework(f);
        return [];
      } catch (error) {
        if (!(error instanceof FrameworkError)) throw error;
        return error.problems.map((p) => `${p.path}: ${p.message}`);
      }
    };
    const secureAt = () => framework.competencies.findIndex((c) => c.id === "secure-products");

    it("names an unknown specialisation at the competency", () => {
      expect(problems((f) => (f.competencies[secureAt()].specialisation = "mobile"))).toEqual([
        `competencies[${secureAt()}].specialisation: expected one of the specialisation ids (ops-enablement, secure), found 'mobile'`,
      ]);
    });

    it("refuses an expectation below the level the specialisation starts at", () => {
      expect(
        problems(
          (f) =>
            (f.competencies[secureAt()].expectations.staff = {
              value: 3,
              descriptor: "Too early.",
              source: { derived: "x" },
            }),
        ),
      ).toEqual([
        `competencies[${secureAt()}].expectations.staff: expected null: specialisation 'secure' starts at 'distinguished', above 'staff'`,
      ]);
    });

    it("refuses a specialisation on a track whose ladder lacks its first level, or of an unknown level", () => {
      expect(problems((f) => f.specialisations![1].tracks.push("security"))).toEqual([
        "specialisations[1].tracks[1]: expected a track whose ladder has 'distinguished' (where the specialisation starts), but 'security' has not",
      ]);
      expect(problems((f) => (f.specialisations![0].from = "principal"))[0]).toMatch(
        /^specialisations\[0\]\.from: expected one of the level ids \(junior, .*\), found 'principal'$/,
      );
    });

    it("refuses a specialised competency on a track the specialisation is not offered on", () => {
      expect(
        problems((f) => {
          const c = f.competencies[secureAt()];
          c.tracks.push("frontend");
        }),
      ).toEqual(
        expect.arrayContaining([
          `competencies[${secureAt()}].tracks[1]: expected a track of specialisation 'secure' (backend), found 'frontend'`,
        ]),
      );
    });
  });
});

describe("next levels: the fork after Senior", () => {
  const ids = (track: string, level: string) =>
    nextLevels(
      matrix.tracks.find((t) => t.id === track)!,
      level,
    ).map((l) => l.id);

  it("offers a Senior both Staff and Engineering Manager, own path first; others the next on their path", () => {
    expect(ids("backend", "senior")).toEqual(["staff", "manager"]);
    expect(ids("services-support", "senior")).toEqual(["staff", "manager"]);
    expect(ids("backend", "intermediate")).toEqual(["senior"]);
    expect(ids("backend", "staff")).toEqual(["distinguished"]);
    expect(ids("backend", "manager")).toEqual(["director"]);
    expect(ids("backend", "fellow")).toEqual([]);
    expect(ids("ux-designer", "senior")).toEqual(["staff"]);
  });

  it("scores a Senior's readiness for Staff and for Engineering Manager, keeping next as Staff", () => {
    const senior = scorePerson(matrix, everything("backend", "senior"));
    expect(senior.next?.level).toBe("staff");
    expect(senior.nextLevels.map((l) => [l.level, l.status])).toEqual([
      ["staff", "ready"],
      ["manager", "ready"],
    ]);
    expect(senior.nextLevels[0]).toBe(senior.next);
    expect(backend.levels.find((l) => l.id === "manager")?.name).toBe("Manager");
  });

  it("differs between Distinguished and Fellow: ready for one is not ready for the other", () => {
    const atDistinguished = everything("backend", "distinguished");
    const distinguished = backend.competencies.filter((c) => c.expectations.distinguished);
    atDistinguished.ratings = Object.fromEntries(
      distinguished.map((c) => [c.id, c.expectations.distinguished!.value]),
    );
    const scored = scorePerson(matrix, atDistinguished);
    expect(scored.current?.status).toBe("ready");
    expect(scored.next?.level).toBe("fellow");
    expect(scored.next?.status).not.toBe("ready");
  });
});
