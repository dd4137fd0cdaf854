import type { Problem } from "../core/types";
import type { WorkbookHost } from "../workbook/host";

/** "Ratings!F12", or the part of it that is known. */
export function problemPlace(problem: Problem): string | undefined {
  if (problem.sheet && problem.cell) return `${problem.sheet}!${problem.cell}`;
  return problem.cell ?? problem.sheet;
}

/**
 * Selects the problem's cell. The host selects by ownership key: given the key the sheet had when the problem was
 * found, a renamed sheet is still found; else the tab is looked up by name among the add-in's sheets.
 */
export async function goToCell(host: WorkbookHost, sheet: string, cell: string, key?: string): Promise<void> {
  const owned = await host.ownedSheets();
  const target =
    (key === undefined ? undefined : owned.find((s) => s.key === key)) ??
    owned.find((s) => s.name === sheet) ??
    owned.find((s) => s.key === sheet);
  if (!target) {
    throw new Error(
      `The sheet "${sheet}" is no longer in the workbook. Run the action again to see where things are now.`,
    );
  }
  await host.select(target.key, cell);
}
