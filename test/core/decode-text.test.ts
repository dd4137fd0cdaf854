import { decodeText, encodingNamed } from "../../src/core/decode-text";
import { windows1252 } from "../cli/text-files";

const utf16le = (text: string): Uint8Array => new Uint8Array(Buffer.from(`\uFEFF${text}`, "utf16le"));
const utf16be = (text: string): Uint8Array =>
  new Uint8Array(Buffer.from(`\uFEFF${text}`, "utf16le").swap16());
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

describe("decodeText", () => {
  it("reads UTF-8 with and without a byte-order mark, the mark dropped", () => {
    expect(decodeText(utf8("Zoë,Ivan"))).toEqual({
      ok: true,
      text: "Zoë,Ivan",
      encoding: "utf-8",
      how: "detected",
    });
    expect(decodeText(utf8("\uFEFFZoë"))).toMatchObject({
      text: "Zoë",
      encoding: "utf-8",
      how: "byte-order mark",
    });
  });

  it("reads UTF-16 in either byte order by its mark, and without a mark by its zero bytes", () => {
    expect(decodeText(utf16le("Person\tZoë €"))).toMatchObject({
      text: "Person\tZoë €",
      encoding: "utf-16le",
    });
    expect(decodeText(utf16be("Person\t王芳"))).toMatchObject({ text: "Person\t王芳", encoding: "utf-16be" });
    expect(decodeText(utf16le("Person").subarray(2))).toMatchObject({
      text: "Person",
      encoding: "utf-16le",
      how: "detected",
    });
  });

  it("falls back to Windows-1252 when the bytes are not UTF-8, every byte kept as its character", () => {
    expect(decodeText(windows1252("Zoë O’Brien – 5 €"))).toEqual({
      ok: true,
      text: "Zoë O’Brien – 5 €",
      encoding: "windows-1252",
      how: "detected",
    });
  });

  it("refuses bytes that are not in the encoding asked for, saying where and what to do", () => {
    const result = decodeText(windows1252("Person\nAna\nZoë"), "utf-8");
    expect(result).toEqual({
      ok: false,
      encoding: "utf-8",
      line: 3,
      column: 3,
      message: expect.stringMatching(
        /^cannot read as UTF-8: byte 0xEB is not UTF-8 text; save it again as "CSV UTF-8"/,
      ),
    });
    expect(decodeText(utf16le("Ana").subarray(0, 5), "utf-16le")).toMatchObject({
      ok: false,
      message: expect.stringContaining("odd number of bytes"),
    });
  });

  it("refuses the bytes Windows-1252 leaves undefined rather than guess", () => {
    expect(decodeText(new Uint8Array([0x41, 0x0a, 0x42, 0x81]))).toMatchObject({
      ok: false,
      encoding: "windows-1252",
      line: 2,
      column: 2,
      message: expect.stringMatching(/^cannot read as Windows-1252: byte 0x81 is not Windows-1252 text/),
    });
  });

  it("never turns a byte into U+FFFD: a binary file is refused, not read as text", () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00]);
    expect(decodeText(zip)).toMatchObject({
      ok: false,
      line: 1,
      column: 6,
      message: expect.stringContaining("NUL"),
    });
    for (const bytes of [windows1252("Zoë"), utf8("Zoë"), utf16le("Zoë")]) {
      const result = decodeText(bytes);
      expect(result.ok && result.text.includes("\uFFFD")).toBe(false);
    }
  });

  it("takes the names people type for an encoding", () => {
    expect(["UTF8", "cp1252", "latin1", "utf-16", "UTF-16BE"].map(encodingNamed)).toEqual([
      "utf-8",
      "windows-1252",
      "windows-1252",
      "utf-16le",
      "utf-16be",
    ]);
    expect(encodingNamed("ebcdic")).toBeUndefined();
  });
});
