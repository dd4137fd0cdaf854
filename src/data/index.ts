/**
 * The data bundled with the add-in. Both are checked once, on first use, and shared: they are frozen so that no
 * caller can change what the next caller sees.
 */
import type { Framework } from "../core/framework";
import { loadFramework } from "../core/load-framework";
import frameworkJson from "./framework.json";
import { loadSampleTeam, type SampleTeam } from "./sample-team";
import sampleTeamJson from "./sample-team.json";

export type { SamplePerson, SampleTeam } from "./sample-team";

let framework: Framework | undefined;
let team: SampleTeam | undefined;

/** GitLab's engineering career framework, from the seed documents. */
export function bundledFramework(): Framework {
  framework ??= deepFreeze(loadFramework(frameworkJson));
  return framework;
}

/** Invented people rated against the bundled framework. */
export function sampleTeam(): SampleTeam {
  team ??= deepFreeze(loadSampleTeam(sampleTeamJson, bundledFramework()));
  return team;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
