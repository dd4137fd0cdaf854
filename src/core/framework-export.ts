/**
 * The career matrix as edited, back into a framework: what "Save the matrix as a framework file" writes. Each
 * competency keeps one shared expectation per level (the one most of its tracks have) and an override where a
 * track's sheet says something else, so building from the saved framework gives the same sheets. A fact that was
 * not edited keeps its source; an edited one has none, since it is the team's own.
 */
import type { CareerPath, Competency, Expectation, Framework, LevelId, TrackId } from "./framework";
import { expectationOn } from "./framework-expectation";
import type { CareerMatrix, MatrixCompetency, MatrixExpectation, TrackMatrix } from "./matrix";

export interface FrameworkExport {
  framework: Framework;
  /** Things the framework cannot keep as the sheets have them, e.g. a competency named differently on two sheets. */
  warnings: string[];
}

export function frameworkFromMatrix(base: Framework, matrix: CareerMatrix): FrameworkExport {
  const warnings: string[] = [];
  const competencies = competencyOrder(matrix.tracks).map((id) =>
    exportCompetency(id, base, matrix.tracks, warnings),
  );
  const framework: Framework = {
    id: base.id,
    name: base.name,
    version: base.version,
    scale: matrix.scale.map((point) => ({ ...point })),
    areas: matrix.areas.map((area) => ({ ...area })),
    levels: base.levels.map((level) => ({ ...level })),
    tracks: base.tracks.map((track) => ({ ...track, ladder: track.ladder.map((step) => ({ ...step })) })),
    competencies,
    ...(base.specialisations === undefined
      ? {}
      : {
          specialisations: base.specialisations.map((s) => ({ ...s, tracks: [...s.tracks] })),
        }),
    transfers: base.transfers.map((transfer) => ({ ...transfer })),
    scoring: { ...matrix.scoring },
  };
  return { framework, warnings };
}

/** One order that keeps each track's order of competencies, so every sheet lists them as it did. */
function competencyOrder(tracks: TrackMatrix[]): string[] {
  const order: string[] = [];
  for (const track of tracks) {
    let anchor = -1;
    for (const competency of track.competencies) {
      const at = order.indexOf(competency.id);
      if (at < 0) {
        order.splice(anchor + 1, 0, competency.id);
        anchor += 1;
      } else anchor = Math.max(anchor, at);
    }
  }
  return order;
}

type Effective = MatrixExpectation | undefined;

const sameExpectation = (a: Effective, b: Effective): boolean =>
  a === undefined || b === undefined ? a === b : a.value === b.value && a.descriptor === b.descriptor;

function exportCompetency(
  id: string,
  base: Framework,
  tracks: TrackMatrix[],
  warnings: string[],
): Competency {
  const onTracks = tracks.flatMap((track) => {
    const competency = track.competencies.find((c) => c.id === id);
    return competency ? [{ track, competency }] : [];
  });
  const [first] = onTracks;
  const before = base.competencies.find((c) => c.id === id);
  for (const { track, competency } of onTracks.slice(1)) {
    if (competency.name !== first.competency.name)
      warnings.push(
        `"${id}" is "${competency.name}" on ${track.name} but "${first.competency.name}" on ${first.track.name}: the framework keeps "${first.competency.name}".`,
      );
    if ((competency.label ?? "") !== (first.competency.label ?? ""))
      warnings.push(
        `"${first.competency.name}" has another short label on ${track.name} than on ${first.track.name}: the framework keeps the label of ${first.track.name}.`,
      );
    if (competency.area !== first.competency.area)
      warnings.push(
        `"${first.competency.name}" is in another area on ${track.name} than on ${first.track.name}: the framework keeps the area of ${first.track.name}.`,
      );
  }

  const paths = pathsWithExpectations(onTracks.map((o) => ({ track: o.track, competency: o.competency })));
  // Levels on any of its tracks' ladders on its paths, in framework level order.
  const levelIds = base.levels
    .filter((level) => paths.includes(level.path))
    .map((level) => level.id)
    .filter((levelId) => onTracks.some(({ track }) => track.levels.some((l) => l.id === levelId)));

  const sourced = (trackId: TrackId, levelId: LevelId, expectation: MatrixExpectation): Expectation => {
    const was = before && expectationOn(before, trackId, levelId);
    const kept = was !== undefined && sameExpectation(was, expectation) ? was.source : undefined;
    return kept === undefined
      ? { value: expectation.value, descriptor: expectation.descriptor }
      : { value: expectation.value, descriptor: expectation.descriptor, source: kept };
  };

  const expectations: Record<LevelId, Expectation | null> = {};
  const overrides: Record<TrackId, Record<LevelId, Expectation | null>> = {};
  for (const levelId of levelIds) {
    const here = onTracks
      .filter(({ track }) => track.levels.some((l) => l.id === levelId))
      .map(({ track, competency }) => ({ track: track.id, expectation: competency.expectations[levelId] }));
    const shared = mostCommon(here.map((h) => h.expectation));
    const sharedOn = here.find((h) => sameExpectation(h.expectation, shared));
    expectations[levelId] =
      shared === undefined || sharedOn === undefined ? null : sourced(sharedOn.track, levelId, shared);
    for (const { track, expectation } of here) {
      if (sameExpectation(expectation, shared)) continue;
      overrides[track] ??= {};
      overrides[track][levelId] = expectation === undefined ? null : sourced(track, levelId, expectation);
    }
  }

  const competency: Competency = {
    id,
    area: first.competency.area,
    name: first.competency.name,
    ...(first.competency.label === undefined ? {} : { label: first.competency.label }),
    tracks: onTracks.map(({ track }) => track.id),
    paths,
    ...(first.competency.specialisation === undefined
      ? {}
      : { specialisation: first.competency.specialisation }),
    expectations,
  };
  if (Object.keys(overrides).length > 0) competency.overrides = overrides;
  if (before?.source !== undefined) competency.source = before.source;
  return competency;
}

function pathsWithExpectations(
  onTracks: { track: TrackMatrix; competency: MatrixCompetency }[],
): CareerPath[] {
  const used = new Set<CareerPath>();
  for (const { track, competency } of onTracks)
    for (const level of track.levels) if (competency.expectations[level.id]) used.add(level.path);
  return (["ic", "management"] as const).filter((path) => used.has(path));
}

/** The expectation most tracks have (none counts too); on a tie, the first track's. */
function mostCommon(expectations: Effective[]): Effective {
  let best: Effective = expectations[0];
  let bestCount = 0;
  for (const candidate of expectations) {
    const count = expectations.filter((e) => sameExpectation(e, candidate)).length;
    if (count > bestCount) {
      best = candidate;
      bestCount = count;
    }
  }
  return best;
}
