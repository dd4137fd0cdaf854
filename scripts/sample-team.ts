/**
 * Writes src/data/sample-team.json: invented people rated against the bundled framework, the same file on every run
 * (a seeded random generator). `npx tsx scripts/sample-team.ts` after changing the framework or the people below.
 *
 * Each person has an ability around their current level; each rating is the expectation at their current level
 * (or one below the next level's, where the current level expects nothing of it) plus that ability, some noise and
 * their rater's habit, rounded onto the scale. So most people meet most of their current level and a few, the strong
 * ones, are ready for the next. Lukas Becker rates a point high and Sofía Herrera a point low: the rater model flags
 * both. A few people are rated on too little to say.
 *
 * Then, from a generator of their own (so the manager's ratings above stay as they were): most people rate
 * themselves, on most of what their manager rated, a little above it on average and some below; a few people are
 * also rated by one or two colleagues of their team, close to what their manager sees.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import {
  careerMatrixFromFramework,
  countsFor,
  nextLevels,
  specialisationFor,
} from "../src/core/career-matrix";
import { calibrate } from "../src/core/calibration";
import { scoreTeam } from "../src/core/readiness";
import type { PersonRatings } from "../src/core/types";
import { checkedFramework } from "../src/data/checked-data";
import type { SamplePerson } from "../src/data/sample-team";

/** Who is who: name, track, level, rater, team, and what sets them apart. */
interface Who {
  person: string;
  track: string;
  level: string;
  rater: string;
  team: string;
  specialisation?: string;
  /** Shift of their ability in scale points: strong people are ready for the next level. */
  strength?: number;
  /** Heading for management: also rated on the management competencies. */
  managementPath?: boolean;
  /** Share of their competencies left unrated (most people: a few). */
  unrated?: number;
}

