/** axe-core run inside the page from the installed package: no CDN. */
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";

const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

export interface Violation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** Serious and critical violations within `selector` (WCAG 2.1 A and AA rules). */
export async function seriousViolations(
  page: Page,
  selector: string,
  exclude: string[] = [],
): Promise<Violation[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(
    async ({ selector, exclude }) => {
      const axe = (window as unknown as { axe: typeof import("axe-core") }).axe;
      const result = await axe.run(
        { include: [[selector]], exclude: exclude.map((e) => [e]) },
        { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } },
      );
      return result.violations
        .filter((v) => v.impact === "serious" || v.impact === "critical")
        .map((v) => ({
          id: v.id,
          impact: v.impact ?? null,
          help: v.help,
          // Fluent's focus manager (tabster) puts aria-hidden focusable <i data-tabster-dummy> around arrow-key
          // groups to hand focus on at once: a known false positive of this rule (microsoft/tabster#288).
          targets: v.nodes
            .filter((n) => !(v.id === "aria-hidden-focus" && n.html.includes("data-tabster-dummy")))
            .map((n) => n.target.join(" ")),
        }))
        .filter((v) => v.targets.length > 0);
    },
    { selector, exclude },
  );
}
