/**
 * Scoring throughput: 1,000 and 10,000 people x 60 competencies, read from a ratings table and scored for every level
 * of their track, then the heatmaps and calibration a session shows. Linear growth means the 10,000-person time is
 * about ten times the 1,000-person time.
 */
import os from "node:os";
import {
  areaHeatmap,
  calibrate,
  competencyHeatmap,
  readRatings,
  readinessHeatmap,
  scoreTeam,
  teamAreaHeatmap,
  teamHeatmap,
} from "../src/core";
import { report } from "./dashboard";
import type { CareerMatrix, Cell, MatrixCompetency, MatrixLevel, TrackMatrix } from "../src/core";

const COMPETENCIES = 60;
const SIZES = [1000, 10000];
const RUNS = 5;

/** Three tracks of ten levels (six IC, four management); 48 competencies on both paths, 12 for management only. */
export function syntheticMatrix(): CareerMatrix {
  const areas = ["technical", "leadership", "delivery", "values"].map((id, i) => ({
    id,
    name: id,
    weight: 1 + (i % 2),
  }));
  const levels: MatrixLevel[] = [
    ...["associate", "intermediate", "senior", "staff", "principal", "distinguished"].map((id, i) => ({
      id,
      name: id,
      title: id,
      path: "ic" as const,
      rank: i + 1,
    })),
    ...["manager", "senior-manager", "director", "senior-director"].map((id, i) => ({
      id,
      name: id,
      title: id,
      path: "management" as const,
      rank: i + 4,
    })),
  ];
  const competencies: MatrixCompetency[] = Array.from({ length: COMPETENCIES }, (_, c) => {
    const managementOnly = c >= 48;
    const expectations: MatrixCompetency["expectations"] = {};
    for (const level of levels) {
      if (managementOnly && level.path === "ic") continue;
      expectations[level.id] = { value: Math.min(4, Math.floor((level.rank + (c % 3)) / 2)), descriptor: "" };
    }
    return { id: `c${c}`, name: `Competency ${c}`, area: areas[c % areas.length].id, expectations };
  });
  const tracks: TrackMatrix[] = ["backend", "frontend", "platform"].map((id) => ({
    id,
    name: id,
    levels,
    competencies,
  }));
  return {
    scale: ["Not yet", "Developing", "Proficient", "Advanced", "Expert"].map((label, value) => ({
      value,
      label,
      meaning: "",
    })),
    areas,
    scoring: { ready: 0.8, almost: 0.6, minCoverage: 0.5 },
    tracks,
  };
}

/** A ratings table as a host reads it: a fifth of the cells blank, a few ratings typed as labels. */
export function ratingsTable(matrix: CareerMatrix, people: number): Cell[][] {
  let seed = 7;
  const random = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const competencies = matrix.tracks[0].competencies;
  const header: Cell[] = ["Person", "Track", "Level", "Rater", "Team", ...competencies.map((c) => c.name)];
  const rows: Cell[][] = [header];
  for (let p = 0; p < people; p++) {
    const track = matrix.tracks[p % matrix.tracks.length];
    const level = track.levels[Math.floor(random() * track.levels.length)];
    const row: Cell[] = [
      `Person ${p}`,
      track.name,
      level.name,
      `Rater ${p % (people / 8)}`,
      `Team ${p % 40}`,
    ];
    for (const c of competencies) {
      const roll = random();
      const expected = c.expectations[level.id]?.value ?? 2;
      const rating = Math.max(0, Math.min(4, expected + Math.round(random() * 2 - 1.2)));
      row.push(roll < 0.2 ? null : roll < 0.22 ? matrix.scale[rating].label : rating);
    }
    rows.push(row);
  }
  return rows;
}

interface Timing {
  read: number;
  score: number;
  views: number;
  total: number;
  /** User + system CPU time of the whole pass: what it costs on an idle machine when this one is busy. */
  cpu: number;
}

