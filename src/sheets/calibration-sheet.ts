/**
 * Calibration: the spread of statuses at each current level, raters who rate systematically above or below the
 * others (with the reason, so nobody is flagged by a colour alone) and people who stand apart from their rater's
 * pattern. Values as scored: these are judgements over the whole team, re-run Score ratings after changes.
 */
import { DEFAULT_RATING_RULE } from "../core/rating-sources";
import type { CareerMatrix } from "../core/matrix";
import type { Calibration } from "../core/types";
import { ACTION_WORD, RATER_FLAG_WORD, ratingRuleNote } from "../core/vocabulary";
import { rangeA1 } from "./a1";
import { HEADER, NOTE, TITLE } from "./palette";
import type { SheetSpec, SpecCell, StyledRange } from "./spec";
import { STATUS_LABEL, STATUS_ORDER } from "./status";

export const CALIBRATION_KEY = "calibration";
export const CALIBRATION_NAME = "Calibration";
const FLAG_LABEL = RATER_FLAG_WORD;

export function calibrationSheetSpec(
  matrix: CareerMatrix,
  calibration: Calibration,
  name = CALIBRATION_NAME,
): SheetSpec {
  const cells: SpecCell[][] = [
    ["Calibration"],
    [
      `As scored: ${ACTION_WORD.score} again after changing ratings. Flags need enough people and a clear difference. ` +
        ratingRuleNote(DEFAULT_RATING_RULE),
    ],
    [],
  ];
  const styles: StyledRange[] = [
    { range: "A1", style: TITLE },
    { range: "A2", style: NOTE },
  ];
  const header = (titles: string[]): void => {
    styles.push({ range: rangeA1(cells.length, 0, cells.length, titles.length - 1), style: HEADER });
    cells.push(titles);
  };
  const section = (title: string): void => {
    if (cells.length > 3) cells.push([]);
    styles.push({ range: rangeA1(cells.length, 0, cells.length, 0), style: { bold: true, fontSize: 12 } });
    cells.push([title]);
  };

  section("Status at current level");
  header(["Track", "Level", ...STATUS_ORDER.map((s) => STATUS_LABEL[s]), "People"]);
  for (const entry of calibration.byLevel) {
    const track = matrix.tracks.find((t) => t.id === entry.track);
    const level = track?.levels.find((l) => l.id === entry.level);
    const counts = STATUS_ORDER.map((s) => entry.counts[s]);
    cells.push([track?.name ?? entry.track, level?.name ?? entry.level, ...counts, sum(counts)]);
  }
  const totals = STATUS_ORDER.map((s) => calibration.totals[s]);
  styles.push({ range: rangeA1(cells.length, 0, cells.length, 6), style: { bold: true } });
  cells.push(["All", null, ...totals, sum(totals)]);

  section("Raters");
  header(["Rater", "People", "Ratings", "Effect (points)", "Flag", "Reason"]);
  const firstRater = cells.length;
  for (const rater of calibration.raters) {
    cells.push([
      rater.rater || "(no rater)",
      rater.people,
      rater.ratings,
      rater.effect,
      rater.flag ? FLAG_LABEL[rater.flag] : null,
      rater.reason,
    ]);
  }
  if (calibration.raters.length > 0)
    styles.push(
      { range: rangeA1(firstRater, 3, cells.length - 1, 3), style: { numberFormat: "+0.00;-0.00;0" } },
      { range: rangeA1(firstRater, 5, cells.length - 1, 5), style: { wrap: true, vertical: "top" } },
    );

  section("Rater-adjusted readiness (beside the raw one, for people of flagged raters)");
  header(["Person", "Rater", "Level", "Readiness", "Adjusted", "Status", "Adjusted status"]);
  const firstAdjusted = cells.length;
  for (const person of calibration.adjusted) {
    for (const pair of [person.current, person.next]) {
      if (!pair) continue;
      const level = matrix.tracks.flatMap((t) => t.levels).find((l) => l.id === pair.level);
      cells.push([
        person.person,
        person.rater,
        level?.name ?? pair.level,
        pair.raw.readiness,
        pair.adjusted.readiness,
        STATUS_LABEL[pair.raw.status],
        STATUS_LABEL[pair.adjusted.status],
      ]);
    }
  }
  if (cells.length === firstAdjusted) cells.push(["None: no rater is flagged"]);
  else styles.push({ range: rangeA1(firstAdjusted, 3, cells.length - 1, 4), style: { numberFormat: "0%" } });

  section("People apart from their rater's pattern");
  header(["Person", "Rater", "Reason"]);
  const firstOutlier = cells.length;
  for (const outlier of calibration.outliers) cells.push([outlier.person, outlier.rater, outlier.reason]);
  if (calibration.outliers.length === 0) cells.push(["None"]);
  styles.push({
    range: rangeA1(firstOutlier, 2, cells.length - 1, 2),
    style: { wrap: true, vertical: "top" },
  });

  return {
    name,
    kind: "calibration",
    key: CALIBRATION_KEY,
    cells,
    styles,
    columnWidths: [24, 16, 12, 12, 12, 60, 10],
    freeze: { rows: 1, columns: 0 },
    conditionalFormats: [
      {
        kind: "cellValue",
        range: `E4:E${cells.length}`,
        operator: "equal",
        formula1: `="${FLAG_LABEL.lenient}"`,
        fill: "#DDEBF7",
      },
      {
        kind: "cellValue",
        range: `E4:E${cells.length}`,
        operator: "equal",
        formula1: `="${FLAG_LABEL.severe}"`,
        fill: "#FCE4D6",
      },
    ],
    tabColor: "#BF8F00",
  };
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
