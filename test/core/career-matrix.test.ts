import {
  careerMatrixFromFramework,
  competencyWeights,
  findCompetency,
  findLevel,
  findTrack,
  nextLevel,
} from "../../src/core/career-matrix";
import { tinyFramework, tinyMatrix } from "./fixtures";

describe("careerMatrixFromFramework", () => {
  it("gives each track its ladder in ladder order with titles from the ladder and ranks from the levels", () => {
    const backend = tinyMatrix().tracks[0];
    expect(backend.levels).toEqual([
      {
        id: "intermediate",
        name: "Intermediate",
        title: "Intermediate Backend Engineer",
        path: "ic",
        rank: 1,
        grade: 6,
      },
      { id: "senior", name: "Senior", title: "Senior Backend Engineer", path: "ic", rank: 2, grade: 7 },
      { id: "staff", name: "Staff", title: "Staff Backend Engineer", path: "ic", rank: 3, grade: 8 },
      {
        id: "manager",
        name: "Engineering Manager",
        title: "Backend Engineering Manager",
        path: "management",
        rank: 3,
        grade: 8,
      },
      {
        id: "senior-manager",
        name: "Senior Engineering Manager",
        title: "Senior Backend Engineering Manager",
        path: "management",
        rank: 4,
      },
    ]);
  });

  it("keeps only the competencies of the track, grouped by area in area order, then framework order", () => {
    const [backend, frontend] = tinyMatrix().tracks;
    expect(backend.competencies.map((c) => c.id)).toEqual([
      "code-quality",
      "system-design",
      "databases",
      "mentoring",
      "hiring",
      "collaboration",
    ]);
    expect(frontend.competencies.map((c) => c.id)).toEqual([
      "code-quality",
      "system-design",
      "mentoring",
      "collaboration",
    ]);
  });

  it("sets expectations only at ladder levels on the competency's paths", () => {
    const framework = tinyFramework();
    // Hiring is a management competency: an expectation someone left at Staff must not reach the IC ladder.
    const hiring = framework.competencies.find((c) => c.id === "hiring")!;
    hiring.expectations.staff = { value: 2, descriptor: "stray", source: { derived: "test" } };
    const backend = careerMatrixFromFramework(framework).tracks[0];
    expect(Object.keys(findCompetency(backend, "hiring")!.expectations)).toEqual([
      "manager",
      "senior-manager",
    ]);
    expect(findCompetency(backend, "code-quality")!.expectations).toEqual({
      intermediate: { value: 2, descriptor: "intermediate 2" },
      senior: { value: 3, descriptor: "senior 3" },
      staff: { value: 4, descriptor: "staff 4" },
    });
  });

  it("limits the matrix to the tracks asked for and rejects unknown ones", () => {
    expect(careerMatrixFromFramework(tinyFramework(), ["frontend"]).tracks.map((t) => t.id)).toEqual([
      "frontend",
    ]);
    expect(() => careerMatrixFromFramework(tinyFramework(), ["mobile"])).toThrow('Unknown track "mobile"');
  });

  it("carries the scale in value order, the areas and the scoring thresholds", () => {
    const framework = tinyFramework();
    framework.scale.reverse();
    const matrix = careerMatrixFromFramework(framework);
    expect(matrix.scale.map((p) => p.value)).toEqual([0, 1, 2, 3, 4]);
    expect(matrix.areas.map((a) => a.id)).toEqual(["technical", "leadership", "values"]);
    expect(matrix.scoring).toEqual({ ready: 0.8, almost: 0.6, minCoverage: 0.5 });
  });

  it("does not share objects with the framework, so editing the matrix leaves the framework intact", () => {
    const framework = tinyFramework();
    const matrix = careerMatrixFromFramework(framework);
    matrix.tracks[0].competencies[0].expectations.senior!.value = 0;
    matrix.scoring.ready = 0;
    expect(framework.competencies[1].expectations.senior!.value).toBe(3);
    expect(framework.scoring.ready).toBe(0.8);
  });
});

describe("finding tracks, levels and competencies", () => {
  const matrix = tinyMatrix();
  const backend = matrix.tracks[0];

  it("finds a track by id or by name, ignoring case and spacing", () => {
    expect(findTrack(matrix, "backend")?.id).toBe("backend");
    expect(findTrack(matrix, "  frontend   ENGINEERING ")?.id).toBe("frontend");
    expect(findTrack(matrix, "Mobile")).toBeUndefined();
    expect(findTrack(matrix, "")).toBeUndefined();
  });

  it("finds a level by id, level name or ladder title", () => {
    expect(findLevel(backend, "senior")?.id).toBe("senior");
    expect(findLevel(backend, "Engineering manager")?.id).toBe("manager");
    expect(findLevel(backend, "senior backend engineer")?.id).toBe("senior");
    expect(findLevel(backend, "Principal")).toBeUndefined();
  });

  it("finds a competency by id or name", () => {
    expect(findCompetency(backend, "System Design")?.id).toBe("system-design");
    expect(findCompetency(backend, "databases")?.id).toBe("databases");
    expect(findCompetency(matrix.tracks[1], "Databases")).toBeUndefined();
  });

  it("steps to the next rank on the same path: Senior to Staff, Manager to Senior Manager, Staff nowhere", () => {
    expect(nextLevel(backend, "intermediate")?.id).toBe("senior");
    expect(nextLevel(backend, "senior")?.id).toBe("staff");
    expect(nextLevel(backend, "manager")?.id).toBe("senior-manager");
    expect(nextLevel(backend, "staff")).toBeUndefined();
    expect(nextLevel(backend, "senior-manager")).toBeUndefined();
    expect(nextLevel(backend, "principal")).toBeUndefined();
  });

  it("weighs each competency by its area, 1 when the area is unknown", () => {
    const edited = tinyMatrix();
    edited.areas[2].weight = 3;
    edited.tracks[0].competencies[5].area = "unlisted";
    const weights = competencyWeights(edited, edited.tracks[0]);
    expect(weights.get("code-quality")).toBe(2);
    expect(weights.get("mentoring")).toBe(1);
    expect(weights.get("collaboration")).toBe(1);
  });
});
