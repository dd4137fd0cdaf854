/**
 * The built workbench in Debian's Chromium: a manager's whole path through the task pane, checked on the workbook
 * as drawn (values and colours as Excel would show them), with screenshots in test-results/ and an accessibility
 * check. Nothing may leave 127.0.0.1: every request is intercepted and anything else is refused and reported.
 */
import { join } from "node:path";
import type { Page } from "playwright-core";
import { calibrate } from "../../src/core/calibration";
import { careerMatrixFromFramework } from "../../src/core/career-matrix";
import { nameKey } from "../../src/core/names";
import { readinessStatus, scoreTeam } from "../../src/core/readiness";
import { bundledFramework, sampleTeam } from "../../src/data";
import { STATUS_LABEL } from "../../src/sheets/status";
import { seriousViolations } from "./support/axe";
import { ROOT } from "./support/build";
import { chromiumAvailable } from "./support/chromium";
import { openTab, tabRow } from "./support/pane-tabs";
import { rateAndScoreSampleTeam, workbenchPages } from "./support/workbench-pages";

const SHOTS = join(ROOT, "test-results", "workbench");
const describeInBrowser = chromiumAvailable() ? describe : describe.skip;

/** What Excel shows for each status (sheets/status.ts fills), as the browser reports colours. */
const STATUS_RGB: Record<string, string> = {
  Ready: "rgb(198, 239, 206)",
  Almost: "rgb(255, 235, 156)",
  "Not yet": "rgb(255, 199, 206)",
  "Insufficient data": "rgb(237, 237, 237)",
};

