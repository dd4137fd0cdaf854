/**
 * Time to first render in Chromium, from navigation start, over a production build served on 127.0.0.1:
 * - workbench.html: until the task pane's Matrix tab shows its track choices (the pane's first screen), and until a
 *   track is ticked (the pane has looked at the workbook and is ready to use);
 * - taskpane.html outside Excel: until its heading shows (office.js is refused, as on a machine without network).
 * Each load uses a fresh browser context, so nothing is cached between runs. The baseline build (the framework checked
 * in the pane, bench/baseline-build.ts) is measured in the same run, its loads alternating with the current build's.
 */
import type { Browser } from "playwright-core";
import { buildProduction } from "../test/browser/support/build";
import { CHROMIUM, launchChromium } from "../test/browser/support/chromium";
import { serveDirectory } from "../test/browser/support/serve";
import { baselineBuild } from "./baseline-build";
import { report } from "./dashboard";

const RUNS = 12;
const FIRST_RENDER_GOAL_MS = 150;

/** Records performance.now() when the first element matching `selector` appears. */
function watchFor(selector: string, key: string): string {
  return `(() => {
    const seen = () => {
      const el = document.querySelector(${JSON.stringify(selector)});
      if (el && !window[${JSON.stringify(key)}]) window[${JSON.stringify(key)}] = performance.now();
    };
    new MutationObserver(seen).observe(document, { childList: true, subtree: true, attributes: true });
  })();`;
}

async function measure(
  browser: Browser,
  url: string,
  marks: Record<string, string>,
): Promise<Record<string, number>> {
  const context = await browser.newContext({ viewport: { width: 1360, height: 900 } });
  const page = await context.newPage();
  await page.route("**/*", (route) =>
    route.request().url().startsWith(new URL(url).origin) ? route.continue() : route.abort(),
  );
  for (const [key, selector] of Object.entries(marks)) await page.addInitScript(watchFor(selector, key));
  await page.goto(url);
  const keys = Object.keys(marks);
  await page.waitForFunction((ks) => ks.every((k) => k in window), keys, { timeout: 30_000 });
  const times = await page.evaluate(
    (ks) => Object.fromEntries(ks.map((k) => [k, (window as never)[k] as number])),
    keys,
  );
  await context.close();
  return times;
}

function stats(values: number[]): { median: string; p90: string; min: string } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5).toFixed(0), p90: at(0.9).toFixed(0), min: sorted[0].toFixed(0) };
}

interface Site {
  origin: string;
  close(): Promise<void>;
}

async function sample(
  browser: Browser,
  server: Site,
  record: (name: string, value: number) => void,
): Promise<void> {
  const bench = await measure(browser, `${server.origin}/workbench.html`, {
    // The Matrix tab's track checkboxes; one is ticked once the pane has looked at the workbook.
    paneShown: "[role=tabpanel] input[type=checkbox]",
    paneReady: "[role=tabpanel] input[type=checkbox]:checked",
  });
  record("workbench.html: pane's first screen", bench.paneShown);
  record("workbench.html: pane ready to use", bench.paneReady);
  const pane = await measure(browser, `${server.origin}/taskpane.html`, { heading: "h1" });
  record("taskpane.html outside Excel: heading", pane.heading);
}

export async function run(): Promise<void> {
  const server = await serveDirectory(buildProduction());
  const baseline = await serveDirectory(baselineBuild());
  const browser = await launchChromium();
  try {
    const samples: Record<string, number[]> = {};
    const before: Record<string, number[]> = {};
    // Alternating the two builds spreads any change in the machine's load over both.
    for (let i = 0; i < RUNS; i++) {
      await sample(browser, server, (name, value) => (samples[name] ??= []).push(value));
      await sample(browser, baseline, (name, value) => (before[name] ??= []).push(value));
    }
    console.log(
      `Time to first render in Chromium (${CHROMIUM}), ${RUNS} cold loads each, ms from navigation start`,
    );
    console.table(
      Object.entries(samples).map(([page, values]) => ({
        page,
        ...stats(values),
        "baseline median": stats(before[page]).median,
      })),
    );
    const median = (from: Record<string, number[]>, page: string) => Number(stats(from[page]).median);
    for (const [page, key] of [
      ["workbench.html", "workbench.html: pane's first screen"],
      ["taskpane.html", "taskpane.html outside Excel: heading"],
    ]) {
      report({
        figure: `task pane time to first render, Chromium, median (${page})`,
        unit: "ms",
        now: median(samples, key),
        goal: FIRST_RENDER_GOAL_MS,
        baseline: { value: median(before, key), what: "framework checked in the pane" },
      });
    }
  } finally {
    await browser.close();
    await server.close();
    await baseline.close();
  }
}
