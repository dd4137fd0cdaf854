/**
 * A tiny framework for specifications: two tracks (Backend with IC and management levels, Frontend IC only), three
 * areas with Technical weighted double, six competencies listed out of area order on purpose.
 */
import { careerMatrixFromFramework } from "../../src/core/career-matrix";
import type { Competency, Expectation, Framework, LevelId } from "../../src/core/framework";
import type { CareerMatrix } from "../../src/core/matrix";
import type { Cell, PersonRatings } from "../../src/core/types";

const source = { seed: "fixture.md", section: "fixture" };

function expect_(values: Record<LevelId, number>): Record<LevelId, Expectation> {
  return Object.fromEntries(
    Object.entries(values).map(([level, value]) => [
      level,
      { value, descriptor: `${level} ${value}`, source },
    ]),
  );
}

function competency(
  c: Omit<Competency, "source" | "expectations"> & { at: Record<LevelId, number> },
): Competency {
  const { at, ...rest } = c;
  return { ...rest, expectations: expect_(at), source };
}

export function tinyFramework(): Framework {
  return {
    id: "tiny",
    name: "Tiny framework",
    version: "1",
    scale: [
      { value: 0, label: "Not yet", meaning: "Not shown" },
      { value: 1, label: "Developing", meaning: "With help" },
      { value: 2, label: "Proficient", meaning: "Alone" },
      { value: 3, label: "Advanced", meaning: "Guides others" },
      { value: 4, label: "Expert", meaning: "Sets direction" },
    ],
    areas: [
      { id: "technical", name: "Technical", weight: 2 },
      { id: "leadership", name: "Leadership", weight: 1 },
      { id: "values", name: "Values alignment", weight: 1 },
    ],
    levels: [
      { id: "intermediate", name: "Intermediate", path: "ic", rank: 1, grade: 6, source },
      { id: "senior", name: "Senior", path: "ic", rank: 2, grade: 7, source },
      { id: "staff", name: "Staff", path: "ic", rank: 3, grade: 8, source },
      { id: "manager", name: "Engineering Manager", path: "management", rank: 3, grade: 8, source },
      { id: "senior-manager", name: "Senior Engineering Manager", path: "management", rank: 4, source },
    ],
    tracks: [
      {
        id: "backend",
        name: "Backend Engineering",
        ladder: [
          { level: "intermediate", title: "Intermediate Backend Engineer", source },
          { level: "senior", title: "Senior Backend Engineer", source },
          { level: "staff", title: "Staff Backend Engineer", source },
          { level: "manager", title: "Backend Engineering Manager", source },
          { level: "senior-manager", title: "Senior Backend Engineering Manager", source },
        ],
        source,
      },
      {
        id: "frontend",
        name: "Frontend Engineering",
        ladder: [
          { level: "intermediate", title: "Intermediate Frontend Engineer", source },
          { level: "senior", title: "Senior Frontend Engineer", source },
          { level: "staff", title: "Staff Frontend Engineer", source },
        ],
        source,
      },
    ],
    competencies: [
      competency({
        id: "collaboration",
        area: "values",
        name: "Collaboration",
        tracks: ["backend", "frontend"],
        paths: ["ic", "management"],
        at: { intermediate: 2, senior: 2, staff: 3, manager: 3, "senior-manager": 3 },
      }),
      competency({
        id: "code-quality",
        area: "technical",
        name: "Code quality",
        tracks: ["backend", "frontend"],
        paths: ["ic"],
        at: { intermediate: 2, senior: 3, staff: 4 },
      }),
      competency({
        id: "mentoring",
        area: "leadership",
        name: "Mentoring",
        tracks: ["backend", "frontend"],
        paths: ["ic", "management"],
        at: { intermediate: 1, senior: 2, staff: 3, manager: 3, "senior-manager": 4 },
      }),
      competency({
        id: "system-design",
        area: "technical",
        name: "System design",
        tracks: ["backend", "frontend"],
        paths: ["ic", "management"],
        at: { intermediate: 1, senior: 2, staff: 3, manager: 2, "senior-manager": 3 },
      }),
      competency({
        id: "hiring",
        area: "leadership",
        name: "Hiring",
        tracks: ["backend"],
        paths: ["management"],
        at: { manager: 3, "senior-manager": 4 },
      }),
      competency({
        id: "databases",
        area: "technical",
        name: "Databases",
        tracks: ["backend"],
        paths: ["ic"],
        at: { intermediate: 2, senior: 3, staff: 3 },
      }),
    ],
    transfers: [],
    scoring: { ready: 0.8, almost: 0.6, minCoverage: 0.5 },
  };
}

export function tinyMatrix(): CareerMatrix {
  return careerMatrixFromFramework(tinyFramework());
}

/** A person as readRatings would produce them; ratings by competency id. */
export function person(
  name: string,
  track: string,
  level: string,
  ratings: Record<string, number>,
  extra: Partial<Pick<PersonRatings, "rater" | "team" | "row">> = {},
): PersonRatings {
  return {
    person: name,
    track,
    level,
    rater: extra.rater ?? "",
    team: extra.team ?? "",
    row: extra.row ?? 2,
    ratings,
  };
}

/** A ratings table with the usual header: Person, Track, Level, Rater, Team, then the given competency headers. */
export function ratingsTable(competencyHeaders: string[], rows: Cell[][]): Cell[][] {
  return [["Person", "Track", "Level", "Rater", "Team", ...competencyHeaders], ...rows];
}
