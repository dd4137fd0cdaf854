/**
 * Two (track, level) pairs side by side: two levels of one track, or the same level on two tracks for a lateral
 * transfer. Rows follow area order, then the "from" track's order, then competencies only the "to" side has.
 */
import { findLevel, findTrack, transferBetween } from "./career-matrix";
import type { CompetencyId } from "./framework";
import { listNames } from "./names";
import type { CareerMatrix, MatrixCompetency, MatrixLevel, TrackMatrix } from "./matrix";
import type { ComparisonRow, ComparisonSide, LevelComparison } from "./types";

export interface LevelRef {
  /** Track id or name. */
  track: string;
  /** Level id, name or ladder title. */
  level: string;
}

/** Throws when a side does not exist: callers offer tracks and levels from the matrix, so this is a caller bug. */
function resolve(matrix: CareerMatrix, ref: LevelRef): { track: TrackMatrix; level: MatrixLevel } {
  const track = findTrack(matrix, ref.track);
  if (!track) {
    throw new Error(
      `Unknown track "${ref.track}": use one of ${listNames(
        matrix.tracks.map((t) => t.name),
        20,
      )}.`,
    );
  }
  const level = findLevel(track, ref.level);
  if (!level) {
    throw new Error(
      `Level "${ref.level}" is not on the ${track.name} ladder: use one of ${listNames(
        track.levels.map((l) => l.name),
        20,
      )}.`,
    );
  }
  return { track, level };
}

function side(track: TrackMatrix, level: MatrixLevel): ComparisonSide {
  const result: ComparisonSide = {
    track: track.id,
    level: level.id,
    trackName: track.name,
    title: level.title,
  };
  if (level.grade !== undefined) result.grade = level.grade;
  return result;
}

export function compareLevels(matrix: CareerMatrix, from: LevelRef, to: LevelRef): LevelComparison {
  const a = resolve(matrix, from);
  const b = resolve(matrix, to);
  const areaRank = new Map(matrix.areas.map((area, i) => [area.id, i]));
  const toById = new Map(b.track.competencies.map((c) => [c.id, c]));

  const entries: { competency: MatrixCompetency; order: number }[] = [];
  const seen = new Set<CompetencyId>();
  for (const c of [...a.track.competencies, ...b.track.competencies]) {
    if (seen.has(c.id)) continue;
    seen.add(c.id);
    entries.push({ competency: c, order: entries.length });
  }
  const rank = (c: MatrixCompetency): number => areaRank.get(c.area) ?? matrix.areas.length;
  entries.sort((x, y) => rank(x.competency) - rank(y.competency) || x.order - y.order);

  const fromById = new Map(a.track.competencies.map((c) => [c.id, c]));
  const rows: ComparisonRow[] = [];
  for (const { competency } of entries) {
    const before = fromById.get(competency.id)?.expectations[a.level.id];
    const after = toById.get(competency.id)?.expectations[b.level.id];
    if (!before && !after) continue;
    const row: ComparisonRow = {
      competency: competency.id,
      name: competency.name,
      area: competency.area,
      change: before && after ? after.value - before.value : null,
      presence: before && after ? "both" : before ? "from-only" : "to-only",
    };
    if (before) row.from = { ...before };
    if (after) row.to = { ...after };
    rows.push(row);
  }
  const comparison: LevelComparison = { from: side(a.track, a.level), to: side(b.track, b.level), rows };
  const transfer = a.track.id === b.track.id ? undefined : transferBetween(matrix, a.track.id, b.track.id);
  if (transfer) comparison.transfer = { from: transfer.from, to: transfer.to };
  return comparison;
}
