/**
 * A cell's text as Excel shows it for the number formats the add-in writes ("0%", "0.0", "+0.0;-0.0;0", "General",
 * "@"), and General for anything else. Booleans read TRUE/FALSE.
 */
import type { Cell } from "../core/types";

function general(n: number): string {
  if (Number.isInteger(n)) return String(n);
  // General shows up to about ten significant digits in a normal-width column.
  return String(Number(n.toPrecision(10)));
}

/** Literal text of a format section: quoted strings and backslash-escaped characters lose their marks. */
function literal(text: string): string {
  return text.replace(/"([^"]*)"/g, "$1").replace(/\\(.)/g, "$1");
}

export function displayValue(value: Cell, numberFormat?: string): string {
  if (value === null) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return value;
  if (!Number.isFinite(value)) return "#NUM!";
  const sections = (numberFormat ?? "General").split(";");
  // Excel's sections: positive;negative;zero. A negative section shows the number without its sign.
  const section =
    value < 0 && sections[1] !== undefined ? 1 : value === 0 && sections[2] !== undefined ? 2 : 0;
  const shown = section === 1 ? Math.abs(value) : value;
  const match = /^([^0#]*)0(?:\.(0+))?(%?)([^0#]*)$/.exec(sections[section].trim());
  if (match) {
    const [, before, decimals, percent, after] = match;
    const text = (percent ? shown * 100 : shown).toFixed(decimals?.length ?? 0);
    return `${literal(before)}${text}${percent}${literal(after)}`;
  }
  if (section === 2 && !/[0#]/.test(sections[2])) return literal(sections[2]);
  return general(value);
}

/** Excel aligns numbers right, booleans centre and text left unless the cell says otherwise. */
export function defaultAlignment(value: Cell): "left" | "center" | "right" {
  if (typeof value === "number") return "right";
  if (typeof value === "boolean") return "center";
  return "left";
}
