/**
 * The data bundled with the add-in. Both are checked once — in Node on first use, in the add-in's bundle when it is
 * built (see checked-data.ts) — and shared: they are frozen so that no caller can change what the next caller sees.
 */
import type { Framework } from "../core/framework";
import { checkedFramework, checkedSampleTeam } from "./checked-data";
import type { SampleTeam } from "./sample-team";

export type { SamplePerson, SampleTeam } from "./sample-team";

let framework: Framework | undefined;
let team: SampleTeam | undefined;

/** GitLab's engineering career framework, from the seed documents. */
export function bundledFramework(): Framework {
  framework ??= deepFreeze(checkedFramework());
  return framework;
}

/** Invented people rated against the bundled framework. */
export function sampleTeam(): SampleTeam {
  team ??= deepFreeze(checkedSampleTeam(bundledFramework()));
  return team;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