const PEOPLE: Who[] = [
  {
    person: "Zoë O'Brien",
    track: "backend",
    level: "senior",
    rater: "Amara Okafor",
    team: "Create",
    strength: 0.9,
  },
  { person: "Nguyễn Văn An", track: "backend", level: "intermediate", rater: "Amara Okafor", team: "Create" },
  { person: "Smith, Jo", track: "backend", level: "intermediate", rater: "Lukas Becker", team: "Verify" },
  { person: "王芳", track: "backend", level: "senior", rater: "Lukas Becker", team: "Verify" },
  { person: "Aarav Sharma", track: "backend", level: "junior", rater: "Sofía Herrera", team: "Geo" },
  { person: "Fatima Al-Sayed", track: "backend", level: "staff", rater: "Hannah Lindqvist", team: "Create" },
  { person: "Mateo García", track: "backend", level: "intermediate", rater: "Sofía Herrera", team: "Geo" },
  { person: "Ingrid Johansson", track: "backend", level: "senior", rater: "Amara Okafor", team: "Create" },
  { person: "Kwame Mensah", track: "backend", level: "intermediate", rater: "Lukas Becker", team: "Verify" },
  {
    person: "Yuki Tanaka",
    track: "backend",
    level: "senior",
    rater: "Sofía Herrera",
    team: "Geo",
    strength: 0.4,
  },
  { person: "Pedro Alves", track: "backend", level: "intermediate", rater: "Sofía Herrera", team: "Geo" },
  { person: "Aisha Bello", track: "backend", level: "senior", rater: "Sofía Herrera", team: "Geo" },
  {
    person: "Lucía Méndez",
    track: "backend",
    level: "senior",
    rater: "Amara Okafor",
    team: "Create",
    managementPath: true,
    strength: 0.5,
  },
  { person: "Jonas Weber", track: "frontend", level: "intermediate", rater: "Sofía Herrera", team: "Geo" },
  {
    person: "Olga Petrova",
    track: "backend",
    level: "manager",
    rater: "Julia Schmidt",
    team: "Verify",
    managementPath: true,
  },
  {
    person: "Liam Murphy",
    track: "backend",
    level: "staff",
    rater: "Hannah Lindqvist",
    team: "Verify",
    unrated: 0.5,
  },
  {
    person: "Ibrahim Diallo",
    track: "backend",
    level: "staff",
    rater: "Hannah Lindqvist",
    team: "Create",
    specialisation: "ops-enablement",
    strength: 0.6,
  },
  {
    person: "Helena Varga",
    track: "backend",
    level: "distinguished",
    rater: "Julia Schmidt",
    team: "Secure",
    specialisation: "secure",
  },
  { person: "Sven Olsen", track: "backend", level: "fellow", rater: "Marcus Reed", team: "Engineering" },
  {
    person: "Julia Schmidt",
    track: "backend",
    level: "director",
    rater: "Marcus Reed",
    team: "Engineering",
    managementPath: true,
  },
  {
    person: "Chloé Dubois",
    track: "frontend",
    level: "intermediate",
    rater: "Amara Okafor",
    team: "Create",
    strength: 0.8,
  },
  { person: "Tendai Moyo", track: "frontend", level: "junior", rater: "Lukas Becker", team: "Verify" },
  { person: "Isabella Rossi", track: "frontend", level: "senior", rater: "Sofía Herrera", team: "Geo" },
  { person: "Arjun Nair", track: "frontend", level: "intermediate", rater: "Lukas Becker", team: "Verify" },
  { person: "Sara Cohen", track: "frontend", level: "senior", rater: "Lukas Becker", team: "Verify" },
  {
    person: "Diego Fernández",
    track: "frontend",
    level: "intermediate",
    rater: "Amara Okafor",
    team: "Create",
    unrated: 0.5,
  },
  { person: "Mei Lin Chen", track: "frontend", level: "staff", rater: "Amara Okafor", team: "Create" },
  {
    person: "Oluwaseun Adeyemi",
    track: "security",
    level: "intermediate",
    rater: "Priya Raman",
    team: "AppSec",
  },
  {
    person: "Hana Kim",
    track: "security",
    level: "senior",
    rater: "Priya Raman",
    team: "AppSec",
    strength: 0.9,
  },
  { person: "Jakub Nowak", track: "security", level: "intermediate", rater: "Priya Raman", team: "AppSec" },
  { person: "Leila Haddad", track: "security", level: "senior", rater: "Priya Raman", team: "AppSec" },
  { person: "Noah Williams", track: "security", level: "staff", rater: "Priya Raman", team: "AppSec" },
  { person: "Ananya Iyer", track: "quality", level: "junior", rater: "Priya Raman", team: "Quality" },
  { person: "Emre Yılmaz", track: "quality", level: "intermediate", rater: "Priya Raman", team: "Quality" },
  { person: "Grace Mwangi", track: "quality", level: "intermediate", rater: "Priya Raman", team: "Quality" },
  {
    person: "Tomás Silva",
    track: "quality",
    level: "senior",
    rater: "Priya Raman",
    team: "Quality",
    unrated: 0.5,
  },
  { person: "Freya Nilsson", track: "quality", level: "senior", rater: "Priya Raman", team: "Quality" },
  { person: "Ravi Patel", track: "support", level: "junior", rater: "Kenji Watanabe", team: "Support" },
  {
    person: "Amelia Clarke",
    track: "support",
    level: "intermediate",
    rater: "Kenji Watanabe",
    team: "Support",
  },
  {
    person: "Youssef Benali",
    track: "support",
    level: "intermediate",
    rater: "Kenji Watanabe",
    team: "Support",
    strength: 0.8,
  },
  { person: "Keiko Sato", track: "support", level: "senior", rater: "Kenji Watanabe", team: "Support" },
  {
    person: "Marta Kowalczyk",
    track: "support",
    level: "senior",
    rater: "Kenji Watanabe",
    team: "Support",
    unrated: 0.5,
  },
  {
    person: "Daniel Osei",
    track: "support",
    level: "manager",
    rater: "Julia Schmidt",
    team: "Support",
    managementPath: true,
  },
  {
    person: "Björn Andersson",
    track: "distribution",
    level: "intermediate",
    rater: "Rui Costa",
    team: "Distribution",
  },
  {
    person: "Camila Rojas",
    track: "distribution",
    level: "intermediate",
    rater: "Rui Costa",
    team: "Distribution",
    strength: 0.9,
  },
  {
    person: "Dmitri Volkov",
    track: "distribution",
    level: "senior",
    rater: "Rui Costa",
    team: "Distribution",
  },
  { person: "Esi Boateng", track: "distribution", level: "senior", rater: "Rui Costa", team: "Distribution" },
  { person: "Farid Rahimi", track: "distribution", level: "staff", rater: "Rui Costa", team: "Distribution" },
  {
    person: "Rui Costa",
    track: "distribution",
    level: "manager",
    rater: "Julia Schmidt",
    team: "Distribution",
    managementPath: true,
  },
  { person: "Nora Lindgren", track: "ux-designer", level: "intermediate", rater: "Chen Jing", team: "UX" },
  { person: "Pablo Ruiz", track: "ux-designer", level: "senior", rater: "Chen Jing", team: "UX" },
  { person: "Omar Farouk", track: "production", level: "senior", rater: "Rui Costa", team: "Distribution" },
];

/** Raters' habits in scale points: one lenient, one severe, the rest as the scale means. */
const RATER_HABIT: Record<string, number> = { "Lukas Becker": 1, "Sofía Herrera": -1 };

/** mulberry32: a small seeded generator, so the file is the same on every run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = seeded(20261202);
/** Normal deviate (Box–Muller). */
const normal = (sd: number): number =>
  sd * Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());

const framework = checkedFramework();
const matrix = careerMatrixFromFramework(framework);
const scale = framework.scale.map((p) => p.value);
const [lowest, highest] = [Math.min(...scale), Math.max(...scale)];

