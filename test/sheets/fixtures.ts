/** A tiny career matrix: two tracks, two areas, four competencies — small enough to check every cell by eye. */
import type { CareerMatrix, MatrixLevel } from "../../src/core/matrix";

const intermediate: MatrixLevel = {
  id: "intermediate",
  name: "Intermediate",
  title: "",
  path: "ic",
  rank: 2,
};
const senior: MatrixLevel = { id: "senior", name: "Senior", title: "", path: "ic", rank: 3 };
const staff: MatrixLevel = { id: "staff", name: "Staff", title: "", path: "ic", rank: 4 };
const manager: MatrixLevel = { id: "manager", name: "Manager", title: "", path: "management", rank: 4 };

const titled = (level: MatrixLevel, track: string): MatrixLevel => ({
  ...level,
  title: `${level.name} ${track}`,
});

export function tinyMatrix(): CareerMatrix {
  return {
    scale: [
      { value: 0, label: "None", meaning: "Not shown" },
      { value: 1, label: "Learning", meaning: "With help" },
      { value: 2, label: "Doing", meaning: "On their own" },
      { value: 3, label: "Leading", meaning: "Guides others" },
      { value: 4, label: "Shaping", meaning: "Sets direction" },
    ],
    areas: [
      { id: "technical", name: "Technical", weight: 2 },
      { id: "leadership", name: "Leadership", weight: 1 },
    ],
    scoring: { ready: 0.8, almost: 0.6, minCoverage: 0.5 },
    tracks: [
      {
        id: "backend",
        name: "Backend",
        levels: [intermediate, senior, staff, manager].map((l) => titled(l, "Backend Engineer")),
        competencies: [
          {
            id: "code-quality",
            name: "Code quality",
            area: "technical",
            expectations: {
              intermediate: { value: 2, descriptor: "Writes clean code" },
              senior: { value: 3, descriptor: "Raises the bar" },
              staff: { value: 4, descriptor: "Sets standards" },
            },
          },
          {
            id: "system-design",
            name: "System design",
            area: "technical",
            expectations: {
              intermediate: { value: 1, descriptor: "Designs parts" },
              senior: { value: 2, descriptor: "Designs features" },
              staff: { value: 3, descriptor: "Designs systems" },
              manager: { value: 2, descriptor: "Reviews designs" },
            },
          },
          {
            id: "mentoring",
            name: "Mentoring",
            area: "leadership",
            expectations: {
              intermediate: { value: 1, descriptor: "Helps peers" },
              senior: { value: 2, descriptor: "Mentors juniors" },
              staff: { value: 3, descriptor: "Grows seniors" },
              manager: { value: 3, descriptor: "Coaches the team" },
            },
          },
          {
            id: "people-management",
            name: "People management",
            area: "leadership",
            expectations: { manager: { value: 3, descriptor: "Runs 1:1s and reviews" } },
          },
        ],
      },
      {
        id: "frontend",
        name: "Frontend",
        levels: [intermediate, senior].map((l) => titled(l, "Frontend Engineer")),
        competencies: [
          {
            id: "code-quality",
            name: "Code quality",
            area: "technical",
            expectations: {
              intermediate: { value: 2, descriptor: "Writes clean code" },
              senior: { value: 3, descriptor: "Raises the bar" },
            },
          },
          {
            id: "accessibility",
            name: "Accessibility",
            area: "technical",
            expectations: {
              intermediate: { value: 1, descriptor: "Knows WCAG" },
              senior: { value: 3, descriptor: "Audits pages" },
            },
          },
          {
            id: "mentoring",
            name: "Mentoring",
            area: "leadership",
            expectations: {
              intermediate: { value: 1, descriptor: "Helps peers" },
              senior: { value: 2, descriptor: "Mentors juniors" },
            },
          },
        ],
      },
    ],
  };
}
