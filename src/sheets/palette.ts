/**
 * Colours of the add-in's sheets. Status is always written as text beside its colour, so nothing relies on telling
 * red from green; diverging gaps use red–white–blue, which stays distinct for the common colour-vision deficiencies.
 */
import type { CellStyle, ColorScalePoint } from "./spec";

export const TITLE: CellStyle = { bold: true, fontSize: 14 };
export const NOTE: CellStyle = { italic: true, fontColor: "#595959" };
export const HEADER: CellStyle = {
  bold: true,
  fill: "#1F4E79",
  fontColor: "#FFFFFF",
  wrap: true,
  vertical: "center",
};
export const GROUP: CellStyle = { bold: true, fill: "#D9E1F2" };
export const HELPER: CellStyle = { fontColor: "#808080", fontSize: 8 };

/** Red below 0, white at 0, blue above: a gap is a shortfall or a surplus against the expectation. */
export function gapScale(spread: number): {
  min: ColorScalePoint;
  mid: ColorScalePoint;
  max: ColorScalePoint;
} {
  return {
    min: { type: "number", value: -spread, color: "#F8696B" },
    mid: { type: "number", value: 0, color: "#FFFFFF" },
    max: { type: "number", value: spread, color: "#5A8AC6" },
  };
}

/** Light to dark blue for expected scale values. */
export function expectationScale(low: number, high: number): { min: ColorScalePoint; max: ColorScalePoint } {
  return {
    min: { type: "number", value: low, color: "#F3F8FC" },
    max: { type: "number", value: high, color: "#6FA8DC" },
  };
}
