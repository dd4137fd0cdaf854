/**
 * .xlsx packages written part by part, as odd or hostile producers write them: the tests make every such file
 * themselves, a few KB each, so no binary fixture is checked in.
 */
import { zipSync } from "fflate";
import zlib from "node:zlib";

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`;
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WORKBOOK = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Ratings" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const WORKBOOK_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`;

const escapeXml = (text: string): string =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Inline-string and number cells of a few rows, as sheetData. */
export function sheetData(rows: (string | number | null)[][]): string {
  const letter = (column: number): string => String.fromCharCode(65 + column);
  const cells = rows.map(
    (row, r) =>
      `<row r="${r + 1}">${row
        .map((cell, c) =>
          cell === null
            ? ""
            : typeof cell === "number"
              ? `<c r="${letter(c)}${r + 1}"><v>${cell}</v></c>`
              : `<c r="${letter(c)}${r + 1}" t="inlineStr"><is><t>${escapeXml(cell)}</t></is></c>`,
        )
        .join("")}</row>`,
  );
  return `<sheetData>${cells.join("")}</sheetData>`;
}

/** A worksheet part: the sheet data, then whatever follows it (merges, validations...). */
export function worksheet(data: string, after = ""): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${data}${after}</worksheet>`;
}

/** A one-sheet workbook "Ratings" with the given worksheet XML, shared strings and any extra parts. */
export function xlsxPackage(
  sheetXml: string,
  options: { sharedStrings?: string[]; parts?: Record<string, Uint8Array> } = {},
): Uint8Array {
  const strings = options.sharedStrings ?? [];
  const shared = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<si><t>${escapeXml(s)}</t></si>`).join("")}</sst>`;
  const text = (s: string): Uint8Array => new TextEncoder().encode(s);
  return zipSync({
    "[Content_Types].xml": text(CONTENT_TYPES),
    "_rels/.rels": text(ROOT_RELS),
    "xl/workbook.xml": text(WORKBOOK),
    "xl/_rels/workbook.xml.rels": text(WORKBOOK_RELS),
    "xl/sharedStrings.xml": text(shared),
    "xl/worksheets/sheet1.xml": text(sheetXml),
    ...options.parts,
  });
}

/** Deflated bytes of `size` zero bytes, made a megabyte at a time (a 500 MB entry is about 500 KB of zip). */
export async function deflatedZeros(size: number): Promise<Buffer> {
  const deflate = zlib.createDeflateRaw({ level: 9 });
  const chunks: Buffer[] = [];
  deflate.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    deflate.on("end", resolve);
    deflate.on("error", reject);
  });
  const megabyte = Buffer.alloc(1024 * 1024);
  for (let written = 0; written < size; written += megabyte.length) {
    const piece = megabyte.subarray(0, Math.min(megabyte.length, size - written));
    if (!deflate.write(piece)) await new Promise((resolve) => deflate.once("drain", resolve));
  }
  deflate.end();
  await done;
  return Buffer.concat(chunks);
}

export interface RawEntry {
  name: string;
  /** Deflated bytes. */
  data: Uint8Array;
  /** What the zip says the entry inflates to: a liar says less. */
  declaredSize: number;
}

/**
 * Adds deflated entries to a zip as they are, sizes as declared (CRC left 0: a reader that never inflates them
 * never checks it). Entries go before the central directory of `zip`, which is rewritten to list them all.
 */
export function withRawEntries(zip: Uint8Array, entries: RawEntry[]): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const eocd = zip.byteLength - 22;
  const count = view.getUint16(eocd + 10, true);
  const directorySize = view.getUint32(eocd + 12, true);
  const directoryOffset = view.getUint32(eocd + 16, true);
  const locals: Buffer[] = [Buffer.from(zip.subarray(0, directoryOffset))];
  const directory: Buffer[] = [Buffer.from(zip.subarray(directoryOffset, directoryOffset + directorySize))];
  let offset = directoryOffset;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(entry.data.length, 18);
    local.writeUInt32LE(entry.declaredSize, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(entry.data.length, 20);
    central.writeUInt32LE(entry.declaredSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, Buffer.from(entry.data));
    directory.push(central, name);
    offset += 30 + name.length + entry.data.length;
  }
  const central = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(count + entries.length, 8);
  end.writeUInt16LE(count + entries.length, 10);
  end.writeUInt32LE(central.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, central, end]));
}
