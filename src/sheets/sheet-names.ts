/**
 * Excel's rules for tab names, and the add-in's own naming on top of them, in one place: the write planner, every
 * host and the in-memory workbook's checks use these and nothing else.
 */

export const MAX_SHEET_NAME = 31;

/** Excel keeps this name for its own change history; a sheet cannot take it. */
const RESERVED = "history";

/** Why `name` cannot be a tab name in Excel, or null when it can. */
export function sheetNameProblem(name: string): string | null {
  if (name.length === 0 || name.length > MAX_SHEET_NAME)
    return `a sheet name has 1 to ${MAX_SHEET_NAME} characters ("${name}" has ${name.length})`;
  const bad = /[:\\/?*[\]]/.exec(name);
  if (bad) return `a sheet name cannot contain ${bad[0]} (none of : \\ / ? * [ ])`;
  if (name.startsWith("'") || name.endsWith("'"))
    return "a sheet name cannot begin or end with an apostrophe";
  if (name.toLowerCase() === RESERVED) return `"History" is reserved by Excel`;
  return null;
}

/** Excel compares tab names without regard to case. */
export function sameSheetName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** Trims what Excel would refuse at either end once a name is cut to length. */
function tidy(name: string): string {
  return name.replace(/^[\s']+|[\s']+$/g, "");
}

/** A legal tab name made from any text: forbidden characters become spaces, then it is cut to 31 characters. */
export function legalSheetName(name: string): string {
  const cleaned = tidy(name.replace(/[:\\/?*[\]]/g, " ").replace(/\s+/g, " "));
  const cut = tidy(cleaned.slice(0, MAX_SHEET_NAME));
  if (cut === "") return "Sheet";
  return sheetNameProblem(cut) === null ? cut : `${cut} sheet`;
}

/** `name` made legal, then unique among `taken` (case-insensitive) with a " (2)", " (3)" ... suffix. */
export function uniqueSheetName(name: string, taken: Iterable<string>): string {
  const lower = new Set([...taken].map((n) => n.toLowerCase()));
  const base = legalSheetName(name);
  if (!lower.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const candidate = tidy(base.slice(0, MAX_SHEET_NAME - suffix.length)) + suffix;
    if (!lower.has(candidate.toLowerCase())) return candidate;
  }
}

/**
 * Hidden sheets a write builds before it copies them into place: "~cm-" + the write's start time (base 36 ms) + its
 * random id + an index. Another writer's sheets are recognised by the prefix and left alone unless they are older
 * than ABANDONED_AFTER_MS, which no write takes.
 */
export const TEMPORARY_PREFIX = "~cm-";
export const ABANDONED_AFTER_MS = 10 * 60 * 1000;

export function temporarySheetName(started: number, writeId: string, index: number): string {
  return `${TEMPORARY_PREFIX}${started.toString(36)}-${writeId}-${index}`;
}

export function isTemporarySheetName(name: string): boolean {
  return name.startsWith(TEMPORARY_PREFIX);
}

/** A temporary sheet no write in progress can own: started too long ago, or not named by any write. */
export function isAbandonedTemporarySheet(name: string, now: number): boolean {
  if (!isTemporarySheetName(name)) return false;
  const stamp = /^([0-9a-z]+)(?:-|$| \(\d+\)$)/.exec(name.slice(TEMPORARY_PREFIX.length));
  const started = stamp ? parseInt(stamp[1], 36) : NaN;
  return (
    !Number.isFinite(started) || now - started > ABANDONED_AFTER_MS || started - now > ABANDONED_AFTER_MS
  );
}
