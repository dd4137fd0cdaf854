/**
 * The resolved, per-track view that scoring, heatmaps and comparisons work on. It comes either from the bundled
 * framework (`careerMatrixFromFramework`) or from the matrix sheets a manager edited in Excel, so edits on one track's
 * sheet never leak into another track.
 */
import type {
  Area,
  AreaId,
  CareerPath,
  CompetencyId,
  LevelId,
  ScalePoint,
  ScoringRules,
  SpecialisationId,
  TrackId,
} from "./framework";

export interface MatrixLevel {
  id: LevelId;
  name: string;
  title: string;
  path: CareerPath;
  rank: number;
  grade?: number;
}

export interface MatrixExpectation {
  value: number;
  descriptor: string;
}

export interface MatrixCompetency {
  id: CompetencyId;
  name: string;
  /** Short label for narrow columns (heatmap headers); the name stands in when there is none. */
  label?: string;
  area: AreaId;
  /** Counts only for people who took on this specialisation. */
  specialisation?: SpecialisationId;
  /** Keyed by level id; a level with no entry has no expectation for this competency on this track. */
  expectations: Partial<Record<LevelId, MatrixExpectation>>;
}

export interface TrackMatrix {
  id: TrackId;
  name: string;
  /** Ladder order: IC levels then management levels, each path by rank. */
  levels: MatrixLevel[];
  /** Grouped by area in area order. */
  competencies: MatrixCompetency[];
}

export interface MatrixSpecialisation {
  id: SpecialisationId;
  name: string;
  /** The lowest level that expects anything of its competencies. */
  from: LevelId;
  tracks: TrackId[];
}

/** A lateral move of the framework between two roles, with their tracks where the framework has them. */
export interface MatrixTransfer {
  from: string;
  to: string;
  fromTrack?: TrackId;
  toTrack?: TrackId;
}

export interface CareerMatrix {
  scale: ScalePoint[];
  areas: Area[];
  scoring: ScoringRules;
  tracks: TrackMatrix[];
  /** Optional choices a person may take on; absent when the framework has none. */
  specialisations?: MatrixSpecialisation[];
  /** Lateral moves between roles; absent when the framework has none. */
  transfers?: MatrixTransfer[];
}
