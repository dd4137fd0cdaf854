/**
 * Rater effects, estimated. Every rating is modelled as
 *
 *     rating = difficulty(competency at the person's track and level) + ability(person) + effect(rater) + noise
 *
 * fitted on all ratings at once. Most people have a single rater, so a rater's effect and their people's ability
 * cannot be told apart from the ratings alone. The model resolves this with one assumption: a person's ability is a
 * random effect, drawn from the same spread whoever rates them (a linear mixed model). People at the same track and
 * level are then comparable across raters, and a rater whose people sit consistently above the others' at the same
 * levels is estimated as lenient. Where a person is rated by more than one rater (self, peer, a second manager),
 * the ratings of the same person are compared directly, which is far stronger evidence, and the fit uses it.
 *
 * - Difficulty is a fixed effect per track, level and competency: it absorbs the level's expectations and the
 *   average ability of the people at that level, so comparisons are always within a track and level.
 * - Effects are in scale points, relative to the mean rater: + rates above (lenient), − below (severe); they sum
 *   to zero over the raters compared. Those are the raters with at least MIN_PEOPLE people, so one extreme person
 *   does not move everyone's reference. Raters that share no track and level, directly or through other raters,
 *   cannot be compared: each connected group is its own reference, and a rater with nobody to compare with "cannot
 *   be estimated".
 * - Ability spread and noise are estimated by restricted-maximum-likelihood-style EM iterations; the fit for given
 *   spreads solves the mixed-model equations exactly (people absorbed, then difficulties per track and level, then a
 *   dense system in the raters), which also gives each effect's standard error.
 * - An effect is flagged only when it is at least MIN_EFFECT (0.5 scale points, below which Linacre's Facets calls a
 *   rater effect negligible), rests on at least MIN_PEOPLE people, and is significant at the two-sided 5% level of
 *   Student's t (jStat), with degrees of freedom people − track-and-levels − compared raters; for a rater who shares
 *   people with another rater, the ratings' own degrees of freedom, as that evidence is within people.
 */
import { jStat } from "jstat";
import type { CompetencyId } from "./framework";
import { personKey } from "./names";
import type { PersonRatings, RaterCalibration } from "./types";
import { chanceInWords, giveOrTake } from "./vocabulary";

export const MIN_EFFECT = 0.5;
export const MIN_PEOPLE = 2;
export const SIGNIFICANCE = 0.05;

export type RaterEffect = RaterCalibration;

export interface RaterModel {
  /** Named raters, in order of first appearance. */
  raters: RaterEffect[];
  /** Standard deviation of ability among people at the same track and level, in scale points. */
  abilitySpread: number;
  /** Standard deviation of a single rating around the model, in scale points. */
  noise: number;
  /** The flagged effect of a rater (by name, as personKey matches it), 0 when not flagged. */
  flaggedEffect(rater: string): number;
}

/** Spreads change by less than this share between iterations: the fit has converged. */
const TOLERANCE = 1e-4;
const MAX_ITERATIONS = 20;
/** Ability spread is kept above this share of the noise, so people stay a random effect. */
const MIN_SPREAD_RATIO = 1e-3;
/** Up to this many raters the standard errors are exact; beyond, the inverse would cost seconds. */
const EXACT_RATERS = 300;

interface Person {
  /** Offsets into the observation arrays. */
  start: number;
  end: number;
}

/** Everyone at one track and level: their difficulties are solved together. */
interface Stratum {
  people: Person[];
  /** Competency → local index. */
  cells: Map<string, number>;
  raters: number[];
}

interface Layout {
  strata: Stratum[];
  /** Per observation: local cell index, global rater index, local rater index, value. */
  cell: Int32Array;
  rater: Int32Array;
  raterLocal: Int32Array;
  value: Float64Array;
  raterCount: number;
  /** Raters by key: "" is people without a rater, fitted but not reported. */
  raterKeys: string[];
  raterNames: string[];
  raterPeople: Int32Array;
  /** 1 for a rater who rated someone another rater also rated. */
  raterOverlaps: Uint8Array;
  personCount: number;
}