function ratePerson(who: Who): SamplePerson {
  const track = matrix.tracks.find((t) => t.id === who.track);
  if (!track) throw new Error(`${who.person}: no track ${who.track}`);
  const specialisation = specialisationFor(matrix, who.track, who.specialisation)?.id;
  const next = nextLevels(track, who.level).filter((l) => who.managementPath || l.path !== "management");
  const current = track.levels.find((l) => l.id === who.level);
  if (!current) throw new Error(`${who.person}: no level ${who.level} on ${who.track}`);
  const ability = (who.strength ?? 0) + normal(0.3);
  const habit = RATER_HABIT[who.rater] ?? 0;
  const ratings: Record<string, number> = {};
  for (const competency of track.competencies) {
    if (!countsFor(competency, specialisation)) continue;
    if (competency.area === "management" && !who.managementPath) continue;
    const here = competency.expectations[who.level]?.value;
    const ahead = next.map((l) => competency.expectations[l.id]?.value).find((v) => v !== undefined);
    if (here === undefined && ahead === undefined) continue;
    if (random() < (who.unrated ?? 0.05)) continue;
    const base = here ?? (ahead as number) - 1;
    const value = Math.round(base + ability + habit + normal(0.45));
    ratings[competency.id] = Math.min(highest, Math.max(lowest, value));
  }
  const person: SamplePerson = {
    person: who.person,
    track: who.track,
    level: who.level,
    rater: who.rater,
    team: who.team,
    ratings,
  };
  if (specialisation !== undefined) person.specialisation = specialisation;
  return person;
}

/** A generator of its own for self and peer ratings: adding them left the manager's ratings as they were. */
const otherRandom = seeded(20261203);
const otherNormal = (sd: number): number =>
  sd * Math.sqrt(-2 * Math.log(1 - otherRandom())) * Math.cos(2 * Math.PI * otherRandom());
const onScale = (value: number) => Math.min(highest, Math.max(lowest, Math.round(value)));

/** The manager's ratings without their habit, moved by `bias`, with noise; about `share` of them given. */
function ratingsBeside(person: SamplePerson, bias: number, share: number): Record<string, number> {
  const habit = RATER_HABIT[person.rater] ?? 0;
  const ratings: Record<string, number> = {};
  for (const [id, value] of Object.entries(person.ratings)) {
    if (value === undefined || otherRandom() >= share) continue;
    ratings[id] = onScale(value - habit + bias + otherNormal(0.5));
  }
  return ratings;
}

function withSelfAndPeers(person: SamplePerson, i: number, all: SamplePerson[]): SamplePerson {
  const rated: SamplePerson = { ...person };
  // About five in six rate themselves: most a little above their manager, some below.
  if (otherRandom() < 0.85) rated.self = ratingsBeside(person, 0.35 + otherNormal(0.5), 0.9);
  // About one in four are also rated by colleagues of their team.
  const colleagues = all.filter((p, k) => k !== i && p.team === person.team).map((p) => p.person);
  if (colleagues.length > 0 && otherRandom() < 0.25) {
    const count = Math.min(colleagues.length, otherRandom() < 0.5 ? 1 : 2);
    const start = Math.floor(otherRandom() * colleagues.length);
    rated.peers = Array.from({ length: count }, (_, k) => ({
      rater: colleagues[(start + k) % colleagues.length],
      ratings: ratingsBeside(person, 0, 0.7),
    }));
  }
  return rated;
}

const people = PEOPLE.map(ratePerson).map(withSelfAndPeers);
const target = path.join(__dirname, "..", "src", "data", "sample-team.json");
writeFileSync(target, `${JSON.stringify({ people }, null, 2)}\n`);

// What the team looks like to a calibration session, so a change to the people above can be judged at once.
const rows: PersonRatings[] = people.map(({ self: _self, peers: _peers, ...p }, i) => ({ ...p, row: i + 2 }));
const scored = scoreTeam(matrix, rows);
const count = (pick: (s: (typeof scored)[number]) => boolean) => scored.filter(pick).length;
const raters = calibrate(matrix, scored).raters.filter((r) => r.flag !== null);
process.stdout.write(
  `wrote ${people.length} people to src/data/sample-team.json\n` +
    `meeting 70%+ of their current level: ${count((s) => (s.current?.readiness ?? 0) >= 0.7)}\n` +
    `next level: ${["ready", "almost", "not-yet", "insufficient"].map((st) => `${st} ${count((s) => s.next?.status === st)}`).join(", ")}\n` +
    `flagged raters: ${raters.map((r) => `${r.rater} ${r.flag} ${r.effect?.toFixed(2)}`).join(", ")}\n` +
    `self ratings: ${people.filter((p) => p.self).length}, peer ratings: ${people.filter((p) => p.peers).length}\n`,
);