describeInBrowser("the workbench in Chromium", () => {
  // Ratings are personnel data: each test fails if a page reached anything but the add-in's own files.
  const workbench = workbenchPages(SHOTS);
  const outside = workbench.outside;

  async function open(query: string, width = 1360): Promise<Page> {
    const page = await workbench.open(query, { width, height: 900 });
    await page.getByRole("heading", { name: "Career Matrix workbench" }).waitFor();
    return page;
  }

  const pane = (page: Page) => page.getByRole("region", { name: "Task pane" });

  async function cellText(page: Page, address: string): Promise<string> {
    return (await page.locator(`td[data-cell="${address}"]`).textContent()) ?? "";
  }

  async function cellFill(page: Page, address: string): Promise<string> {
    return page.locator(`td[data-cell="${address}"]`).evaluate((td) => getComputedStyle(td).backgroundColor);
  }

  /** Builds the Backend matrix, creates the Ratings sheet for the sample team, types their ratings and scores. */
  async function scoreSampleTeam(page: Page): Promise<void> {
    const p = pane(page);
    await p.getByRole("button", { name: "Build matrix sheets" }).click();
    await p.getByText("Matrix sheets written").waitFor();
    await page.getByRole("tab", { name: "Backend matrix" }).waitFor();

    await rateAndScoreSampleTeam(page, p);
  }

  let scoredLight: Promise<Page> | undefined;
  /**
   * One page, light theme at 360 px, with the sample team scored, shared by the tests that look at a scored team in
   * it: scoring in the browser is the slow part, and what they check does not depend on what the others did before.
   */
  function scoredLightPage(): Promise<Page> {
    scoredLight ??= open("theme=light&width=360").then(async (page) => {
      await scoreSampleTeam(page);
      return page;
    });
    return scoredLight;
  }

  test("builds the matrix, creates and scores the sample team's ratings, and draws the readiness heatmap in Excel's colours", async () => {
    const page = await scoredLightPage();

    // Scoring shows the Readiness sheet; each person's row holds what the core computes.
    await page.getByRole("tab", { name: "Readiness", selected: true }).waitFor();
    expect(await cellText(page, "A4")).toBe("Person");
    expect(await cellText(page, "F4")).toBe("Readiness");
    expect(await cellText(page, "H4")).toBe("Status");

    const matrix = careerMatrixFromFramework(bundledFramework());
    const team = sampleTeam().people;
    const expected = scoreTeam(
      matrix,
      team.map((person, i) => ({ ...person, row: i + 2 })),
    );
    // Column A, row by row (not AA, AB...).
    const shown = await page
      .locator('td[data-cell^="A"]')
      .evaluateAll((tds) =>
        tds.filter((td) => /^A\d+$/.test(td.getAttribute("data-cell") ?? "")).map((td) => td.textContent),
      );
    let checked = 0;
    for (const scored of expected) {
      const row = shown.indexOf(scored.person.person) + 1;
      expect(row).toBeGreaterThan(4);
      const next = scored.next;
      if (!next) continue;
      const status = STATUS_LABEL[next.status];
      expect(await cellText(page, `F${row}`)).toBe(`${Math.round(next.readiness * 100)}%`);
      expect(await cellText(page, `H${row}`)).toBe(status);
      expect(await cellFill(page, `H${row}`)).toBe(STATUS_RGB[status]);
      // The share is filled in the band of the status it gives: a colour never disagrees with the words.
      const band = STATUS_LABEL[readinessStatus(next.readiness, 1, matrix.scoring)];
      expect(await cellFill(page, `F${row}`)).toBe(STATUS_RGB[band]);
      if (next.status !== "insufficient") expect(await cellFill(page, `F${row}`)).toBe(STATUS_RGB[status]);
      checked++;
    }
    expect(checked).toBeGreaterThan(20);

    // The pane's summary counts people by their next level's status, as the core does.
    const summary = pane(page).getByRole("list", { name: "People by readiness for their next level" });
    for (const status of ["ready", "almost", "not-yet", "insufficient"] as const) {
      const count = expected.filter((s) => s.next?.status === status).length;
      await summary.getByText(STATUS_LABEL[status], { exact: true }).waitFor();
      expect(await summary.locator("li", { hasText: STATUS_LABEL[status] }).textContent()).toBe(
        `${STATUS_LABEL[status]}${count}`,
      );
    }

    // Calibration counts everyone's status at their current level, as the core does.
    await openTab(pane(page), "Calibration");
    const totals = calibrate(matrix, expected).totals;
    const everyone = pane(page).getByRole("list", { name: "Everyone by status at their current level" });
    for (const status of ["ready", "almost", "not-yet", "insufficient"] as const) {
      expect(await everyone.locator("li", { hasText: STATUS_LABEL[status] }).textContent()).toBe(
        `${STATUS_LABEL[status]}${totals[status]}`,
      );
    }
    await openTab(pane(page), "Score");

    // Selecting a person selects their row on the Ratings sheet.
    const first = expected.find((s) => s.next)?.person.person as string;
    await pane(page).getByRole("button", { name: first, exact: true }).click();
    await page.getByRole("tab", { name: "Ratings", selected: true }).waitFor();
    const ratingsRow = team.findIndex((p) => p.person === first) + 2;
    expect(await page.getByRole("status", { name: "Selection" }).textContent()).toBe(
      `A${ratingsRow}:XFD${ratingsRow}`,
    );
    expect(await page.locator(`td[data-cell="A${ratingsRow}"]`).getAttribute("aria-selected")).toBe("true");

    await page.getByRole("tab", { name: "Readiness" }).click();
    await page.screenshot({ path: join(SHOTS, "scored-light-360.png") });
  }, 120_000);

  test("in the dark theme, at every pane width, each tab has no serious or critical accessibility violation", async () => {
    const page = await open("theme=dark&width=360");
    await scoreSampleTeam(page);
    const tabs = ["Matrix", "Ratings", "Score", "Calibration", "Compare"];
    const found: string[] = [];
    for (const tab of tabs) {
      await openTab(pane(page), tab);
      await pane(page).getByRole("tabpanel").first().waitFor();
      await page.waitForTimeout(300);
      for (const v of await seriousViolations(page, '[data-testid="pane"]')) {
        found.push(`${tab}: ${v.id} (${v.impact}) ${v.help} at ${v.targets.slice(0, 3).join(", ")}`);
      }
      await page.screenshot({ path: join(SHOTS, `${tab.toLowerCase()}-dark-360.png`) });
      // Nothing in the pane needs sideways scrolling.
      const overflow = await page
        .locator('[data-testid="pane"]')
        .evaluate((el) => el.scrollWidth - el.clientWidth);
      if (overflow > 0) found.push(`${tab}: the pane scrolls sideways by ${overflow} px`);
    }
    // The workbench's own controls and sheet tabs, outside the drawn cells (those are Excel's content).
    for (const v of await seriousViolations(page, "body", ['[data-testid="pane"]', ".wb-scroll"])) {
      found.push(`workbench: ${v.id} (${v.impact}) ${v.help} at ${v.targets.slice(0, 3).join(", ")}`);
    }
    expect(found).toEqual([]);

    for (const width of [320, 450]) {
      const narrow = await open(`theme=light&width=${width}`, 1280);
      await openTab(pane(narrow), "Compare");
      await pane(narrow)
        .getByText(/competencies change/)
        .waitFor();
      await narrow.screenshot({ path: join(SHOTS, `compare-light-${width}.png`) });
      // Every tab on the pane's row is in view, none scrolled off to the side (the row itself: pane-tabs.test.ts).
      const paneBox = await narrow.locator('[data-testid="pane"]').boundingBox();
      const onRow = await tabRow(pane(narrow)).getByRole("tab").all();
      expect(onRow.length).toBeGreaterThan(1);
      for (const tab of onRow) {
        const box = await tab.boundingBox();
        expect(box && paneBox && box.x >= paneBox.x && box.x + box.width <= paneBox.x + paneBox.width).toBe(
          true,
        );
      }
      const overflow = await narrow
        .locator('[data-testid="pane"]')
        .evaluate((el) => el.scrollWidth - el.clientWidth);
      // Nothing in the pane needs sideways scrolling.
      expect(overflow).toBeLessThanOrEqual(0);
      await narrow.close();
    }
  }, 150_000);

  test("the heatmaps follow a rating typed on the Ratings sheet at once, without scoring again", async () => {
    const page = await scoredLightPage();
    const sheetTab = (name: string) =>
      page.getByRole("tablist", { name: "Sheets" }).getByRole("tab", { name, exact: true });

    // A person and a competency they meet at their next level: typing 0 there lowers their readiness.
    const matrix = careerMatrixFromFramework(bundledFramework());
    const team = sampleTeam().people.map((person, i) => ({ ...person, row: i + 2 }));
    const before = scoreTeam(matrix, team);
    const change = before.flatMap(({ person, next }) => {
      const track = matrix.tracks.find((t) => t.id === person.track);
      if (!next || !track) return [];
      return track.competencies
        .filter((c) => {
          const expected = c.expectations[next.level]?.value;
          const rating = person.ratings[c.id];
          return expected !== undefined && typeof rating === "number" && rating >= expected && rating > 0;
        })
        .map((c) => ({ person, competency: c }));
    })[0];
    const after = scoreTeam(
      matrix,
      team.map((p) =>
        p === change.person ? { ...p, ratings: { ...p.ratings, [change.competency.id]: 0 } } : p,
      ),
    ).find((s) => s.person.person === change.person.person)!;
    const was = before.find((s) => s.person.person === change.person.person)!;
    expect(after.next!.readiness).toBeLessThan(was.next!.readiness);

    await sheetTab("Ratings").click();
    const header = await page
      .locator("td[data-cell]")
      .evaluateAll((tds) =>
        tds
          .filter((td) => /^[A-Z]+1$/.test(td.getAttribute("data-cell") ?? ""))
          .map((td) => [td.getAttribute("data-cell") ?? "", td.textContent ?? ""]),
      );
    const wanted = [change.competency.id, change.competency.name].map(nameKey);
    const column = header.find(([, text]) => wanted.includes(nameKey(text)))![0].replace(/1$/, "");
    const cell = `${column}${change.person.row}`;
    await page.locator(`td[data-cell="${cell}"]`).click();
    await page
      .getByRole("status", { name: "Selection" })
      .filter({ hasText: new RegExp(`^${cell}$`) })
      .waitFor();
    const bar = page.getByRole("textbox", { name: "Formula bar" });
    expect(await bar.inputValue()).toBe(String(change.person.ratings[change.competency.id]));
    await bar.fill("0");
    await bar.press("Enter");
    await page.getByText(`Typed 0 into Ratings!${cell}.`).waitFor();
    expect(await cellText(page, cell)).toBe("0");

    // The Readiness sheet shows the new readiness and status, as the core computes them.
    await sheetTab("Readiness").click();
    const names = await page
      .locator('td[data-cell^="A"]')
      .evaluateAll((tds) =>
        tds.filter((td) => /^A\d+$/.test(td.getAttribute("data-cell") ?? "")).map((td) => td.textContent),
      );
    const row = names.indexOf(change.person.person) + 1;
    expect(row).toBeGreaterThan(4);
    const status = STATUS_LABEL[after.next!.status];
    expect(await cellText(page, `F${row}`)).toBe(`${Math.round(after.next!.readiness * 100)}%`);
    expect(await cellText(page, `H${row}`)).toBe(status);
    expect(await cellFill(page, `H${row}`)).toBe(STATUS_RGB[status]);
    await page.locator(`td[data-cell="F${row}"]`).click();
    await page.screenshot({ path: join(SHOTS, "typed-rating-readiness.png") });
    // Nothing was scored again: the pane still says what the last Score wrote.
    expect(
      await page
        .getByRole("status")
        .filter({ hasText: /^Typed 0 into Ratings!/ })
        .count(),
    ).toBe(1);
  }, 150_000);

  test("the workbench page never asks for office.js", async () => {
    const page = await open("theme=light");
    const scripts = await page
      .locator("script[src]")
      .evaluateAll((s) => s.map((e) => e.getAttribute("src") ?? ""));
    expect(scripts.some((src) => src.includes("office.js"))).toBe(false);
    expect(outside).toEqual([]);
  });
});
