/** @jest-environment jsdom */
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { careerMatrixFromFramework } from "../../src/core/career-matrix";
import { scoreTeam } from "../../src/core/readiness";
import { bundledFramework, sampleTeam } from "../../src/data";
import { STATUS_LABEL } from "../../src/sheets/status";
import { typeRatings } from "../../src/workbench/type-ratings";
import { renderPane } from "./render-pane";

const framework = bundledFramework();
const matrix = careerMatrixFromFramework(framework);
const team = sampleTeam().people;

/** The sample team added on the Ratings tab, their ratings then typed on the sheet as a manager would. */
async function ratedTeam(pane: ReturnType<typeof renderPane>, user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole("tab", { name: "Ratings" }));
  // The tab's code loads on first opening, which takes a while on a busy machine.
  await user.click(await screen.findByRole("button", { name: "Use the sample team" }, { timeout: 15_000 }));
  await user.click(
    screen.getByRole("button", { name: `Create the Ratings sheet with ${team.length} people` }),
  );
  await screen.findByText("Ratings sheet ready");
  expect(
    screen.getByText(`Added ${team.length} people. Type their ratings on the sheet, then score.`),
  ).toBeTruthy();
  await typeRatings(pane.memory.run, "Ratings", matrix, team);
}

// Typing and scoring 38 people through the pane takes a while in jsdom.
jest.setTimeout(240_000);

