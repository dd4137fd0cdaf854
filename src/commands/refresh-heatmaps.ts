import type { Framework } from "../core/framework";
import type { Problem } from "../core/types";
import { refreshHeatmaps } from "../workbook/commands";
import { frameworkInUse } from "../workbook/framework-in-workbook";
import type { WorkbookHost } from "../workbook/host";
import type { RibbonAction } from "./ribbon";

function describe(problem: Problem): string {
  const place =
    problem.sheet && problem.cell
      ? `${problem.sheet}!${problem.cell}: `
      : problem.sheet
        ? `${problem.sheet}: `
        : "";
  return `${place}${problem.message}`;
}

/**
 * The ribbon's Refresh heatmaps: rewrites the heatmaps from the Ratings sheet without opening the pane, with the
 * framework the workbook keeps (the bundled one when it keeps none). When nothing
 * could be refreshed, or ratings had problems, it fails with them listed, so the button never fails silently.
 */
export function refreshHeatmapsAction(host: WorkbookHost, bundled: Framework): RibbonAction {
  return async () => {
    // The framework kept in the workbook, if it has one; a problem with it is listed with the others.
    const inUse = await frameworkInUse(host, bundled);
    const refreshed = await refreshHeatmaps(host, inUse.framework);
    const result = {
      ...refreshed,
      problems: [
        ...inUse.problems.map((message): Problem => ({ severity: "warning", message })),
        ...refreshed.problems,
      ],
    };
    if (result.problems.length === 0) return;
    const lines = result.problems.slice(0, 10).map(describe);
    if (result.problems.length > 10)
      lines.push(`and ${result.problems.length - 10} more: open the task pane to see them all.`);
    const outcome = result.scored.length > 0 ? "Heatmaps refreshed, with problems" : "Heatmaps not refreshed";
    throw new Error(`${outcome}:\n${lines.join("\n")}`);
  };
}
