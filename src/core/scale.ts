/** Reading a rating as people type it: a scale value, the value as text, or the value's label. */
import type { ScalePoint } from "./framework";
import { nameKey } from "./names";
import type { Cell } from "./types";

export type ParsedRating =
  | { kind: "blank" }
  | { kind: "rating"; value: number }
  | { kind: "off-scale"; value: number }
  | { kind: "not-a-rating" };

/** Texts that mean "not assessed" as clearly as a blank cell does. */
const NOT_ASSESSED = new Set(["", "-", "–", "—", "n/a", "na"]);

export interface ScaleReader {
  parse(cell: Cell): ParsedRating;
  /** "0–4 (Not yet … Expert)". */
  description: string;
  /** A label to suggest in messages, e.g. "Proficient". */
  exampleLabel: string;
}

export function scaleReader(scale: ScalePoint[]): ScaleReader {
  const points = [...scale].sort((a, b) => a.value - b.value);
  const values = new Set(points.map((p) => p.value));
  const byLabel = new Map(points.map((p) => [nameKey(p.label), p.value]));

  const fromNumber = (value: number): ParsedRating =>
    values.has(value) ? { kind: "rating", value } : { kind: "off-scale", value };

  const parse = (cell: Cell): ParsedRating => {
    if (cell === null) return { kind: "blank" };
    if (typeof cell === "number") return Number.isFinite(cell) ? fromNumber(cell) : { kind: "not-a-rating" };
    if (typeof cell === "boolean") return { kind: "not-a-rating" };
    const text = cell.trim();
    if (NOT_ASSESSED.has(text.toLowerCase())) return { kind: "blank" };
    const labelled = byLabel.get(nameKey(text));
    if (labelled !== undefined) return { kind: "rating", value: labelled };
    if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(text)) return fromNumber(Number(text));
    // A drop-down may offer "3 - Advanced": accept it when the label belongs to the value.
    const pair = /^(\d+)\s*[-–—:.)]\s*(.+)$/.exec(text);
    if (pair && byLabel.get(nameKey(pair[2])) === Number(pair[1]))
      return { kind: "rating", value: Number(pair[1]) };
    return { kind: "not-a-rating" };
  };

  return {
    parse,
    description: describeScale(points),
    exampleLabel: points[Math.floor(points.length / 2)]?.label ?? "",
  };
}

function describeScale(points: ScalePoint[]): string {
  if (points.length === 0) return "a value of the scale";
  const first = points[0];
  const last = points[points.length - 1];
  const contiguous = points.every((p, i) => p.value === first.value + i);
  const values = contiguous ? `${first.value}–${last.value}` : points.map((p) => p.value).join(", ");
  return points.length === 1
    ? `${first.value} (${first.label})`
    : `${values} (${first.label} … ${last.label})`;
}
