/** @jest-environment jsdom */
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { Framework } from "../../src/core/framework";
import { loadFramework } from "../../src/core/load-framework";
import { bundledFramework } from "../../src/data";
import { renderPane, sheetNames } from "./render-pane";

// Browsers read a picked file with Blob.arrayBuffer, which this jsdom lacks: give it the browser's behaviour.
if (typeof Blob.prototype.arrayBuffer !== "function") {
  Blob.prototype.arrayBuffer = function (this: Blob): Promise<ArrayBuffer> {
    return new Promise((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result as ArrayBuffer);
      reader.onerror = () => reject(reader.error);
      reader.readAsArrayBuffer(this);
    });
  };
}

/** A team's own framework: GitLab's, renamed, with the first competency's words changed at every level. */
function ours(): Framework {
  const f = JSON.parse(JSON.stringify(bundledFramework())) as Framework;
  f.id = "ours";
  f.name = "Our framework";
  for (const expectation of Object.values(f.competencies[0].expectations))
    if (expectation) expectation.descriptor = `Ours: ${expectation.descriptor}`;
  return f;
}

const jsonFile = (name: string, contents: string) => new File([contents], name, { type: "application/json" });
const cell = (pane: ReturnType<typeof renderPane>, sheet: string, row: number, column: number) =>
  pane.memory.snapshot().sheets.find((s) => s.name === sheet)?.values[row - 1]?.[column];

// Creating and scoring the sample team through the pane takes a while in jsdom.
jest.setTimeout(90_000);

describe("Matrix tab: the framework in use", () => {
  test("scores again when another framework is chosen, so the Score tab never shows another framework's figures", async () => {
    const pane = renderPane();
    const user = userEvent.setup();
    await screen.findByText(/This workbook uses GitLab Engineering Career Framework/);
    await user.click(screen.getByRole("tab", { name: "Ratings" }));
    // The tab's code loads on first use: give it time on a busy machine.
    await user.click(await screen.findByRole("button", { name: "Use the sample team" }, { timeout: 20_000 }));
    await user.click(
      await screen.findByRole("button", { name: /^Create the Ratings sheet with \d+ people$/ }),
    );
    await screen.findByText("Ratings sheet ready");
    await user.click(screen.getByRole("tab", { name: "Score" }));
    await user.click(await screen.findByRole("button", { name: "Score ratings" }, { timeout: 20_000 }));
    // Nobody is rated yet: the result says so, and the sheets are written all the same.
    await screen.findByText("No ratings yet", undefined, { timeout: 20_000 });
    const readiness = () => pane.memory.snapshot().sheets.find((s) => s.name === "Readiness")?.values[1]?.[0];
    expect(String(readiness())).toMatch(/Ready ≥ 90%/);

    // A framework whose "ready" threshold is 60%: the Readiness sheet is written again with it.
    const lenient = ours();
    lenient.scoring = { ...lenient.scoring, ready: 0.6, almost: 0.4 };
    await user.click(screen.getByRole("tab", { name: "Matrix" }));
    await user.upload(
      screen.getByLabelText("Framework file"),
      jsonFile("ours.json", JSON.stringify(lenient)),
    );
    // Switching reads the matrix, builds it from the new framework and scores again: minutes on a busy machine.
    await screen.findByText('Now using "Our framework"', undefined, { timeout: 20_000 });
    await user.click(screen.getByRole("tab", { name: "Score" }));
    await waitFor(() => expect(String(readiness())).toMatch(/Ready ≥ 60%/), { timeout: 20_000 });
  });

  test("lists each problem of a broken framework file at its JSON path, and changes nothing", async () => {
    const pane = renderPane();
    const user = userEvent.setup();
    await screen.findByText(/This workbook uses GitLab Engineering Career Framework/);
    const broken = { ...ours(), scale: [] };
    await user.upload(screen.getByLabelText("Framework file"), jsonFile("ours.json", JSON.stringify(broken)));
    await screen.findByText("ours.json is not a framework this add-in can use");
    expect(await screen.findByText(/\$\.scale: expected a scale of at least two values/)).toBeTruthy();
    expect(sheetNames(pane.memory)).not.toContain("Framework in use");
  });

  test("uses a framework file, builds the matrix from it, keeps it for next time, and goes back in one click", async () => {
    const pane = renderPane();
    const user = userEvent.setup();
    await screen.findByText(/This workbook uses GitLab Engineering Career Framework/);
    await user.upload(screen.getByLabelText("Framework file"), jsonFile("ours.json", JSON.stringify(ours())));
    await screen.findByText('Now using "Our framework"');
    // Row 8 is the first competency, column E the first level's words.
    await waitFor(() => expect(String(cell(pane, "Backend matrix", 8, 4))).toMatch(/^Ours: /));
    expect(pane.memory.snapshot().sheets.find((s) => s.name === "Framework in use")?.visibility).toBe(
      "Hidden",
    );

    // Opened again, the pane finds the framework in the workbook.
    pane.reopen();
    await screen.findByText('This workbook uses its own framework, "Our framework".');

    // Saved as a framework file: the matrix as the sheets have it, which loads as a framework.
    await user.click(screen.getByRole("button", { name: "Save as framework file" }));
    await screen.findByText("Saved ours.json");
    const saved = new TextDecoder().decode(await pane.saved[0].data.arrayBuffer());
    expect(loadFramework(JSON.parse(saved)).competencies[0].expectations.junior?.descriptor).toMatch(
      /^Ours: /,
    );

    await user.click(screen.getByRole("button", { name: "Back to GitLab's framework" }));
    await screen.findByText("Now using GitLab's framework");
    await waitFor(() => expect(String(cell(pane, "Backend matrix", 8, 4))).not.toMatch(/^Ours: /));
    await screen.findByText(/This workbook uses GitLab Engineering Career Framework/);
  });

  test("says a framework file saved as UTF-16 (Notepad's Unicode) was read as UTF-16, and a UTF-8 one nothing", async () => {
    renderPane();
    const user = userEvent.setup();
    await screen.findByText(/This workbook uses GitLab Engineering Career Framework/);
    const text = JSON.stringify(ours());
    const utf16 = new Uint8Array(2 + text.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      utf16[2 + i * 2] = text.charCodeAt(i) & 0xff;
      utf16[3 + i * 2] = text.charCodeAt(i) >> 8;
    }
    await user.upload(
      screen.getByLabelText("Framework file"),
      new File([utf16], "ours.json", { type: "application/json" }),
    );
    await screen.findByText('Now using "Our framework"');
    expect(
      screen.getByText(
        "ours.json was read as UTF-16LE, as its byte-order mark says. Matrix sheets built from it.",
      ),
    ).toBeTruthy();

    await user.upload(screen.getByLabelText("Framework file"), jsonFile("plain.json", text));
    await screen.findByText("Matrix sheets built from it.");
    expect(screen.queryByText(/was read as/)).toBeNull();
  });
});
