/** Option values checked before any command runs, so a typo costs nothing and exits 2. */
import { ENCODING_CHOICES, encodingNamed, type TextEncoding } from "../core/decode-text";
import { UsageError } from "./usage";

export interface LevelArgument {
  option: string;
  track: string;
  level: string;
}

/** "backend:senior" or "Backend Engineering:Senior Backend Engineer"; names are matched as the sheets match them. */
export function levelArgument(value: string, option: string): LevelArgument {
  const colon = value.lastIndexOf(":");
  const track = value.slice(0, colon).trim();
  const level = value.slice(colon + 1).trim();
  if (colon < 0 || track === "" || level === "")
    throw new UsageError(`${option} must be TRACK:LEVEL, not "${value}"`);
  return { option, track, level };
}

export type ScoreFormat = "table" | "json" | "csv";

export function scoreFormat(value: string | undefined): ScoreFormat {
  if (value === undefined) return "table";
  if (value === "table" || value === "json" || value === "csv") return value;
  throw new UsageError(`--format must be table, json or csv, not "${value}"`);
}

/** `--encoding` of the ratings file; absent means detected. */
export function encodingArgument(value: string | undefined): TextEncoding | undefined {
  if (value === undefined) return undefined;
  const encoding = encodingNamed(value);
  if (encoding === undefined) throw new UsageError(`--encoding must be ${ENCODING_CHOICES}, not "${value}"`);
  return encoding;
}
