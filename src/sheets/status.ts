/** How a readiness status reads on a sheet, and the fill that goes with the words. */
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