function layout(entries: PersonRatings[], competencies: readonly CompetencyId[] | undefined): Layout {
  const raterIndex = new Map<string, number>();
  const raterKeys: string[] = [];
  const raterNames: string[] = [];
  const strata = new Map<string, Stratum>();
  // A person is one name at one track and level; their entries (one per rater) are grouped.
  const byPerson = new Map<string, { stratum: Stratum; entries: PersonRatings[]; raters: number[] }>();
  for (const entry of entries) {
    const rKey = personKey(entry.rater);
    if (!raterIndex.has(rKey)) {
      raterIndex.set(rKey, raterKeys.length);
      raterKeys.push(rKey);
      raterNames.push(entry.rater.trim());
    }
    const sKey = `${entry.track}\u0000${entry.level}`;
    let stratum = strata.get(sKey);
    if (!stratum) strata.set(sKey, (stratum = { people: [], cells: new Map(), raters: [] }));
    const pKey = `${sKey}\u0000${personKey(entry.person)}`;
    const r = raterIndex.get(rKey) as number;
    const group = byPerson.get(pKey);
    if (group) {
      group.entries.push(entry);
      group.raters.push(r);
    } else byPerson.set(pKey, { stratum, entries: [entry], raters: [r] });
  }

  // Typed arrays sized for every rating there may be: growing plain arrays to half a million ratings costs more.
  let capacity = 0;
  for (const entry of entries) capacity += competencies?.length ?? Object.keys(entry.ratings).length;
  const cell = new Int32Array(capacity);
  const rater = new Int32Array(capacity);
  const value = new Float64Array(capacity);
  let count = 0;
  const raterPeople = new Int32Array(raterKeys.length);
  const seen = new Int32Array(raterKeys.length).fill(-1);
  const raterOverlaps = new Uint8Array(raterKeys.length);
  const ratersOfPerson: number[] = [];
  // Per track and level, with a list of competencies: each one's cell, -1 until rated.
  const cellsByKey = new Map<Stratum, Int32Array>();
  let personCount = 0;
  for (const { stratum, entries: own, raters: ownRaters } of byPerson.values()) {
    const start = count;
    for (let e = 0; e < own.length; e++) {
      const r = ownRaters[e];
      const ratings = own[e].ratings;
      // Looking up known competencies is far cheaper than listing the keys of a many-keyed object.
      const keys = competencies ?? Object.keys(ratings);
      let cellOf = competencies && cellsByKey.get(stratum);
      if (competencies && !cellOf) cellsByKey.set(stratum, (cellOf = new Int32Array(keys.length).fill(-1)));
      for (let k = 0; k < keys.length; k++) {
        const competency = keys[k];
        const rating = ratings[competency];
        if (typeof rating !== "number" || !Number.isFinite(rating)) continue;
        let c = cellOf ? cellOf[k] : (stratum.cells.get(competency) ?? -1);
        if (c < 0) {
          c = stratum.cells.get(competency) ?? stratum.cells.size;
          stratum.cells.set(competency, c);
          if (cellOf) cellOf[k] = c;
        }
        cell[count] = c;
        rater[count] = r;
        value[count] = rating;
        count++;
        if (seen[r] !== personCount) {
          seen[r] = personCount;
          raterPeople[r]++;
          ratersOfPerson.push(r);
        }
      }
    }
    if (ratersOfPerson.length > 1) for (const r of ratersOfPerson) raterOverlaps[r] = 1;
    ratersOfPerson.length = 0;
    if (count > start) {
      stratum.people.push({ start, end: count });
      personCount++;
    }
  }
  const strataList = [...strata.values()].filter((s) => s.people.length > 0);
  const raterLocal = new Int32Array(count);
  const localOf = new Int32Array(raterKeys.length);
  for (const s of strataList) {
    localOf.fill(-1);
    for (const p of s.people) {
      for (let i = p.start; i < p.end; i++) {
        let local = localOf[rater[i]];
        if (local < 0) {
          local = localOf[rater[i]] = s.cells.size + s.raters.length;
          s.raters.push(rater[i]);
        }
        raterLocal[i] = local;
      }
    }
  }
  return {
    strata: strataList,
    cell: cell.subarray(0, count),
    rater: rater.subarray(0, count),
    raterLocal,
    value: value.subarray(0, count),
    raterCount: raterKeys.length,
    raterKeys,
    raterNames,
    raterPeople,
    raterOverlaps,
    personCount,
  };
}

