import { failureFromUrl, failureUrl, showFailure, type DialogUi } from "../../src/commands/failure-dialog";

describe("a ribbon command's failure", () => {
  test("opens the task pane page as a dialog that carries the failure, which reads back intact", () => {
    (globalThis as Record<string, unknown>).Office = {
      AsyncResultStatus: { Failed: "failed", Succeeded: "succeeded" },
    };
    const opened: string[] = [];
    const ui: DialogUi = { displayDialogAsync: (url) => opened.push(url) };
    const log = jest.spyOn(console, "error").mockImplementation(() => undefined);

    showFailure(
      ui,
      "https://localhost:3000/commands.html?_host_Info=Excel",
      "Refresh heatmaps",
      new Error("Heatmaps not refreshed:\nThere are no heatmaps yet."),
    );

    expect(opened).toHaveLength(1);
    const url = new URL(opened[0]);
    expect(url.origin + url.pathname).toBe("https://localhost:3000/taskpane.html");
    expect(failureFromUrl(url.search)).toEqual({
      title: "Refresh heatmaps",
      message: "Heatmaps not refreshed:\nThere are no heatmaps yet.",
    });
    expect(log).toHaveBeenCalledWith("Refresh heatmaps: Heatmaps not refreshed:\nThere are no heatmaps yet.");
    log.mockRestore();
  });

  test("a normal task pane load has no failure to show", () => {
    expect(failureFromUrl("?_host_Info=Excel")).toBeUndefined();
    expect(
      failureFromUrl(new URL(failureUrl("https://a.example/x/commands.html", "T", "m & n?")).search),
    ).toEqual({
      title: "T",
      message: "m & n?",
    });
  });
});
