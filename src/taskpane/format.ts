/** How numbers and people read in the pane. */
import type { CareerMatrix, TrackMatrix } from "../core/matrix";
import type { LevelId, TrackId } from "../core/framework";

export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** A gap with its sign spelled as people read it: "−2", "+1", "0". */
export function signed(n: number): string {
  if (n > 0) return `+${n}`;
  if (n < 0) return `−${Math.abs(n)}`;
  return "0";
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

export function trackOf(matrix: CareerMatrix, track: TrackId): TrackMatrix | undefined {
  return matrix.tracks.find((t) => t.id === track);
}

/** "Senior Backend Engineer"; the level id when the track does not have it. */
export function levelTitle(matrix: CareerMatrix, track: TrackId, level: LevelId): string {
  return trackOf(matrix, track)?.levels.find((l) => l.id === level)?.title ?? level;
}

export function competencyName(matrix: CareerMatrix, track: TrackId, competency: string): string {
  return trackOf(matrix, track)?.competencies.find((c) => c.id === competency)?.name ?? competency;
}

/** "13:45", the time a result was computed, as the pane's clock reads it. */
export function clockTime(at: Date): string {
  return at.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
}
