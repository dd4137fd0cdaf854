/** @jest-environment jsdom */
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { careerMatrixFromFramework } from "../../src/core/career-matrix";
import { nineBox } from "../../src/core/nine-box";
import { scoreTeam } from "../../src/core/readiness";
import { bundledFramework, sampleTeam } from "../../src/data";
import { typeRatings } from "../../src/workbench/type-ratings";
import { renderPane } from "./render-pane";

const framework = bundledFramework();
const matrix = careerMatrixFromFramework(framework);
const team = sampleTeam().people;

async function scoredTeam(pane: ReturnType<typeof renderPane>, user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole("tab", { name: "Ratings" }));
  await user.click(await screen.findByRole("button", { name: "Use the sample team" }, { timeout: 30_000 }));
  await user.click(
    screen.getByRole("button", { name: `Create the Ratings sheet with ${team.length} people` }),
  );
  await screen.findByText("Ratings sheet ready", undefined, { timeout: 30_000 });
  await typeRatings(pane.memory.run, "Ratings", matrix, team);
  await user.click(screen.getByRole("tab", { name: "Score" }));
  await user.click(await screen.findByRole("button", { name: "Score ratings" }));
  await screen.findByText(/^Heatmaps written/, undefined, { timeout: 60_000 });
  await user.click(screen.getByRole("tab", { name: "Calibration" }));
}

async function typeCell(pane: ReturnType<typeof renderPane>, a1: string, value: number | string) {
  await pane.memory.run(async (context) => {
    context.workbook.worksheets.getItem("Ratings").getRange(a1).values = [[value]];
    await context.sync();
  });
}

jest.setTimeout(300_000);

describe("Calibration tab", () => {
  test("shows the 9-box as the core places people, and choosing a person selects their Ratings row", async () => {
    const pane = renderPane();
    const user = userEvent.setup();
    await scoredTeam(pane, user);

    const box = nineBox(
      matrix.scoring,
      scoreTeam(
        matrix,
        team.map((p, i) => ({ ...p, row: i + 2 })),
      ),
    );
    const grid = await screen.findByRole("grid", { name: "9-box" }, { timeout: 30_000 });
    for (const cell of box.cells) {
      const name = cell.name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      const shown = within(grid).getByRole("gridcell", { name: new RegExp(`^${name}\\s*${cell.count} · `) });
      expect(
        within(shown)
          .queryAllByRole("button")
          .map((b) => b.textContent),
      ).toEqual(cell.people);
    }
    const placed = box.cells.find((c) => c.count > 0)!;
    const person = placed.people[0];
    await user.click(within(grid).getByRole("button", { name: person }));
    const row = team.findIndex((p) => p.person === person) + 2;
    await waitFor(() => expect(pane.memory.snapshot().selection).toBe(`Ratings!A${row}:XFD${row}`));
  });

  test("records a session: three ratings changed while the pane is open are logged, ending writes the outcome", async () => {
    const pane = renderPane();
    const user = userEvent.setup();
    await scoredTeam(pane, user);

    await user.click(await screen.findByRole("button", { name: "Start calibration" }, { timeout: 30_000 }));
    await screen.findByText(/Session in progress since .*: 0 changes logged/);

    const ratings = pane.memory.snapshot().sheets.find((s) => s.name === "Ratings")!.values;
    const other = (row: number) => (ratings[row - 1][5] === 0 ? 1 : 0);
    const typed = [other(2), other(3)];
    await typeCell(pane, "F2", typed[0]);
    await typeCell(pane, "F3", typed[1]);
    await typeCell(pane, "F4", "great");
    await screen.findByText(/3 changes logged while this pane was open/, undefined, { timeout: 30_000 });
    // The text rating is flagged at its cell.
    const problems = await screen.findByRole("region", { name: /Problems in the session/ });
    expect(within(problems).getByText("Ratings!F4")).toBeTruthy();

    // Starting over asks first and changes nothing until confirmed.
    await user.click(screen.getByRole("button", { name: "Start over" }));
    expect(await screen.findByText(/is in progress. Starting over takes the ratings/)).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Cancel" }));

    await user.click(screen.getByRole("button", { name: "End calibration" }));
    await screen.findByText(/changed status. The outcome is on the Calibration outcome sheet./, undefined, {
      timeout: 30_000,
    });
    const log = pane.memory.snapshot().sheets.find((s) => s.name === "Calibration log")!;
    const entries = log.values.slice(5).filter((r) => typeof r[1] === "string");
    expect(entries.map((r) => [r[1], r[4], r[5]])).toEqual([
      [team[0].person, typed[0], "As it happened"],
      [team[1].person, typed[1], "As it happened"],
      [team[2].person, "great", "As it happened"],
    ]);
    expect(pane.memory.snapshot().sheets.some((s) => s.name === "Calibration outcome")).toBe(true);
  });
});
