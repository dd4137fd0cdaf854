/**
 * The sample team: invented people rated against the bundled framework, so a new user can see readiness, heatmaps and
 * calibration before entering their own team. Checked like the framework: shape first, then references.
 */
import { z } from "zod";
import type { Framework } from "../core/framework";
import { FrameworkError, type JsonProblem, zodProblems } from "../core/load-framework";
import type { PersonRatings } from "../core/types";

/** Ratings by competency id. */
export type SampleRatings = Record<string, number>;

/**
 * A person as the Ratings sheet shows them (the sheet row is assigned when the sheet is written): `ratings` are
 * their manager's (`rater`); most people also rated themselves, and some were rated by peers.
 */
export type SamplePerson = Omit<PersonRatings, "row" | "source"> & {
  self?: SampleRatings;
  peers?: { rater: string; ratings: SampleRatings }[];
};

export interface SampleTeam {
  people: SamplePerson[];
}

const text = z.string().trim().min(1, { error: "expected a non-empty text" });

const ratings = z.record(z.string(), z.number().int({ error: "expected a whole scale value" }));

export const sampleTeamSchema = z.strictObject({
  people: z
    .array(
      z.strictObject({
        person: text,
        track: text,
        level: text,
        rater: text,
        team: text,
        specialisation: text.optional(),
        ratings,
        self: ratings.optional(),
        peers: z.array(z.strictObject({ rater: text, ratings })).optional(),
      }),
    )
    .min(1, { error: "expected at least one person" }),
});

type Assert<T extends true> = T;
export type SchemaDescribesSampleTeam = Assert<
  z.infer<typeof sampleTeamSchema> extends SampleTeam ? true : false
>;

export function loadSampleTeam(json: unknown, framework: Framework): SampleTeam {
  const parsed = sampleTeamSchema.safeParse(json);
  if (!parsed.success) throw new FrameworkError("sample team", zodProblems(parsed.error));
  const problems = referenceProblems(parsed.data, framework);
  if (problems.length > 0) throw new FrameworkError("sample team", problems);
  return parsed.data;
}

function referenceProblems(team: SampleTeam, framework: Framework): JsonProblem[] {
  const problems: JsonProblem[] = [];
  const scale = framework.scale.map((point) => point.value);
  team.people.forEach((person, i) => {
    const at = `people[${i}]`;
    const track = framework.tracks.find((t) => t.id === person.track);
    if (track === undefined) {
      const ids = framework.tracks.map((t) => t.id).join(", ");
      problems.push({
        path: `${at}.track`,
        message: `expected one of the track ids (${ids}), found '${person.track}'`,
      });
      return;
    }
    if (!track.ladder.some((step) => step.level === person.level)) {
      const ids = track.ladder.map((step) => step.level).join(", ");
      problems.push({
        path: `${at}.level`,
        message: `expected a level on the ${track.name} ladder (${ids}), found '${person.level}'`,
      });
    }
    if (person.specialisation !== undefined) {
      const offered = (framework.specialisations ?? []).filter((s) => s.tracks.includes(track.id));
      if (!offered.some((s) => s.id === person.specialisation))
        problems.push({
          path: `${at}.specialisation`,
          message: `expected a specialisation of the ${track.name} track (${offered.map((s) => s.id).join(", ") || "none"}), found '${person.specialisation}'`,
        });
    }
    const given: [string, SampleRatings][] = [
      [`${at}.ratings`, person.ratings as SampleRatings],
      ...(person.self ? [[`${at}.self`, person.self] as [string, SampleRatings]] : []),
      ...(person.peers ?? []).map((peer, k): [string, SampleRatings] => [
        `${at}.peers[${k}].ratings`,
        peer.ratings,
      ]),
    ];
    for (const [where, ratings] of given)
      for (const [competencyId, rating] of Object.entries(ratings)) {
        const path = `${where}.${competencyId}`;
        const competency = framework.competencies.find((c) => c.id === competencyId);
        if (competency === undefined || !competency.tracks.includes(track.id)) {
          problems.push({
            path,
            message: `expected a competency of the ${track.name} track, found '${competencyId}'`,
          });
        } else if (rating === undefined || !scale.includes(rating)) {
          problems.push({ path, message: `expected a scale value (${scale.join(", ")}), found ${rating}` });
        }
      }
  });
  return problems;
}