describe("Score tab", () => {
  test("shows the status counts and people by next-level readiness, and selecting a person selects their row", async () => {
    const pane = renderPane();
    const user = userEvent.setup();
    await ratedTeam(pane, user);

    await user.click(screen.getByRole("tab", { name: "Score" }));
    await user.click(await screen.findByRole("button", { name: "Score ratings" }, { timeout: 15_000 }));
    await screen.findByText(`Scored ${team.length} of ${team.length} people`);
    expect(screen.getByText(/^Heatmaps written\. Next: open Calibration/)).toBeTruthy();
    expect(screen.getByText(/^Computed at \d{1,2}:\d{2}/)).toBeTruthy();

    const expected = scoreTeam(
      matrix,
      team.map((p, i) => ({ ...p, row: i + 2 })),
    );
    const summary = screen.getByRole("list", { name: "People by readiness for their next level" });
    for (const status of ["ready", "almost", "not-yet", "insufficient"] as const) {
      const item = within(summary).getByText(STATUS_LABEL[status]).closest("li");
      expect(item?.textContent).toBe(
        `${STATUS_LABEL[status]}${expected.filter((s) => s.next?.status === status).length}`,
      );
    }

    // Highest readiness for the next level first.
    const table = screen.getByRole("table", { name: "People by readiness for their next level" });
    const names = within(table)
      .getAllByRole("button")
      .map((b) => b.textContent)
      .filter((name) => team.some((p) => p.person === name));
    const byReadiness = [...expected]
      .sort(
        (a, b) =>
          (b.next?.readiness ?? -1) - (a.next?.readiness ?? -1) ||
          a.person.person.localeCompare(b.person.person),
      )
      .map((s) => s.person.person);
    expect(names).toEqual(byReadiness);

    // Sorting by person instead.
    await user.click(within(table).getByRole("button", { name: "Person" }));
    const sortedByName = within(table)
      .getAllByRole("button")
      .map((b) => b.textContent)
      .filter((name) => team.some((p) => p.person === name));
    expect(sortedByName).toEqual([...byReadiness].sort((a, b) => a.localeCompare(b)));

    await user.click(within(table).getByRole("button", { name: team[2].person }));
    await waitFor(() => expect(pane.memory.snapshot().selection).toBe("Ratings!A4:XFD4"));
  });

  test("lists a bad rating with its cell and selects that cell on request", async () => {
    const pane = renderPane();
    const user = userEvent.setup();
    await ratedTeam(pane, user);
    await pane.memory.run(async (context) => {
      context.workbook.worksheets.getItem("Ratings").getRange("H3").values = [["nine"]];
      await context.sync();
    });

    await user.click(screen.getByRole("tab", { name: "Score" }));
    await user.click(await screen.findByRole("button", { name: "Score ratings" }, { timeout: 15_000 }));
    const problems = await screen.findByRole("region", { name: /Problems in the ratings/ });
    expect(within(problems).getByText("Ratings!H3")).toBeTruthy();
    await user.click(within(problems).getByRole("button", { name: "Go to cell Ratings!H3" }));
    await waitFor(() => expect(pane.memory.snapshot().selection).toBe("Ratings!H3"));
    // Renamed since: the sheet is found by its marker, not its old name.
    await pane.memory.run(async (context) => {
      context.workbook.worksheets.getItem("Ratings").name = "Team ratings";
      await context.sync();
    });
    await user.click(within(problems).getByRole("button", { name: "Go to cell Ratings!H3" }));
    await waitFor(() => expect(pane.memory.snapshot().selection).toBe("'Team ratings'!H3"));
  });

  test("says when there is nothing to score instead of failing silently", async () => {
    renderPane();
    const user = userEvent.setup();
    await user.click(screen.getByRole("tab", { name: "Score" }));
    await user.click(await screen.findByRole("button", { name: "Score ratings" }, { timeout: 15_000 }));
    const problems = await screen.findByRole("region", { name: /Problems in the ratings/ });
    expect(within(problems).getByText(/There is no Ratings sheet/)).toBeTruthy();
  });

  test("right after the Ratings sheet is created, warns that nobody is rated instead of reporting success", async () => {
    const pane = renderPane();
    const user = userEvent.setup();
    await user.click(screen.getByRole("tab", { name: "Ratings" }));
    await user.click(await screen.findByRole("button", { name: "Use the sample team" }, { timeout: 15_000 }));
    await user.click(
      screen.getByRole("button", { name: `Create the Ratings sheet with ${team.length} people` }),
    );
    await screen.findByText("Ratings sheet ready");
    // The button disabled itself while writing: the focus went to the result, not to the page.
    expect(document.activeElement).toBe(screen.getByRole("region", { name: "Ratings sheet result" }));

    await user.click(screen.getByRole("tab", { name: "Score" }));
    await user.click(await screen.findByRole("button", { name: "Score ratings" }, { timeout: 15_000 }));
    const result = await screen.findByRole("region", { name: "Scoring result" });
    expect(within(result).getByText("No ratings yet")).toBeTruthy();
    expect(result.textContent).toContain(
      `Scored ${team.length} of ${team.length} people, but nobody has a rating, so every status is Insufficient data.`,
    );
    expect(within(result).queryByText(/Heatmaps written/)).toBeNull();
    expect(within(result).queryByRole("button", { name: "Open Calibration" })).toBeNull();
    // The keyboard lands on the result of the action.
    expect(document.activeElement).toBe(result);

    await user.click(within(result).getByRole("button", { name: "Go to the Ratings sheet" }));
    await waitFor(() => expect(pane.memory.snapshot().selection).toBe("Ratings!A2:XFD2"));
  });

  test("says who was skipped and why, beside how many were scored", async () => {
    const pane = renderPane();
    const user = userEvent.setup();
    await ratedTeam(pane, user);
    await pane.memory.run(async (context) => {
      context.workbook.worksheets.getItem("Ratings").getRange("C14").values = [["Seniorr"]];
      await context.sync();
    });

    await user.click(screen.getByRole("tab", { name: "Score" }));
    await user.click(await screen.findByRole("button", { name: "Score ratings" }, { timeout: 15_000 }));
    const result = await screen.findByRole("region", { name: "Scoring result" });
    expect(within(result).getByText(`Scored ${team.length - 1} of ${team.length} people`)).toBeTruthy();
    expect(within(result).getByText("1 row skipped")).toBeTruthy();
    const skipped = within(result).getByRole("listitem");
    expect(skipped.textContent).toMatch(
      new RegExp(`^Row 14 \\(${team[12].person}\\): Level "Seniorr" in C14 is not a level of the matrix`),
    );
  });

  test("a reopened pane rebuilds the scores from the workbook, dated, for the Score and Calibration tabs", async () => {
    const pane = renderPane();
    const user = userEvent.setup();
    await ratedTeam(pane, user);
    await user.click(screen.getByRole("tab", { name: "Score" }));
    await user.click(await screen.findByRole("button", { name: "Score ratings" }, { timeout: 15_000 }));
    await screen.findByText(`Scored ${team.length} of ${team.length} people`);

    pane.reopen();
    await user.click(screen.getByRole("tab", { name: "Score" }));
    const result = await screen.findByRole("region", { name: "Scoring result" }, { timeout: 15_000 });
    expect(within(result).getByText(`Scored ${team.length} of ${team.length} people`)).toBeTruthy();
    expect(within(result).getByText(/^Read from the workbook's sheets at \d{1,2}:\d{2}/)).toBeTruthy();
    expect(within(result).queryByText(/Heatmaps written/)).toBeNull();
    // Read again, not acted on: the focus stays with the tab the user chose.
    expect(document.activeElement).toBe(screen.getByRole("tab", { name: "Score" }));

    await user.click(screen.getByRole("tab", { name: "Calibration" }));
    await screen.findByRole("region", { name: "Everyone, at their current level" }, { timeout: 15_000 });
    expect(screen.queryByRole("button", { name: "Score the ratings first" })).toBeNull();
  });
});