function timeOnce(matrix: CareerMatrix, cells: Cell[][]): Timing {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const read = readRatings(cells, matrix, { sheet: "Ratings" });
  const t1 = performance.now();
  const scored = scoreTeam(matrix, read.people);
  const t2 = performance.now();
  readinessHeatmap(matrix, scored);
  competencyHeatmap(matrix, scored, "current");
  competencyHeatmap(matrix, scored, "next");
  teamHeatmap(matrix, scored);
  areaHeatmap(matrix, scored, "current");
  teamAreaHeatmap(matrix, scored);
  calibrate(matrix, scored);
  const t3 = performance.now();
  const cpu = process.cpuUsage(cpu0);
  if (read.people.length !== cells.length - 1 || read.problems.some((p) => p.severity === "error")) {
    throw new Error(`The synthetic table did not read cleanly: ${read.problems[0]?.message}`);
  }
  return {
    read: t1 - t0,
    score: t2 - t1,
    views: t3 - t2,
    total: t3 - t0,
    cpu: (cpu.user + cpu.system) / 1000,
  };
}

/** CPU ms of 10^8 array additions: a yardstick for reading these figures on a busy or slow machine. */
function referenceLoop(): number {
  const values = new Float64Array(1_000_000).fill(1);
  const start = process.cpuUsage();
  let sum = 0;
  for (let pass = 0; pass < 100; pass++) for (let i = 0; i < values.length; i++) sum += values[i];
  const used = process.cpuUsage(start);
  if (sum !== 1e8) throw new Error("reference loop miscounted");
  return (used.user + used.system) / 1000;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export async function run(): Promise<void> {
  const matrix = syntheticMatrix();
  const tables = new Map(SIZES.map((n) => [n, ratingsTable(matrix, n)]));
  // One untimed pass per size so the timed runs see optimised code.
  for (const cells of tables.values()) timeOnce(matrix, cells);

  const results = SIZES.map((people) => {
    const runs = Array.from({ length: RUNS }, () => timeOnce(matrix, tables.get(people) as Cell[][]));
    const pick = (k: keyof Timing): number => median(runs.map((r) => r[k]));
    return {
      people,
      read: pick("read"),
      score: pick("score"),
      views: pick("views"),
      total: pick("total"),
      cpu: pick("cpu"),
    };
  });

  console.log(
    `Scoring ${COMPETENCIES} competencies x 10 levels x 3 tracks; median of ${RUNS} runs; ${os.cpus().length} CPUs, Node ${process.version}`,
  );
  console.table(
    results.map((r) => ({
      people: r.people,
      "read ms": r.read.toFixed(0),
      "score ms": r.score.toFixed(0),
      "heatmaps + calibration ms": r.views.toFixed(0),
      "total ms": r.total.toFixed(0),
      "total CPU ms": r.cpu.toFixed(0),
      "people/s (score)": Math.round(r.people / (r.score / 1000)).toLocaleString("en-US"),
      "people/s (total)": Math.round(r.people / (r.total / 1000)).toLocaleString("en-US"),
    })),
  );
  const [small, large] = results;
  const ratio = (k: "score" | "total" | "cpu"): string => (large[k] / small[k]).toFixed(1);
  console.log(
    `Time ratio ${large.people.toLocaleString("en-US")} / ${small.people.toLocaleString("en-US")} people: score ${ratio("score")}x, total ${ratio("total")}x, total CPU ${ratio("cpu")}x (linear = ${(large.people / small.people).toFixed(0)}x)`,
  );
  report({
    figure: `core: read + score + heatmaps + calibration, ${large.people.toLocaleString("en-US")} people x ${COMPETENCIES}`,
    unit: "ms",
    now: large.total,
    goal: 300,
    baseline: { value: small.total, what: `${small.people.toLocaleString("en-US")} people` },
  });
  report({
    figure: `core: time ratio ${small.people.toLocaleString("en-US")} -> ${large.people.toLocaleString("en-US")} people`,
    unit: "x",
    now: large.total / small.total,
    goal: 11,
  });
  console.log(
    `Machine: load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} CPUs; reference loop (10^8 additions) ${referenceLoop().toFixed(0)} ms CPU`,
  );
}
