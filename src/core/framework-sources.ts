/**
 * The bundled framework traces every fact: each level, track, ladder step, competency, expectation and transfer says
 * which seed document it comes from or how it was derived. A team's own framework may leave `source` out.
 */
import type { Framework, Source } from "./framework";
import type { JsonProblem } from "./load-framework";

/** Every record that has no `source`, at its JSON path. */
export function missingSources(framework: Framework): JsonProblem[] {
  const records: { path: string; source?: Source }[] = [
    ...framework.levels.map((level, i) => ({ path: `levels[${i}]`, source: level.source })),
    ...framework.tracks.flatMap((track, t) => [
      { path: `tracks[${t}]`, source: track.source },
      ...track.ladder.map((step, s) => ({ path: `tracks[${t}].ladder[${s}]`, source: step.source })),
    ]),
    ...framework.competencies.flatMap((competency, c) => [
      { path: `competencies[${c}]`, source: competency.source },
      ...Object.entries(competency.expectations).flatMap(([level, expectation]) =>
        expectation === null
          ? []
          : [{ path: `competencies[${c}].expectations.${level}`, source: expectation.source }],
      ),
      ...Object.entries(competency.overrides ?? {}).flatMap(([track, byLevel]) =>
        Object.entries(byLevel).flatMap(([level, expectation]) =>
          expectation === null
            ? []
            : [{ path: `competencies[${c}].overrides.${track}.${level}`, source: expectation.source }],
        ),
      ),
    ]),
    ...(framework.specialisations ?? []).map((specialisation, i) => ({
      path: `specialisations[${i}]`,
      source: specialisation.source,
    })),
    ...framework.transfers.map((transfer, i) => ({ path: `transfers[${i}]`, source: transfer.source })),
  ];
  return records
    .filter((record) => record.source === undefined)
    .map((record) => ({
      path: `${record.path}.source`,
      message:
        'expected where this comes from: { "seed": <file>, "section": <heading> } or { "derived": <from what> }',
    }));
}
