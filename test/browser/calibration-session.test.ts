/**
 * A calibration session on the built workbench in Debian's Chromium: start it in the pane, change three ratings on
 * the sheet, see the 9-box counts and the readiness heatmap follow (the workbench calculates as Excel would), end it;
 * the log holds exactly those three changes and the outcome agrees with the core. Screenshots of the 9-box and the
 * outcome in test-results/workbench.
 */
import { join } from "node:path";
import type { Page } from "playwright-core";
import { careerMatrixFromFramework } from "../../src/core/career-matrix";
import { nineBox } from "../../src/core/nine-box";
import { scoreTeam } from "../../src/core/readiness";
import { sessionChanges } from "../../src/core/session-changes";
import type { PersonRatings } from "../../src/core/types";
import { bundledFramework, sampleTeam } from "../../src/data";
import { ROOT } from "./support/build";
import { chromiumAvailable } from "./support/chromium";
import { openTab } from "./support/pane-tabs";
import { rateAndScoreSampleTeam, workbenchPages } from "./support/workbench-pages";

const SHOTS = join(ROOT, "test-results", "workbench");
const describeInBrowser = chromiumAvailable() ? describe : describe.skip;
const matrix = careerMatrixFromFramework(bundledFramework());

describeInBrowser("a calibration session in the workbench", () => {
  const workbench = workbenchPages(SHOTS);

  const pane = (page: Page) => page.getByRole("region", { name: "Task pane" });
  const cellText = async (page: Page, address: string) =>
    (await page.locator(`td[data-cell="${address}"]`).textContent()) ?? "";
  const sheet = (page: Page, name: string) =>
    page.getByRole("tablist", { name: "Sheets" }).getByRole("tab", { name, exact: true }).click();

  async function typeInto(page: Page, cell: string, value: string) {
    await page.getByRole("textbox", { name: "Cell to type into" }).fill(cell);
    await page.getByRole("textbox", { name: "Value to type" }).fill(value);
    await page.getByRole("button", { name: "Type into the cell" }).click();
    await page.getByText(`Typed ${value} into ${cell}.`).waitFor();
  }

  /** The 9-box sheet's nine counts, by box name (rows 16–24: name in A, count in D). */
  async function boxCounts(page: Page): Promise<Record<string, number>> {
    await sheet(page, "9-box");
    const counts: Record<string, number> = {};
    for (let row = 16; row <= 24; row++)
      counts[await cellText(page, `A${row}`)] = Number(await cellText(page, `D${row}`));
    return counts;
  }

  const coreCounts = (people: PersonRatings[]) =>
    Object.fromEntries(
      nineBox(matrix.scoring, scoreTeam(matrix, people)).cells.map((c) => [c.name, c.count]),
    );

  test("start, three ratings changed, the 9-box and heatmaps follow, end: the log and outcome agree with the core", async () => {
    const page = await workbench.open("theme=light&width=450", { width: 1360, height: 900 });
    const p = pane(page);
    await rateAndScoreSampleTeam(page, p);

    const team = sampleTeam().people;
    const before: PersonRatings[] = team.map((person, i) => ({
      ...person,
      row: i + 2,
      ratings: { ...person.ratings },
    }));
    expect(await boxCounts(page)).toEqual(coreCounts(before));

    await openTab(p, "Calibration");
    await p.getByRole("button", { name: "Start calibration" }).click();
    await p.getByText(/Session in progress since .*: 0 changes logged/).waitFor();

    // Three ratings changed on the Ratings sheet, each to the other end of the scale, the first one chosen (with the
    // core) so that it moves someone to another box: the counts must be seen to follow.
    await sheet(page, "Ratings");
    const headers = await page
      .locator("td[data-cell]")
      .evaluateAll((tds) =>
        tds
          .map((td) => [td.getAttribute("data-cell") ?? "", td.textContent ?? ""])
          .filter(([address]) => /^[A-Z]+1$/.test(address)),
      );
    const competencies = matrix.tracks.flatMap((t) => t.competencies);
    const columns = headers.flatMap(([address, text]) => {
      const competency = competencies.find((c) => c.name === text || c.label === text);
      return competency ? [{ letter: address.slice(0, -1), id: competency.id }] : [];
    });
    expect(columns.length).toBeGreaterThan(10);
    const flipped = (value: number | undefined) => (value === 0 ? 4 : 0);
    const candidates = before.flatMap((person, i) =>
      columns
        .filter((c) => person.ratings[c.id] !== undefined)
        .map((c) => ({ i, column: c, now: flipped(person.ratings[c.id]) })),
    );
    const moving = candidates.find(({ i, column, now }) => {
      const trial = before.map((person) => ({ ...person, ratings: { ...person.ratings } }));
      trial[i].ratings[column.id] = now;
      return JSON.stringify(coreCounts(trial)) !== JSON.stringify(coreCounts(before));
    });
    expect(moving).toBeDefined();
    const chosen = [moving!, ...candidates.filter((c) => c.i !== moving!.i).slice(0, 2)];
    const after = before.map((person) => ({ ...person, ratings: { ...person.ratings } }));
    const changed: [string, string, string][] = [];
    for (const { i, column, now } of chosen) {
      const cell = `${column.letter}${i + 2}`;
      const was = await cellText(page, cell);
      expect(was).toBe(String(before[i].ratings[column.id]));
      await typeInto(page, `Ratings!${cell}`, String(now));
      after[i].ratings[column.id] = now;
      changed.push([team[i].person, was, String(now)]);
    }
    await p.getByText(/3 changes logged while this pane was open/).waitFor();

    // The 9-box counts and the readiness heatmap follow without scoring again.
    const countsAfter = await boxCounts(page);
    expect(countsAfter).toEqual(coreCounts(after));
    expect(countsAfter).not.toEqual(coreCounts(before));
    await page.screenshot({ path: join(SHOTS, "nine-box-in-session.png") });

    // A person in the pane's 9-box: one click selects their row on the Ratings sheet.
    const grid = p.getByRole("grid", { name: "9-box" });
    const first = grid.getByRole("button").first();
    const chosenName = (await first.textContent()) ?? "";
    const chosenRow = team.findIndex((person) => person.person === chosenName) + 2;
    expect(chosenRow).toBeGreaterThan(1);
    await first.click();
    await page.locator(`td[data-cell="A${chosenRow}"][aria-selected="true"]`).waitFor();
    expect(await cellText(page, `A${chosenRow}`)).toBe(chosenName);
    expect(
      await page.getByRole("tablist", { name: "Sheets" }).getByRole("tab", { selected: true }).textContent(),
    ).toBe("Ratings");
    await sheet(page, "Readiness");
    const scoredAfter = scoreTeam(matrix, after);
    for (const { i } of chosen) {
      const person = scoredAfter[i];
      const at = await page
        .locator('td[data-cell^="A"]')
        .evaluateAll(
          (tds, name) => tds.find((td) => td.textContent === name)?.getAttribute("data-cell"),
          person.person.person,
        );
      const readinessRow = Number(at?.slice(1));
      expect(readinessRow).toBeGreaterThan(4);
      if (person.next)
        expect(await cellText(page, `F${readinessRow}`)).toBe(`${Math.round(person.next.readiness * 100)}%`);
    }

    await p.getByRole("button", { name: "End calibration" }).click();
    await p.getByText(/The outcome is on the Calibration outcome sheet./).waitFor({ timeout: 30_000 });

    // The log holds exactly the three changes, before and after.
    await sheet(page, "Calibration log");
    const logged: [string, string, string][] = [];
    for (let row = 6; row < 20; row++) {
      const person = await cellText(page, `B${row}`);
      if (person) logged.push([person, await cellText(page, `D${row}`), await cellText(page, `E${row}`)]);
    }
    expect(logged).toEqual(changed);

    // The outcome agrees with the core.
    const core = sessionChanges(matrix, before, after);
    await sheet(page, "Calibration outcome");
    expect(await cellText(page, "A6")).toBe("Ratings changed");
    expect(await cellText(page, "B6")).toBe("3");
    expect(await cellText(page, "B7")).toBe(String(core.statuses.length));
    await page.screenshot({ path: join(SHOTS, "calibration-outcome.png") });

    // The session's own threshold, set in the pane, is drawn on the 9-box sheet.
    await p.getByRole("spinbutton", { name: "Ready at (%)" }).fill("80");
    await p.getByRole("button", { name: "Redraw the 9-box" }).click();
    await sheet(page, "9-box");
    await page.locator('td[data-cell="B5"]', { hasText: "80%" }).waitFor({ timeout: 30_000 });
    expect(workbench.outside).toEqual([]);
  }, 240_000);
});
