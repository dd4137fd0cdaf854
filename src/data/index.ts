/**
 * The data bundled with the add-in. Both are checked once, on first use, and shared: they are frozen so that no
 * caller can change what the next caller sees.
 */
import type { Framework } from "../core/framework";
import { missingSources } from "../core/framework-sources";
import { FrameworkError, loadFramework } from "../core/load-framework";
import frameworkJson from "./framework.json";
import { loadSampleTeam, type SampleTeam } from "./sample-team";
import sampleTeamJson from "./sample-team.json";

export type { SamplePerson, SampleTeam } from "./sample-team";

let framework: Framework | undefined;
let team: SampleTeam | undefined;

/** GitLab's engineering career framework, from the seed documents. */
export function bundledFramework(): Framework {
  if (framework === undefined) {
    const loaded = loadFramework(frameworkJson);
    // Every bundled fact is traced; a team's own framework may leave sources out.
    const untraced = missingSources(loaded);
    if (untraced.length > 0) throw new FrameworkError("bundled framework", untraced);
    framework = deepFreeze(loaded);
  }
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
