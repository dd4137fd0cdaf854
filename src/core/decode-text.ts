/**
 * Bytes of a text file to text, the encoding decided and said: a byte-order mark settles it (UTF-8, UTF-16 LE or
 * BE); otherwise UTF-8 when every byte sequence is valid UTF-8, else Windows-1252, which Excel on Windows writes for
 * "CSV (Comma delimited)". Nothing is ever replaced by U+FFFD: bytes that do not decode are an error that says where.
 * Pure (TextDecoder only), so the task pane reads a dropped file exactly as the command line does.
 */

export type TextEncoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";

/** The names people type for each encoding, as `--encoding` takes them. */
const ENCODING_NAMES: Record<TextEncoding, readonly string[]> = {
  "utf-8": ["utf-8", "utf8"],
  "utf-16le": ["utf-16le", "utf16le", "utf-16", "utf16", "ucs-2", "ucs2"],
  "utf-16be": ["utf-16be", "utf16be"],
  "windows-1252": ["windows-1252", "cp1252", "win1252", "latin1", "latin-1", "iso-8859-1", "ansi"],
};

export const ENCODING_LABEL: Record<TextEncoding, string> = {
  "utf-8": "UTF-8",
  "utf-16le": "UTF-16LE",
  "utf-16be": "UTF-16BE",
  "windows-1252": "Windows-1252",
};

/** The encoding a typed name stands for, or undefined when it is none of the ones read. */
export function encodingNamed(name: string): TextEncoding | undefined {
  const key = name.trim().toLowerCase();
  return (Object.keys(ENCODING_NAMES) as TextEncoding[]).find((encoding) =>
    ENCODING_NAMES[encoding].includes(key),
  );
}

export const ENCODING_CHOICES = "utf-8, utf-16le, utf-16be or windows-1252";

export interface DecodedText {
  ok: true;
  text: string;
  encoding: TextEncoding;
  /** How the encoding was decided, for the note that says it. */
  how: "byte-order mark" | "detected" | "as asked";
}

export interface UndecodableText {
  ok: false;
  encoding: TextEncoding;
  /** 1-based line and column of the first byte that does not decode, in the text before it. */
  line: number;
  column: number;
  /** What is wrong and what to do, without the file name or position. */
  message: string;
}

export type DecodeResult = DecodedText | UndecodableText;

interface Bom {
  encoding: TextEncoding;
  bytes: number;
}

function byteOrderMark(bytes: Uint8Array): Bom | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: "utf-8", bytes: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: "utf-16le", bytes: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: "utf-16be", bytes: 2 };
  return undefined;
}

/** UTF-16 without a mark: a text file never starts with a NUL byte, but UTF-16 of an ASCII letter does. */
function unmarkedUtf16(bytes: Uint8Array): TextEncoding | undefined {
  if (bytes.length < 4) return undefined;
  if (bytes[0] !== 0 && bytes[1] === 0 && bytes[2] !== 0 && bytes[3] === 0) return "utf-16le";
  if (bytes[0] === 0 && bytes[1] !== 0 && bytes[2] === 0 && bytes[3] !== 0) return "utf-16be";
  return undefined;
}

/**
 * Windows-1252's bytes 0x80–0x9F (the rest are Latin-1). Written out because Node's TextDecoder reads
 * "windows-1252" as Latin-1 there, which would turn O’Brien's apostrophe into a control character. The five bytes
 * Windows-1252 leaves undefined are not text.
 */
const WINDOWS_1252_HIGH =
  "\u20AC\0\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\0\u017D\0" +
  "\0\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\0\u017E\u0178";

function windows1252Char(byte: number): string | undefined {
  if (byte < 0x80 || byte >= 0xa0) return String.fromCharCode(byte);
  const ch = WINDOWS_1252_HIGH[byte - 0x80];
  return ch === "\0" ? undefined : ch;
}

function decodeWindows1252(bytes: Uint8Array): string | undefined {
  const parts: string[] = [];
  const chunk = 8192;
  for (let start = 0; start < bytes.length; start += chunk) {
    let text = "";
    for (const byte of bytes.subarray(start, start + chunk)) {
      const ch = windows1252Char(byte);
      if (ch === undefined) return undefined;
      text += ch;
    }
    parts.push(text);
  }
  return parts.join("");
}

