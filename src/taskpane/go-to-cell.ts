import type { Problem } from "../core/types";
import type { WorkbookHost } from "../workbook/host";

/** "Ratings!F12", or the part of it that is known. */
export function problemPlace(problem: Problem): string | undefined {
  if (problem.sheet && problem.cell) return `${problem.sheet}!${problem.cell}`;
  return problem.cell ?? problem.sheet;
}

/**
 * Selects the problem's cell. Problems name sheets as their tabs read; the host selects by ownership key, so the tab is
 * looked up among the add-in's sheets first.
 */
export async function goToCell(host: WorkbookHost, sheet: string, cell: string): Promise<void> {
  const owned = await host.ownedSheets();
  const target = owned.find((s) => s.name === sheet) ?? owned.find((s) => s.key === sheet);
  if (!target) {
    throw new Error(
      `The sheet "${sheet}" is no longer in the workbook. Run the action again to see where things are now.`,
    );
  }
  await host.select(target.key, cell);
}
