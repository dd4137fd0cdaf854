import { careerMatrixFromFramework } from "../../src/core/career-matrix";
import { readRatings } from "../../src/core/ratings";
import { scoreTeam } from "../../src/core/readiness";
import type { SamplePerson } from "../../src/data";
import { bundledFramework } from "../../src/data";
import { columnLetter } from "../../src/sheets/a1";
import { RATINGS_FIELDS } from "../../src/sheets/ratings-sheet";
import { READINESS_HEADER_ROW } from "../../src/sheets/readiness-sheet";
import { buildMatrix, createRatings, insertComparison, scoreRatings } from "../../src/workbook/commands";
import { officeWorkbook, sheetNamed, typeRatings } from "./office-workbook";

jest.setTimeout(120_000);

const framework = bundledFramework();
const matrix = careerMatrixFromFramework(framework);
const backend = matrix.tracks.find((t) => t.id === "backend")!;

/** Rated at the expectations of a level of their track, on every competency that has one. */
function ratedAt(
  person: string,
  track: string,
  level: string,
  at: string,
  specialisation?: string,
): SamplePerson {
  const t = matrix.tracks.find((x) => x.id === track)!;
  const ratings = Object.fromEntries(
    t.competencies.flatMap((c) => {
      const e = c.expectations[at];
      return e ? [[c.id, e.value]] : [];
    }),
  );
  return {
    person,
    track,
    level,
    rater: "Kim",
    team: "Core",
    ratings,
    ...(specialisation ? { specialisation } : {}),
  };
}

const TEAM: SamplePerson[] = [
  ratedAt("Ana", "backend", "senior", "senior"),
  ratedAt("Bo", "backend", "distinguished", "distinguished", "secure"),
  ratedAt("Cy", "backend", "junior", "junior"),
  ratedAt("Dee", "security", "staff", "staff", "secure"),
];

async function scoredBook() {
  const { book, host } = officeWorkbook();
  await buildMatrix(host, framework, ["backend", "security"], { keepEdits: true });
  await createRatings(host, framework, TEAM);
  await typeRatings(book, framework, TEAM);
  const result = await scoreRatings(host, framework);
  return { book, host, result };
}

describe("the fork, specialisations and grades in the workbook (Office host, in-memory Excel)", () => {
  let scored: Awaited<ReturnType<typeof scoredBook>>;
  beforeAll(async () => {
    scored = await scoredBook();
  });
  const readiness = () => sheetNamed(scored.book, "Readiness").values;
  const header = () => readiness()[READINESS_HEADER_ROW];
  const rowOf = (person: string) => readiness().find((r) => r[0] === person)!;
  const core = () => {
    const ratings = sheetNamed(scored.book, "Ratings").values;
    return scoreTeam(matrix, readRatings(ratings, matrix).people);
  };

  it("writes the Specialisation column on Ratings, and warns at the cell of one the track does not offer", () => {
    const ratings = sheetNamed(scored.book, "Ratings").values;
    const at = ratings[0].indexOf("Specialisation");
    expect(at).toBe(RATINGS_FIELDS.length);
    expect(ratings.slice(1, 5).map((r) => [r[0], r[at]])).toEqual([
      ["Ana", null],
      ["Bo", "Secure"],
      ["Cy", null],
      ["Dee", "Secure"],
    ]);
    expect(scored.result.problems.map((p) => [p.sheet, p.cell, p.severity])).toContainEqual([
      "Ratings",
      `${columnLetter(at)}5`,
      "warning",
    ]);
    expect(core().map((s) => s.person.specialisation)).toEqual([undefined, "secure", undefined, undefined]);
  });

  it("shows a Senior ready for Staff and, as Or next, for Engineering Manager", () => {
    const h = header();
    const ana = rowOf("Ana");
    const [staff, manager] = core()[0].nextLevels;
    expect(ana[h.indexOf("Next level")]).toBe("Staff");
    expect(ana[h.indexOf("Readiness")]).toBe(staff.readiness);
    expect(ana[h.indexOf("Or next")]).toBe("Manager");
    expect(ana[h.indexOf("Its readiness")]).toBe(manager.readiness);
    expect(ana[h.indexOf("Its status")]).toEqual(expect.any(String));
    expect(rowOf("Cy")[h.indexOf("Or next")]).toBeNull();
  });

  it("rates a Backend Junior on no specialisation competency, and the Secure Distinguished on Secure", () => {
    const [, bo, cy] = core();
    for (const level of cy.levels)
      expect(level.gaps.map((g) => g.competency)).not.toEqual(expect.arrayContaining(["secure-products"]));
    const distinguished = bo.levels.find((l) => l.level === "distinguished")!;
    expect(distinguished.gaps.map((g) => g.competency)).toContain("secure-products");
    expect(distinguished.gaps.map((g) => g.competency)).not.toContain("ops-enablement");
    // The sheet's live formula for the Distinguished column agrees with the core, Secure included.
    expect(rowOf("Bo")[header().indexOf("Distinguished (grade 10)")]).toBe(distinguished.readiness);
  });

  it("shows the grade where the framework knows it: matrix headers and the Readiness sheet's level columns", () => {
    const matrixHeader = sheetNamed(scored.book, "Backend matrix").values[4];
    expect(matrixHeader).toContain("Distinguished Backend Engineer (grade 10)");
    expect(matrixHeader).toContain("Engineering Fellow");
    expect(header()).toContain("Distinguished (grade 10)");
    expect(header()).toContain("Fellow");
    expect(backend.levels.filter((l) => l.grade !== undefined).map((l) => l.id)).toEqual(["distinguished"]);
  });

  it("names the framework's lateral transfer and the grades on a comparison sheet", async () => {
    const { book, host } = officeWorkbook();
    await buildMatrix(host, framework, ["backend", "support"], { keepEdits: true });
    await insertComparison(
      host,
      framework,
      { track: "backend", level: "senior" },
      { track: "support", level: "senior" },
    );
    const values = sheetStarting(book, "Backend Senior vs Support").values;
    expect(values[1][0]).toBe(
      "Backend → Support Engineering: a lateral transfer of the framework (Backend Engineer → Support Engineer)",
    );
    await insertComparison(
      host,
      framework,
      { track: "backend", level: "distinguished" },
      { track: "backend", level: "fellow" },
    );
    const upValues = sheetStarting(book, "Backend Distinguished vs Fellow").values;
    expect(upValues[3].slice(2, 5)).toEqual([
      "Distinguished Backend Engineer (grade 10)",
      null,
      "Engineering Fellow",
    ]);
    expect(upValues[1][0]).toBe("Backend");
  });
});

function sheetStarting(book: ReturnType<typeof officeWorkbook>["book"], start: string) {
  const sheet = book.snapshot().sheets.find((s) => s.name.startsWith(start));
  if (!sheet) throw new Error(`No sheet named ${start}…`);
  return sheet;
}
