/**
 * The 9-box of a calibration session. Horizontal: how a person meets their current level; vertical: how ready they
 * are for the next level on their path. Each axis has three bands from the framework's readiness thresholds:
 * below Almost, Almost (at or above the "almost" threshold) and Ready (at or above "ready"). A session may set other
 * thresholds for itself. People with too little data at either level, or with no next level, are listed apart.
 */
import type { ScoringRules } from "./framework";
import { readinessStatus } from "./readiness";
import type { LevelReadiness, PersonReadiness } from "./types";
import { STATUS_WORD } from "./vocabulary";

export type NineBoxBand = "below" | "almost" | "ready";

export const NINE_BOX_BANDS: NineBoxBand[] = ["below", "almost", "ready"];

export const BAND_LABEL: Record<NineBoxBand, string> = {
  below: `Below ${STATUS_WORD.almost}`,
  almost: STATUS_WORD.almost,
  ready: STATUS_WORD.ready,
};

/** Box names by current-level band, then next-level band. */
const BOX_NAME: Record<NineBoxBand, Record<NineBoxBand, string>> = {
  ready: { ready: "Ready to move up", almost: "Growing into the next level", below: "Solid at level" },
  almost: { ready: "Ahead, with gaps at level", almost: "Developing", below: "Nearly at level" },
  below: { ready: "Check the ratings", almost: "Uneven: check the level", below: "Needs support" },
};

export interface NineBoxCell {
  current: NineBoxBand;
  next: NineBoxBand;
  name: string;
  people: string[];
  count: number;
  /** Share of the people placed in the grid, in [0, 1]; 0 when nobody is placed. */
  share: number;
}

export interface NineBox {
  /** Nine cells: next level Ready, Almost, below Almost (top to bottom), each by current level below Almost to Ready. */
  cells: NineBoxCell[];
  placed: number;
  /** People not in the grid, with the reason. */
  apart: { person: string; reason: string }[];
  thresholds: { ready: number; almost: number };
}

function band(level: LevelReadiness, scoring: ScoringRules): NineBoxBand | "insufficient" {
  const status = readinessStatus(level.readiness, level.coverage, scoring);
  return status === "not-yet" ? "below" : status;
}

export function nineBox(
  scoring: ScoringRules,
  scored: PersonReadiness[],
  thresholds: { ready?: number; almost?: number } = {},
): NineBox {
  const rules: ScoringRules = { ...scoring, ...thresholds };
  const cells: NineBoxCell[] = [];
  for (const next of [...NINE_BOX_BANDS].reverse())
    for (const current of NINE_BOX_BANDS)
      cells.push({ current, next, name: BOX_NAME[current][next], people: [], count: 0, share: 0 });
  const cellOf = (current: NineBoxBand, next: NineBoxBand): NineBoxCell =>
    cells[(2 - NINE_BOX_BANDS.indexOf(next)) * 3 + NINE_BOX_BANDS.indexOf(current)];

  const apart: NineBox["apart"] = [];
  for (const s of scored) {
    const name = s.person.person;
    if (!s.current) {
      apart.push({ person: name, reason: "Their level is not on their track's ladder." });
      continue;
    }
    const current = band(s.current, rules);
    if (current === "insufficient") {
      apart.push({ person: name, reason: `${STATUS_WORD.insufficient} at their current level.` });
      continue;
    }
    if (!s.next) {
      apart.push({ person: name, reason: "No next level on their path." });
      continue;
    }
    const next = band(s.next, rules);
    if (next === "insufficient") {
      apart.push({ person: name, reason: `${STATUS_WORD.insufficient} for the next level.` });
      continue;
    }
    const cell = cellOf(current, next);
    cell.people.push(name);
    cell.count++;
  }
  const placed = scored.length - apart.length;
  for (const cell of cells) cell.share = placed > 0 ? cell.count / placed : 0;
  return { cells, placed, apart, thresholds: { ready: rules.ready, almost: rules.almost } };
}
