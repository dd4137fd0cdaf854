/** Text files as other programs write them, made byte by byte so the tests do not depend on the decoder under test. */

/**
 * Windows-1252 bytes of a text, as Excel on Windows saves "CSV (Comma delimited)": Latin-1 letters as their code,
 * the typographic marks at their Windows-1252 bytes, anything else as "?".
 */
export function windows1252(text: string): Uint8Array {
  const marks: Record<string, number> = { "€": 0x80, "‘": 0x91, "’": 0x92, "–": 0x96, "—": 0x97, "™": 0x99 };
  return new Uint8Array(
    [...text].map(
      (ch) =>
        marks[ch] ??
        (ch.charCodeAt(0) < 0x80 || (ch.charCodeAt(0) >= 0xa0 && ch.charCodeAt(0) < 0x100)
          ? ch.charCodeAt(0)
          : 0x3f),
    ),
  );
}
