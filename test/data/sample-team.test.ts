import { readFileSync } from "node:fs";
import path from "node:path";
import { calibrate } from "../../src/core/calibration";
import { careerMatrixFromFramework } from "../../src/core/career-matrix";
import { FrameworkError } from "../../src/core/load-framework";
import { scorePerson } from "../../src/core/readiness";
import type { PersonReadiness } from "../../src/core/types";
import { bundledFramework, sampleTeam } from "../../src/data";
import { loadSampleTeam, type SampleTeam } from "../../src/data/sample-team";

const framework = bundledFramework();
const people = sampleTeam().people;

function scored(): PersonReadiness[] {
  const matrix = careerMatrixFromFramework(framework);
  return people.map((person, i) =>
    scorePerson(matrix, { ...person, ratings: { ...person.ratings }, row: i + 2 }),
  );
}

function loadError(team: unknown): string {
  try {
    loadSampleTeam(team, framework);
  } catch (error) {
    if (error instanceof FrameworkError) return error.message;
    throw error;
  }
  throw new Error("expected loadSampleTeam to reject the team");
}

const onePerson = (): SampleTeam => ({
  people: [
    {
      person: "Smith, Jo",
      track: "backend",
      level: "senior",
      rater: "Amara Okafor",
      team: "Create",
      ratings: { "code-review": 3 },
    },
  ],
});

