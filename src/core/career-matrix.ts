/** Resolves the framework into one matrix per track, and finds tracks and levels in it by what people type. */
import type { CompetencyId, Framework, LevelId, TrackId } from "./framework";
import { expectationOn } from "./framework-expectation";
import type {
  CareerMatrix,
  MatrixCompetency,
  MatrixExpectation,
  MatrixLevel,
  MatrixSpecialisation,
  MatrixTransfer,
  TrackMatrix,
} from "./matrix";
import { nameKey } from "./names";

/**
 * Each track gets its ladder (in ladder order), the competencies that apply to it (grouped by area in framework area
 * order, then framework order) and, per competency, expectations only at the ladder levels on the competency's paths.
 */
export function careerMatrixFromFramework(framework: Framework, trackIds?: TrackId[]): CareerMatrix {
  if (trackIds) {
    const known = new Set(framework.tracks.map((t) => t.id));
    const unknown = trackIds.filter((id) => !known.has(id));
    if (unknown.length > 0) throw new Error(`Unknown track ${unknown.map((id) => `"${id}"`).join(", ")}`);
  }
  const wanted = trackIds ? new Set(trackIds) : undefined;
  const levelsById = new Map(framework.levels.map((l) => [l.id, l]));
  const areaOrder = new Map(framework.areas.map((a, i) => [a.id, i]));
  // Competencies of an area the framework does not list go last rather than vanish.
  const areaRank = (area: string): number => areaOrder.get(area) ?? framework.areas.length;
  const byArea = framework.competencies
    .map((competency, order) => ({ competency, order }))
    .sort((a, b) => areaRank(a.competency.area) - areaRank(b.competency.area) || a.order - b.order)
    .map((x) => x.competency);

  const tracks: TrackMatrix[] = framework.tracks
    .filter((t) => !wanted || wanted.has(t.id))
    .map((track) => {
      const levels: MatrixLevel[] = [];
      for (const rung of track.ladder) {
        const level = levelsById.get(rung.level);
        if (!level)
          throw new Error(`Track "${track.id}" names level "${rung.level}", which the framework lacks`);
        const resolved: MatrixLevel = {
          id: level.id,
          name: level.name,
          title: rung.title,
          path: level.path,
          rank: level.rank,
        };
        if (level.grade !== undefined) resolved.grade = level.grade;
        levels.push(resolved);
      }
      const competencies: MatrixCompetency[] = byArea
        .filter((c) => c.tracks.includes(track.id))
        .map((c) => {
          const expectations: Partial<Record<LevelId, MatrixExpectation>> = {};
          for (const level of levels) {
            const expectation = expectationOn(c, track.id, level.id);
            if (expectation && c.paths.includes(level.path)) {
              expectations[level.id] = { value: expectation.value, descriptor: expectation.descriptor };
            }
          }
          const resolved: MatrixCompetency = { id: c.id, name: c.name, area: c.area, expectations };
          if (c.label !== undefined) resolved.label = c.label;
          if (c.specialisation !== undefined) resolved.specialisation = c.specialisation;
          return resolved;
        });
      return { id: track.id, name: track.name, levels, competencies };
    });

  const matrix: CareerMatrix = {
    scale: framework.scale.map((p) => ({ ...p })).sort((a, b) => a.value - b.value),
    areas: framework.areas.map((a) => ({ ...a })),
    scoring: { ...framework.scoring },
    tracks,
  };
  if (framework.specialisations !== undefined && framework.specialisations.length > 0)
    matrix.specialisations = framework.specialisations.map(({ id, name, from, tracks: on }) => ({
      id,
      name,
      from,
      tracks: [...on],
    }));
  if (framework.transfers.length > 0)
    matrix.transfers = framework.transfers.map(({ from, to, fromTrack, toTrack }) => ({
      from,
      to,
      ...(fromTrack === undefined ? {} : { fromTrack }),
      ...(toTrack === undefined ? {} : { toTrack }),
    }));
  return matrix;
}

/** The lateral moves from a track to another track of the matrix, in framework order (Backend: Production, Support…). */
export function transfersFrom(matrix: CareerMatrix, trackId: TrackId): MatrixTransfer[] {
  const tracks = new Set(matrix.tracks.map((t) => t.id));
  return (matrix.transfers ?? []).filter(
    (t) => t.fromTrack === trackId && t.toTrack !== undefined && tracks.has(t.toTrack),
  );
}

/** The framework's lateral move from one track to the other, if it has one. */
export function transferBetween(
  matrix: CareerMatrix,
  fromTrack: TrackId,
  toTrack: TrackId,
): MatrixTransfer | undefined {
  return (matrix.transfers ?? []).find((t) => t.fromTrack === fromTrack && t.toTrack === toTrack);
}

