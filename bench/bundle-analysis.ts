/**
 * What each script of a build holds: its source map attributes every character of the minified file to the source
 * it came from; sources are grouped by npm package (or src/ folder), and each group gets its share of the file's
 * gzip size.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { decodedMappings, TraceMap } from "@jridgewell/trace-mapping";

export interface ScriptContents {
  file: string;
  gzipKb: number;
  /** Largest first: a package or src/ folder and its share of the gzip size. */
  parts: { part: string; gzipKb: number }[];
}

/** `webpack://career-matrix/./node_modules/@fluentui/react-tabs/lib/x.js` -> `@fluentui/react-tabs`. */
function partOf(source: string | null): string {
  if (source === null) return "webpack runtime";
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source);
  if (modules) return modules[1];
  const own = /\/(src\/[^/]+)\//.exec(source);
  if (own) return own[1];
  return /webpack\/runtime/.test(source) ? "webpack runtime" : source.replace(/^webpack:\/\/[^/]*\//, "");
}

export function scriptContents(dir: string, file: string): ScriptContents {
  const code = readFileSync(join(dir, file));
  const gzipKb = gzipSync(code).length / 1024;
  const mapFile = join(dir, `${file}.map`);
  if (!existsSync(mapFile)) return { file, gzipKb, parts: [{ part: "(no source map)", gzipKb }] };
  const map = new TraceMap(readFileSync(mapFile, "utf8"));
  const lines = code.toString("utf8").split("\n");
  const text = new Map<string, string[]>();
  const add = (part: string, piece: string) => (text.get(part) ?? text.set(part, []).get(part))?.push(piece);
  decodedMappings(map).forEach((segments, line) => {
    const source = lines[line] ?? "";
    add("webpack runtime", source.slice(0, segments[0]?.[0] ?? source.length));
    segments.forEach((segment, i) => {
      const end = i + 1 < segments.length ? segments[i + 1][0] : source.length;
      const part = partOf(segment.length > 1 ? map.resolvedSources[segment[1] as number] : null);
      add(part, source.slice(segment[0], end));
    });
  });
  // Each part compressed on its own, then scaled so the parts add up to the file: JSON data compresses far better
  // than minified code, so shares of characters would misstate it.
  const alone = [...text].map(([part, pieces]) => ({ part, bytes: gzipSync(pieces.join("")).length }));
  const sum = alone.reduce((total, p) => total + p.bytes, 0) || 1;
  const parts = alone
    .map(({ part, bytes }) => ({ part, gzipKb: (gzipKb * bytes) / sum }))
    .sort((a, b) => b.gzipKb - a.gzipKb);
  return { file, gzipKb, parts };
}
