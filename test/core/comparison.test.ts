import { compareLevels } from "../../src/core/comparison";
import { tinyMatrix } from "./fixtures";

const matrix = tinyMatrix();

describe("compareLevels", () => {
  it("sets two levels of one track side by side with the change and the descriptors", () => {
    const comparison = compareLevels(
      matrix,
      { track: "backend", level: "senior" },
      { track: "backend", level: "staff" },
    );
    expect(comparison.from).toEqual({
      track: "backend",
      level: "senior",
      trackName: "Backend Engineering",
      title: "Senior Backend Engineer",
      grade: 7,
    });
    expect(comparison.to.title).toBe("Staff Backend Engineer");
    expect(
      comparison.rows.map((r) => [r.competency, r.from?.value, r.to?.value, r.change, r.presence]),
    ).toEqual([
      ["code-quality", 3, 4, 1, "both"],
      ["system-design", 2, 3, 1, "both"],
      ["databases", 3, 3, 0, "both"],
      ["mentoring", 2, 3, 1, "both"],
      ["collaboration", 2, 3, 1, "both"],
    ]);
    expect(comparison.rows[0]).toEqual({
      competency: "code-quality",
      name: "Code quality",
      area: "technical",
      from: { value: 3, descriptor: "senior 3" },
      to: { value: 4, descriptor: "staff 4" },
      change: 1,
      presence: "both",
    });
  });

  it("compares the same level on two tracks for a lateral transfer, marking competencies of one side only", () => {
    const comparison = compareLevels(
      matrix,
      { track: "Backend Engineering", level: "Senior Backend Engineer" },
      { track: "frontend", level: "Senior" },
    );
    expect(comparison.to).toEqual({
      track: "frontend",
      level: "senior",
      trackName: "Frontend Engineering",
      title: "Senior Frontend Engineer",
      grade: 7,
    });
    const databases = comparison.rows.find((r) => r.competency === "databases")!;
    expect(databases).toEqual({
      competency: "databases",
      name: "Databases",
      area: "technical",
      from: { value: 3, descriptor: "senior 3" },
      change: null,
      presence: "from-only",
    });
    expect(comparison.rows.filter((r) => r.presence === "both").every((r) => r.change === 0)).toBe(true);
  });

  it("keeps area order across the fork from Staff to Engineering Manager, with to-only rows", () => {
    const comparison = compareLevels(
      matrix,
      { track: "backend", level: "staff" },
      { track: "backend", level: "manager" },
    );
    expect(comparison.rows.map((r) => [r.competency, r.presence, r.change])).toEqual([
      ["code-quality", "from-only", null],
      ["system-design", "both", -1],
      ["databases", "from-only", null],
      ["mentoring", "both", 0],
      ["hiring", "to-only", null],
      ["collaboration", "both", 0],
    ]);
    expect(comparison.rows[4].to).toEqual({ value: 3, descriptor: "manager 3" });
    expect(comparison.rows[4].from).toBeUndefined();
  });

  it("takes the to-side's competencies that the from-track lacks, in their area", () => {
    const comparison = compareLevels(
      matrix,
      { track: "frontend", level: "staff" },
      { track: "backend", level: "staff" },
    );
    expect(comparison.rows.map((r) => r.competency)).toEqual([
      "code-quality",
      "system-design",
      "databases",
      "mentoring",
      "collaboration",
    ]);
    expect(comparison.rows[2].presence).toBe("to-only");
  });

  it("compares a level with itself as no change", () => {
    const same = compareLevels(
      matrix,
      { track: "backend", level: "senior" },
      { track: "backend", level: "senior" },
    );
    expect(same.rows.every((r) => r.change === 0 && r.presence === "both")).toBe(true);
  });

  it("names the tracks or levels to use when a side does not exist", () => {
    expect(() =>
      compareLevels(matrix, { track: "mobile", level: "senior" }, { track: "backend", level: "staff" }),
    ).toThrow('Unknown track "mobile": use one of Backend Engineering or Frontend Engineering.');
    expect(() =>
      compareLevels(matrix, { track: "backend", level: "senior" }, { track: "frontend", level: "manager" }),
    ).toThrow(
      'Level "manager" is not on the Frontend Engineering ladder: use one of Intermediate, Senior or Staff.',
    );
  });
});