/** In-place Cholesky of a symmetric positive-definite n×n matrix (row-major, lower triangle used and written). */
function cholesky(a: Float64Array, n: number): void {
  for (let j = 0; j < n; j++) {
    const rj = j * n;
    let d = a[rj + j];
    for (let k = 0; k < j; k++) d -= a[rj + k] * a[rj + k];
    if (!(d > 0)) throw new Error(`Rater model: matrix not positive definite at ${j} (${d})`);
    d = Math.sqrt(d);
    a[rj + j] = d;
    for (let i = j + 1; i < n; i++) {
      const ri = i * n;
      let s = a[ri + j];
      for (let k = 0; k < j; k++) s -= a[ri + k] * a[rj + k];
      a[ri + j] = s / d;
    }
  }
}

/** Solves L y = b in place (L lower, from `cholesky`); b is a column with the given stride and offset. */
function forward(l: Float64Array, n: number, b: Float64Array, offset = 0, stride = 1): void {
  for (let i = 0; i < n; i++) {
    let s = b[offset + i * stride];
    const ri = i * n;
    for (let k = 0; k < i; k++) s -= l[ri + k] * b[offset + k * stride];
    b[offset + i * stride] = s / l[ri + i];
  }
}

/** Solves Lᵀ x = y in place. */
function backward(l: Float64Array, n: number, y: Float64Array): void {
  for (let i = n - 1; i >= 0; i--) {
    let s = y[i];
    for (let k = i + 1; k < n; k++) s -= l[k * n + i] * y[k];
    y[i] = s / l[i * n + i];
  }
}

/** (M + J) x = b by Cholesky, and the whole inverse for the standard errors: O(R³), quick up to a few hundred. */
function solveExactly(
  pinned: Float64Array,
  rhs: Float64Array,
  R: number,
): { effects: Float64Array; inverse: Float64Array } {
  cholesky(pinned, R);
  const effects = rhs.slice();
  forward(pinned, R, effects);
  backward(pinned, R, effects);
  const inverse = new Float64Array(R * R);
  const column = new Float64Array(R);
  for (let j = 0; j < R; j++) {
    column.fill(0);
    column[j] = 1;
    forward(pinned, R, column);
    backward(pinned, R, column);
    for (let i = 0; i < R; i++) inverse[i * R + j] = column[i];
  }
  return { effects, inverse };
}

/** (M + J) x = b by conjugate gradients with a diagonal preconditioner, given (M + J) x as a function. */
function solveIteratively(
  apply: (x: Float64Array, out: Float64Array) => void,
  diagonal: Float64Array,
  rhs: Float64Array,
  R: number,
): Float64Array {
  const x = new Float64Array(R);
  const r = rhs.slice();
  const z = new Float64Array(R);
  const p = new Float64Array(R);
  const q = new Float64Array(R);
  const precondition = (): void => {
    for (let i = 0; i < R; i++) z[i] = r[i] / diagonal[i];
  };
  precondition();
  p.set(z);
  let rz = 0;
  let bb = 0;
  for (let i = 0; i < R; i++) {
    rz += r[i] * z[i];
    bb += rhs[i] * rhs[i];
  }
  for (let step = 0; step < R && rz > 0; step++) {
    apply(p, q);
    let pq = 0;
    for (let i = 0; i < R; i++) pq += p[i] * q[i];
    const alpha = rz / pq;
    let rr = 0;
    for (let i = 0; i < R; i++) {
      x[i] += alpha * p[i];
      r[i] -= alpha * q[i];
      rr += r[i] * r[i];
    }
    if (rr <= 1e-24 * bb) break;
    precondition();
    let next = 0;
    for (let i = 0; i < R; i++) next += r[i] * z[i];
    const beta = next / rz;
    rz = next;
    for (let i = 0; i < R; i++) p[i] = z[i] + beta * p[i];
  }
  return x;
}

