/**
 * The built workbench served on 127.0.0.1 and Debian's Chromium, shared by the tests of one describe block. Ratings are
 * personnel data: a page may reach nothing but the add-in's own files, and each test fails if one tried.
 */
import { mkdirSync } from "node:fs";
import type { Browser, Locator, Page } from "playwright-core";
import { BUILD_TIMEOUT_MS, buildProduction } from "./build";
import { launchChromium } from "./chromium";
import { openTab } from "./pane-tabs";
import { serveDirectory, type StaticServer } from "./serve";

export interface WorkbenchPages {
  /** Opens workbench.html with the query (e.g. "theme=dark&width=320") in a new page of the given viewport. */
  open(query: string, viewport: { width: number; height: number }): Promise<Page>;
  /** Addresses outside the add-in's files that pages asked for (and were refused) in the current test. */
  readonly outside: string[];
}

/** Registers the describe block's set-up and teardown; `shots` is the folder its screenshots go to. */
export function workbenchPages(shots: string): WorkbenchPages {
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  const outside: string[] = [];

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    server = await serveDirectory(buildProduction());
    browser = await launchChromium();
  }, BUILD_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  afterEach(() => {
    expect(outside).toEqual([]);
    outside.length = 0;
  });

  return {
    outside,
    async open(query, viewport) {
      if (!server || !browser) throw new Error("The workbench is not served: its beforeAll has not run.");
      const origin = server.origin;
      const page = await browser.newPage({ viewport });
      await page.route("**/*", (route) => {
        const url = route.request().url();
        if (url.startsWith(`${origin}/`)) return route.continue();
        outside.push(url);
        return route.abort();
      });
      await page.goto(`${origin}/workbench.html?${query}`);
      return page;
    },
  };
}

/**
 * As a manager starts: the sample team added on the Ratings tab, their ratings typed on the sheet (the workbench's
 * button), then scored on the Score tab. `pane` is the page's task pane.
 */
export async function rateAndScoreSampleTeam(page: Page, pane: Locator): Promise<void> {
  await openTab(pane, "Ratings");
  await pane.getByRole("button", { name: "Use the sample team" }).click();
  await pane.getByRole("button", { name: /^Create the Ratings sheet with \d+ people$/ }).click();
  await pane.getByText("Ratings sheet ready").waitFor();
  await page.getByRole("button", { name: "Type the sample ratings" }).click();
  await page.getByText(/^Typed the ratings of \d+ people/).waitFor();
  await openTab(pane, "Score");
  await pane.getByRole("button", { name: "Score ratings" }).click();
  await pane.getByText(/^Scored \d+ of \d+ people$/).waitFor({ timeout: 60_000 });
}
