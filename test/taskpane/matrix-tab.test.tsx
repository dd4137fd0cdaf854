/** @jest-environment jsdom */
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { OWN_CHANGE_MS } from "../../src/taskpane/workbook-changes";
import { renderPane, sheetNames } from "./render-pane";

async function editCell(
  pane: ReturnType<typeof renderPane>,
  sheet: string,
  address: string,
  value: string | number,
) {
  await pane.memory.run(async (context) => {
    context.workbook.worksheets.getItem(sheet).getRange(address).values = [[value]];
    await context.sync();
  });
}

function cellValue(pane: ReturnType<typeof renderPane>, sheet: string, row: number, column: number) {
  return pane.memory.snapshot().sheets.find((s) => s.name === sheet)?.values[row - 1]?.[column];
}

/**
 * A button of the open dialog. jsdom cannot run Fluent's dialog motion, which can leave the surface styled as still
 * entering, so the query looks past visibility; the browser tests click the real dialog.
 */
async function dialogButton(name: string): Promise<HTMLElement> {
  const dialog = await screen.findByRole("dialog", { hidden: true });
  return within(dialog).findByRole("button", { name, hidden: true });
}

describe("Matrix tab", () => {
  test("builds the first track's matrix sheet in a new workbook and says which sheets it wrote", async () => {
    const pane = renderPane();
    const user = userEvent.setup();
    const backend = (await screen.findByRole("checkbox", { name: "Backend" })) as HTMLInputElement;
    await waitFor(() => expect(backend.checked).toBe(true));
    expect((screen.getByRole("checkbox", { name: "Frontend" }) as HTMLInputElement).checked).toBe(false);
    await user.click(screen.getByRole("button", { name: "Build matrix sheets" }));
    const done = await screen.findByText("Matrix sheets written");
    expect(done.parentElement?.textContent).toContain("Backend");
    expect(sheetNames(pane.memory)).toContain("Backend matrix");
  });

  test("offers no refresh that would change nothing while the sheet has errors, and says why", async () => {
    const pane = renderPane();
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "Build matrix sheets" }));
    await screen.findByText("Matrix sheets written");
    await editCell(pane, "Backend matrix", "B8", "lots");
    pane.reopen();

    const problems = await screen.findByRole("region", { name: /Fix these before refreshing/ });
    expect(within(problems).getByText("Backend matrix!B8")).toBeTruthy();
    expect(
      screen.getByText("Backend matrix has errors and is left as it is by a refresh until they are fixed."),
    ).toBeTruthy();
    const refresh = screen.getByRole("button", { name: "Refresh matrix sheets" }) as HTMLButtonElement;
    expect(refresh.disabled).toBe(true);

    // Fixed on the sheet, the tab reads it again when shown, and the refresh is offered again.
    await editCell(pane, "Backend matrix", "B8", 1);
    pane.reopen();
    await waitFor(() =>
      expect(
        (screen.getByRole("button", { name: "Refresh matrix sheets" }) as HTMLButtonElement).disabled,
      ).toBe(false),
    );
    expect(screen.queryByText(/has errors and is left as it is/)).toBeNull();
  });

  test("reads an edit made on the sheet while the tab is in view, and drops the result it made out of date", async () => {
    const pane = renderPane();
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "Build matrix sheets" }));
    await screen.findByText("Matrix sheets written");
    // The manager types on the sheet a moment later, the pane open beside it.
    await new Promise((resolve) => setTimeout(resolve, OWN_CHANGE_MS + 100));
    const before = cellValue(pane, "Backend matrix", 8, 1);
    await editCell(pane, "Backend matrix", "B8", before === 4 ? 3 : 4);

    const edits = await screen.findByRole("region", { name: /Your edits/ });
    expect(within(edits).getByText("Backend matrix!B8")).toBeTruthy();
    expect(screen.queryByText("Matrix sheets written")).toBeNull();
  });

  test("says what a refresh keeps, and asks before replacing the user's edits", async () => {
    const pane = renderPane();
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "Build matrix sheets" }));
    await screen.findByText("Matrix sheets written");

    // The manager changes an expected value on the sheet (row 8 is the first competency, column B the first level's value).
    const before = cellValue(pane, "Backend matrix", 8, 1);
    expect(typeof before).toBe("number");
    await editCell(pane, "Backend matrix", "B8", before === 4 ? 3 : 4);
    pane.reopen();

    const edits = await screen.findByRole("region", { name: /Your edits/ });
    expect(within(edits).getByText("Backend matrix!B8")).toBeTruthy();
    expect(within(edits).getByRole("button", { name: "Go to cell Backend matrix!B8" })).toBeTruthy();
    expect(screen.getByText(/Refreshing keeps your 1 edit/)).toBeTruthy();

    // Refreshing keeps the edit.
    await user.click(screen.getByRole("button", { name: "Refresh matrix sheets" }));
    await screen.findByText("Matrix sheets written");
    expect(cellValue(pane, "Backend matrix", 8, 1)).toBe(before === 4 ? 3 : 4);

    // Replacing asks first; keeping the edits changes nothing.
    await user.click(screen.getByRole("button", { name: "Replace with the framework…" }));
    const dialog = await screen.findByRole("dialog", { name: "Replace your edits?" });
    expect(within(dialog).getByText(/Backend matrix!B8/)).toBeTruthy();
    await user.click(await dialogButton("Keep my edits"));
    await waitFor(() => expect(screen.queryByRole("dialog", { hidden: true })).toBeNull());
    expect(cellValue(pane, "Backend matrix", 8, 1)).toBe(before === 4 ? 3 : 4);

    await user.click(screen.getByRole("button", { name: "Replace with the framework…" }));
    await user.click(await dialogButton("Replace"));
    await screen.findByText("Matrix sheets replaced with the framework");
    expect(cellValue(pane, "Backend matrix", 8, 1)).toBe(before);
  });

  test("go to cell selects the edited cell in the workbook", async () => {
    const pane = renderPane();
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "Build matrix sheets" }));
    await screen.findByText("Matrix sheets written");
    await editCell(pane, "Backend matrix", "C8", "Changed wording");
    pane.reopen();
    await user.click(await screen.findByRole("button", { name: "Go to cell Backend matrix!C8" }));
    await waitFor(() => expect(pane.memory.snapshot().selection).toBe("'Backend matrix'!C8"));
  });
});
