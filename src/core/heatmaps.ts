/**
 * Heatmap grids for calibration: rows are people (key = person name) or teams (key = team name); columns are
 * competencies (key = id, grouped by area name), levels (key = id, grouped by path) or areas (key = id). A cell is null
 * where there is nothing to show: not assessed, no expectation, or the level is not on the person's ladder.
 */
import type { AreaId, CompetencyId, LevelId } from "./framework";
import type { CareerMatrix, TrackMatrix } from "./matrix";
import type { Gap, Heatmap, PersonReadiness } from "./types";

export type GapAgainst = "current" | "next";

const PATH_LABEL = { ic: "Individual contributor", management: "Management" } as const;
const AGAINST_LABEL: Record<GapAgainst, string> = { current: "current level", next: "next level" };

/** The label of a team row; people with no team share one row. */
export const NO_TEAM = "No team";

type Column = Heatmap["columns"][number];

/** Tracks the scored people are on, in matrix order. */
function tracksOf(matrix: CareerMatrix, scored: PersonReadiness[]): TrackMatrix[] {
  const ids = new Set(scored.map((s) => s.person.track));
  return matrix.tracks.filter((t) => ids.has(t.id));
}

/** Competencies of the people's tracks, grouped by area in area order, first appearance within an area. */
function competencyColumns(matrix: CareerMatrix, tracks: TrackMatrix[]): Column[] {
  const seen = new Map<CompetencyId, { id: CompetencyId; name: string; area: AreaId; order: number }>();
  for (const track of tracks) {
    for (const c of track.competencies) if (!seen.has(c.id)) seen.set(c.id, { ...c, order: seen.size });
  }
  const areaRank = new Map(matrix.areas.map((a, i) => [a.id, i]));
  const areaName = new Map(matrix.areas.map((a) => [a.id, a.name]));
  const sorted = [...seen.values()].sort(
    (a, b) =>
      (areaRank.get(a.area) ?? matrix.areas.length) - (areaRank.get(b.area) ?? matrix.areas.length) ||
      a.order - b.order,
  );
  return sorted.map((c) => ({ key: c.id, label: c.name, group: areaName.get(c.area) ?? c.area }));
}

function areaColumns(matrix: CareerMatrix, tracks: TrackMatrix[]): Column[] {
  const used = new Set(tracks.flatMap((t) => t.competencies.map((c) => c.area)));
  const known = matrix.areas.filter((a) => used.has(a.id)).map((a) => ({ key: a.id, label: a.name }));
  const unknown = [...used]
    .filter((id) => !matrix.areas.some((a) => a.id === id))
    .map((id) => ({ key: id, label: id }));
  return [...known, ...unknown];
}

/** Calls `visit` for each assessed gap of each person against the chosen level, with the gap's column. */
function eachGap(
  scored: PersonReadiness[],
  against: GapAgainst,
  columnOf: Map<CompetencyId, number>,
  visit: (person: number, column: number, gap: number) => void,
): void {
  // Everyone at one track and level has gaps in the same order, so the columns are looked up once per level.
  const layouts = new Map<string, { ids: CompetencyId[]; columns: Int32Array }>();
  scored.forEach((s, p) => {
    const level = against === "current" ? s.current : s.next;
    if (!level) return;
    const gaps: Gap[] = level.gaps;
    const key = `${s.person.track}\u0000${level.level}`;
    let layout = layouts.get(key);
    if (!layout || layout.ids.length !== gaps.length) {
      const ids = gaps.map((g) => g.competency);
      layout = { ids, columns: Int32Array.from(ids, (id) => columnOf.get(id) ?? -1) };
      layouts.set(key, layout);
    }
    const { ids, columns } = layout;
    for (let k = 0; k < gaps.length; k++) {
      const g = gaps[k];
      if (g.gap === null) continue;
      const column = g.competency === ids[k] ? columns[k] : (columnOf.get(g.competency) ?? -1);
      if (column >= 0) visit(p, column, g.gap);
    }
  });
}

/** People x levels: readiness for each level of the person's ladder. */
export function readinessHeatmap(matrix: CareerMatrix, scored: PersonReadiness[]): Heatmap {
  const levels = new Map<
    LevelId,
    { key: LevelId; label: string; path: "ic" | "management"; rank: number; order: number }
  >();
  for (const track of tracksOf(matrix, scored)) {
    for (const l of track.levels) {
      if (!levels.has(l.id))
        levels.set(l.id, { key: l.id, label: l.name, path: l.path, rank: l.rank, order: levels.size });
    }
  }
  const pathRank = { ic: 0, management: 1 };
  const sorted = [...levels.values()].sort(
    (a, b) => pathRank[a.path] - pathRank[b.path] || a.rank - b.rank || a.order - b.order,
  );
  const index = new Map(sorted.map((l, i) => [l.key, i]));
  return {
    title: "Readiness by level",
    rows: scored.map((s) => ({ key: s.person.person, label: s.person.person })),
    columns: sorted.map((l) => ({ key: l.key, label: l.label, group: PATH_LABEL[l.path] })),
    values: scored.map((s) => {
      const row: (number | null)[] = new Array(sorted.length).fill(null);
      for (const l of s.levels) {
        const column = index.get(l.level);
        if (column !== undefined) row[column] = l.readiness;
      }
      return row;
    }),
  };
}

