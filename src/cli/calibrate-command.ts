/**
 * `career-matrix calibrate`: for a calibration session, the raters' effects from the rater model, the 9-box counts,
 * the people whose status would change with rater-adjusted readiness and, given the ratings as they were before the
 * session (--baseline), what the session changed.
 */
import { calibrate } from "../core/calibration";
import { careerMatrixFromFramework } from "../core/career-matrix";
import type { CareerMatrix } from "../core/matrix";
import { BAND_LABEL, NINE_BOX_BANDS, nineBox } from "../core/nine-box";
import { scoreTeam } from "../core/readiness";
import { sessionChanges } from "../core/session-changes";
import { RATER_FLAG_WORD, STATUS_WORD } from "../core/vocabulary";
import type { Cell } from "../core/types";
import { toCsv } from "../export/csv";
import type { ScoreFormat } from "./arguments";
import type { CliContext } from "./context";
import { reportProblems } from "./context";
import { loadFrameworkFile, ratingsTable } from "./inputs";
import { textTable } from "./text-table";

export interface CalibrateOptions {
  ratings: string;
  baseline?: string;
  /** More ratings of the same people by other raters: evidence for the rater model only. */
  otherRatings?: string;
  framework?: string;
  format: ScoreFormat;
}

const STATUS_LABEL = STATUS_WORD;
const FLAG_LABEL = RATER_FLAG_WORD;

const round = (n: number, digits = 2): number => Math.round(n * 10 ** digits) / 10 ** digits;
const percent = (share: number): string => `${Math.round(share * 100)}%`;

function levelName(matrix: CareerMatrix, level: string): string {
  return matrix.tracks.flatMap((t) => t.levels).find((l) => l.id === level)?.name ?? level;
}

async function readPeople(file: string, matrix: CareerMatrix, context: CliContext) {
  context.progress(`reading ${file}`);
  const read = await ratingsTable(file, matrix);
  reportProblems(file, read.problems, context);
  return read.people;
}

