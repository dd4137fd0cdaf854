/**
 * The task pane's tabs on the built workbench in Chromium, at the narrowest (320 px) and a wide (450 px) pane, light
 * and dark: every tab sits on one row, the ones that do not fit are in the "more tabs" menu at its end, and each tab
 * is reached and opened by keyboard alone. Screenshots in test-results/pane-tabs/.
 */
import { join } from "node:path";
import type { Locator, Page } from "playwright-core";
import { seriousViolations } from "./support/axe";
import { ROOT } from "./support/build";
import { chromiumAvailable } from "./support/chromium";
import { moreTabs, PANE_TABS, tabRow } from "./support/pane-tabs";
import { workbenchPages } from "./support/workbench-pages";

const SHOTS = join(ROOT, "test-results", "pane-tabs");
const describeInBrowser = chromiumAvailable() ? describe : describe.skip;

interface Box {
  name: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What the row shows: each tab and the "more tabs" button, with its box on the page. */
async function rowBoxes(pane: Locator): Promise<Box[]> {
  return tabRow(pane)
    .getByRole("tab")
    .evaluateAll((tabs) =>
      tabs
        .map((tab) => ({ tab, box: tab.getBoundingClientRect() }))
        .filter(({ box }) => box.width > 0)
        .map(({ tab, box }) => ({
          // A Fluent tab holds its label twice (a hidden bold copy keeps its width): the accessible name is once.
          name: tab.getAttribute("aria-label") ?? (tab.querySelector(".fui-Tab__content")?.textContent || ""),
          x: box.x,
          y: box.y,
          width: box.width,
          height: box.height,
        })),
    );
}

async function focused(locator: Locator): Promise<boolean> {
  return locator.evaluate((el) => el === document.activeElement);
}

describeInBrowser("the task pane's tabs in Chromium", () => {
  const workbench = workbenchPages(SHOTS);

  async function open(theme: string, width: number): Promise<{ page: Page; pane: Locator }> {
    const page = await workbench.open(`theme=${theme}&width=${width}`, { width: 1280, height: 800 });
    const pane = page.getByRole("region", { name: "Task pane" });
    await tabRow(pane).getByRole("tab", { name: "Matrix", selected: true }).waitFor();
    return { page, pane };
  }

  /** From the selected tab, arrow keys to `name` on the row, or to the "more tabs" button and down its menu. */
  async function openByKeyboard(page: Page, pane: Locator, name: string): Promise<void> {
    await tabRow(pane).getByRole("tab", { selected: true }).focus();
    const tab = tabRow(pane).getByRole("tab", { name, exact: true });
    for (let press = 0; press <= PANE_TABS.length; press++) {
      if ((await tab.isVisible()) && (await focused(tab))) {
        await page.keyboard.press("Enter");
        break;
      }
      // A tab on the row is reached along the row (arrow keys go round it); only a tab off the row is in the menu.
      if (!(await tab.isVisible()) && (await focused(moreTabs(pane)))) {
        await page.keyboard.press("Enter");
        const item = page.getByRole("menuitem", { name, exact: true });
        await page.getByRole("menu").waitFor();
        for (let down = 0; down < PANE_TABS.length && !(await focused(item)); down++) {
          await page.keyboard.press("ArrowDown");
        }
        expect({ name, inMenu: await focused(item) }).toEqual({ name, inMenu: true });
        await page.keyboard.press("Enter");
        break;
      }
      await page.keyboard.press("ArrowRight");
    }
    const selected = tabRow(pane).getByRole("tab", { name, exact: true, selected: true });
    await selected.waitFor();
    // The focus follows: on the tab just opened, whether it was on the row or in the menu.
    await page.waitForFunction(
      (label) =>
        document.activeElement?.getAttribute("aria-selected") === "true" &&
        document.activeElement.textContent?.includes(label),
      name,
    );
  }

  for (const width of [320, 450]) {
    for (const theme of ["light", "dark"]) {
      test(`at ${width} px, ${theme}: the tabs sit on one row, and each opens by keyboard`, async () => {
        const { page, pane } = await open(theme, width);
        const paneBox = await page.locator('[data-testid="pane"]').boundingBox();
        if (!paneBox) throw new Error("the pane is not drawn");

        const row = await rowBoxes(pane);
        // One row: every tab (and the menu button) shares the first one's top and height, inside the pane.
        for (const box of row) {
          expect({ name: box.name, top: Math.round(box.y), height: Math.round(box.height) }).toEqual({
            name: box.name,
            top: Math.round(row[0].y),
            height: Math.round(row[0].height),
          });
          expect({
            name: box.name,
            inPane: box.x >= paneBox.x && box.x + box.width <= paneBox.x + paneBox.width,
          }).toEqual({
            name: box.name,
            inPane: true,
          });
        }
        const rowBox = await tabRow(pane).boundingBox();
        expect(rowBox && rowBox.height < 1.5 * row[0].height).toBe(true);

        // Each tab is on the row or in the menu, in order, never both.
        const onRow = row.map((b) => b.name).filter((n) => PANE_TABS.includes(n));
        expect(onRow).toEqual(PANE_TABS.slice(0, onRow.length));
        if (width === 450) {
          expect(onRow).toEqual(PANE_TABS);
          expect(await moreTabs(pane).count()).toBe(0);
        } else {
          expect(onRow.length).toBeLessThan(PANE_TABS.length);
          const hidden = PANE_TABS.length - onRow.length;
          expect(row[row.length - 1].name).toBe(`${hidden} more ${hidden === 1 ? "tab" : "tabs"}`);
          await moreTabs(pane).click();
          const menu = page.getByRole("menu");
          await menu.waitFor();
          expect(await menu.getByRole("menuitem").allTextContents()).toEqual(PANE_TABS.slice(onRow.length));
          await page.screenshot({ path: join(SHOTS, `menu-${theme}-${width}.png`) });
          expect(await seriousViolations(page, "body", [".wb-scroll"])).toEqual([]);
          await page.keyboard.press("Escape");
          await menu.waitFor({ state: "detached" });
          // Escape hands the focus back to the button that opened the menu.
          expect(await focused(moreTabs(pane))).toBe(true);
        }
        await page.screenshot({ path: join(SHOTS, `tabs-${theme}-${width}.png`) });
        expect(await seriousViolations(page, '[data-testid="pane"]')).toEqual([]);

        // By keyboard alone, every tab opens; one taken from the menu joins the row and takes the focus.
        for (const name of [...PANE_TABS.slice(1), "Matrix"]) {
          await openByKeyboard(page, pane, name);
          const after = await rowBoxes(pane);
          expect(after.map((b) => b.name)).toContain(name);
          expect(new Set(after.map((b) => Math.round(b.y))).size).toBe(1);
        }
        await page.screenshot({ path: join(SHOTS, `keyboard-${theme}-${width}.png`) });
        expect(await seriousViolations(page, '[data-testid="pane"]')).toEqual([]);
        await page.close();
      }, 120_000);
    }
  }
});
