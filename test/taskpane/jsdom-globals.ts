/**
 * What Node has and jest's jsdom environment leaves out, for the in-memory workbook (TextEncoder measures request
 * sizes, structuredClone copies state) and Fluent's layout code (ResizeObserver, matchMedia).
 */
import { deserialize, serialize } from "node:v8";
import { TextDecoder, TextEncoder } from "node:util";

const globals = globalThis as Record<string, unknown>;
globals.TextEncoder ??= TextEncoder;
globals.TextDecoder ??= TextDecoder;
globals.structuredClone ??= (value: unknown) => deserialize(serialize(value));
globals.ResizeObserver ??= class {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
};
