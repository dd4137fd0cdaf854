/**
 * "Save the matrix as a framework file": the framework the workbook's matrix sheets amount to, as edited. The
 * framework in use supplies what the sheets do not show (levels, ladders, scale, transfers, thresholds).
 */
import type { Framework } from "../core/framework";
import { frameworkFromMatrix } from "../core/framework-export";
import { jsonPathWhere } from "../core/framework-file";
import { FrameworkError, loadFramework } from "../core/load-framework";
import type { Problem } from "../core/types";
import { readCareerMatrix } from "./commands";
import type { WorkbookHost } from "./host";
import { isMatrixKey } from "./matrix-edits";

export interface SavedFramework {
  /** Absent when a problem stops the save. */
  framework?: Framework;
  /** The sheets' problems (each at its cell), and anything the framework cannot keep as the sheets have it. */
  problems: Problem[];
}

export async function matrixAsFramework(host: WorkbookHost, inUse: Framework): Promise<SavedFramework> {
  const owned = await host.ownedSheets();
  if (!owned.some((sheet) => isMatrixKey(sheet.key))) {
    return {
      problems: [{ severity: "error", message: "The workbook has no matrix sheet: build the matrix first." }],
    };
  }
  const read = await readCareerMatrix(host, inUse);
  if (read.problems.some((problem) => problem.severity === "error")) return { problems: read.problems };
  const { framework, warnings } = frameworkFromMatrix(inUse, read.matrix);
  const problems: Problem[] = [
    ...read.problems,
    ...warnings.map((message): Problem => ({ severity: "warning", message })),
  ];
  try {
    // What is saved must load: the same checks as any framework file, on the very JSON written.
    return { framework: loadFramework(JSON.parse(JSON.stringify(framework))), problems };
  } catch (error) {
    if (!(error instanceof FrameworkError)) throw error;
    const invalid = error.problems.map((p): Problem => ({
      severity: "error",
      message: `The matrix as edited is not a valid framework: ${jsonPathWhere(p.path)}: ${p.message}`,
    }));
    return { problems: [...problems, ...invalid] };
  }
}

/** The file's text: two-space JSON, as a person would format it, ending with a line break. */
export function frameworkFileText(framework: Framework): string {
  return `${JSON.stringify(framework, null, 2)}\n`;
}
