/** @jest-environment jsdom */
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { bundledFramework } from "../../src/data";
import { createRatings } from "../../src/workbook/commands";
import { renderPane } from "./render-pane";

function stepsShown(): { text: string; state: string }[] {
  const list = screen.getByRole("list", { name: "Get started" });
  return within(list)
    .getAllByRole("listitem")
    .map((item) => ({
      text: item.textContent ?? "",
      state:
        within(item)
          .getByLabelText(/^(Done|To do)$/)
          .getAttribute("aria-label") ?? "",
    }));
}

describe("Get started", () => {
  test("leads a new workbook through matrix, ratings, score and calibrate, each step from the workbook", async () => {
    renderPane();
    const user = userEvent.setup();
    await screen.findByRole("list", { name: "Get started" });
    expect(stepsShown().map((s) => s.state)).toEqual(["To do", "To do", "To do", "To do"]);
    expect(stepsShown().map((s) => s.text.split(".")[0])).toEqual(["1", "2", "3", "4"]);
    expect(stepsShown()[0].text).toContain("Build the matrix");

    // The first step is on this tab: its button takes the keyboard to the build button.
    await user.click(screen.getByRole("button", { name: "Start here" }));
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Build matrix sheets" }));
    await user.keyboard("{Enter}");
    await screen.findByText("Matrix sheets written");

    await waitFor(() =>
      expect(stepsShown().map((s) => s.state)).toEqual(["Done", "To do", "To do", "To do"]),
    );
    const list = screen.getByRole("list", { name: "Get started" });
    await user.click(within(list).getByRole("button", { name: "Open Ratings" }));
    expect(screen.getByRole("tab", { name: "Ratings" }).getAttribute("aria-selected")).toBe("true");
  });

  test("says the matrix is optional once the workbook has ratings, and points to scoring", async () => {
    const pane = renderPane();
    await createRatings(pane.services.host, bundledFramework(), []);
    pane.reopen();
    await screen.findByRole("list", { name: "Get started" });
    expect(stepsShown().map((s) => s.state)).toEqual(["To do", "Done", "To do", "To do"]);
    expect(stepsShown()[0].text).toMatch(/Optional now that the workbook has ratings/);
    expect(screen.queryByRole("button", { name: "Start here" })).toBeNull();
    expect(screen.getByRole("button", { name: "Open Score" })).toBeTruthy();
  });

  test("the Calibration tab of an unscored workbook says what it needs, and leads to Score", async () => {
    renderPane();
    const user = userEvent.setup();
    await user.click(await screen.findByRole("tab", { name: "Calibration" }));
    const empty = await screen.findByRole("region", { name: "Nothing scored yet" });
    expect(empty.textContent).toMatch(/this workbook has none yet/);
    await user.click(within(empty).getByRole("button", { name: "Open Score" }));
    expect(screen.getByRole("tab", { name: "Score" }).getAttribute("aria-selected")).toBe("true");
  });
});
