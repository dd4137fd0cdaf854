import { existsSync, readFileSync } from "node:fs";
import type { Competency, Framework, Source } from "../../src/core/framework";
import { bundledFramework } from "../../src/data";
import { checkQuote, citedHeadings, SEEDS, SEEDS_DIR, seedText } from "./seeds";

const framework = bundledFramework();

const S0 = "000_83d6592b8bed4ccb.txt";
const S1 = "001_000f8bce6e3085f5.txt";
const S2 = "002_08bfd1e984757c17.txt";

const level = (id: string) => framework.levels.find((l) => l.id === id);
const track = (id: string) => framework.tracks.find((t) => t.id === id);
const ladder = (id: string) => track(id)?.ladder.map((step) => [step.level, step.title]);
const competency = (id: string) => framework.competencies.find((c) => c.id === id) as Competency;

/** Every expectation with where it sits: competency, level id and expectation. */
const expectations = framework.competencies.flatMap((c) =>
  Object.entries(c.expectations).flatMap(([levelId, e]) => (e ? [{ competency: c, levelId, ...e }] : [])),
);

/** Every track override with where it sits: competency, "track/level" and expectation. */
const overrideExpectations = framework.competencies.flatMap((c) =>
  Object.entries(c.overrides ?? {}).flatMap(([trackId, byLevel]) =>
    Object.entries(byLevel).flatMap(([levelId, e]) =>
      e ? [{ competency: c, levelId: `${trackId}/${levelId}`, ...e }] : [],
    ),
  ),
);

/** The expectations the Distribution track sees: its overrides where it has them, else the shared ones. */
function distributionExpectations() {
  return framework.competencies
    .filter((c) => c.tracks.includes("distribution"))
    .flatMap((c) =>
      Object.keys(c.expectations).flatMap((levelId) => {
        const override = c.overrides?.distribution;
        const e = override && levelId in override ? override[levelId] : c.expectations[levelId];
        return e ? [{ competency: c, levelId, ...e }] : [];
      }),
    );
}

const seedOf = (source: Source | undefined) => (source && "seed" in source ? source.seed : undefined);

/** Expectations whose descriptor quotes the given seed text. */
function quoting(text: string) {
  return expectations.filter((e) => e.descriptor.includes(text));
}

function everySource(f: Framework): { where: string; source?: Source }[] {
  return [
    ...f.levels.map((l) => ({ where: `level ${l.id}`, source: l.source })),
    ...f.tracks.flatMap((t) => [
      { where: `track ${t.id}`, source: t.source },
      ...t.ladder.map((s) => ({ where: `${t.id} ladder ${s.level}`, source: s.source })),
    ]),
    ...f.competencies.map((c) => ({ where: `competency ${c.id}`, source: c.source })),
    ...[...expectations, ...overrideExpectations].map((e) => ({
      where: `${e.competency.id} at ${e.levelId}`,
      source: e.source,
    })),
    ...(f.specialisations ?? []).map((s) => ({ where: `specialisation ${s.id}`, source: s.source })),
    ...f.transfers.map((t) => ({ where: `transfer ${t.from} -> ${t.to}`, source: t.source })),
  ];
}