/** One stratum reduced to its raters: what back-substitution needs to recover the difficulties. */
interface Reduced {
  cells: number;
  /** Cholesky factor of the difficulty block. */
  l: Float64Array;
  /** L⁻¹ × difficulty–rater block, one row of `cells` per rater of the stratum. */
  z: Float64Array;
  /** L⁻¹ × difficulty right-hand side. */
  zb: Float64Array;
}

interface Fit {
  effects: Float64Array;
  /**
   * (M + J)⁻¹, a generalised inverse of the raters' information matrix M; beyond EXACT_RATERS raters only its
   * diagonal is approximated, by 1 / Mᵣᵣ (a rater's information with the other raters' effects taken as known).
   */
  inverse: Float64Array | null;
  /** Mᵣᵣ. */
  diagonal: Float64Array;
  /** Per person: mean of (rating − difficulty − rater effect), and the number of ratings. */
  personMean: Float64Array;
  personRatings: Int32Array;
  /** Σ squared deviations of those residuals from their person's mean. */
  withinSquares: number;
}

/**
 * A stratum's equations after absorbing its people, in three blocks: difficulty × difficulty (lower triangle),
 * rater × difficulty, and rater × rater (diagonal, plus pairs of raters who rated the same person, keyed
 * larger × q + smaller local index); and the right-hand side, difficulties then raters.
 */
interface StratumEquations {
  cc: Float64Array;
  rc: Float64Array;
  rr: Float64Array;
  rrPairs: Map<number, number>;
  b: Float64Array;
}

/** The equations of one track and level with its people absorbed, for λ = noise² / spread². */
function absorbPeople(data: Layout, s: Stratum, lambda: number): StratumEquations {
  const m = s.cells.size;
  const q = s.raters.length;
  const equations: StratumEquations = {
    cc: new Float64Array(m * m),
    rc: new Float64Array(q * m),
    rr: new Float64Array(q),
    rrPairs: new Map(),
    b: new Float64Array(m + q),
  };
  const counts: PersonCounts = {
    z: new Float64Array(m + q),
    cells: [],
    raters: [],
    blanks: [],
    blankWeight: new Float64Array(m),
  };
  let complementWeight = 0;
  for (const person of s.people)
    complementWeight += absorbPerson(data, person, m, q, lambda, equations, counts);
  // What people absorbed through their blanks still owe: w · 11ᵀ less what their blanks took back.
  const { cc } = equations;
  const { blankWeight } = counts;
  if (complementWeight > 0) {
    for (let i = 0; i < m; i++) {
      for (let j = 0; j <= i; j++) cc[i * m + j] -= complementWeight - blankWeight[i] - blankWeight[j];
    }
  }
  return equations;
}

/**
 * One person's ratings per cell and rater (z, indexed cells then raters), and which of them are not zero; for people
 * absorbed through their blanks, the blank cells, and per cell the weight of the people who left it blank.
 */
interface PersonCounts {
  z: Float64Array;
  cells: number[];
  raters: number[];
  blanks: number[];
  blankWeight: Float64Array;
}

/**
 * Adds a person's ratings to the equations, then absorbs the person: subtracts w · z zᵀ with w = 1 / (n + λ). Its
 * own function, called once per person, so the engine optimises it early.
 *
 * The difficulty block's share, w · z zᵀ over the cells, costs the square of the person's ratings. A person who rated
 * most of the stratum's cells once each (z is 1 or 0) is cheaper to absorb through their blanks u = 1 − z:
 * z zᵀ = 11ᵀ − 1uᵀ − u1ᵀ + uuᵀ, so only uuᵀ is subtracted here, and the rest, the same for everyone but for their
 * weights, once per stratum by `absorbPeople`. Returns the weight w of a person absorbed so, or 0.
 */
