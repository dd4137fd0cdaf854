/** @jest-environment jsdom */
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { careerMatrixFromFramework } from "../../src/core/career-matrix";
import { byLevel } from "../../src/core/calibration";
import { teamLabel } from "../../src/core/distributions";
import { scoreTeam } from "../../src/core/readiness";
import { bundledFramework } from "../../src/data";
import { createRatings, scoreRatings } from "../../src/workbook/commands";
import { typeRatings } from "../../src/workbench/type-ratings";
import { newPeople, teamOf } from "../workbook/team";
import { renderPane } from "./render-pane";

const framework = bundledFramework();
const matrix = careerMatrixFromFramework(framework);
// Ten people: enough for two teams and several raters, small enough for jsdom.
const team = teamOf(10);

jest.setTimeout(120_000);

async function scoredPane() {
  const pane = renderPane();
  await createRatings(pane.services.host, framework, newPeople(team));
  await typeRatings(pane.memory.run, "Ratings", matrix, team);
  await scoreRatings(pane.services.host, framework);
  pane.reopen();
  const user = userEvent.setup();
  await user.click(await screen.findByRole("tab", { name: "Calibration" }));
  await screen.findByRole("region", { name: "Everyone, at their current level" }, { timeout: 20_000 });
  return { pane, user };
}

describe("Calibration tab", () => {
  test("a level's bar lists its people, with status, readiness, blockers, rater and their row", async () => {
    const { pane, user } = await scoredPane();
    const scored = scoreTeam(
      matrix,
      team.map((p, i) => ({ ...p, row: i + 2 })),
    );
    const first = byLevel(matrix, scored)[0];
    const atLevel = scored.filter((s) => s.person.track === first.track && s.person.level === first.level);
    expect(atLevel.length).toBeGreaterThan(0);
    const title = matrix.tracks
      .find((t) => t.id === first.track)!
      .levels.find((l) => l.id === first.level)!.title;

    const bar = screen.getByRole("button", {
      name: new RegExp(`^${title}.*Show ${atLevel.length} (person|people)$`),
    });
    expect(bar.getAttribute("aria-expanded")).toBe("false");
    await user.click(bar);
    expect(bar.getAttribute("aria-expanded")).toBe("true");
    const list = screen.getByRole("list", { name: `People at ${title}` });
    const items = within(list).getAllByRole("listitem");
    expect(items.map((li) => within(li).getAllByText(/\S/)[0].textContent)).toEqual(
      atLevel.map((s) => s.person.person),
    );
    const one = atLevel[0];
    expect(items[0].textContent).toContain(`Rated by ${one.person.rater}`);
    expect(items[0].textContent).toContain(`${Math.round(one.current!.readiness * 100)}% met`);

    await user.click(within(items[0]).getByRole("button", { name: `Go to ${one.person.person}'s row` }));
    await waitFor(() =>
      expect(pane.memory.snapshot().selection).toBe(`Ratings!A${one.person.row}:XFD${one.person.row}`),
    );
  });

  test("filters by team: the 9-box, the counts and the lists show only that team's people", async () => {
    const { user } = await scoredPane();
    const teams = [...new Set(team.map((p) => teamLabel(p.team)))].sort((a, b) => a.localeCompare(b));
    expect(teams.length).toBeGreaterThan(1);
    const chosen = teams[0];
    const members = team.filter((p) => teamLabel(p.team) === chosen);

    expect(screen.getByText(`Showing all ${team.length} people.`)).toBeTruthy();
    await user.selectOptions(screen.getByRole("combobox", { name: "Team" }), chosen);
    expect(screen.getByText(`Showing ${members.length} of ${team.length} people.`)).toBeTruthy();

    const summary = screen.getByRole("list", { name: "Everyone by status at their current level" });
    const total = within(summary)
      .getAllByRole("listitem")
      .map((li) => Number(/(\d+)$/.exec(li.textContent ?? "")?.[1] ?? 0))
      .reduce((a, b) => a + b, 0);
    const scored = scoreTeam(
      matrix,
      members.map((p, i) => ({ ...p, row: i + 2 })),
    );
    expect(total).toBe(scored.filter((s) => s.current).length);

    await user.click(screen.getByRole("button", { name: "Show everyone" }));
    expect(screen.getByText(`Showing all ${team.length} people.`)).toBeTruthy();
  });
});