/**
 * The specialisation that counts for a person: the one they chose when it exists and applies to their track (Secure
 * is a Backend specialisation, not the Security department's), otherwise none.
 */
export function specialisationFor(
  matrix: CareerMatrix,
  track: TrackId,
  chosen: string | undefined,
): MatrixSpecialisation | undefined {
  if (chosen === undefined || chosen === "") return undefined;
  return matrix.specialisations?.find((s) => s.id === chosen && s.tracks.includes(track));
}

/** A specialisation by id or name, ignoring case and spacing ("Ops & Enablement", "ops-enablement"). */
export function findSpecialisation(matrix: CareerMatrix, idOrName: string): MatrixSpecialisation | undefined {
  const key = nameKey(idOrName);
  if (key === "") return undefined;
  return matrix.specialisations?.find(
    (s) => s.id === idOrName || nameKey(s.id) === key || nameKey(s.name) === key,
  );
}

/** Whether a competency counts for someone with this specialisation (or none). */
export function countsFor(competency: MatrixCompetency, specialisation: string | undefined): boolean {
  return competency.specialisation === undefined || competency.specialisation === specialisation;
}

/** A track by id or name, ignoring case and spacing. */
export function findTrack(matrix: CareerMatrix, trackIdOrName: string): TrackMatrix | undefined {
  const key = nameKey(trackIdOrName);
  if (key === "") return undefined;
  return (
    matrix.tracks.find((t) => t.id === trackIdOrName) ??
    matrix.tracks.find((t) => nameKey(t.id) === key || nameKey(t.name) === key)
  );
}

/** A level of the track by id, level name ("Senior") or ladder title ("Senior Backend Engineer"). */
export function findLevel(track: TrackMatrix, levelIdNameOrTitle: string): MatrixLevel | undefined {
  const key = nameKey(levelIdNameOrTitle);
  if (key === "") return undefined;
  return (
    track.levels.find((l) => l.id === levelIdNameOrTitle) ??
    track.levels.find((l) => nameKey(l.id) === key || nameKey(l.name) === key || nameKey(l.title) === key)
  );
}

/** A competency of the track by id or name. */
export function findCompetency(track: TrackMatrix, idOrName: string): MatrixCompetency | undefined {
  const key = nameKey(idOrName);
  if (key === "") return undefined;
  return (
    track.competencies.find((c) => c.id === idOrName) ??
    track.competencies.find((c) => nameKey(c.id) === key || nameKey(c.name) === key)
  );
}

/** The level on the same path with the smallest rank above `level` (Senior IC -> Staff), if any. */
export function nextLevel(track: TrackMatrix, level: LevelId): MatrixLevel | undefined {
  const current = track.levels.find((l) => l.id === level);
  if (!current) return undefined;
  let best: MatrixLevel | undefined;
  for (const l of track.levels) {
    if (l.path === current.path && l.rank > current.rank && (!best || l.rank < best.rank)) best = l;
  }
  return best;
}

/**
 * The levels a person at `level` may go to next: the next one on their own path, and where the paths fork (an IC
 * level just below the track's first management rank, e.g. Senior) also that management level (Engineering Manager).
 * Own path first.
 */
export function nextLevels(track: TrackMatrix, level: LevelId): MatrixLevel[] {
  const current = track.levels.find((l) => l.id === level);
  if (!current) return [];
  const own = nextLevel(track, level);
  const result = own ? [own] : [];
  if (current.path !== "ic") return result;
  const management = track.levels.filter((l) => l.path === "management");
  if (management.length === 0) return result;
  const forkRank = Math.min(...management.map((l) => l.rank));
  const fork = management.find((l) => l.rank === forkRank);
  if (fork && current.rank === forkRank - 1 && fork !== own) result.push(fork);
  return result;
}

/** A level's name with its job grade where the framework knows it ("Distinguished (grade 10)"); else the name alone. */
export function levelWithGrade(level: { name?: string; grade?: number }, name = level.name ?? ""): string {
  return level.grade === undefined ? name : `${name} (grade ${level.grade})`;
}

/** Readiness weight of each competency: its area's weight, 1 when the area has none. */
export function competencyWeights(matrix: CareerMatrix, track: TrackMatrix): Map<CompetencyId, number> {
  const areaWeight = new Map(matrix.areas.map((a) => [a.id, a.weight]));
  return new Map(
    track.competencies.map((c) => {
      const weight = areaWeight.get(c.area);
      return [c.id, typeof weight === "number" && Number.isFinite(weight) && weight >= 0 ? weight : 1];
    }),
  );
}
