import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { careerMatrixFromFramework } from "../../src/core/career-matrix";
import type { Framework } from "../../src/core/framework";
import { readRatings } from "../../src/core/ratings";
import { scoreTeam } from "../../src/core/readiness";
import { bundledFramework } from "../../src/data";
import { parseCsv } from "../../src/export/csv";
import { runCli } from "./run-cli";

jest.setTimeout(180_000);

const RATINGS_CSV = [
  "Person,Track,Level,Rater,Team,Specialisation,code-review,mentoring,domain-expertise,architecture,simple-solutions,secure-products",
  "Ana,Backend,Senior,Kim,Create,,3,2,3,3,3,",
  "Bo,Backend,Staff,Kim,Create,Secure,3,3,3,4,3,2",
  "Cy,Backend,Junior,Kim,Create,,1,0,1,1,1,",
  "",
].join("\n");

/** The bundled framework, but Backend's Staff engineers are expected to be experts in architecture. */
function ownFramework(): Framework {
  const framework = JSON.parse(JSON.stringify(bundledFramework())) as Framework;
  const architecture = framework.competencies.find((c) => c.id === "architecture")!;
  architecture.overrides = {
    backend: { staff: { value: 4, descriptor: "Owns the architecture of a whole product area." } },
  };
  // Readiness thresholds are the framework's, not the matrix sheets': only the kept framework gives these.
  framework.scoring = { ready: 0.5, almost: 0.3, minCoverage: 0.2 };
  framework.name = "Our framework";
  return framework;
}

let dir: string;
const file = (name: string): string => path.join(dir, name);

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "cm-forks-"));
  fs.writeFileSync(file("team.csv"), RATINGS_CSV);
  fs.writeFileSync(file("own.json"), JSON.stringify(ownFramework(), null, 2));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

interface Scored {
  person: string;
  specialisation: string | null;
  next: { level: string; readiness: number; status: string } | undefined;
  nextLevels: { level: string; readiness: number; status: string; blockers: { competency: string }[] }[];
  levels: { level: string; readiness: number }[];
}

describe("career-matrix score: the fork after Senior and specialisations", () => {
  it("prints both next levels of a Senior, Staff then Engineering Manager, as JSON, CSV and a table", async () => {
    const json = await runCli(["score", "--ratings", "team.csv", "--format", "json"], dir);
    expect(json).toMatchObject({ status: 0, stderr: "" });
    const people = JSON.parse(json.stdout) as Scored[];
    expect(people.map((p) => [p.person, p.next?.level, p.nextLevels.map((l) => l.level)])).toEqual([
      ["Ana", "staff", ["staff", "manager"]],
      ["Bo", "distinguished", ["distinguished"]],
      ["Cy", "intermediate", ["intermediate"]],
    ]);

    const csv = parseCsv(
      (await runCli(["score", "--ratings", "team.csv", "--format", "csv"], dir)).stdout,
    ).rows;
    const header = csv[0];
    expect(header.slice(7, 14)).toEqual([
      "Next level",
      "Next readiness",
      "Next status",
      "Or next",
      "Its readiness",
      "Its status",
      "Highest Ready level",
    ]);
    const ana = people[0].nextLevels[1];
    expect(csv[1].slice(10, 13)).toEqual(["Manager", ana.readiness, expect.any(String)]);
    expect(csv[2][10] ?? "").toBe("");

    const table = (await runCli(["score", "--ratings", "team.csv"], dir)).stdout.split("\n");
    expect(table[0]).toMatch(
      /Next level\s+Next readiness\s+Next status\s+Or next\s+Its readiness\s+Its status/,
    );
    expect(table[2]).toMatch(/Staff .* Manager/);
  });

  it("counts the Secure competency for the Staff engineer who took it on, toward Distinguished", async () => {
    const people = JSON.parse(
      (await runCli(["score", "--ratings", "team.csv", "--format", "json"], dir)).stdout,
    ) as Scored[];
    expect(people[1].specialisation).toBe("secure");
    expect(people[1].nextLevels[0].blockers.map((b) => b.competency)).toContain("secure-products");
    // Nobody else is rated on it, at any level.
    const matrix = careerMatrixFromFramework(bundledFramework());
    const scored = scoreTeam(matrix, readRatings(parseCsv(RATINGS_CSV).rows, matrix).people);
    for (const s of [scored[0], scored[2]])
      for (const level of s.levels)
        expect(level.gaps.map((g) => g.competency)).not.toContain("secure-products");
  });
});

describe("career-matrix score on a workbook: the framework the workbook keeps", () => {
  const ownMatrix = careerMatrixFromFramework(ownFramework());
  const bundledMatrix = careerMatrixFromFramework(bundledFramework());
  const staffOf = (matrix: typeof ownMatrix) => {
    const staff = scoreTeam(matrix, readRatings(parseCsv(RATINGS_CSV).rows, matrix).people)[0].nextLevels[0];
    return { readiness: staff.readiness, status: staff.status };
  };
  const nextOf = (stdout: string) => {
    const next = (JSON.parse(stdout) as Scored[])[0].next;
    return { readiness: next?.readiness, status: next?.status };
  };

  it("scores --ratings BOOK.xlsx and --into BOOK.xlsx with the framework it was built with", async () => {
    // Ana's architecture 3 meets the bundled Staff expectation (3) but not this framework's (4), and the thresholds
    // differ: her status for Staff is another one.
    expect(staffOf(ownMatrix).readiness).toBeLessThan(staffOf(bundledMatrix).readiness);
    expect(staffOf(ownMatrix).status).not.toBe(staffOf(bundledMatrix).status);
    expect(
      (await runCli(["build", "--ratings", "team.csv", "--framework", "own.json", "-o", "own.xlsx"], dir))
        .status,
    ).toBe(0);

    const fromBook = await runCli(["score", "--ratings", "own.xlsx", "--format", "json"], dir);
    expect(fromBook).toMatchObject({ status: 0, stderr: "" });
    expect(nextOf(fromBook.stdout)).toEqual(staffOf(ownMatrix));

    const into = await runCli(["score", "--into", "own.xlsx", "--format", "json"], dir);
    expect(into.status).toBe(0);
    expect(nextOf(into.stdout)).toEqual(staffOf(ownMatrix));
  });
});
