/**
 * The task pane's first-load JavaScript: the scripts taskpane.html loads itself, gzipped, from a production build.
 * Chunks loaded later (ExcelJS for export) are listed apart; they cost nothing until someone exports.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { buildProduction } from "../test/browser/support/build";
import { report } from "./dashboard";

const BUDGET_KB = 150;

/** Local script files an HTML page loads with <script src>, in order; CDN scripts (office.js) are not ours. */
export function scriptSources(html: string): string[] {
  // Minified HTML leaves attribute values unquoted.
  return [...html.matchAll(/<script\b[^>]*?\bsrc=(?:"([^"]*)"|'([^']*)'|([^\s>]+))/g)]
    .map((m) => m[1] ?? m[2] ?? m[3])
    .filter((src) => !/^(https?:)?\/\//.test(src))
    .map((src) => src.replace(/^\.?\//, ""));
}

function gzipKb(file: string): number {
  return gzipSync(readFileSync(file)).length / 1024;
}

export async function run(): Promise<void> {
  const dist = buildProduction();
  const initial = scriptSources(readFileSync(join(dist, "taskpane.html"), "utf8"));
  if (initial.length === 0)
    throw new Error("taskpane.html loads no local script: the build is not what it should be");
  const entryScripts = new Set(
    ["taskpane.html", "workbench.html", "commands.html"].flatMap((page) =>
      scriptSources(readFileSync(join(dist, page), "utf8")),
    ),
  );
  const lazy = readdirSync(dist).filter((f) => f.endsWith(".js") && !entryScripts.has(f));

  const rows = initial.map((f) => ({ file: f, kb: gzipKb(join(dist, f)), load: "initial" }));
  rows.push(...lazy.map((f) => ({ file: f, kb: gzipKb(join(dist, f)), load: "lazy" })));
  const total = rows.filter((r) => r.load === "initial").reduce((sum, r) => sum + r.kb, 0);

  console.log("Task pane JavaScript, production build, gzip (zlib default level)");
  console.table(rows.map((r) => ({ script: r.file, loaded: r.load, "gzip KB": r.kb.toFixed(1) })));
  report({ figure: "task pane first-load JavaScript", unit: "KB gzip", now: total, goal: BUDGET_KB });
  console.log(
    `First load: ${total.toFixed(1)} KB gzipped (budget ${BUDGET_KB} KB: ${total <= BUDGET_KB ? "within" : "OVER"})`,
  );
}
