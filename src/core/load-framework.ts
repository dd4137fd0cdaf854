/**
 * Turns untrusted JSON into a Framework: the shape (zod), then the references between records. Every problem is
 * reported with the JSON path of the field to fix, so a broken file can be repaired without reading this code.
 */
import type { z } from "zod";
import type { CareerPath, Competency, Framework, Level } from "./framework";
import { frameworkSchema } from "./framework-schema";

export interface JsonProblem {
  /** e.g. `competencies[3].expectations.senior.value` */
  path: string;
  message: string;
}

export class FrameworkError extends Error {
  readonly problems: JsonProblem[];

  constructor(what: string, problems: JsonProblem[]) {
    super(describeProblems(what, problems));
    this.name = "FrameworkError";
    this.problems = problems;
  }
}

export function loadFramework(json: unknown): Framework {
  const parsed = frameworkSchema.safeParse(json);
  if (!parsed.success) throw new FrameworkError("framework", zodProblems(parsed.error));
  const problems = integrityProblems(parsed.data);
  if (problems.length > 0) throw new FrameworkError("framework", problems);
  return parsed.data;
}

/** `["competencies", 3, "name"]` -> `competencies[3].name`; keys that are not plain names are bracketed. */
export function jsonPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else if (typeof key === "string" && /^[A-Za-z_$][\w$-]*$/.test(key)) out += out === "" ? key : `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out === "" ? "(root)" : out;
}

export function zodProblems(error: z.ZodError): JsonProblem[] {
  return error.issues.flatMap((issue) =>
    // A misspelt field is reported at the field itself, which is where the user looks.
    issue.code === "unrecognized_keys"
      ? issue.keys.map((key) => ({
          path: jsonPath([...issue.path, key]),
          message: "unexpected field; check its spelling or remove it",
        }))
      : [{ path: jsonPath(issue.path), message: issue.message }],
  );
}

export function describeProblems(what: string, problems: JsonProblem[]): string {
  const lines = problems.map((p) => `${p.path}: ${p.message}`);
  if (lines.length === 1) return `Invalid ${what}: ${lines[0]}`;
  return `Invalid ${what} (${lines.length} problems):\n${lines.map((l) => `  ${l}`).join("\n")}`;
}

function integrityProblems(framework: Framework): JsonProblem[] {
  const problems: JsonProblem[] = [];
  const report = (path: string, message: string) => problems.push({ path, message });

  uniqueIds(framework.areas, "areas", report);
  uniqueIds(framework.levels, "levels", report);
  uniqueIds(framework.tracks, "tracks", report);
  uniqueIds(framework.competencies, "competencies", report);
  checkScale(framework, report);
  checkLevels(framework, report);
  checkTracks(framework, report);
  framework.competencies.forEach((competency, i) =>
    checkCompetency(framework, competency, `competencies[${i}]`, report),
  );
  checkTransfers(framework, report);
  if (framework.scoring.almost > framework.scoring.ready) {
    report(
      "scoring.almost",
      `expected at most scoring.ready (${framework.scoring.ready}), found ${framework.scoring.almost}`,
    );
  }
  return problems;
}

type Report = (path: string, message: string) => void;

function uniqueIds(records: { id: string }[], list: string, report: Report): void {
  const seen = new Map<string, number>();
  records.forEach((record, i) => {
    const first = seen.get(record.id);
    if (first === undefined) seen.set(record.id, i);
    else report(`${list}[${i}].id`, `expected a unique id, but '${record.id}' is also ${list}[${first}].id`);
  });
}

function checkScale(framework: Framework, report: Report): void {
  framework.scale.forEach((point, i) => {
    const previous = framework.scale[i - 1];
    if (previous !== undefined && point.value <= previous.value) {
      report(
        `scale[${i}].value`,
        `expected a value above ${previous.value} (the scale ascends), found ${point.value}`,
      );
    }
  });
}

function checkLevels(framework: Framework, report: Report): void {
  // Two levels of one path with the same rank would make "the next level" ambiguous.
  const byPathRank = new Map<string, number>();
  framework.levels.forEach((level, i) => {
    const key = `${level.path}:${level.rank}`;
    const other = byPathRank.get(key);
    if (other === undefined) byPathRank.set(key, i);
    else
      report(
        `levels[${i}].rank`,
        `expected a rank no other ${level.path} level has, but levels[${other}] also has rank ${level.rank}`,
      );
  });
}

function checkTracks(framework: Framework, report: Report): void {
  const levels = new Map(framework.levels.map((level) => [level.id, level]));
  framework.tracks.forEach((track, t) => {
    const onLadder = new Set<string>();
    let previous: Level | undefined;
    track.ladder.forEach((step, s) => {
      const path = `tracks[${t}].ladder[${s}].level`;
      const level = levels.get(step.level);
      if (level === undefined)
        return report(
          path,
          `expected one of the level ids (${[...levels.keys()].join(", ")}), found '${step.level}'`,
        );
      if (onLadder.has(step.level))
        return report(path, `expected each level once on a ladder, found '${step.level}' twice`);
      onLadder.add(step.level);
      if (previous !== undefined && !ladderOrder(previous, level)) {
        report(
          path,
          `expected IC levels then management levels, each by rank, but '${step.level}' comes after '${previous.id}'`,
        );
      }
      previous = level;
    });
  });
}

function ladderOrder(before: Level, after: Level): boolean {
  if (before.path === after.path) return before.rank < after.rank;
  return before.path === "ic";
}

function checkCompetency(framework: Framework, competency: Competency, at: string, report: Report): void {
  const levels = new Map(framework.levels.map((level) => [level.id, level]));
  const tracks = new Map(framework.tracks.map((track) => [track.id, track]));
  const scale = new Set(framework.scale.map((point) => point.value));

  if (!framework.areas.some((area) => area.id === competency.area)) {
    report(
      `${at}.area`,
      `expected one of the area ids (${framework.areas.map((a) => a.id).join(", ")}), found '${competency.area}'`,
    );
  }
  duplicates(competency.paths).forEach((i) =>
    report(`${at}.paths[${i}]`, `expected each path once, found '${competency.paths[i]}' twice`),
  );
  duplicates(competency.tracks).forEach((i) =>
    report(`${at}.tracks[${i}]`, `expected each track once, found '${competency.tracks[i]}' twice`),
  );

  // Levels the competency must cover: every level on its tracks' ladders that is on one of its paths.
  const required = new Map<string, string[]>();
  competency.tracks.forEach((trackId, i) => {
    const track = tracks.get(trackId);
    if (track === undefined) {
      return report(
        `${at}.tracks[${i}]`,
        `expected one of the track ids (${[...tracks.keys()].join(", ")}), found '${trackId}'`,
      );
    }
    const applicable = track.ladder.filter((step) => {
      const level = levels.get(step.level);
      return level !== undefined && competency.paths.includes(level.path);
    });
    if (applicable.length === 0) {
      report(
        `${at}.tracks[${i}]`,
        `expected track '${trackId}' to have a level on path ${competency.paths.join("/")}, found none`,
      );
    }
    for (const step of applicable) required.set(step.level, [...(required.get(step.level) ?? []), trackId]);
  });
  for (const [levelId, onTracks] of required) {
    if (!Object.prototype.hasOwnProperty.call(competency.expectations, levelId)) {
      const where = onTracks.map((t) => `'${t}'`).join(", ");
      report(
        `${at}.expectations.${levelId}`,
        `expected an expectation: '${levelId}' is on the ladder of ${where}`,
      );
    }
  }

  for (const [levelId, expectation] of Object.entries(competency.expectations)) {
    const path = `${at}.expectations.${levelId}`;
    const level = levels.get(levelId);
    if (level === undefined) {
      report(
        path,
        `expected a key that is a level id (${[...levels.keys()].join(", ")}), found '${levelId}'`,
      );
    } else if (!competency.paths.includes(level.path)) {
      report(
        path,
        `expected no expectation: '${levelId}' is on the ${level.path} path, which the competency does not apply to`,
      );
    } else if (!required.has(levelId)) {
      report(
        path,
        `expected no expectation: '${levelId}' is on none of the competency's tracks (${competency.tracks.join(", ")})`,
      );
    }
    if (!scale.has(expectation.value)) {
      report(
        `${path}.value`,
        `expected a scale value (${[...scale].join(", ")}), found ${expectation.value}`,
      );
    }
  }
  checkMonotone(framework.levels, competency, at, report);
}

