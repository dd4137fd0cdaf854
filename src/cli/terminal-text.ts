/**
 * Text from the user's files made safe to print on a terminal: control characters (NUL, escape, line breaks inside
 * a value) and the bidirectional overrides that reorder what is shown are written as visible escapes, so a name can
 * neither recolour the terminal nor fake a line of output; a line is cut past a readable length.
 */
import { shortText } from "../core/short-text";

// Every C0 control but tab, DEL, C1 controls, and the bidi embedding, override and isolate marks.
// eslint-disable-next-line no-control-regex -- matching control characters is the point of this pattern
const UNSAFE = /[\u0000-\u0008\u000A-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/** Longest line printed; values inside messages are cut far shorter where they are quoted. */
export const MAX_LINE = 2000;

export function terminalText(text: string): string {
  return shortText(text, MAX_LINE).replace(UNSAFE, (ch) => {
    const code = ch.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16)}`;
  });
}
