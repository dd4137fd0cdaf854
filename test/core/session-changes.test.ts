import { sessionChanges } from "../../src/core/session-changes";
import { person, tinyMatrix } from "./fixtures";

const matrix = tinyMatrix();
const senior = (name: string, rater: string, cq: number, sd: number, m: number, c: number | null) =>
  person(
    name,
    "frontend",
    "senior",
    c === null
      ? { "code-quality": cq, "system-design": sd, mentoring: m }
      : { "code-quality": cq, "system-design": sd, mentoring: m, collaboration: c },
    { rater },
  );

const baseline = [
  senior("Ana", "Kim", 3, 2, 2, 2),
  senior("Ben", "Kim", 3, 2, 2, 2),
  senior("Cleo", "Lu", 4, 3, 3, 3),
];

describe("session changes", () => {
  it("lists each changed rating with before and after, and a rating cleared or added", () => {
    const now = [
      senior("Ana", "Kim", 2, 2, 2, 2),
      senior("Ben", "Kim", 3, 2, 2, null),
      senior("cleo", "Lu", 4, 3, 3, 3),
    ];
    expect(sessionChanges(matrix, baseline, now).ratings).toEqual([
      { person: "Ana", competency: "code-quality", before: 3, after: 2 },
      { person: "Ben", competency: "collaboration", before: 2, after: null },
    ]);
  });

  it("names who changed status at their current or next level, and the mean change per rater", () => {
    const now = [
      senior("Ana", "Kim", 1, 1, 1, 1),
      senior("Ben", "Kim", 3, 2, 2, 2),
      senior("Cleo", "Lu", 4, 3, 3, 3),
    ];
    const changes = sessionChanges(matrix, baseline, now);
    expect(changes.statuses).toEqual([
      {
        person: "Ana",
        rater: "Kim",
        level: "senior",
        current: { before: "ready", after: "not-yet" },
        next: { level: "staff", before: "not-yet", after: "not-yet" },
      },
    ]);
    expect(changes.raters).toEqual([
      { rater: "Kim", ratings: 8, changed: 4, meanChange: expect.closeTo(-5 / 8, 12) },
      { rater: "Lu", ratings: 4, changed: 0, meanChange: 0 },
    ]);
  });

  it("says who is new since the baseline and who is gone", () => {
    const changes = sessionChanges(matrix, baseline, [baseline[0], senior("Dan", "Lu", 3, 2, 2, 2)]);
    expect(changes.added).toEqual(["Dan"]);
    expect(changes.removed).toEqual(["Ben", "Cleo"]);
    expect(changes.ratings).toEqual([]);
  });
});
