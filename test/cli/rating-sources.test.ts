/**
 * The Source column through the command line: `score` counts the manager's row (or the framework's rule), says who
 * has no manager rating yet, points bad sources and repeated rows at their cells; `build` writes the Agreement sheet.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { careerMatrixFromFramework } from "../../src/core/career-matrix";
import { scorePerson } from "../../src/core/readiness";
import { bundledFramework } from "../../src/data";
import { readXlsx } from "../../src/hosts/xlsx/xlsx-reader";
import { AGREEMENT_HEADER_ROW } from "../../src/sheets/agreement-sheet";
import { compileCli, runCli } from "./run-cli";

jest.setTimeout(120_000);

const framework = bundledFramework();
const matrix = careerMatrixFromFramework(framework);
const HEADER = "Person,Track,Level,Rater,Team,Source,code-review,mentoring,architecture";
const TEAM = [
  HEADER,
  "Ana Lima,Backend,Senior,Amara Okafor,Create,Self,4,4,4",
  "Ana Lima,Backend,Senior,Amara Okafor,Create,Manager,3,4,2",
  "Ana Lima,Backend,Senior,Kwame Mensah,Create,Peer,1,2,1",
  "Bo Chen,Backend,Intermediate,Bo Chen,Create,Self,4,4,",
  "Cy Diaz,Backend,Intermediate,Amara Okafor,Create,,3,2,3",
  "",
].join("\n");

let dir: string;
const file = (name: string): string => path.join(dir, name);

beforeAll(() => {
  compileCli();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "cm-sources-"));
  fs.writeFileSync(file("team.csv"), TEAM);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

interface Scored {
  person: string;
  status?: string;
  next: { readiness: number } | null;
}

describe("career-matrix score with a Source column", () => {
  it("scores each person on their manager's row, and lists someone rated only by themselves as having no manager rating yet", async () => {
    const run = await runCli(["score", "--ratings", "team.csv", "--format", "json"], dir);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe(
      "1 person has ratings but none from their manager (No manager rating yet): Bo Chen\n",
    );
    const people = JSON.parse(run.stdout) as Scored[];
    expect(people.map((p) => [p.person, p.status ?? null])).toEqual([
      ["Ana Lima", null],
      ["Cy Diaz", null],
      ["Bo Chen", "No manager rating yet"],
    ]);
    const manager = scorePerson(matrix, {
      person: "Ana Lima",
      track: "backend",
      level: "senior",
      rater: "Amara Okafor",
      team: "Create",
      row: 3,
      ratings: { "code-review": 3, mentoring: 4, architecture: 2 },
    });
    expect(people[0].next?.readiness).toBeCloseTo(manager.next?.readiness as number, 12);
    expect(people[2].next).toBeNull();
  });

  it("shows No manager rating yet in the table, not a readiness of 0", async () => {
    const run = await runCli(["score", "--ratings", "team.csv"], dir);
    const bo = run.stdout.split("\n").find((line) => line.startsWith("Bo Chen"));
    expect(bo).toMatch(/No manager rating yet/);
    expect(bo).not.toMatch(/0%/);
  });

  it("uses the mean of the manager's and the peers' ratings when the framework says so", async () => {
    const own = {
      ...structuredClone(framework),
      scoring: { ...framework.scoring, ratingRule: "manager-and-peers" },
    };
    fs.writeFileSync(file("mean.json"), JSON.stringify(own));
    const run = await runCli(
      ["score", "--ratings", "team.csv", "--framework", "mean.json", "--format", "json"],
      dir,
    );
    expect(run.status).toBe(0);
    const people = JSON.parse(run.stdout) as Scored[];
    const mean = scorePerson(matrix, {
      person: "Ana Lima",
      track: "backend",
      level: "senior",
      rater: "Amara Okafor",
      team: "Create",
      row: 3,
      ratings: { "code-review": 2, mentoring: 3, architecture: 1.5 },
    });
    expect(people[0].next?.readiness).toBeCloseTo(mean.next?.readiness as number, 12);
    // Not what the manager's row alone gives.
    const alone = JSON.parse(
      (await runCli(["score", "--ratings", "team.csv", "--format", "json"], dir)).stdout,
    ) as Scored[];
    expect(alone[0].next?.readiness).not.toBeCloseTo(mean.next?.readiness as number, 3);
  });

  it("exits 1 pointing at a source that is not Self, Manager or Peer, and at both rows of a repeated rating", async () => {
    fs.writeFileSync(
      file("bad.csv"),
      [
        HEADER,
        "Ana Lima,Backend,Senior,Amara Okafor,Create,Boss,4,4,4",
        "Cy Diaz,Backend,Intermediate,Amara Okafor,Create,,3,2,3",
        "Cy Diaz,Backend,Intermediate,Amara Okafor,Create,Manager,3,3,3",
        "",
      ].join("\n"),
    );
    const run = await runCli(["score", "--ratings", "bad.csv"], dir);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe("");
    const lines = run.stderr.trimEnd().split("\n");
    expect(lines).toContain(
      'bad.csv:2:6: Source "Boss" in F2 for Ana Lima is not a source of ratings: type Self, Manager or Peer (blank is Manager). The row is not counted until then.',
    );
    expect(lines).toContain(
      "bad.csv:3:1: Cy Diaz's Manager rating by Amara Okafor in row 3 is given again in row 4: only row 3 is scored. Remove row 4 or merge it into row 3.",
    );
    expect(lines).toContain(
      "bad.csv:4:1: Cy Diaz's Manager rating by Amara Okafor appears again in A4 (first in row 3): only row 3 is scored. Remove this row or merge it into row 3.",
    );
  });
});

describe("career-matrix build with a Source column", () => {
  it("writes every row on the Ratings sheet and self − manager on the Agreement sheet", async () => {
    const run = await runCli(
      ["build", "--tracks", "backend", "--ratings", "team.csv", "-o", "team.xlsx"],
      dir,
    );
    expect(run.status).toBe(0);
    const sheets = await readXlsx(fs.readFileSync(file("team.xlsx")));
    const ratings = sheets.find((s) => s.key === "ratings")!;
    expect(ratings.values.slice(1).map((row) => [row[0], row[5]])).toEqual([
      ["Ana Lima", "Self"],
      ["Ana Lima", "Manager"],
      ["Ana Lima", "Peer"],
      ["Bo Chen", "Self"],
      ["Cy Diaz", null],
    ]);
    const agreement = sheets.find((s) => s.key === "agreement-heatmap")!;
    const header = agreement.values[AGREEMENT_HEADER_ROW];
    const ana = agreement.values.find((row) => row[0] === "Ana Lima")!;
    const name = (id: string) => framework.competencies.find((c) => c.id === id)!.name;
    expect(
      [name("code-review"), name("mentoring"), name("architecture")].map((n) => ana[header.indexOf(n)]),
    ).toEqual([1, 0, 2]);
    expect(ana[header.indexOf("Largest gap")]).toBe(2);
    expect(ana[header.indexOf("On")]).toBe(name("architecture"));
    const readiness = sheets.find((s) => s.key === "readiness-heatmap")!;
    const bo = readiness.values.find((row) => row[0] === "Bo Chen")!;
    expect(bo).toContain("No manager rating yet");
  });
});
