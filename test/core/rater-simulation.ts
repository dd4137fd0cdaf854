/**
 * Simulated ratings with known rater effects, for checking the rater model recovers them. Deterministic: the same
 * seed gives the same team. Ratings are whole scale points 0–4, as people type them.
 */
import type { PersonRatings } from "../../src/core/types";

/** A small, fast, seeded generator (mulberry32): uniform in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal draws (Box–Muller) from a uniform generator. */
export function normalFrom(random: () => number): () => number {
  return () => {
    let u = 0;
    while (u === 0) u = random();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
  };
}

export interface Simulation {
  seed: number;
  people: number;
  competencies: number;
  /** Planted effect of each rater, in scale points; rater k is named `Rater k`. */
  effects: number[];
  tracks: string[];
  levels: string[];
  /** Raters per person: 1, or 2 (a second, different rater rating the same competencies). */
  ratersPerPerson: 1 | 2;
  /** Standard deviation of people's ability within a track and level, and of a rating's noise. */
  abilitySpread: number;
  noise: number;
  /** Share of ratings left blank. */
  blank?: number;
}

/**
 * rating = 2 + level offset + competency difficulty + ability + rater effect + noise, rounded to a whole point and
 * kept on the 0–4 scale. Each person is at a track and level drawn at random, with rater(s) drawn at random.
 */
export function simulateRatings(sim: Simulation): PersonRatings[] {
  const random = seededRandom(sim.seed);
  const normal = normalFrom(random);
  const raters = sim.effects.length;
  const difficulty = Array.from({ length: sim.competencies }, () => (random() - 0.5) * 0.6);
  const entries: PersonRatings[] = [];
  for (let p = 0; p < sim.people; p++) {
    const track = sim.tracks[Math.floor(random() * sim.tracks.length)];
    const levelIndex = Math.floor(random() * sim.levels.length);
    const levelOffset = (levelIndex - (sim.levels.length - 1) / 2) * 0.2;
    const ability = sim.abilitySpread * normal();
    const own = [Math.floor(random() * raters)];
    if (sim.ratersPerPerson === 2) {
      let other: number;
      do other = Math.floor(random() * raters);
      while (other === own[0]);
      own.push(other);
    }
    for (const k of own) {
      const ratings: Record<string, number> = {};
      for (let c = 0; c < sim.competencies; c++) {
        if (sim.blank && random() < sim.blank) continue;
        const value = 2 + levelOffset + difficulty[c] + ability + sim.effects[k] + sim.noise * normal();
        ratings[`c${c}`] = Math.min(4, Math.max(0, Math.round(value)));
      }
      entries.push({
        person: `Person ${p}`,
        track,
        level: sim.levels[levelIndex],
        rater: `Rater ${k}`,
        team: `Team ${k}`,
        row: entries.length + 2,
        ratings,
      });
    }
  }
  return entries;
}