function tryDecode(bytes: Uint8Array, encoding: TextEncoding): string | undefined {
  if (encoding === "windows-1252") return decodeWindows1252(bytes);
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** The longest prefix that decodes: the first bad byte is right after it (binary search, each step one decode). */
function firstBadByte(bytes: Uint8Array, encoding: TextEncoding): number {
  if (encoding === "windows-1252") return bytes.findIndex((byte) => windows1252Char(byte) === undefined);
  let good = 0;
  let bad = bytes.length;
  while (bad - good > 1) {
    const middle = Math.floor((good + bad) / 2);
    try {
      new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(0, middle), {
        stream: true,
      });
      good = middle;
    } catch {
      bad = middle;
    }
  }
  // The prefix may end inside the bad sequence (a lead byte waiting for what follows): step back to its start.
  for (let start = good; start > Math.max(0, good - 4); start--) {
    if (tryDecode(bytes.subarray(0, start), encoding) !== undefined) return start;
  }
  return Math.max(0, good - 4);
}

function position(text: string): { line: number; column: number } {
  const lines = text.split(/\r\n|\r|\n/);
  return { line: lines.length, column: lines[lines.length - 1].length + 1 };
}

const hex = (byte: number | undefined): string =>
  byte === undefined ? "the end of the file" : `byte 0x${byte.toString(16).toUpperCase().padStart(2, "0")}`;

function undecodable(bytes: Uint8Array, start: number, encoding: TextEncoding): UndecodableText {
  const body = bytes.subarray(start);
  const at = firstBadByte(body, encoding);
  const before = new TextDecoder(encoding, { ignoreBOM: true }).decode(body.subarray(0, at), {
    stream: true,
  });
  const where = position(before);
  const label = ENCODING_LABEL[encoding];
  const advice =
    encoding === "utf-8"
      ? `save it again as "CSV UTF-8", or give --encoding windows-1252 if it came from Excel on Windows`
      : `save it again as "CSV UTF-8", or give --encoding with the file's encoding (${ENCODING_CHOICES})`;
  const what =
    encoding.startsWith("utf-16") && at >= body.length - 1
      ? `it ends in the middle of a character (an odd number of bytes)`
      : `${hex(body[at])} is not ${label} text`;
  return { ok: false, encoding, ...where, message: `cannot read as ${label}: ${what}; ${advice}` };
}

/** NUL is never text: a file holding one is binary (a workbook, an image) or in an encoding not asked for. */
function binary(text: string, encoding: TextEncoding): UndecodableText | undefined {
  const nul = text.indexOf("\u0000");
  if (nul < 0) return undefined;
  return {
    ok: false,
    encoding,
    ...position(text.slice(0, nul)),
    message: `cannot read as ${ENCODING_LABEL[encoding]}: it holds NUL bytes, so it is not a text file in that encoding; save the ratings as .csv (UTF-8) or .xlsx, or give --encoding with the file's encoding (${ENCODING_CHOICES})`,
  };
}

/**
 * Decodes a text file. With `encoding` given, the bytes must be valid in it (a byte-order mark of that encoding is
 * dropped); without, the byte-order mark decides, else UTF-8 when valid, else Windows-1252.
 */
export function decodeText(bytes: Uint8Array, encoding?: TextEncoding): DecodeResult {
  const bom = byteOrderMark(bytes);
  let chosen: TextEncoding;
  let how: DecodedText["how"];
  let start = 0;
  if (encoding !== undefined) {
    chosen = encoding;
    how = "as asked";
    if (bom?.encoding === encoding) start = bom.bytes;
  } else if (bom) {
    chosen = bom.encoding;
    how = "byte-order mark";
    start = bom.bytes;
  } else {
    chosen = unmarkedUtf16(bytes) ?? "utf-8";
    how = "detected";
    if (chosen === "utf-8" && tryDecode(bytes, "utf-8") === undefined) chosen = "windows-1252";
  }
  const text = tryDecode(bytes.subarray(start), chosen);
  if (text === undefined) return undecodable(bytes, start, chosen);
  return binary(text, chosen) ?? { ok: true, text, encoding: chosen, how };
}
