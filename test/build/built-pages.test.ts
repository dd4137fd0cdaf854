/**
 * @jest-environment jsdom
 */
// The built pages as a browser gets them, with no Office host and no network: office.js is never loaded here.
import { readFileSync } from "fs";
import { join } from "path";
import { TextEncoder } from "util";
import { screen } from "@testing-library/dom";
import { BUILD_TIMEOUT_MS, productionBuild } from "./production-build";

const officeJs = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

let dist: string;
beforeAll(() => {
  dist = productionBuild();
}, BUILD_TIMEOUT_MS);

function scriptsOf(page: string): string[] {
  const html = new DOMParser().parseFromString(readFileSync(join(dist, page), "utf8"), "text/html");
  return Array.from(html.querySelectorAll("script")).map(
    (script) => script.getAttribute("src") ?? "(inline)",
  );
}

/** Loads a built page's own scripts into this window, as its <script> tags would. */
function openPage(page: string): void {
  // jsdom lacks TextEncoder, which every browser the pane runs in has.
  Object.assign(window, { TextEncoder });
  document.body.innerHTML = '<div id="root"></div>';
  for (const src of scriptsOf(page).filter((s) => !s.startsWith("https://"))) {
    window.eval(readFileSync(join(dist, src), "utf8"));
  }
}

describe("the built pages", () => {
  test("the task pane and the commands page load office.js from Microsoft's CDN, then their own bundle", () => {
    for (const page of ["taskpane.html", "commands.html"]) {
      const [first, ...own] = scriptsOf(page);
      expect(first).toBe(officeJs);
      expect(own.length).toBeGreaterThan(0);
      expect(own.every((src) => /^[\w.-]+\.js$/.test(src))).toBe(true);
    }
  });

  test("the workbench loads no script from outside the add-in", () => {
    const scripts = scriptsOf("workbench.html");
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.filter((src) => src.includes("://"))).toEqual([]);
  });

  test("the task pane starts without Office and shows its title", async () => {
    expect(typeof (globalThis as { Office?: unknown }).Office).toBe("undefined");
    openPage("taskpane.html");
    expect(await screen.findByRole("heading", { name: "Career Matrix" })).toBeTruthy();
  });

  test("the workbench starts in a plain browser", async () => {
    openPage("workbench.html");
    expect(await screen.findByRole("heading", { name: "Career Matrix workbench" })).toBeTruthy();
  });
});