function absorbPerson(
  data: Layout,
  person: Person,
  m: number,
  q: number,
  lambda: number,
  { cc, rc, rr, rrPairs, b }: StratumEquations,
  { z, cells, raters, blanks, blankWeight }: PersonCounts,
): number {
  const { cell, raterLocal, value } = data;
  let total = 0;
  for (let i = person.start; i < person.end; i++) {
    const c = cell[i];
    const r = raterLocal[i];
    const y = value[i];
    total += y;
    cc[c * m + c]++;
    rr[r - m]++;
    rc[(r - m) * m + c]++;
    b[c] += y;
    b[r] += y;
    if (z[c] === 0) cells.push(c);
    z[c]++;
    if (z[r] === 0) raters.push(r);
    z[r]++;
  }
  const ratings = person.end - person.start;
  const w = 1 / (ratings + lambda);
  for (const i of cells) b[i] -= w * z[i] * total;
  const throughBlanks = cells.length === ratings && 2 * cells.length > m;
  if (throughBlanks) {
    for (let c = 0; c < m; c++) if (z[c] === 0) blanks.push(c);
    for (let x = 0; x < blanks.length; x++) {
      const i = blanks[x];
      blankWeight[i] += w;
      for (let t = 0; t <= x; t++) cc[i * m + blanks[t]] -= w;
    }
    blanks.length = 0;
  } else {
    for (let x = 0; x < cells.length; x++) {
      const i = cells[x];
      const wi = w * z[i];
      for (let t = 0; t <= x; t++) {
        const j = cells[t];
        cc[i > j ? i * m + j : j * m + i] -= wi * z[j];
      }
    }
  }
  for (let x = 0; x < raters.length; x++) {
    const i = raters[x];
    const k = i - m;
    const wi = w * z[i];
    b[i] -= wi * total;
    for (let t = 0; t < cells.length; t++) rc[k * m + cells[t]] -= wi * z[cells[t]];
    rr[k] -= wi * z[i];
    for (let t = 0; t < x; t++) {
      const h = raters[t] - m;
      const key = k > h ? k * q + h : h * q + k;
      rrPairs.set(key, (rrPairs.get(key) ?? 0) - wi * z[raters[t]]);
    }
  }
  for (const c of cells) z[c] = 0;
  for (const r of raters) z[r] = 0;
  cells.length = 0;
  raters.length = 0;
  return throughBlanks ? w : 0;
}

