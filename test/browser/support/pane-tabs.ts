/** The task pane's tabs: a tab is on the row, or, in a narrow pane, in the "more tabs" menu at the row's end. */
import type { Locator } from "playwright-core";

/** The pane's tabs, in order, as they read. */
export const PANE_TABS = ["Matrix", "Ratings", "Score", "Calibration", "Compare"];

export const tabRow = (pane: Locator): Locator => pane.getByRole("tablist", { name: "Career Matrix tasks" });

/** The button that opens the menu of the tabs that do not fit ("2 more tabs"). */
export const moreTabs = (pane: Locator): Locator =>
  tabRow(pane).getByRole("tab", { name: /^\d+ more tabs?$/ });

/** Opens a tab by clicking it on the row, or through the "more tabs" menu when it is not on the row. */
export async function openTab(pane: Locator, name: string): Promise<void> {
  const tab = tabRow(pane).getByRole("tab", { name, exact: true });
  if (await tab.isVisible()) await tab.click();
  else {
    await moreTabs(pane).click();
    await pane.page().getByRole("menuitem", { name, exact: true }).click();
  }
  await tabRow(pane).getByRole("tab", { name, exact: true, selected: true }).waitFor();
}
