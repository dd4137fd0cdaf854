/** How a readiness status reads on a sheet, and the fill that goes with the words. */
import { READINESS_TOLERANCE } from "../core/readiness";
import type { ReadinessStatus } from "../core/types";
import { NO_MANAGER_RATING, STATUS_ORDER, STATUS_WORD } from "../core/vocabulary";
import type { ConditionalFormat } from "./spec";

/** The words are the vocabulary's; these names stay for the modules that read statuses from here. */
export { STATUS_ORDER, STATUS_WORD as STATUS_LABEL };
const STATUS_LABEL = STATUS_WORD;

export const STATUS_FILL: Readonly<Record<ReadinessStatus, string>> = {
  ready: "#C6EFCE",
  almost: "#FFEB9C",
  "not-yet": "#FFC7CE",
  insufficient: "#EDEDED",
};

/** Fills status cells by their text, so the colour follows a live formula. */
export function statusFormats(range: string): ConditionalFormat[] {
  const fills: [string, string][] = [
    ...STATUS_ORDER.map((status): [string, string] => [STATUS_LABEL[status], STATUS_FILL[status]]),
    // Not a judgement either: grey, as Insufficient data.
    [NO_MANAGER_RATING, STATUS_FILL.insufficient],
  ];
  return fills.map(([word, fill]) => ({
    kind: "cellValue",
    range,
    operator: "equal",
    formula1: `="${word}"`,
    fill,
  }));
}

/**
 * readinessStatus of the core as a formula: the same thresholds, the same tolerance for floating-point shares
 * landing a hair below one, and nothing assessed counting as insufficient data. Thresholds are numbers or cell
 * references (a session's own thresholds typed on a sheet); blank readiness gives blank.
 */
export function statusFormula(
  readinessCell: string,
  coverageCell: string,
  rules: { ready: number | string; almost: number | string; minCoverage: number | string },
): string {
  const { ready, almost, minCoverage } = rules;
  const tolerance = READINESS_TOLERANCE.toExponential().toUpperCase();
  return (
    `IF(${readinessCell}="","",` +
    `IF(OR(${coverageCell}<=0,${coverageCell}+${tolerance}<${minCoverage}),"${STATUS_LABEL.insufficient}",` +
    `IF(${readinessCell}+${tolerance}>=${ready},"${STATUS_LABEL.ready}",` +
    `IF(${readinessCell}+${tolerance}>=${almost},"${STATUS_LABEL.almost}","${STATUS_LABEL["not-yet"]}"))))`
  );
}

/**
 * Fills readiness shares in the bands the statuses use, so a cell's colour never disagrees with the status its share
 * gives: from `ready` the Ready fill, from `almost` the Almost fill, below it the Not yet fill (a continuous scale
 * centred at 50 % coloured a share amber that the status called Not yet). The bands do not overlap, so no rule's
 * priority matters; the same tolerance as the status lets a share a hair below a threshold pass it.
 */
export function readinessBands(
  range: string,
  thresholds: { ready: number; almost: number },
): ConditionalFormat[] {
  const from = (threshold: number): string => String(threshold - READINESS_TOLERANCE);
  const justBelow = (threshold: number): string => String(threshold - 2 * READINESS_TOLERANCE);
  return [
    {
      kind: "cellValue",
      range,
      operator: "greaterThanOrEqual",
      formula1: from(thresholds.ready),
      fill: STATUS_FILL.ready,
    },
    {
      kind: "cellValue",
      range,
      operator: "between",
      formula1: from(thresholds.almost),
      formula2: justBelow(thresholds.ready),
      fill: STATUS_FILL.almost,
    },
    {
      kind: "cellValue",
      range,
      operator: "lessThan",
      formula1: from(thresholds.almost),
      fill: STATUS_FILL["not-yet"],
    },
  ];
}
