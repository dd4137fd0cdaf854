/**
 * How statuses for the next level are spread per level, per team and per rater, for a calibration session: counts,
 * the share Ready, and whether that share is above a guideline the session sets (e.g. at most 25 % Ready for the next
 * level). Statuses use the session's thresholds, the same as the 9-box.
 */
import type { ScoringRules } from "./framework";
import { NO_TEAM } from "./heatmaps";
import { readinessStatus } from "./readiness";
import type { PersonReadiness, ReadinessStatus, StatusCounts } from "./types";

export const NO_RATER = "(no rater)";

export interface DistributionRow {
  /** The level ("Backend · Senior"), team or rater the row counts. */
  group: string;
  counts: StatusCounts;
  /** People with a next level, whatever their status. */
  people: number;
  /** Share Ready for the next level, in [0, 1]; 0 when nobody is counted. */
  readyShare: number;
  /** The share Ready is above the guideline. */
  outside: boolean;
}

export interface Distributions {
  guideline: number | null;
  byLevel: (DistributionRow & { track: string; level: string })[];
  byTeam: DistributionRow[];
  byRater: DistributionRow[];
}

/** The session's view of a person's next level: their status with the session's thresholds, or none. */
export function sessionStatus(
  person: PersonReadiness,
  which: "current" | "next",
  rules: ScoringRules,
): ReadinessStatus | null {
  const level = person[which];
  return level ? readinessStatus(level.readiness, level.coverage, rules) : null;
}

export function distributions(
  scoring: ScoringRules,
  scored: PersonReadiness[],
  thresholds: { ready?: number; almost?: number; minCoverage?: number } = {},
  guideline: number | null = null,
): Distributions {
  const rules: ScoringRules = { ...scoring, ...thresholds };
  const byLevel = new Map<string, DistributionRow & { track: string; level: string }>();
  const byTeam = new Map<string, DistributionRow>();
  const byRater = new Map<string, DistributionRow>();
  const row = (group: string): DistributionRow => ({
    group,
    counts: { ready: 0, almost: 0, "not-yet": 0, insufficient: 0 },
    people: 0,
    readyShare: 0,
    outside: false,
  });
  for (const s of scored) {
    const status = sessionStatus(s, "next", rules);
    if (status === null) continue;
    const { track, level, team, rater } = s.person;
    const levelKey = `${track}|${level}`;
    const entries = [
      byLevel.get(levelKey) ?? byLevel.set(levelKey, { ...row(levelKey), track, level }).get(levelKey)!,
      byTeam.get(teamLabel(team)) ?? byTeam.set(teamLabel(team), row(teamLabel(team))).get(teamLabel(team))!,
      byRater.get(raterLabel(rater)) ??
        byRater.set(raterLabel(rater), row(raterLabel(rater))).get(raterLabel(rater))!,
    ];
    for (const entry of entries) {
      entry.counts[status]++;
      entry.people++;
    }
  }
  const finish = <T extends DistributionRow>(rows: Iterable<T>): T[] =>
    [...rows].map((r) => {
      r.readyShare = r.people > 0 ? r.counts.ready / r.people : 0;
      r.outside = guideline !== null && r.readyShare > guideline;
      return r;
    });
  return {
    guideline,
    byLevel: finish(byLevel.values()),
    byTeam: finish(byTeam.values()).sort((a, b) => a.group.localeCompare(b.group)),
    byRater: finish(byRater.values()).sort((a, b) => a.group.localeCompare(b.group)),
  };
}

/** A team as sheets show it: blank reads "No team". */
export function teamLabel(team: string): string {
  return team.trim() === "" ? NO_TEAM : team.trim();
}

/** A rater as sheets show it: blank reads "(no rater)". */
export function raterLabel(rater: string): string {
  return rater.trim() === "" ? NO_RATER : rater.trim();
}