/** Solves the mixed-model equations for a given ratio λ = noise² / spread². */
function fit(data: Layout, lambda: number, components: Int32Array): Fit {
  const R = data.raterCount;
  const exact = R <= EXACT_RATERS;
  // M itself only when it is small enough to invert; otherwise its diagonal, and M x computed from the strata.
  const info = exact ? new Float64Array(R * R) : null;
  const diagonal = new Float64Array(R);
  const rhs = new Float64Array(R);
  const reduced: Reduced[] = [];
  const { cell, value } = data;
  // Rater–rater entries of the strata before the difficulties are absorbed (people rated by two raters), for M x.
  const pairs: number[] = [];
  const pairValues: number[] = [];

  for (const s of data.strata) {
    const m = s.cells.size;
    const q = s.raters.length;
    const { cc, rc, rr, rrPairs, b } = absorbPeople(data, s, lambda);
    // Difficulty block: Cholesky; then the raters' Schur complement.
    const l = cc;
    cholesky(l, m);
    // One row of L⁻¹ × (difficulty–rater block) per rater, so the products below run along contiguous memory.
    const zc = rc;
    for (let k = 0; k < q; k++) forward(l, m, zc, k * m);
    const zb = b.slice(0, m);
    forward(l, m, zb);
    for (let k = 0; k < q; k++) {
      const gk = s.raters[k];
      const zk = k * m;
      let bk = b[m + k];
      for (let i = 0; i < m; i++) bk -= zc[zk + i] * zb[i];
      rhs[gk] += bk;
      let v = rr[k];
      for (let i = 0; i < m; i++) v -= zc[zk + i] * zc[zk + i];
      diagonal[gk] += v;
      if (info) info[gk * R + gk] += v;
      if (!info) continue;
      for (let h = 0; h < k; h++) {
        const gh = s.raters[h];
        const zh = h * m;
        let u = rrPairs.get(k * q + h) ?? 0;
        for (let i = 0; i < m; i++) u -= zc[zk + i] * zc[zh + i];
        info[gk * R + gh] += u;
        info[gh * R + gk] += u;
      }
    }
    if (!info) {
      for (const [key, own] of rrPairs) {
        pairs.push(s.raters[Math.floor(key / q)], s.raters[key % q]);
        pairValues.push(own);
      }
      for (let k = 0; k < q; k++) {
        pairs.push(s.raters[k], s.raters[k]);
        pairValues.push(rr[k]);
      }
    }
    reduced.push({ cells: m, l, z: zc, zb });
  }

  // Each connected group of raters is free to shift by a constant; J pins each group's sum at zero.
  const size = new Int32Array(R);
  for (let r = 0; r < R; r++) size[components[r]]++;
  let scale = 0;
  for (let r = 0; r < R; r++) scale += diagonal[r];
  scale = Math.max(1, scale / Math.max(1, R));
  const pin = (r: number): number => scale / size[components[r]];
  let effects: Float64Array;
  let inverse: Float64Array | null = null;
  if (info) {
    for (let i = 0; i < R; i++)
      for (let j = 0; j < R; j++) if (components[i] === components[j]) info[i * R + j] += pin(i);
    ({ effects, inverse } = solveExactly(info, rhs, R));
  } else {
    const sums = new Float64Array(R);
    const strataZ = new Float64Array(Math.max(0, ...reduced.map((r) => r.cells)));
    const apply = (x: Float64Array, out: Float64Array): void => {
      sums.fill(0);
      for (let r = 0; r < R; r++) sums[components[r]] += x[r];
      for (let r = 0; r < R; r++) out[r] = pin(r) * sums[components[r]];
      for (let k = 0; k < pairValues.length; k++) {
        const i = pairs[2 * k];
        const j = pairs[2 * k + 1];
        out[i] += pairValues[k] * x[j];
        if (i !== j) out[j] += pairValues[k] * x[i];
      }
      data.strata.forEach((s, index) => {
        const { cells: m, z: zc } = reduced[index];
        const t = strataZ;
        t.fill(0, 0, m);
        s.raters.forEach((g, k) => {
          const xk = x[g];
          for (let i = 0; i < m; i++) t[i] += zc[k * m + i] * xk;
        });
        s.raters.forEach((g, k) => {
          let v = 0;
          for (let i = 0; i < m; i++) v += zc[k * m + i] * t[i];
          out[g] -= v;
        });
      });
    };
    effects = solveIteratively(
      apply,
      Float64Array.from(diagonal, (d, r) => d + pin(r)),
      rhs,
      R,
    );
  }
  // Back-substitution: difficulties, then each person's mean residual and the spread of ratings around it.
  const personMean = new Float64Array(data.personCount);
  const personRatings = new Int32Array(data.personCount);
  let withinSquares = 0;
  let p = 0;
  data.strata.forEach((s, index) => {
    const { cells: m, l, z: zc, zb } = reduced[index];
    const q = s.raters.length;
    const d = zb.slice();
    for (let i = 0; i < m; i++) {
      let v = d[i];
      for (let k = 0; k < q; k++) v -= zc[k * m + i] * effects[s.raters[k]];
      d[i] = v;
    }
    backward(l, m, d);
    for (const person of s.people) {
      const count = person.end - person.start;
      let sum = 0;
      let squares = 0;
      for (let i = person.start; i < person.end; i++) {
        const e = value[i] - d[cell[i]] - effects[data.rater[i]];
        sum += e;
        squares += e * e;
      }
      personMean[p] = sum / count;
      personRatings[p] = count;
      withinSquares += squares - (sum * sum) / count;
      p++;
    }
  });
  return { effects, inverse, diagonal, personMean, personRatings, withinSquares };
}

/**
 * Noise and ability spread from a fit. Noise: the spread of ratings around each person's mean residual (within
 * people, so ability plays no part), on its degrees of freedom. Ability: the spread of people's mean residuals beyond
 * what noise explains, σ²ₐ = Σ wₚ² (rₚ² · P / df − σ²/nₚ) / Σ wₚ² with wₚ = 1 / (σ²ₐ + σ²/nₚ), which for equal nₚ is
 * the analysis-of-variance estimate Σ rₚ² / df − σ²/n (df: people less the track-and-levels and raters estimated).
 */
