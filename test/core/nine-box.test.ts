import { nineBox } from "../../src/core/nine-box";
import { scoreTeam } from "../../src/core/readiness";
import { person, tinyMatrix } from "./fixtures";

const matrix = tinyMatrix();
const senior = (name: string, cq: number, sd: number, m: number, c: number) =>
  person(name, "frontend", "senior", {
    "code-quality": cq,
    "system-design": sd,
    mentoring: m,
    collaboration: c,
  });

// Senior expects code quality 3, system design 2, mentoring 2, collaboration 2; Staff 4, 3, 3, 3. Technical counts double.
const team = scoreTeam(matrix, [
  senior("Star", 4, 3, 3, 3),
  senior("Solid", 3, 2, 2, 2),
  senior("Grow", 4, 3, 2, 2),
  person("Thin", "frontend", "senior", { mentoring: 3 }),
  person("Top", "frontend", "staff", {
    "code-quality": 4,
    "system-design": 3,
    mentoring: 3,
    collaboration: 3,
  }),
]);

function counts(box: ReturnType<typeof nineBox>): Record<string, string[]> {
  return Object.fromEntries(box.cells.filter((c) => c.count > 0).map((c) => [c.name, c.people]));
}

describe("9-box", () => {
  it("places people by readiness at their current level across and for the next level down, with the framework's thresholds", () => {
    const box = nineBox(matrix.scoring, team);
    expect(counts(box)).toEqual({
      "Ready to move up": ["Star"],
      // Staff: code quality and system design met, 4 of 6 weighted = 67%, Almost from 60%.
      "Growing into the next level": ["Grow"],
      "Solid at level": ["Solid"],
    });
    expect(box.placed).toBe(3);
    expect(box.cells.find((c) => c.name === "Solid at level")?.share).toBeCloseTo(1 / 3, 12);
    expect(box.thresholds).toEqual({ ready: 0.8, almost: 0.6 });
  });

  it("has nine named boxes, next level Ready on top, current level below Almost on the left", () => {
    const box = nineBox(matrix.scoring, team);
    expect(box.cells.map((c) => `${c.next}/${c.current}: ${c.name}`)).toEqual([
      "ready/below: Check the ratings",
      "ready/almost: Ahead, with gaps at level",
      "ready/ready: Ready to move up",
      "almost/below: Uneven: check the level",
      "almost/almost: Developing",
      "almost/ready: Growing into the next level",
      "below/below: Needs support",
      "below/almost: Nearly at level",
      "below/ready: Solid at level",
    ]);
  });

  it("lists apart the people with too little data or no next level, saying why", () => {
    expect(nineBox(matrix.scoring, team).apart).toEqual([
      { person: "Thin", reason: "Insufficient data at their current level." },
      { person: "Top", reason: "No next level on their path." },
    ]);
  });

  it("takes the session's own thresholds", () => {
    const box = nineBox(matrix.scoring, team, { ready: 0.6 });
    expect(counts(box)["Ready to move up"]).toEqual(["Star", "Grow"]);
    expect(box.thresholds).toEqual({ ready: 0.6, almost: 0.6 });
  });

  it("has no shares to give when nobody is placed", () => {
    const box = nineBox(matrix.scoring, []);
    expect(box.placed).toBe(0);
    expect(box.cells.every((c) => c.count === 0 && c.share === 0)).toBe(true);
  });
});