/** Expectations never fall as rank rises on a path; management levels start from where the shared IC trunk ends. */
function checkMonotone(allLevels: Level[], competency: Competency, at: string, report: Report): void {
  const forkRank = Math.min(
    ...allLevels.filter((level) => level.path === "management").map((level) => level.rank),
  );
  const expected = allLevels
    .filter((level) => Object.prototype.hasOwnProperty.call(competency.expectations, level.id))
    .map((level) => ({ level, value: competency.expectations[level.id].value }));
  const paths: CareerPath[] = ["ic", "management"];
  for (const path of paths) {
    const lower = expected.filter(({ level }) =>
      path === "ic" ? level.path === "ic" : level.path === "management" || level.rank < forkRank,
    );
    for (const { level, value } of expected.filter((e) => e.level.path === path)) {
      // Name the highest expectation it falls below, so one fix clears the problem.
      const higher = lower
        .filter((other) => other.level.rank < level.rank && other.value > value)
        .sort((a, b) => b.value - a.value)[0];
      if (higher !== undefined) {
        report(
          `${at}.expectations.${level.id}.value`,
          `expected at least ${higher.value} (the expectation at '${higher.level.id}', a lower rank), found ${value}`,
        );
      }
    }
  }
}

function checkTransfers(framework: Framework, report: Report): void {
  const tracks = new Set(framework.tracks.map((track) => track.id));
  framework.transfers.forEach((transfer, i) => {
    for (const key of ["fromTrack", "toTrack"] as const) {
      const trackId = transfer[key];
      if (trackId !== undefined && !tracks.has(trackId)) {
        report(
          `transfers[${i}].${key}`,
          `expected one of the track ids (${[...tracks].join(", ")}), found '${trackId}'`,
        );
      }
    }
  });
}

function duplicates(values: string[]): number[] {
  return values.flatMap((value, i) => (values.indexOf(value) < i ? [i] : []));
}