export async function calibrateCommand(options: CalibrateOptions, context: CliContext): Promise<void> {
  const matrix = careerMatrixFromFramework(await loadFrameworkFile(options.framework));
  const people = await readPeople(options.ratings, matrix, context);
  const baseline =
    options.baseline === undefined ? undefined : await readPeople(options.baseline, matrix, context);
  const otherRatings =
    options.otherRatings === undefined ? [] : await readPeople(options.otherRatings, matrix, context);
  context.progress(`fitting the rater model to ${people.length} people`);
  const scored = scoreTeam(matrix, people);
  const calibration = calibrate(matrix, scored, { otherRatings });
  const box = nineBox(matrix.scoring, scored);
  const changes = baseline && sessionChanges(matrix, baseline, people);

  const raterRows: Cell[][] = [
    ["Rater", "People", "Ratings", "Effect", "Standard error", "p", "Flag", "Reason"],
    ...calibration.raters.map((r) => [
      r.rater,
      r.people,
      r.ratings,
      r.effect === null ? null : round(r.effect),
      r.standardError === null ? null : round(r.standardError),
      r.pValue === null ? null : round(r.pValue, 3),
      r.flag ? FLAG_LABEL[r.flag] : null,
      r.reason,
    ]),
  ];
  const boxRows: Cell[][] = [
    ["Next level", "Current level", "Box", "People", "Share"],
    ...box.cells.map((c) => [BAND_LABEL[c.next], BAND_LABEL[c.current], c.name, c.count, round(c.share, 3)]),
  ];
  const adjustedRows: Cell[][] = [
    ["Person", "Rater", "Level", "Readiness", "Adjusted readiness", "Status", "Adjusted status"],
    ...calibration.adjusted
      .filter((a) => a.statusChanged)
      .flatMap((a) =>
        [a.current, a.next].flatMap((pair) =>
          pair
            ? [
                [
                  a.person,
                  a.rater,
                  levelName(matrix, pair.level),
                  round(pair.raw.readiness, 3),
                  round(pair.adjusted.readiness, 3),
                  STATUS_LABEL[pair.raw.status],
                  STATUS_LABEL[pair.adjusted.status],
                ],
              ]
            : [],
        ),
      ),
  ];
  const changeRows: Cell[][] = changes
    ? [
        ["Person", "Competency", "Before", "After"],
        ...changes.ratings.map((c) => [c.person, competencyName(matrix, c.competency), c.before, c.after]),
      ]
    : [];
  const statusRows: Cell[][] = changes
    ? [
        [
          "Person",
          "Rater",
          "Level",
          "Status before",
          "Status after",
          "Next level",
          "Next before",
          "Next after",
        ],
        ...changes.statuses.map((s) => [
          s.person,
          s.rater,
          levelName(matrix, s.level),
          s.current ? STATUS_LABEL[s.current.before] : null,
          s.current ? STATUS_LABEL[s.current.after] : null,
          s.next ? levelName(matrix, s.next.level) : null,
          s.next ? STATUS_LABEL[s.next.before] : null,
          s.next ? STATUS_LABEL[s.next.after] : null,
        ]),
      ]
    : [];
  const raterChangeRows: Cell[][] = changes
    ? [
        ["Rater", "Ratings", "Changed", "Mean change"],
        ...changes.raters.map((r) => [r.rater, r.ratings, r.changed, round(r.meanChange)]),
      ]
    : [];

  if (options.format === "json") {
    context.stdout(
      `${JSON.stringify(
        {
          raterModel: calibration.raterModel,
          raters: calibration.raters,
          nineBox: box,
          adjusted: calibration.adjusted,
          changes: changes ?? null,
        },
        null,
        2,
      )}\n`,
    );
    return;
  }
  const tables = [raterRows, boxRows, adjustedRows, changeRows, statusRows, raterChangeRows].filter(
    (rows) => rows.length > 0,
  );
  if (options.format === "csv") {
    // One table after another, each with its header row, a blank line between them.
    context.stdout(tables.map((rows) => toCsv(rows, { bom: false })).join("\r\n"));
    return;
  }

  const { abilitySpread, noise } = calibration.raterModel;
  const out: string[] = [
    `Rater effects: scale points against the mean rater (rater model; ability spread ${round(abilitySpread)}, noise ${round(noise)})`,
    textTable(raterRows),
    `9-box: readiness at the current level (across) and for the next level (down); Ready from ${percent(box.thresholds.ready)}, Almost from ${percent(box.thresholds.almost)}`,
    textTable([
      ["Next level \\ Current level", ...NINE_BOX_BANDS.map((b) => BAND_LABEL[b])],
      ...[...NINE_BOX_BANDS].reverse().map((next) => [
        BAND_LABEL[next],
        ...NINE_BOX_BANDS.map((current) => {
          const cell = box.cells.find((c) => c.current === current && c.next === next);
          return cell ? `${cell.name}: ${cell.count} (${percent(cell.share)})` : null;
        }),
      ]),
    ]),
    `${box.placed} people in the grid; ${box.apart.length} apart${box.apart.length > 0 ? `: ${box.apart.map((a) => `${a.person} (${a.reason.replace(/\.$/, "").toLowerCase()})`).join(", ")}` : ""}.`,
    "",
    adjustedRows.length > 1
      ? `Rater-adjusted readiness: people whose status would change\n${textTable(adjustedRows)}`
      : "Rater-adjusted readiness: no status would change.\n",
  ];
  if (changes) {
    out.push(
      changeRows.length > 1
        ? `Session changes: ${changes.ratings.length} ${changes.ratings.length === 1 ? "rating" : "ratings"}\n${textTable(changeRows)}`
        : "Session changes: no rating changed.\n",
      statusRows.length > 1 ? `Status changes\n${textTable(statusRows)}` : "Status changes: none.\n",
      raterChangeRows.length > 1 ? `Changes per rater\n${textTable(raterChangeRows)}` : "",
    );
    if (changes.added.length > 0) out.push(`New since the baseline: ${changes.added.join(", ")}.`);
    if (changes.removed.length > 0)
      out.push(`In the baseline, no longer in the ratings: ${changes.removed.join(", ")}.`);
  }
  context.stdout(`${out.filter((block) => block !== "").join("\n")}\n`);
}

function competencyName(matrix: CareerMatrix, id: string): string {
  for (const track of matrix.tracks) {
    const found = track.competencies.find((c) => c.id === id);
    if (found) return found.name;
  }
  return id;
}
