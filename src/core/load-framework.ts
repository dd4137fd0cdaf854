/**
 * Turns untrusted JSON into a Framework: the shape (zod), then the references between records. Every problem is
 * reported with the JSON path of the field to fix, so a broken file can be repaired without reading this code.
 */
import type { z } from "zod";
import type { CareerPath, Competency, Framework, Level } from "./framework";
import { expectationOn } from "./framework-expectation";
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
  const parsed = frameworkSchema.safeParse(withoutSchemaReference(json));
  if (!parsed.success) throw new FrameworkError("framework", zodProblems(parsed.error));
  const problems = integrityProblems(parsed.data);
  if (problems.length > 0) throw new FrameworkError("framework", problems);
  return parsed.data;
}

/** A file may name its JSON Schema (`"$schema": "./framework.schema.json"`) for editors; the framework ignores it. */
function withoutSchemaReference(json: unknown): unknown {
  if (typeof json !== "object" || json === null || Array.isArray(json) || !("$schema" in json)) return json;
  return Object.fromEntries(Object.entries(json).filter(([key]) => key !== "$schema"));
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
  checkLevelsOnLadders(framework, report);
  framework.competencies.forEach((competency, i) =>
    checkCompetency(framework, competency, `competencies[${i}]`, report),
  );
  checkSpecialisations(framework, report);
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

function checkLevelsOnLadders(framework: Framework, report: Report): void {
  const used = new Set(framework.tracks.flatMap((track) => track.ladder.map((step) => step.level)));
  framework.levels.forEach((level, i) => {
    if (!used.has(level.id))
      report(
        `levels[${i}]`,
        `expected every level on a track's ladder, but no ladder has '${level.id}': add it to a ladder or remove it`,
      );
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
    if (competency.expectations[levelId] === undefined) {
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
    } else if (expectation === null) {
      // An explicit "nothing expected here" is harmless wherever the level is.
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
    if (expectation !== null && !scale.has(expectation.value)) {
      report(
        `${path}.value`,
        `expected a scale value (${[...scale].join(", ")}), found ${expectation.value}`,
      );
    }
  }
  checkOverrides(framework, competency, at, report);
  checkMonotone(framework, competency, at, report);
}

function checkOverrides(framework: Framework, competency: Competency, at: string, report: Report): void {
  const levels = new Map(framework.levels.map((level) => [level.id, level]));
  const scale = new Set(framework.scale.map((point) => point.value));
  for (const [trackId, byLevel] of Object.entries(competency.overrides ?? {})) {
    const path = `${at}.overrides.${trackId}`;
    const track = framework.tracks.find((t) => t.id === trackId);
    if (track === undefined || !competency.tracks.includes(trackId)) {
      report(
        path,
        `expected one of the competency's tracks (${competency.tracks.join(", ")}), found '${trackId}'`,
      );
      continue;
    }
    for (const [levelId, expectation] of Object.entries(byLevel)) {
      const level = levels.get(levelId);
      const onLadder = track.ladder.some((step) => step.level === levelId);
      if (level === undefined || !onLadder) {
        const ladder = track.ladder.map((step) => step.level).join(", ");
        report(
          `${path}.${levelId}`,
          `expected a level of the '${trackId}' ladder (${ladder}), found '${levelId}'`,
        );
      } else if (expectation !== null && !competency.paths.includes(level.path)) {
        report(
          `${path}.${levelId}`,
          `expected no expectation: '${levelId}' is on the ${level.path} path, which the competency does not apply to`,
        );
      }
      if (expectation !== null && !scale.has(expectation.value)) {
        report(
          `${path}.${levelId}.value`,
          `expected a scale value (${[...scale].join(", ")}), found ${expectation.value}`,
        );
      }
    }
  }
}

/**
 * On each track, expectations never fall as rank rises on a path; management levels start from where the shared IC
 * trunk ends. A fall is reported where the lower value is written: the shared expectation or the track's override.
 */
function checkMonotone(framework: Framework, competency: Competency, at: string, report: Report): void {
  const forkRank = Math.min(
    ...framework.levels.filter((level) => level.path === "management").map((level) => level.rank),
  );
  const reported = new Set<string>();
  for (const trackId of competency.tracks) {
    const ladder = new Set(framework.tracks.find((t) => t.id === trackId)?.ladder.map((step) => step.level));
    const expected = framework.levels.flatMap((level) => {
      const expectation = ladder.has(level.id) ? expectationOn(competency, trackId, level.id) : undefined;
      return expectation === undefined ? [] : [{ level, value: expectation.value }];
    });
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
        const overridden = competency.overrides?.[trackId]?.[level.id] !== undefined;
        const where = overridden
          ? `${at}.overrides.${trackId}.${level.id}.value`
          : `${at}.expectations.${level.id}.value`;
        if (higher !== undefined && !reported.has(where)) {
          reported.add(where);
          report(
            where,
            `expected at least ${higher.value} (the expectation at '${higher.level.id}', a lower rank), found ${value}`,
          );
        }
      }
    }
  }
}

/**
 * A specialisation starts at a level of each of its tracks; its competencies are on its tracks only and expect
 * nothing below its first level, so nobody is rated on it before they can take it on.
 */
function checkSpecialisations(framework: Framework, report: Report): void {
  const specialisations = framework.specialisations ?? [];
  uniqueIds(specialisations, "specialisations", report);
  const levels = new Map(framework.levels.map((level) => [level.id, level]));
  const tracks = new Map(framework.tracks.map((track) => [track.id, track]));
  specialisations.forEach((specialisation, i) => {
    const at = `specialisations[${i}]`;
    const from = levels.get(specialisation.from);
    if (from === undefined)
      report(
        `${at}.from`,
        `expected one of the level ids (${[...levels.keys()].join(", ")}), found '${specialisation.from}'`,
      );
    specialisation.tracks.forEach((trackId, t) => {
      const track = tracks.get(trackId);
      if (track === undefined)
        report(
          `${at}.tracks[${t}]`,
          `expected one of the track ids (${[...tracks.keys()].join(", ")}), found '${trackId}'`,
        );
      else if (from !== undefined && !track.ladder.some((step) => step.level === from.id))
        report(
          `${at}.tracks[${t}]`,
          `expected a track whose ladder has '${from.id}' (where the specialisation starts), but '${trackId}' has not`,
        );
    });
    duplicates(specialisation.tracks).forEach((t) =>
      report(`${at}.tracks[${t}]`, `expected each track once, found '${specialisation.tracks[t]}' twice`),
    );
  });
  const byId = new Map(specialisations.map((s) => [s.id, s]));
  framework.competencies.forEach((competency, c) => {
    if (competency.specialisation === undefined) return;
    const at = `competencies[${c}]`;
    const specialisation = byId.get(competency.specialisation);
    if (specialisation === undefined) {
      const ids = [...byId.keys()];
      report(
        `${at}.specialisation`,
        ids.length === 0
          ? `expected a specialisation id, but the framework has no "specialisations": add it there or remove this field`
          : `expected one of the specialisation ids (${ids.join(", ")}), found '${competency.specialisation}'`,
      );
      return;
    }
    competency.tracks.forEach((trackId, t) => {
      if (!specialisation.tracks.includes(trackId))
        report(
          `${at}.tracks[${t}]`,
          `expected a track of specialisation '${specialisation.id}' (${specialisation.tracks.join(", ")}), found '${trackId}'`,
        );
    });
    const from = levels.get(specialisation.from);
    if (from === undefined) return;
    for (const [levelId, expectation] of Object.entries(competency.expectations)) {
      const level = levels.get(levelId);
      if (expectation !== null && level !== undefined && level.path === from.path && level.rank < from.rank)
        report(
          `${at}.expectations.${levelId}`,
          `expected null: specialisation '${specialisation.id}' starts at '${from.id}', above '${levelId}'`,
        );
    }
  });
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