describe("the bundled framework: facts from the seeds", () => {
  it("grades the Distinguished level 10, as seed 001 does, and no level where the seeds give no grade", () => {
    expect(level("distinguished")).toMatchObject({ grade: 10, source: { seed: S1, section: "Job Grade" } });
    expect(framework.levels.filter((l) => l.grade !== undefined).map((l) => l.id)).toEqual(["distinguished"]);
  });

  it("forks after Senior: Staff and Engineering Manager share a rank, as seed 002 calls them equivalent", () => {
    const ranks = Object.fromEntries(framework.levels.map((l) => [l.id, [l.path, l.rank]]));
    expect(ranks).toEqual({
      junior: ["ic", 1],
      intermediate: ["ic", 2],
      senior: ["ic", 3],
      staff: ["ic", 4],
      distinguished: ["ic", 5],
      fellow: ["ic", 6],
      manager: ["management", 4],
      director: ["management", 5],
      vp: ["management", 6],
    });
  });

  it("has the Backend ladder of the seed 002 roles table, IC then management", () => {
    expect(ladder("backend")).toEqual([
      ["junior", "Junior Backend Engineer"],
      ["intermediate", "Intermediate Backend Engineer"],
      ["senior", "Senior Backend Engineer"],
      ["staff", "Staff Backend Engineer"],
      ["distinguished", "Distinguished Backend Engineer"],
      ["fellow", "Engineering Fellow"],
      ["manager", "Engineering Manager"],
      ["director", "Director of Engineering"],
      ["vp", "VP of Engineering"],
    ]);
  });

  it("has the other ladders of the roles table with their real titles", () => {
    expect(ladder("security")).toEqual([
      ["intermediate", "Security Engineer"],
      ["senior", "Senior Security Engineer"],
      ["staff", "Staff Security Engineer"],
      ["manager", "Security Engineering Manager"],
      ["director", "Director of Security"],
    ]);
    expect(ladder("quality")).toEqual([
      ["junior", "Junior Test Automation Engineer"],
      ["intermediate", "Intermediate Test Automation Engineer"],
      ["senior", "Senior Test Automation Engineer"],
      ["staff", "Staff Test Automation Engineer"],
      ["manager", "Engineering Manager, Quality"],
      ["director", "Director of Quality"],
    ]);
    expect(ladder("services-support")).toEqual([
      ["intermediate", "Intermediate Services Support Agent"],
      ["senior", "Senior Services Support Agent"],
      ["staff", "Staff Services Support Agent"],
      ["manager", "Services Support Manager"],
    ]);
    expect(ladder("support")).toEqual([
      ["junior", "Junior Support Engineer"],
      ["intermediate", "Intermediate Support Engineer"],
      ["senior", "Senior Support Engineer"],
      ["staff", "Staff Support Engineer"],
      ["manager", "Support Engineering Manager"],
      ["director", "Director of Support"],
    ]);
    for (const id of ["backend", "security", "quality", "services-support", "support"]) {
      for (const step of track(id)?.ladder ?? []) {
        expect(step.source).toEqual({ seed: S2, section: "Engineering Career Development — roles table" });
      }
    }
  });

  it("has a track for Distribution and for every role of the lateral-transfer table, their ladders marked derived", () => {
    expect(framework.tracks.map((t) => t.id)).toEqual([
      "backend",
      "frontend",
      "security",
      "quality",
      "services-support",
      "support",
      "distribution",
      "ux-designer",
      "production",
      "solutions-architect",
      "implementation-specialist",
    ]);
    const distribution = track("distribution")?.ladder ?? [];
    expect(distribution[0]).toEqual({
      level: "intermediate",
      title: "Intermediate Distribution Engineer",
      source: { seed: S0, section: "Core Platform Intermediate Distribution Engineer" },
    });
    const derivedSteps = [
      "frontend",
      "ux-designer",
      "production",
      "solutions-architect",
      "implementation-specialist",
    ]
      .flatMap((id) => track(id)?.ladder ?? [])
      .concat(distribution.slice(1));
    for (const step of derivedSteps) expect(step.source).toHaveProperty("derived");
  });

  it("has the Test Automation ladder of the roles table for the transfer table's Automation Engineer, no invented one", () => {
    expect(track("automation")).toBeUndefined();
    expect(framework.tracks.find((t) => /automation/i.test(t.name))?.id).toBe("quality");
  });

  it("has the ten lateral transfers of seed 002, in its order, linked to their tracks", () => {
    expect(framework.transfers.map((t) => [t.from, t.to, t.fromTrack, t.toTrack])).toEqual([
      ["Frontend Engineer", "UX Designer", "frontend", "ux-designer"],
      ["UX Designer", "Frontend Engineer", "ux-designer", "frontend"],
      ["Backend Engineer", "Production Engineer", "backend", "production"],
      ["Production Engineer", "Backend Engineer", "production", "backend"],
      ["Backend Engineer", "Support Engineer", "backend", "support"],
      ["Support Engineer", "Backend Engineer", "support", "backend"],
      ["Support Engineer", "Solutions Architect", "support", "solutions-architect"],
      ["Support Engineer", "Implementation Specialist", "support", "implementation-specialist"],
      ["Automation Engineer", "Backend Engineer", "quality", "backend"],
      ["Backend Engineer", "Automation Engineer", "backend", "quality"],
    ]);
    for (const t of framework.transfers) expect(t.source).toEqual({ seed: S2, section: "Transfer Options" });
  });

  it("quotes every Distribution bullet of seed 000 as an Intermediate expectation of the Distribution track only", () => {
    const bullets = [
      "Participates in team trainings, issue triage, and process review.",
      "Performs Code Reviews within their domain on a regular cadence.",
      "Intentionally develops the skills necessary to become an expert on a specific subject.",
      "Shares knowledge with team members after becoming a domain expert.",
      "Seeks and reviews customer issues and feedback through joining customer support calls, and reading customer feedback.",
      "Capable of presenting training or demos, within their team domain.",
      "Proficient or fluent with one or more languages to build, deploy and manage GitLab installations.",
      "Working knowledge of Distribution's build and installation frameworks.",
      "Able to debug issues that occur in production during installation and upgrading.",
      "Develops documentation and instructions explaining how to configure, install and manage GitLab service components.",
      "Able to install and review GitLab installations in multiple deployment configurations.",
    ];
    for (const bullet of bullets) {
      // Where it is shared, the quote sits in the Distribution override; a shared expectation quotes it only on a
      // competency of the Distribution track alone.
      const onDistribution = distributionExpectations().filter((e) => e.descriptor.includes(bullet));
      expect([bullet, onDistribution.map((e) => [e.levelId, seedOf(e.source)])]).toEqual([
        bullet,
        [["intermediate", S0]],
      ]);
      for (const e of quoting(bullet))
        expect([bullet, e.competency.tracks]).toEqual([bullet, ["distribution"]]);
    }
  });

  it("says on other tracks that an expectation widened from Distribution's bullets is derived, and from what", () => {
    const widened = framework.competencies.filter((c) => c.overrides?.distribution?.intermediate);
    expect(widened.map((c) => c.id)).toEqual([
      "team-process-participation",
      "code-review",
      "domain-expertise",
      "customer-focus",
      "presenting",
      "installation-debugging",
      "installation-docs",
    ]);
    for (const c of widened) {
      const shared = c.expectations.intermediate;
      expect([c.id, shared?.source]).toEqual([
        c.id,
        { derived: expect.stringMatching(/^Seed 000's Distribution bullet \(.+\) in general words/) },
      ]);
      expect(shared?.value).toBe(c.overrides?.distribution?.intermediate?.value);
    }
  });

  it("groups the Distribution leadership and technical bullets under the areas seed 000 gives them", () => {
    const areaOf = (bullet: string) =>
      distributionExpectations().find((e) => e.descriptor.includes(bullet))?.competency.area;
    expect(areaOf("Performs Code Reviews within their domain")).toBe("leadership");
    expect(areaOf("Able to debug issues that occur in production")).toBe("technical");
  });

  it("offers the Ops and Enablement and the Secure specialisations of seed 001 to Backend engineers from Distinguished", () => {
    expect(framework.specialisations).toEqual([
      {
        id: "ops-enablement",
        name: "Ops & Enablement",
        from: "distinguished",
        tracks: ["backend"],
        source: { seed: S1, section: "Ops and Enablement" },
      },
      {
        id: "secure",
        name: "Secure",
        from: "distinguished",
        tracks: ["backend"],
        source: { seed: S1, section: "Secure" },
      },
    ]);
    const specialised = framework.competencies.filter((c) => c.specialisation !== undefined);
    expect(specialised.map((c) => [c.id, c.specialisation, c.tracks])).toEqual([
      ["ops-enablement", "ops-enablement", ["backend"]],
      ["secure-products", "secure", ["backend"]],
    ]);
    // Secure is a product area: the Security department's track has none of it.
    expect(
      framework.competencies.filter((c) => c.tracks.includes("security")).map((c) => c.id),
    ).not.toContain("secure-products");
    for (const c of specialised) {
      const expected = Object.entries(c.expectations).flatMap(([id, e]) => (e ? [id] : []));
      expect([c.id, expected]).toEqual([c.id, ["distinguished", "fellow"]]);
    }
    const ops = competency("ops-enablement");
    expect(ops.expectations.distinguished).toMatchObject({
      value: 4,
      source: { seed: S1, section: "Ops and Enablement" },
    });
    expect(ops.expectations.distinguished?.descriptor).toContain(
      "Expert in the Continuous Integration and Continuous Delivery product space",
    );
    const secure = competency("secure-products");
    expect(secure.expectations.distinguished).toMatchObject({
      value: 4,
      source: { seed: S1, section: "Secure" },
    });
    expect(secure.expectations.distinguished?.descriptor).toContain(
      "In depth knowledge of SAST, DAST, Dependency Scanning, Container Scanning",
    );
  });

  it("quotes the Distinguished requirements and responsibilities of seed 001 at Distinguished", () => {
    const quotes = [
      "Provide a point of escalation for teams facing extremely complex technical challenges",
      "Develop architecture and systems that meet the test of time iteratively",
      "Expert in designing, implementing, and troubleshooting major portions of a production stack",
      "Use quantitative analysis to impact key business decisions",
      "Teach, mentor, grow, and advise other domain experts, individual contributors, and teams in the organization",
      "Take central role in decision making for technical, business, and organizational issues",
      "Embody the GitLab values and demonstrate humility in the way they interact with individuals",
      "An inclination towards communication, inclusion, visibility, and transparency",
      "Present at relevant events (e.g., conferences, user groups, meetups, webinars)",
    ];
    for (const quote of quotes) {
      expect(quoting(quote).map((e) => [e.levelId, seedOf(e.source)])).toEqual([["distinguished", S1]]);
    }
  });

  it("expects of Senior engineers what seed 002 says of them", () => {
    const atSenior = (text: string) =>
      quoting(text).filter((e) => e.levelId === "senior" && seedOf(e.source) === S2 && e.value >= 3);
    expect(atSenior("simpler solutions to complex problems")).toHaveLength(1);
    expect(atSenior("Managing complexity is key to their work")).toHaveLength(1);
    expect(atSenior("fewer trivial comments on their merge requests")).toHaveLength(1);
    expect(atSenior("Attention to detail is very important to us")).toHaveLength(1);
    expect(atSenior("select from proven patterns")).toHaveLength(1);
  });

  it("expects of managers the career development of seed 002, on the management path only", () => {
    const management = framework.competencies.filter((c) => c.area === "management");
    expect(management.map((c) => c.id)).toEqual([
      "career-conversations",
      "promotion-coaching",
      "management-trials",
      "feedback-360",
    ]);
    for (const c of management) expect(c.paths).toEqual(["management"]);
    const atManager = (text: string) =>
      quoting(text).filter((e) => e.levelId === "manager" && seedOf(e.source) === S2);
    expect(atManager("a career development conversation at least once a quarter")).toHaveLength(1);
    expect(atManager("sake of inclusion")).toHaveLength(1);
    expect(atManager("follow the promotion process")).toHaveLength(1);
    expect(atManager("opportunities to Senior and Staff Engineers")).toHaveLength(1);
    expect(atManager("360 feedback process")).toHaveLength(1);
  });

  it("rates on a 0-4 scale with labels and meanings", () => {
    expect(framework.scale.map((p) => [p.value, p.label])).toEqual([
      [0, "Not yet"],
      [1, "Developing"],
      [2, "Proficient"],
      [3, "Advanced"],
      [4, "Expert"],
    ]);
    for (const point of framework.scale) expect(point.meaning.length).toBeGreaterThan(10);
  });

  it("weighs the four areas equally and keeps sound readiness thresholds", () => {
    expect(framework.areas.map((a) => [a.id, a.name, a.weight])).toEqual([
      ["leadership", "Leadership", 1],
      ["technical", "Technical", 1],
      ["values", "Values alignment", 1],
      ["management", "Management", 1],
    ]);
    const { ready, almost, minCoverage } = framework.scoring;
    expect(0 < almost && almost < ready && ready <= 1).toBe(true);
    expect(minCoverage).toBeGreaterThanOrEqual(0.5);
  });
});

describe("the bundled framework: top levels", () => {
  const values = (levelId: string) =>
    framework.competencies.flatMap((c) => {
      const e = c.expectations[levelId];
      return e ? [[c.id, e.value] as const] : [];
    });
  const top = Math.max(...framework.scale.map((p) => p.value));

  it("expects less at Distinguished than at Fellow on some competencies, never more", () => {
    const fellow = new Map(values("fellow"));
    const lower = values("distinguished").filter(([id, v]) => v < (fellow.get(id) as number));
    expect(lower.length).toBeGreaterThanOrEqual(3);
    expect(values("distinguished").filter(([id, v]) => v > (fellow.get(id) as number))).toEqual([]);
  });

  it("does not expect the scale's top at Staff", () => {
    expect(values("staff").filter(([, v]) => v === top)).toEqual([]);
  });

  it("expects of a VP something other than of a Fellow or a Director", () => {
    const vp = new Map(values("vp"));
    const differs = (levelId: string) => values(levelId).some(([id, v]) => vp.has(id) && vp.get(id) !== v);
    expect(differs("fellow")).toBe(true);
    expect(differs("director")).toBe(true);
    expect([...vp.values()].some((v) => v < top)).toBe(true);
  });
});

describe("the bundled framework: invariants", () => {
  it("has unique ids everywhere", () => {
    for (const list of [framework.areas, framework.levels, framework.tracks, framework.competencies]) {
      const ids = list.map((r) => r.id);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it("has 25 to 45 competencies with short names and kebab-case ids", () => {
    expect(framework.competencies.length).toBeGreaterThanOrEqual(25);
    expect(framework.competencies.length).toBeLessThanOrEqual(45);
    for (const c of framework.competencies) {
      expect(c.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(c.name.length).toBeLessThanOrEqual(60);
    }
  });

  it("gives every competency a short label for heatmap headers, distinct on each track", () => {
    for (const c of framework.competencies) {
      expect([c.id, (c.label ?? "").length > 0 && (c.label ?? "").length <= 16]).toEqual([c.id, true]);
    }
    for (const t of framework.tracks) {
      const labels = framework.competencies.filter((c) => c.tracks.includes(t.id)).map((c) => c.label);
      expect([t.id, new Set(labels).size]).toEqual([t.id, labels.length]);
    }
  });

  it("rates each person on 10 to 25 competencies: per track and path", () => {
    for (const t of framework.tracks) {
      const paths = new Set(t.ladder.map((step) => level(step.level)?.path));
      for (const path of paths) {
        const count = framework.competencies.filter(
          (c) => c.tracks.includes(t.id) && c.paths.includes(path ?? "ic"),
        ).length;
        expect([t.id, path, count >= 10 && count <= 25]).toEqual([t.id, path, true]);
      }
    }
  });

  it("resolves every reference", () => {
    const levelIds = framework.levels.map((l) => l.id);
    const trackIds = framework.tracks.map((t) => t.id);
    const areaIds = framework.areas.map((a) => a.id);
    for (const t of framework.tracks) for (const step of t.ladder) expect(levelIds).toContain(step.level);
    for (const c of framework.competencies) {
      expect(areaIds).toContain(c.area);
      for (const id of c.tracks) expect(trackIds).toContain(id);
      for (const id of Object.keys(c.expectations)) expect(levelIds).toContain(id);
    }
  });

  it("has an expectation for every competency at every level of every track it applies to", () => {
    const missing: string[] = [];
    for (const c of framework.competencies) {
      for (const id of c.tracks) {
        for (const step of track(id)?.ladder ?? []) {
          const applies = c.paths.includes(level(step.level)?.path ?? "ic");
          if (applies && c.expectations[step.level] === undefined)
            missing.push(`${c.id} at ${id}/${step.level}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it("never lowers an expectation as rank rises, and starts management at or above Senior", () => {
    const falls: string[] = [];
    for (const c of framework.competencies) {
      const at = (id: string) => c.expectations[id]?.value;
      const chain = (ids: string[]) => ids.filter((id) => at(id) !== undefined);
      const ic = chain(["junior", "intermediate", "senior", "staff", "distinguished", "fellow"]);
      const management = chain(["junior", "intermediate", "senior", "manager", "director", "vp"]);
      for (const ids of [ic, management]) {
        ids.slice(1).forEach((id, i) => {
          if ((at(id) as number) < (at(ids[i]) as number)) falls.push(`${c.id}: ${ids[i]} -> ${id}`);
        });
      }
    }
    expect(falls).toEqual([]);
  });

  it("describes each level of a competency in its own words", () => {
    for (const c of framework.competencies) {
      const descriptors = Object.values(c.expectations).flatMap((e) => (e ? [e.descriptor] : []));
      expect([c.id, new Set(descriptors).size]).toEqual([c.id, descriptors.length]);
    }
  });

  it("traces every fact to a heading of a seed document, or says why it is derived", () => {
    for (const { where, source } of everySource(framework)) {
      expect([where, source !== undefined]).toEqual([where, true]);
      if (source === undefined) continue;
      if ("derived" in source) {
        expect([where, source.derived.length > 10]).toEqual([where, true]);
        continue;
      }
      const headings = SEEDS[source.seed];
      expect([where, headings !== undefined]).toEqual([where, true]);
      const [path] = source.section.split(" — ");
      for (const heading of path.split(" > "))
        expect([where, headings]).toEqual([where, expect.arrayContaining([heading])]);
    }
  });
});

// The seeds sit beside the project in CI and on the development machine: a clone on its own skips this check, CI fails it.
(existsSync(SEEDS_DIR) || process.env.CI === "true" ? describe : describe.skip)(
  "the bundled framework against the seed documents",
  () => {
    const seed = (file: string) => seedText(file, readFileSync(`${SEEDS_DIR}/${file}`, "utf8"));

    it("has every seed file it names", () => {
      expect(Object.keys(SEEDS).every((file) => existsSync(`${SEEDS_DIR}/${file}`))).toBe(true);
    });

    it("cites sections that are headings of the seed, one heading each", () => {
      const unresolved = everySource(framework).flatMap(({ where, source }) => {
        if (source === undefined || !("seed" in source)) return [];
        const found = citedHeadings(seed(source.seed), source.section).length;
        return found === 1 ? [] : [`${where}: "${source.section}" names ${found} headings`];
      });
      expect(unresolved).toEqual([]);
    });

    it("quotes the seeds word for word, case included, under the section it cites, with … where a quote is cut", () => {
      const wrong = [...expectations, ...overrideExpectations].flatMap((e) => {
        if (e.source === undefined || !("seed" in e.source)) return [];
        return checkQuote(seed(e.source.seed), e.source.section, e.descriptor).map(
          (q) => `${e.competency.id} at ${e.levelId}: "${q.fragment}": ${q.problem}`,
        );
      });
      expect(wrong).toEqual([]);
    });

    describe("the quote check itself", () => {
      const s001 = () => seed(S1);
      it("accepts a whole bullet, and bullets joined with full stops", () => {
        expect(
          checkQuote(s001(), "Responsibilities > General", "Achieve a wide sphere of influence."),
        ).toEqual([]);
        expect(
          checkQuote(
            s001(),
            "Responsibilities > General",
            "Attain a measurable impact on the work of teams across the company. Achieve a wide sphere of influence.",
          ),
        ).toEqual([]);
      });

      it("refuses another case, a cut without an ellipsis, and the wrong section", () => {
        expect(
          checkQuote(s001(), "Responsibilities > General", "achieve a wide sphere of influence"),
        ).toEqual([
          {
            fragment: "achieve a wide sphere of influence",
            problem: "not in the seed word for word (case included)",
          },
        ]);
        expect(checkQuote(s001(), "Responsibilities > General", "Achieve a wide sphere")).toEqual([
          { fragment: "Achieve a wide sphere", problem: "cut short without an ellipsis where the cut is" },
        ]);
        expect(checkQuote(s001(), "Responsibilities > General", "Achieve a wide sphere …")).toEqual([]);
        expect(checkQuote(s001(), "Requirements > General", "Achieve a wide sphere of influence")).toEqual([
          {
            fragment: "Achieve a wide sphere of influence",
            problem: 'in the seed, but not under "Requirements > General"',
          },
        ]);
        expect(checkQuote(s001(), "General", "Achieve a wide sphere of influence")).toEqual([
          {
            fragment: "Achieve a wide sphere of influence",
            problem: 'section "General" names 2 headings, not one',
          },
        ]);
      });
    });
  },
);