/** People x competencies: rating − expectation at the person's current or next level. */
export function competencyHeatmap(
  matrix: CareerMatrix,
  scored: PersonReadiness[],
  against: GapAgainst,
): Heatmap {
  const columns = competencyColumns(matrix, tracksOf(matrix, scored));
  const values = scored.map((): (number | null)[] => new Array(columns.length).fill(null));
  eachGap(scored, against, columnIndex(columns), (p, column, gap) => {
    values[p][column] = gap;
  });
  return { title: `Gap against ${AGAINST_LABEL[against]}`, rows: personRows(scored), columns, values };
}

/** Teams x competencies: mean gap of the team's members who were assessed there. */
export function teamHeatmap(
  matrix: CareerMatrix,
  scored: PersonReadiness[],
  against: GapAgainst = "current",
): Heatmap {
  const columns = competencyColumns(matrix, tracksOf(matrix, scored));
  const { rows, rowOf } = teams(scored);
  const grid = new MeanGrid(rows.length, columns.length);
  eachGap(scored, against, columnIndex(columns), (p, column, gap) => grid.add(rowOf[p], column, gap));
  return { title: `Mean gap by team against ${AGAINST_LABEL[against]}`, rows, columns, values: grid.means() };
}

/** People x areas: mean gap over the person's assessed competencies in each area. */
export function areaHeatmap(matrix: CareerMatrix, scored: PersonReadiness[], against: GapAgainst): Heatmap {
  const tracks = tracksOf(matrix, scored);
  const columns = areaColumns(matrix, tracks);
  const grid = new MeanGrid(scored.length, columns.length);
  eachGap(scored, against, areaOfCompetency(tracks, columns), (p, column, gap) => grid.add(p, column, gap));
  return {
    title: `Mean gap by area against ${AGAINST_LABEL[against]}`,
    rows: personRows(scored),
    columns,
    values: grid.means(),
  };
}

/** Teams x areas: mean over every assessed gap of the team's members in the area, each rating counting once. */
export function teamAreaHeatmap(
  matrix: CareerMatrix,
  scored: PersonReadiness[],
  against: GapAgainst = "current",
): Heatmap {
  const tracks = tracksOf(matrix, scored);
  const columns = areaColumns(matrix, tracks);
  const { rows, rowOf } = teams(scored);
  const grid = new MeanGrid(rows.length, columns.length);
  eachGap(scored, against, areaOfCompetency(tracks, columns), (p, column, gap) =>
    grid.add(rowOf[p], column, gap),
  );
  return {
    title: `Mean gap by team and area against ${AGAINST_LABEL[against]}`,
    rows,
    columns,
    values: grid.means(),
  };
}

function personRows(scored: PersonReadiness[]): Heatmap["rows"] {
  return scored.map((s) => ({ key: s.person.person, label: s.person.person }));
}

function columnIndex(columns: Column[]): Map<string, number> {
  return new Map(columns.map((c, i) => [c.key, i]));
}

/** Competency -> column of its area, for rolling gaps up by area. */
function areaOfCompetency(tracks: TrackMatrix[], columns: Column[]): Map<CompetencyId, number> {
  const column = columnIndex(columns);
  const byCompetency = new Map<CompetencyId, number>();
  for (const t of tracks) {
    for (const c of t.competencies) {
      const i = column.get(c.area);
      if (i !== undefined) byCompetency.set(c.id, i);
    }
  }
  return byCompetency;
}

/** Teams in order of first appearance; people without a team share one row. */
function teams(scored: PersonReadiness[]): { rows: Heatmap["rows"]; rowOf: number[] } {
  const index = new Map<string, number>();
  const rows: Heatmap["rows"] = [];
  const rowOf = scored.map((s) => {
    const team = s.person.team;
    let i = index.get(team);
    if (i === undefined) {
      i = rows.length;
      index.set(team, i);
      rows.push({ key: team, label: team === "" ? NO_TEAM : team });
    }
    return i;
  });
  return { rows, rowOf };
}

/** Running means per cell; a cell nothing fell into stays null. */
class MeanGrid {
  private readonly sums: Float64Array;
  private readonly counts: Int32Array;

  constructor(
    private readonly rowCount: number,
    private readonly columnCount: number,
  ) {
    this.sums = new Float64Array(rowCount * columnCount);
    this.counts = new Int32Array(rowCount * columnCount);
  }

  add(row: number, column: number, value: number): void {
    this.sums[row * this.columnCount + column] += value;
    this.counts[row * this.columnCount + column]++;
  }

  means(): (number | null)[][] {
    return Array.from({ length: this.rowCount }, (_, r) =>
      Array.from({ length: this.columnCount }, (_, c) => {
        const i = r * this.columnCount + c;
        return this.counts[i] > 0 ? this.sums[i] / this.counts[i] : null;
      }),
    );
  }
}
