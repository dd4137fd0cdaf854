/**
 * The framework a workbook uses, kept in the workbook itself: a hidden sheet holds the framework file's JSON, so
 * Score, Refresh heatmaps, the ribbon and the command line all use it next time, in Excel and in an .xlsx file alike.
 * Without that sheet, or with it emptied ("Back to GitLab's framework"), the bundled framework is used.
 */
import type { Framework } from "../core/framework";
import type { SheetSpec } from "../sheets/spec";
import type { WorkbookHost } from "./host";

export const FRAMEWORK_KEY = "framework";
export const FRAMEWORK_SHEET_NAME = "Framework in use";
/** Rows of JSON start below the note, each a piece short enough for a cell (Excel allows 32,767 characters). */
const FIRST_JSON_ROW = 2;
const PIECE = 30_000;
/**
 * Each piece starts with this letter, which is not JSON's business: a cell whose text starts with "=", "+", "-" or
 * "@" would otherwise be taken for a formula by Excel.
 */
const PIECE_MARK = "j";

export function frameworkSheetSpec(framework: Framework | undefined): SheetSpec {
  const json = framework === undefined ? "" : JSON.stringify(framework);
  const pieces: string[] = [];
  for (let at = 0; at < json.length; at += PIECE) pieces.push(PIECE_MARK + json.slice(at, at + PIECE));
  return {
    name: FRAMEWORK_SHEET_NAME,
    kind: "framework",
    key: FRAMEWORK_KEY,
    cells: [
      [
        framework === undefined
          ? "This workbook uses GitLab's engineering career framework."
          : `This workbook uses "${framework.name}" (version ${framework.version}), kept below. Change it from the task pane.`,
      ],
      [],
      ...pieces.map((piece) => [piece]),
    ],
    hidden: true,
  };
}

/** Keeps the framework in the workbook; undefined goes back to the bundled one. One write. */
export async function keepFramework(host: WorkbookHost, framework: Framework | undefined): Promise<void> {
  await host.writeSheets([frameworkSheetSpec(framework)]);
}

export interface FrameworkInUse {
  framework: Framework;
  /** False when the bundled framework is used. */
  own: boolean;
  /** Why the kept framework could not be used (the bundled one is used meanwhile). */
  problems: string[];
}

export async function frameworkInUse(host: WorkbookHost, bundled: Framework): Promise<FrameworkInUse> {
  const [sheet] = await host.readSheets([FRAMEWORK_KEY]);
  const pieces = (sheet?.values.slice(FIRST_JSON_ROW) ?? [])
    .map((row) => row[0])
    .filter((cell): cell is string => typeof cell === "string" && cell.startsWith(PIECE_MARK));
  if (pieces.length === 0) return { framework: bundled, own: false, problems: [] };
  // The checks (and zod) load only when a workbook keeps a framework of its own: not on the pane's first load.
  const { readFrameworkText } = await import(
    /* webpackChunkName: "framework-file" */ "../core/framework-file"
  );
  const read = readFrameworkText(pieces.map((piece) => piece.slice(PIECE_MARK.length)).join(""));
  if (read.framework !== undefined) return { framework: read.framework, own: true, problems: [] };
  return {
    framework: bundled,
    own: false,
    problems: [
      `The framework kept in the sheet "${sheet?.name ?? FRAMEWORK_SHEET_NAME}" cannot be used, so GitLab's is used: ` +
        read.problems.map((p) => `${p.where}: ${p.message}`).join("; "),
    ],
  };
}
