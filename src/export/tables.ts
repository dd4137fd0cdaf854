/** Core results as plain rows of cells: what a CSV export or a quick table on stdout shows. */
import type { Area } from "../core/framework";
import type { CareerMatrix } from "../core/matrix";
import type { Cell, Heatmap, LevelComparison, PersonRatings, PersonReadiness } from "../core/types";
import { NO_MANAGER_RATING, STATUS_WORD } from "../core/vocabulary";

/** Header row of column labels (prefixed by their group when there is one), then one row per heatmap row. */
export function heatmapRows(heatmap: Heatmap): Cell[][] {
  const header: Cell[] = [
    heatmap.title,
    ...heatmap.columns.map((column) => (column.group ? `${column.group}: ${column.label}` : column.label)),
  ];
  return [header, ...heatmap.rows.map((row, i) => [row.label, ...heatmap.values[i]])];
}

/** One row per competency: expectation and descriptor on each side and the change between them. */
export function comparisonRows(comparison: LevelComparison, areas: Area[] = []): Cell[][] {
  const areaName = new Map(areas.map((area) => [area.id, area.name]));
  const side = (s: LevelComparison["from"]): string => `${s.title} (${s.trackName})`;
  const header: Cell[] = [
    "Area",
    "Competency",
    `Expectation: ${side(comparison.from)}`,
    `Expectation: ${side(comparison.to)}`,
    "Change",
    `Descriptor: ${side(comparison.from)}`,
    `Descriptor: ${side(comparison.to)}`,
  ];
  return [
    header,
    ...comparison.rows.map((row): Cell[] => [
      areaName.get(row.area) ?? row.area,
      row.name,
      row.from?.value ?? null,
      row.to?.value ?? null,
      row.change,
      row.from?.descriptor ?? null,
      row.to?.descriptor ?? null,
    ]),
  ];
}

const STATUS_TEXT = STATUS_WORD;

/**
 * One row per person: readiness and status at their current level, the next one on their path and, where the paths
 * fork (a Senior), the other next level; and the highest level they are Ready for. Readiness is a share in [0, 1]; `format` turns it into text such as "75%".
 */
export function readinessRows(
  matrix: CareerMatrix,
  scored: PersonReadiness[],
  format: (share: number) => Cell = (share) => share,
  awaiting: readonly PersonRatings[] = [],
): Cell[][] {
  const header: Cell[] = [
    "Person",
    "Track",
    "Level",
    "Team",
    "Rater",
    "Readiness",
    "Status",
    "Next level",
    "Next readiness",
    "Next status",
    "Or next",
    "Its readiness",
    "Its status",
    "Highest Ready level",
  ];
  const tracks = new Map(matrix.tracks.map((track) => [track.id, track]));
  return [
    header,
    ...scored.map(({ person, current, next, nextLevels, highestReady }): Cell[] => {
      // The other way up, where the paths fork: Engineering Manager for a Senior.
      const fork = nextLevels.find((l) => l !== next);
      const track = tracks.get(person.track);
      const levelName = (id: string | undefined): Cell =>
        id === undefined ? null : (track?.levels.find((level) => level.id === id)?.name ?? id);
      return [
        person.person,
        track?.name ?? person.track,
        levelName(person.level),
        person.team || null,
        person.rater || null,
        current ? format(current.readiness) : null,
        current ? STATUS_TEXT[current.status] : null,
        levelName(next?.level),
        next ? format(next.readiness) : null,
        next ? STATUS_TEXT[next.status] : null,
        levelName(fork?.level),
        fork ? format(fork.readiness) : null,
        fork ? STATUS_TEXT[fork.status] : null,
        levelName(highestReady),
      ];
    }),
    // Rated, but not by their manager: no readiness yet, and said so rather than shown as 0.
    ...awaiting.map((person): Cell[] => {
      const track = tracks.get(person.track);
      return [
        person.person,
        track?.name ?? person.track,
        track?.levels.find((level) => level.id === person.level)?.name ?? person.level,
        person.team || null,
        null,
        null,
        NO_MANAGER_RATING,
        null,
        null,
        NO_MANAGER_RATING,
        null,
        null,
        null,
        null,
      ];
    }),
  ];
}