function spreads(result: Fit, withinDf: number, df: number): { noise2: number; spread2: number } {
  const { personMean, personRatings } = result;
  const people = personMean.length;
  const noise2 = Math.max(result.withinSquares / withinDf, 1e-12);
  const inflate = people / df;
  let spread2 = noise2;
  for (let step = 0; step < 100; step++) {
    let num = 0;
    let den = 0;
    for (let p = 0; p < people; p++) {
      const share = noise2 / personRatings[p];
      const w = 1 / (spread2 + share);
      num += w * w * (personMean[p] * personMean[p] * inflate - share);
      den += w * w;
    }
    const next = Math.max(num / den, noise2 * MIN_SPREAD_RATIO);
    const done = Math.abs(next - spread2) <= TOLERANCE * spread2;
    spread2 = next;
    if (done) break;
  }
  return { noise2, spread2 };
}

/** Raters that share a track and level, directly or through others, form one group (union–find). */
function connect(data: Layout): Int32Array {
  const parent = Int32Array.from({ length: data.raterCount }, (_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  for (const s of data.strata) {
    for (let k = 1; k < s.raters.length; k++) {
      const a = root(s.raters[0]);
      const b = root(s.raters[k]);
      if (a !== b) parent[b] = a;
    }
  }
  return Int32Array.from(parent, (_, i) => root(i));
}

function fmt(n: number): string {
  return (Math.round(n * 100) / 100).toFixed(2);
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * Fits the model to every rating given: one entry per person and rater (a person may have several raters). With
 * `competencies`, only ratings of those are read (every competency of the matrix, say), which is faster.
 */
export function fitRaterModel(entries: PersonRatings[], competencies?: readonly CompetencyId[]): RaterModel {
  const data = layout(entries, competencies);
  const R = data.raterCount;
  const components = connect(data);
  const N = data.value.length;
  const ratingsOf = new Int32Array(R);
  for (let i = 0; i < N; i++) ratingsOf[data.rater[i]]++;
  const size = new Int32Array(R);
  for (let r = 0; r < R; r++) size[components[r]]++;
  let groups = 0;
  for (let r = 0; r < R; r++) if (size[r] > 0) groups++;
  const cells = data.strata.reduce((acc, s) => acc + s.cells.size, 0);
  // Residual degrees of freedom of the ratings, and of people's means (what the raters are compared on).
  const withinDf = Math.max(1, N - data.personCount - (cells - data.strata.length));
  const df = Math.max(1, data.personCount - data.strata.length - (R - groups));

  let noise2 = 1;
  let spread2 = 1;
  let result: Fit | undefined;
  if (N > 0) {
    for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
      result = fit(data, noise2 / spread2, components);
      const next = spreads(result, withinDf, df);
      const converged =
        Math.abs(next.spread2 - spread2) <= TOLERANCE * spread2 &&
        Math.abs(next.noise2 - noise2) <= TOLERANCE * noise2;
      spread2 = next.spread2;
      noise2 = next.noise2;
      if (converged) break;
      result = undefined;
    }
    result ??= fit(data, noise2 / spread2, components);
  }

  const named = (r: number): boolean => data.raterKeys[r] !== "";
  // The raters of each connected group, and the reference each is measured from: the mean of the group's raters
  // with at least MIN_PEOPLE people (all of the group's raters when fewer than two have), so that a rater of a
  // single person, whose effect is mostly that person's ability, does not move everyone else's.
  // People without a rater count as one more rater here: they are rated by someone.
  const members = new Map<number, number[]>();
  for (let r = 0; r < R; r++) {
    const group = members.get(components[r]);
    if (group) group.push(r);
    else members.set(components[r], [r]);
  }
  const reference = new Map<number, number[]>();
  for (const [component, group] of members) {
    const enough = group.filter((r) => data.raterPeople[r] >= MIN_PEOPLE);
    reference.set(component, enough.length >= 2 ? enough : group);
  }
  // What the standard errors need from the inverse G: g_rr, Σ_j∈ref g_rj, and Σ_j,h∈ref g_jh per group.
  const inverseAt = (i: number, j: number): number => {
    if (!result) return 0;
    if (result.inverse) return result.inverse[i * R + j];
    return i === j ? 1 / result.diagonal[i] : 0;
  };
  // Beyond EXACT_RATERS the inverse is taken as diagonal, so only its diagonal is summed: a thousand raters would
  // otherwise cost a million terms that are all zero.
  const inReference = new Uint8Array(R);
  for (const ref of reference.values()) for (const j of ref) inReference[j] = 1;
  const referenceSum = new Map<number, number>();
  const referenceMean = new Map<number, number>();
  for (const [component, ref] of reference) {
    let total = 0;
    if (result?.inverse) for (const j of ref) for (const h of ref) total += inverseAt(j, h);
    else for (const j of ref) total += inverseAt(j, j);
    referenceSum.set(component, total);
    let mean = 0;
    if (result) for (const j of ref) mean += result.effects[j];
    referenceMean.set(component, mean / ref.length);
  }
  /** Σ over the reference raters j of G_rj. */
  const crossSum = (r: number, ref: number[]): number => {
    if (result?.inverse) {
      let cross = 0;
      for (const j of ref) cross += inverseAt(r, j);
      return cross;
    }
    return inReference[r] ? inverseAt(r, r) : 0;
  };
  const effects: RaterEffect[] = [];
  const flagged = new Map<string, number>();
  for (let r = 0; r < R; r++) {
    if (!named(r)) continue;
    const base = { rater: data.raterNames[r], people: data.raterPeople[r], ratings: ratingsOf[r] };
    const group = members.get(components[r]) as number[];
    if (!result || group.length < 2) {
      effects.push({
        ...base,
        effect: null,
        standardError: null,
        pValue: null,
        flag: null,
        reason:
          base.ratings === 0
            ? "Cannot be estimated: no ratings from this rater yet."
            : "Cannot be estimated: no one else rated people at the same track and level, so there is nothing to compare with.",
      });
      continue;
    }
    const x = result.effects;
    const ref = reference.get(components[r]) as number[];
    const k = ref.length;
    const mean = referenceMean.get(components[r]) as number;
    const cross = crossSum(r, ref);
    // Variance of the contrast e_r − mean of the reference: g_rr − 2·mean_j g_rj + mean_jh g_jh, times the noise.
    const variance =
      Math.max(0, inverseAt(r, r) - (2 * cross) / k + (referenceSum.get(components[r]) as number) / (k * k)) *
      noise2;
    const effect = x[r] - mean;
    const se = Math.sqrt(variance);
    const t = se > 0 ? Math.abs(effect) / se : Infinity;
    // Evidence from people rated by two raters is rating noise, estimated on the ratings' degrees of freedom.
    const dof = data.raterOverlaps[r] ? withinDf : df;
    const pValue = Number.isFinite(t) ? 2 * (1 - jStat.studentt.cdf(t, dof)) : 0;
    const side = effect >= 0 ? "above" : "below";
    const stated = `${fmt(Math.abs(effect))} points ${side} the mean of ${k} raters compared (${giveOrTake(fmt(se))}, ${plural(base.people, "person", "people")}, ${plural(base.ratings, "rating")})`;
    let flag: RaterEffect["flag"] = null;
    let reason: string;
    if (Math.abs(effect) < MIN_EFFECT) reason = `In line with others: ${stated}.`;
    else if (base.people < MIN_PEOPLE)
      reason = `Rates ${stated}, but on ${plural(base.people, "person", "people")}: a flag needs at least ${MIN_PEOPLE} people.`;
    else if (!(pValue < SIGNIFICANCE))
      reason = `Rates ${stated}, but ratings vary too much to be sure: ${chanceInWords(pValue)}.`;
    else {
      flag = effect > 0 ? "lenient" : "severe";
      flagged.set(data.raterKeys[r], effect);
      reason = `Rates ${stated}, ${chanceInWords(pValue)}: review these ratings together.`;
    }
    effects.push({ ...base, effect, standardError: se, pValue, flag, reason });
  }

  return {
    raters: effects,
    abilitySpread: result ? Math.sqrt(spread2) : 0,
    noise: result ? Math.sqrt(noise2) : 0,
    flaggedEffect: (rater) => flagged.get(personKey(rater)) ?? 0,
  };
}
