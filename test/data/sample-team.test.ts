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
  it("is a team a calibration session can use: 30+ people, 4+ tracks, raters and teams, one manager at least", () => {
    const distinct = (key: "track" | "rater" | "team" | "level") => new Set(people.map((p) => p[key])).size;
    expect(people.length).toBeGreaterThanOrEqual(30);
    expect(distinct("track")).toBeGreaterThanOrEqual(4);
    expect(distinct("rater")).toBeGreaterThanOrEqual(4);
    expect(distinct("team")).toBeGreaterThanOrEqual(4);
    expect(distinct("level")).toBeGreaterThanOrEqual(5);
    expect(people.some((p) => p.level === "manager")).toBe(true);
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

  it("has one rater the rater model finds lenient, under the half point that would flag him, and no one flagged", () => {
    const raters = calibrate(careerMatrixFromFramework(framework), scored()).raters;
    expect(raters.filter((r) => r.flag !== null)).toEqual([]);
    const lukas = raters.find((r) => r.rater === "Lukas Becker");
    expect(lukas?.effect).toBeGreaterThan(0.4);
    expect(lukas?.effect).toBeLessThan(0.5);
    expect(lukas?.pValue).toBeLessThan(0.05);
    expect(raters.every((r) => r === lukas || r.effect === null || (r.effect as number) < 0)).toBe(true);
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