describe("the sample team", () => {
  it("is a team a calibration session can use: 40+ people, 6+ tracks with Distribution, raters and teams", () => {
    const distinct = (key: "track" | "rater" | "team" | "level") => new Set(people.map((p) => p[key])).size;
    expect(people.length).toBeGreaterThanOrEqual(40);
    expect(distinct("track")).toBeGreaterThanOrEqual(6);
    expect(people.filter((p) => p.track === "distribution").length).toBeGreaterThanOrEqual(4);
    expect(distinct("rater")).toBeGreaterThanOrEqual(4);
    expect(distinct("team")).toBeGreaterThanOrEqual(4);
    expect(distinct("level")).toBeGreaterThanOrEqual(5);
    expect(people.some((p) => p.level === "manager")).toBe(true);
    expect(people.some((p) => p.level === "distinguished")).toBe(true);
    expect(people.some((p) => p.level === "director")).toBe(true);
  });

  it("has people with each specialisation, on the Backend track only", () => {
    const specialised = people.filter((p) => p.specialisation !== undefined);
    expect(new Set(specialised.map((p) => p.specialisation))).toEqual(new Set(["ops-enablement", "secure"]));
    for (const p of specialised) expect(p.track).toBe("backend");
    // Nobody without a specialisation is rated on one.
    for (const p of people.filter((x) => x.specialisation === undefined))
      expect([
        p.person,
        Object.keys(p.ratings).filter((id) => /ops-enablement|secure-products/.test(id)),
      ]).toEqual([p.person, []]);
  });

  it("offers every Senior Staff and Engineering Manager next, and has one Senior on the way to management", () => {
    const seniors = scored().filter((s) => s.person.level === "senior" && s.person.track === "backend");
    for (const s of seniors)
      expect([s.person.person, s.nextLevels.map((l) => l.level)]).toEqual([
        s.person.person,
        ["staff", "manager"],
      ]);
    const managementPath = seniors.filter((s) => s.person.ratings["career-conversations"] !== undefined);
    expect(managementPath.map((s) => s.person.person)).toEqual(["Lucía Méndez"]);
    const [manager] = managementPath[0].nextLevels.filter((l) => l.level === "manager");
    expect(manager.coverage).toBeGreaterThanOrEqual(framework.scoring.minCoverage);
  });

  it("rates most people as meeting most of their current level, and few as ready for the next", () => {
    const all = scored();
    const meeting = all.filter((s) => (s.current?.readiness ?? 0) >= 0.7).length;
    const ready = all.filter((s) => s.next?.status === "ready").length;
    expect(meeting / all.length).toBeGreaterThan(0.7);
    expect(ready).toBeGreaterThanOrEqual(2);
    expect(ready / all.length).toBeLessThan(0.2);
    const ratings = people.flatMap((p) => Object.values(p.ratings) as number[]);
    const high = ratings.filter((r) => r >= 3).length / ratings.length;
    expect(high).toBeLessThan(0.6);
  });

  it("has names that test how names are written and read back: a comma, an apostrophe, non-Latin letters", () => {
    const names = people.map((p) => p.person);
    expect(names).toEqual(expect.arrayContaining(["Smith, Jo", "Zoë O'Brien", "Nguyễn Văn An"]));
    expect(names.some((name) => /\p{Script=Han}/u.test(name))).toBe(true);
    expect(new Set(names).size).toBe(names.length);
  });

  it("rates everyone on their own track's competencies, at their level on its ladder, with scale values", () => {
    const scale = framework.scale.map((p) => p.value);
    for (const person of people) {
      const track = framework.tracks.find((t) => t.id === person.track);
      expect(track?.ladder.map((step) => step.level)).toContain(person.level);
      for (const [id, rating] of Object.entries(person.ratings)) {
        const competency = framework.competencies.find((c) => c.id === id);
        expect([person.person, id, competency?.tracks.includes(person.track)]).toEqual([
          person.person,
          id,
          true,
        ]);
        expect(scale).toContain(rating);
      }
    }
  });

  it("spreads readiness for the next level: some ready, some almost, some not yet, a few with too little data", () => {
    const statuses = scored().map((s) => (s.next ?? s.current)?.status);
    const count = (status: string) => statuses.filter((s) => s === status).length;
    expect(count("ready")).toBeGreaterThanOrEqual(5);
    expect(count("almost")).toBeGreaterThanOrEqual(5);
    expect(count("not-yet")).toBeGreaterThanOrEqual(5);
    expect(count("insufficient")).toBeGreaterThanOrEqual(2);
  });

  it("has one lenient and one severe rater, whom the rater model flags, and no one else flagged", () => {
    const raters = calibrate(careerMatrixFromFramework(framework), scored()).raters;
    expect(raters.filter((r) => r.flag !== null).map((r) => [r.rater, r.flag])).toEqual(
      expect.arrayContaining([
        ["Lukas Becker", "lenient"],
        ["Sofía Herrera", "severe"],
      ]),
    );
    expect(raters.filter((r) => r.flag !== null)).toHaveLength(2);
  });

  it("is what scripts/sample-team.ts writes: people in the same order, with their specialisations", () => {
    const script = readFileSync(path.join(__dirname, "../../scripts/sample-team.ts"), "utf8");
    const named = [...script.matchAll(/person: "((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]);
    expect(named).toEqual(people.map((p) => p.person));
  });

  it("has self ratings for most people and peer ratings for some, beside the manager's and not copies of them", () => {
    const selfRated = people.filter((p) => p.self !== undefined);
    const peerRated = people.filter((p) => (p.peers ?? []).length > 0);
    expect(selfRated.length).toBeGreaterThanOrEqual(people.length * 0.7);
    expect(selfRated.length).toBeLessThan(people.length);
    expect(peerRated.length).toBeGreaterThanOrEqual(5);
    let differ = 0;
    let higher = 0;
    for (const p of selfRated)
      for (const [id, self] of Object.entries(p.self ?? {})) {
        // A person rates themselves on what their manager rated.
        expect([p.person, id, p.ratings[id] !== undefined]).toEqual([p.person, id, true]);
        if (self !== p.ratings[id]) differ++;
        if (self > (p.ratings[id] ?? 0)) higher++;
      }
    expect(differ).toBeGreaterThan(100);
    expect(higher).toBeGreaterThan(differ / 2);
    // Peers are colleagues of the same team, never the person or their manager.
    for (const p of peerRated)
      for (const peer of p.peers ?? []) {
        expect(peer.rater).not.toBe(p.person);
        expect(people.find((q) => q.person === peer.rater)?.team).toBe(p.team);
      }
  });

  it("rejects a self rating off the scale, pointing at it", () => {
    const team = onePerson();
    team.people[0].self = { "code-review": 9 };
    expect(loadError(team)).toContain("people[0].self.code-review");
  });

  it("is loaded once and cannot be changed by a caller", () => {
    expect(sampleTeam()).toBe(sampleTeam());
    expect(Object.isFrozen(people[0].ratings)).toBe(true);
    expect(bundledFramework()).toBe(framework);
    expect(Object.isFrozen(framework.competencies[0].expectations)).toBe(true);
  });
});

describe("loadSampleTeam", () => {
  it("accepts a team that fits the framework", () => {
    expect(loadSampleTeam(onePerson(), framework)).toEqual(onePerson());
  });

  it.each<[string, (team: SampleTeam) => void, RegExp]>([
    [
      "an unknown track",
      (team) => (team.people[0].track = "mobile"),
      /people\[0\]\.track: expected one of the track ids \(backend, .*\), found 'mobile'/,
    ],
    [
      "a level that is not on the person's ladder",
      (team) => (team.people[0].level = "fellow-ish"),
      /people\[0\]\.level: expected a level on the Backend ladder \(junior, .*\), found 'fellow-ish'/,
    ],
    [
      "a competency of another track",
      (team) => (team.people[0].ratings = { "build-tooling": 2 }),
      /people\[0\]\.ratings\.build-tooling: expected a competency of the Backend track, found 'build-tooling'/,
    ],
    [
      "a rating off the scale",
      (team) => (team.people[0].ratings = { "code-review": 5 }),
      /people\[0\]\.ratings\.code-review: expected a scale value \(0, 1, 2, 3, 4\), found 5/,
    ],
    [
      "a rating that is not a whole number",
      (team) => (team.people[0].ratings = { "code-review": 2.5 }),
      /people\[0\]\.ratings\.code-review: expected a whole scale value/,
    ],
    [
      "a missing rater",
      (team) => (team.people[0].rater = " "),
      /people\[0\]\.rater: expected a non-empty text/,
    ],
  ])("rejects %s, naming the path", (_what, breakIt, message) => {
    const team = onePerson();
    breakIt(team);
    expect(loadError(team)).toMatch(message);
  });
});
