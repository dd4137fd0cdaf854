/** How a readiness status reads on a sheet, and the fill that goes with the words. */
import { READINESS_TOLERANCE } from "../core/readiness";
import type { ReadinessStatus } from "../core/types";
import type { ConditionalFormat } from "./spec";

export const STATUS_LABEL: Record<ReadinessStatus, string> = {
  ready: "Ready",
  almost: "Almost",
  "not-yet": "Not yet",
  insufficient: "Insufficient data",
};

export const STATUS_ORDER: ReadinessStatus[] = ["ready", "almost", "not-yet", "insufficient"];

const STATUS_FILL: Record<ReadinessStatus, string> = {
  ready: "#C6EFCE",
  almost: "#FFEB9C",
  "not-yet": "#FFC7CE",
  insufficient: "#EDEDED",
};

/** Fills status cells by their text, so the colour follows a live formula. */
export function statusFormats(range: string): ConditionalFormat[] {
  return STATUS_ORDER.map((status) => ({
    kind: "cellValue",
    range,
    operator: "equal",
    formula1: `="${STATUS_LABEL[status]}"`,
    fill: STATUS_FILL[status],
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
