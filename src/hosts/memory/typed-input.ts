/**
 * What Excel stores when a value is written through `values` or `formulas`: strings are parsed as if typed into the
 * cell. "007" becomes the number 7, "TRUE" a boolean, "=A1" and "-x" formulas; a leading apostrophe keeps the rest as
 * text. Dates are not modelled. The Office host must escape text that would not survive this.
 */
import type { Cell } from "../../core/types";
import { OfficeError } from "./errors";

export type Stored =
  | { kind: "skip" }
  | { kind: "clear" }
  | { kind: "value"; value: Cell }
  | { kind: "formula"; formula: string };

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const PERCENT = /^[+-]?(\d+(\.\d*)?|\.\d+)%$/;

export function typedInput(input: Cell): Stored {
  if (input === null) return { kind: "skip" };
  if (typeof input === "number") {
    if (!Number.isFinite(input))
      throw new OfficeError("InvalidArgument", `The value ${input} is not a number Excel can store.`);
    return { kind: "value", value: input };
  }
  if (typeof input === "boolean") return { kind: "value", value: input };
  if (input === "") return { kind: "clear" };
  if (input.startsWith("'")) return { kind: "value", value: input.slice(1) };
  const trimmed = input.trim();
  if (input.startsWith("=") && input.length > 1) return { kind: "formula", formula: input };
  if (NUMBER.test(trimmed)) return { kind: "value", value: Number(trimmed) };
  if (PERCENT.test(trimmed)) return { kind: "value", value: Number(trimmed.slice(0, -1)) / 100 };
  if (/^(true|false)$/i.test(trimmed)) return { kind: "value", value: trimmed.toLowerCase() === "true" };
  if (/^[+-]./.test(input)) return { kind: "formula", formula: `=${input}` };
  return { kind: "value", value: input };
}
