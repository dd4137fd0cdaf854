import type { Framework } from "../../src/core/framework";
import { FrameworkError, jsonPath, loadFramework } from "../../src/core/load-framework";

const seed = { seed: "002_08bfd1e984757c17.txt", section: "Senior Engineers" };

/** A framework small enough to read: two IC levels, one management level, one track, two competencies. */
function tinyFramework(): Framework {
  return {
    id: "tiny",
    name: "Tiny framework",
    version: "1",
    scale: [
      { value: 0, label: "Not yet", meaning: "Not shown yet." },
      { value: 1, label: "Developing", meaning: "Shown with guidance." },
      { value: 2, label: "Proficient", meaning: "Shown independently." },
    ],
    areas: [
      { id: "technical", name: "Technical", weight: 1 },
      { id: "management", name: "Management", weight: 2 },
    ],
    levels: [
      { id: "junior", name: "Junior", path: "ic", rank: 1, source: seed },
      { id: "senior", name: "Senior", path: "ic", rank: 2, source: seed },
      { id: "manager", name: "Manager", path: "management", rank: 3, source: { derived: "test" } },
    ],
    tracks: [
      {
        id: "backend",
        name: "Backend",
        ladder: [
          { level: "junior", title: "Junior Backend Engineer", source: seed },
          { level: "senior", title: "Senior Backend Engineer", source: seed },
          { level: "manager", title: "Engineering Manager", source: seed },
        ],
        source: seed,
      },
    ],
    competencies: [
      {
        id: "attention-to-detail",
        area: "technical",
        name: "Pays attention to detail",
        tracks: ["backend"],
        paths: ["ic", "management"],
        expectations: {
          junior: { value: 1, descriptor: "Learns from review comments.", source: { derived: "test" } },
          senior: { value: 2, descriptor: "Fewer trivial comments.", source: seed },
          manager: { value: 2, descriptor: "Holds the team to it.", source: { derived: "test" } },
        },
        source: seed,
      },
      {
        id: "career-conversations",
        area: "management",
        name: "Holds career conversations every quarter",
        tracks: ["backend"],
        paths: ["management"],
        expectations: { manager: { value: 2, descriptor: "Every quarter.", source: seed } },
        source: seed,
      },
    ],
    transfers: [{ from: "Backend Engineer", to: "Support Engineer", fromTrack: "backend", source: seed }],
    scoring: { ready: 0.9, almost: 0.7, minCoverage: 0.75 },
  };
}

function loadError(framework: unknown): FrameworkError {
  try {
    loadFramework(framework);
  } catch (error) {
    if (error instanceof FrameworkError) return error;
    throw error;
  }
  throw new Error("expected loadFramework to reject the framework");
}

/** The message for a broken copy of the tiny framework. */
function problemWith(breakIt: (framework: Framework) => void): string {
  const framework = tinyFramework();
  breakIt(framework);
  return loadError(framework).message;
}

