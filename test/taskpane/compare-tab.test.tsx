/** @jest-environment jsdom */
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { renderPane, sheetNames } from "./render-pane";

describe("Compare tab", () => {
  test("previews Senior against Staff on the first track and inserts the comparison sheet", async () => {
    const pane = renderPane();
    const user = userEvent.setup();
    await user.click(screen.getByRole("tab", { name: "Compare" }));
    const preview = await screen.findByRole("region", { name: "Comparison preview" });
    expect(preview.textContent).toMatch(
      /From Senior Backend Engineer to Staff Backend Engineer: \d+ of \d+ competencies change/,
    );

    await user.click(screen.getByRole("button", { name: "Insert comparison sheet" }));
    await screen.findByText("Comparison inserted");
    expect(sheetNames(pane.memory)).toContain("Backend Senior vs Staff");
  });

  test("offers the framework's lateral moves from the role compared, and one click compares with it", async () => {
    const pane = renderPane();
    const user = userEvent.setup();
    await user.click(screen.getByRole("tab", { name: "Compare" }));
    const moves = await screen.findByRole("region", { name: "Lateral moves" });
    expect(
      within(moves)
        .getAllByRole("button")
        .map((b) => b.textContent),
    ).toEqual([
      "Compare with Senior Production Engineer",
      "Compare with Senior Support Engineer",
      "Compare with Senior Test Automation Engineer",
    ]);
    await user.click(within(moves).getByRole("button", { name: "Compare with Senior Support Engineer" }));
    const preview = await screen.findByRole("region", { name: "Comparison preview" });
    expect(preview.textContent).toMatch(/From Senior Backend Engineer to Senior Support Engineer/);
    await user.click(screen.getByRole("button", { name: "Insert comparison sheet" }));
    await screen.findByText("Comparison inserted");
    expect(
      sheetNames(pane.memory).filter((name) => name.startsWith("Backend Senior vs Support")),
    ).toHaveLength(1);
  });

  test("downloads the comparison as .xlsx and CSV", async () => {
    const pane = renderPane();
    const user = userEvent.setup();
    await user.click(screen.getByRole("tab", { name: "Compare" }));
    const exports = await screen.findByRole("region", { name: "Export" });
    await user.click(within(exports).getByRole("button", { name: "Download CSV" }));
    await user.click(within(exports).getByRole("button", { name: "Download .xlsx" }));
    await waitForSaved(pane, 2);
    expect(pane.saved.map((f) => f.name).sort()).toEqual([
      "Backend Senior vs Staff.csv",
      "Backend Senior vs Staff.xlsx",
    ]);
    const xlsx = pane.saved.find((f) => f.name.endsWith(".xlsx"));
    // An .xlsx file is a zip: it starts with "PK".
    const head = new Uint8Array(await readBlob((xlsx as { data: Blob }).data.slice(0, 2)));
    expect(String.fromCharCode(...head)).toBe("PK");
  });
});

async function waitForSaved(pane: ReturnType<typeof renderPane>, count: number): Promise<void> {
  for (let i = 0; i < 200 && pane.saved.length < count; i++) await new Promise((r) => setTimeout(r, 50));
}

function readBlob(blob: Blob): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });
}
