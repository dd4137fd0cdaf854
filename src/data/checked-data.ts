/**
 * The bundled framework and sample team, checked: the framework's shape and cross-references, then the team against
 * it. Node (the command line, the tests) runs this module as it is. The add-in's bundle gets the result instead,
 * worked out when the bundle is built (scripts/checked-data-loader.js runs the same checks), so the pane ships
 * checked data and none of the checking code.
 */
import type { Framework } from "../core/framework";
import { loadFramework } from "../core/load-framework";
import frameworkJson from "./framework.json";
import { loadSampleTeam, type SampleTeam } from "./sample-team";
import sampleTeamJson from "./sample-team.json";

export function checkedFramework(): Framework {
  return loadFramework(frameworkJson);
}

export function checkedSampleTeam(framework: Framework): SampleTeam {
  return loadSampleTeam(sampleTeamJson, framework);
}