describe("loadFramework", () => {
  it("returns a valid framework unchanged", () => {
    expect(loadFramework(tinyFramework())).toEqual(tinyFramework());
  });

  it("rejects something that is not a framework at all, naming the root", () => {
    expect(loadError("framework").message).toMatch(/^Invalid framework: \(root\): /);
  });

  describe("names the JSON path of the bad field and what was expected", () => {
    it.each<[string, (f: Framework) => void, RegExp]>([
      [
        "a fractional expectation",
        (f) => (f.competencies[0].expectations.senior!.value = 1.5),
        /competencies\[0\]\.expectations\.senior\.value: expected a whole number, found 1\.5/,
      ],
      [
        "an expectation off the scale",
        (f) => (f.competencies[1].expectations.manager!.value = 7),
        /competencies\[1\]\.expectations\.manager\.value: expected a scale value \(0, 1, 2\), found 7/,
      ],
      [
        "a missing track name",
        (f) => delete (f.tracks[0] as Partial<Framework["tracks"][number]>).name,
        /tracks\[0\]\.name: expected a text, found nothing/,
      ],
      [
        "a misspelt field",
        (f) => Object.assign(f.competencies[0], { expecations: {} }),
        /competencies\[0\]\.expecations: unexpected field; check its spelling or remove it/,
      ],
      [
        "a source that is neither a seed nor derived",
        (f) =>
          (f.levels[1].source = {
            seed: "002_08bfd1e984757c17.txt",
          } as Framework["levels"][number]["source"]),
        /levels\[1\]\.source: expected \{ "seed": <file>, "section": <heading> \} or \{ "derived": <why> \}/,
      ],
      [
        "an id that is not kebab case",
        (f) => (f.tracks[0].id = "Back End"),
        /tracks\[0\]\.id: expected a lowercase kebab-case id/,
      ],
      [
        "a competency name longer than 60 characters",
        (f) => (f.competencies[0].name = "x".repeat(61)),
        /competencies\[0\]\.name: expected a name of at most 60 characters/,
      ],
      [
        "a duplicate competency id",
        (f) => (f.competencies[1].id = "attention-to-detail"),
        /competencies\[1\]\.id: expected a unique id, but 'attention-to-detail' is also competencies\[0\]\.id/,
      ],
      [
        "a scale that does not ascend",
        (f) => (f.scale[2].value = 1),
        /scale\[2\]\.value: expected a value above 1 \(the scale ascends\), found 1/,
      ],
      [
        "two IC levels with the same rank",
        (f) => (f.levels[1].rank = 1),
        /levels\[1\]\.rank: expected a rank no other ic level has, but levels\[0\] also has rank 1/,
      ],
      [
        "a ladder naming an unknown level",
        (f) => (f.tracks[0].ladder[1].level = "principal"),
        /tracks\[0\]\.ladder\[1\]\.level: expected one of the level ids \(junior, senior, manager\), found 'principal'/,
      ],
      [
        "a ladder out of order",
        (f) => f.tracks[0].ladder.reverse(),
        /tracks\[0\]\.ladder\[1\]\.level: expected IC levels then management levels, each by rank, but 'senior' comes after 'manager'/,
      ],
      [
        "a competency in an unknown area",
        (f) => (f.competencies[0].area = "craft"),
        /competencies\[0\]\.area: expected one of the area ids \(technical, management\), found 'craft'/,
      ],
      [
        "a competency on an unknown track",
        (f) => f.competencies[0].tracks.push("frontend"),
        /competencies\[0\]\.tracks\[1\]: expected one of the track ids \(backend\), found 'frontend'/,
      ],
      [
        "a missing expectation at a level the competency applies to",
        (f) => delete f.competencies[0].expectations.senior,
        /competencies\[0\]\.expectations\.senior: expected an expectation: 'senior' is on the ladder of 'backend'/,
      ],
      [
        "an expectation keyed by something that is not a level",
        (f) => (f.competencies[0].expectations.principal = { value: 2, descriptor: "x", source: seed }),
        /competencies\[0\]\.expectations\.principal: expected a key that is a level id/,
      ],
      [
        "a management-only competency with an IC expectation",
        (f) => (f.competencies[1].expectations.junior = { value: 0, descriptor: "x", source: seed }),
        /competencies\[1\]\.expectations\.junior: expected no expectation: 'junior' is on the ic path/,
      ],
      [
        "an expectation that falls as rank rises",
        (f) => (f.competencies[0].expectations.senior!.value = 0),
        /competencies\[0\]\.expectations\.senior\.value: expected at least 1 \(the expectation at 'junior', a lower rank\), found 0/,
      ],
      [
        "a management expectation below Senior",
        (f) => (f.competencies[0].expectations.manager!.value = 1),
        /competencies\[0\]\.expectations\.manager\.value: expected at least 2 \(the expectation at 'senior', a lower rank\), found 1/,
      ],
      [
        "a transfer to an unknown track",
        (f) => (f.transfers[0].toTrack = "support"),
        /transfers\[0\]\.toTrack: expected one of the track ids \(backend\), found 'support'/,
      ],
      [
        "a threshold above 1",
        (f) => (f.scoring.ready = 1.5),
        /scoring\.ready: expected a share between 0 and 1, found 1\.5/,
      ],
      [
        "Almost above Ready",
        (f) => (f.scoring.almost = 0.95),
        /scoring\.almost: expected at most scoring\.ready \(0\.9\), found 0\.95/,
      ],
    ])("%s", (_what, breakIt, message) => {
      expect(problemWith(breakIt)).toMatch(message);
    });
  });

  it("reports every problem at once, each with its path", () => {
    const framework = tinyFramework();
    framework.competencies[0].area = "craft";
    framework.transfers[0].fromTrack = "ux";
    const error = loadError(framework);
    expect(error.problems.map((p) => p.path)).toEqual(["competencies[0].area", "transfers[0].fromTrack"]);
    expect(error.message).toMatch(/^Invalid framework \(2 problems\):\n {2}competencies\[0\]\.area: /);
  });

  it("lets a management expectation sit below Staff, which has the same rank as Manager", () => {
    const framework = tinyFramework();
    framework.levels.push({ id: "staff", name: "Staff", path: "ic", rank: 3, source: seed });
    framework.tracks[0].ladder.splice(2, 0, {
      level: "staff",
      title: "Staff Backend Engineer",
      source: seed,
    });
    framework.scale.push({ value: 3, label: "Advanced", meaning: "A model for others." });
    framework.competencies[0].expectations.staff = { value: 3, descriptor: "Sets the bar.", source: seed };
    expect(() => loadFramework(framework)).not.toThrow();
  });
});

describe("jsonPath", () => {
  it("writes indexes in brackets and names after dots", () => {
    expect(jsonPath(["competencies", 3, "expectations", "senior", "value"])).toBe(
      "competencies[3].expectations.senior.value",
    );
  });

  it("keeps kebab-case keys readable and brackets anything else", () => {
    expect(jsonPath(["ratings", "code-review"])).toBe("ratings.code-review");
    expect(jsonPath(["ratings", "two words"])).toBe('ratings["two words"]');
  });
});
