/**
 * The task pane's first-load JavaScript: the scripts taskpane.html loads itself, gzipped, from a production build,
 * against the baseline build (the framework checked in the pane, bench/baseline-build.ts) made in the same run.
 * Chunks loaded later (the other tabs, ExcelJS for export) are listed apart; they cost nothing until used. Ends with
 * what each script holds.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { buildProduction } from "../test/browser/support/build";
import { baselineBuild } from "./baseline-build";
import { scriptContents } from "./bundle-analysis";
import { report } from "./dashboard";

const BUDGET_KB = 150;
const PAGES = ["taskpane.html", "workbench.html", "commands.html"];

/** Local script files an HTML page loads with <script src>, in order; CDN scripts (office.js) are not ours. */
export function scriptSources(html: string): string[] {
  // Minified HTML leaves attribute values unquoted.
  return [...html.matchAll(/<script\b[^>]*?\bsrc=(?:"([^"]*)"|'([^']*)'|([^\s>]+))/g)]
    .map((m) => m[1] ?? m[2] ?? m[3])
    .filter((src) => !/^(https?:)?\/\//.test(src))
    .map((src) => src.replace(/^\.?\//, ""));
}

interface Script {
  file: string;
  load: "initial" | "lazy";
  contents: ReturnType<typeof scriptContents>;
}

function scriptsOf(dist: string): Script[] {
  const initial = scriptSources(readFileSync(join(dist, "taskpane.html"), "utf8"));
  if (initial.length === 0)
    throw new Error("taskpane.html loads no local script: the build is not what it should be");
  const entryScripts = new Set(
    PAGES.flatMap((page) => scriptSources(readFileSync(join(dist, page), "utf8"))),
  );
  const lazy = readdirSync(dist).filter((f) => f.endsWith(".js") && !entryScripts.has(f));
  return [
    ...initial.map((file) => ({ file, load: "initial" as const, contents: scriptContents(dist, file) })),
    ...lazy.map((file) => ({ file, load: "lazy" as const, contents: scriptContents(dist, file) })),
  ];
}

const firstLoadKb = (scripts: Script[]): number =>
  scripts.filter((s) => s.load === "initial").reduce((sum, s) => sum + s.contents.gzipKb, 0);

export async function run(): Promise<void> {
  const scripts = scriptsOf(buildProduction());
  const baseline = scriptsOf(baselineBuild());
  const total = firstLoadKb(scripts);
  const before = firstLoadKb(baseline);

  console.log("Task pane JavaScript, production build, gzip (zlib default level)");
  console.table(
    scripts.map((s) => ({
      script: s.file,
      loaded: s.load,
      "gzip KB": s.contents.gzipKb.toFixed(1),
      // Parts under 1 KB are left out; the source maps say where every byte came from.
      holds: s.contents.parts
        .filter((p) => p.gzipKb >= 1)
        .slice(0, 6)
        .map((p) => `${p.part} ${p.gzipKb.toFixed(1)}`)
        .join(", "),
    })),
  );
  console.log(
    `First load: ${total.toFixed(1)} KB gzipped (budget ${BUDGET_KB} KB: ${total <= BUDGET_KB ? "within" : "OVER"}); ` +
      `baseline with the framework checked in the pane: ${before.toFixed(1)} KB`,
  );
  report({
    figure: "task pane first-load JavaScript",
    unit: "KB gzip",
    now: total,
    goal: BUDGET_KB,
    baseline: { value: before, what: "framework checked in the pane" },
  });
}
