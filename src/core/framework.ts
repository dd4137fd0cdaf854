/**
 * The vocabulary of the career framework. The bundled framework (src/data/framework.json) is data with this shape;
 * `src/core/framework-schema.ts` checks it when it loads.
 */

export type TrackId = string;
export type LevelId = string;
export type CompetencyId = string;
export type AreaId = string;
export type SpecialisationId = string;

/**
 * Where a fact comes from: a seed document (file name in shared/seeds) and its section, or derived (and from what).
 * Every fact of the bundled framework has one; in a team's own framework it is optional.
 */
import type { RatingRule } from "./rating-sources";

export type Source = { seed: string; section: string } | { derived: string };

export interface ScalePoint {
  /** Whole number; the scale is ordered by value, ascending. */
  value: number;
  label: string;
  meaning: string;
}

export interface Area {
  id: AreaId;
  name: string;
  /** Weight of each competency of this area in readiness (default 1). */
  weight: number;
}

/** IC = individual contributor; the fork between the paths comes after Senior. */
export type CareerPath = "ic" | "management";

export interface Level {
  id: LevelId;
  name: string;
  path: CareerPath;
  /** Seniority rank; equivalent levels on the two paths share a rank (Staff and Engineering Manager). */
  rank: number;
  grade?: number;
  source?: Source;
}

export interface TrackLevel {
  level: LevelId;
  /** Job title on this track, e.g. "Senior Backend Engineer". */
  title: string;
  source?: Source;
}

export interface Track {
  id: TrackId;
  name: string;
  /** The ladder, IC levels then management levels, each path in rank order. */
  ladder: TrackLevel[];
  source?: Source;
}

export interface Expectation {
  /** A scale value. */
  value: number;
  descriptor: string;
  source?: Source;
}

export interface Competency {
  id: CompetencyId;
  area: AreaId;
  name: string;
  /** A short label for narrow columns (heatmap headers); the name when absent. */
  label?: string;
  /** Tracks it applies to. */
  tracks: TrackId[];
  /** Paths it applies to (management competencies apply to management levels only). */
  paths: CareerPath[];
  /** Counts only for people who took on this specialisation; everyone else is not rated on it. */
  specialisation?: SpecialisationId;
  /**
   * One entry for every level it applies to, keyed by level id: an expectation, or null where the level has none
   * (said explicitly, so a forgotten level is still caught).
   */
  expectations: Record<LevelId, Expectation | null>;
  /** Where a track expects something else: track id -> level id -> expectation (null: none on that track). */
  overrides?: Record<TrackId, Record<LevelId, Expectation | null>>;
  source?: Source;
}

/**
 * An optional focus a person may take on (GitLab's Distinguished engineers: Ops & Enablement or Secure). Its
 * competencies count in readiness only for the people who chose it, and only from level `from` up.
 */
export interface Specialisation {
  id: SpecialisationId;
  name: string;
  /** The lowest level that expects anything of its competencies. */
  from: LevelId;
  /** The tracks on which a person may take it on. */
  tracks: TrackId[];
  source?: Source;
}

export interface Transfer {
  from: string;
  to: string;
  /** Track ids of the two roles where the framework has them as tracks. */
  fromTrack?: TrackId;
  toTrack?: TrackId;
  source?: Source;
}

export interface ScoringRules {
  /** Readiness at or above this is Ready (given enough coverage). */
  ready: number;
  /** Readiness at or above this (and below `ready`) is Almost. */
  almost: number;
  /** Coverage below this is Insufficient data, whatever the readiness. */
  minCoverage: number;
  /** Which ratings readiness counts (src/core/rating-sources.ts); absent is the manager's. */
  ratingRule?: RatingRule;
}

export interface Framework {
  id: string;
  name: string;
  version: string;
  scale: ScalePoint[];
  areas: Area[];
  levels: Level[];
  tracks: Track[];
  competencies: Competency[];
  /** Absent or empty: the framework has none. */
  specialisations?: Specialisation[];
  transfers: Transfer[];
  scoring: ScoringRules;
}

/** Longest short label of a competency: a heatmap column stays narrow. */
export const COMPETENCY_LABEL_MAX = 16;
