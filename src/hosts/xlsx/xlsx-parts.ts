/**
 * The parts of an .xlsx package that hold cell values, inflated with a cap, before ExcelJS sees any of it. ExcelJS
 * inflates every entry of the zip in full (images, unused 500 MB parts alike) and expands every merged range and
 * data validation cell by cell, so a few KB of zip can take gigabytes. Here only the parts needed for values are
 * inflated, each stops at the cap, and what only formats the sheet (merges, validations, conditional formats) is
 * taken out of the sheet XML: the merges are returned so covered cells still read as blank.
 */
import { Unzip, UnzipInflate, zipSync, type UnzipFile } from "fflate";

export interface XlsxLimits {
  /** Inflated bytes of all the parts read together. */
  totalBytes: number;
}

/** 256 MB of sheet XML is about 2 million filled cells: far past any team's ratings. */
export const XLSX_LIMITS: XlsxLimits = { totalBytes: 256 * 1024 * 1024 };

/** A workbook refused before reading it, with the reason and what to do. */
export class XlsxRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = "XlsxRefused";
  }
}

/** Parts that hold the workbook's sheets, names, strings, number formats and the tables' and links' relations. */
const NEEDED = [
  /^_rels\/\.rels$/,
  /^xl\/workbook\.xml$/,
  /^xl\/_rels\/workbook\.xml\.rels$/,
  /^xl\/sharedStrings\.xml$/,
  /^xl\/styles\.xml$/,
  /^xl\/worksheets\/[^/]+\.xml$/,
  /^xl\/worksheets\/_rels\/[^/]+\.xml\.rels$/,
  /^xl\/tables\/[^/]+\.xml$/,
];

const megabytes = (bytes: number): string => `${Math.round(bytes / (1024 * 1024))} MB`;

/** Fed to the inflater in slices, so no single step inflates more than a slice's worth (deflate tops out ~1:1032). */
const SLICE = 16 * 1024;

/**
 * The needed parts of the package (every part with `all`, to update the workbook and save it whole), by name; throws
 * XlsxRefused past the cap or for a package that is not a zip.
 */
export function readXlsxParts(
  bytes: Uint8Array,
  limits: XlsxLimits = XLSX_LIMITS,
  which: "values" | "all" = "values",
): Map<string, Uint8Array> {
  const chunks = new Map<string, Uint8Array[]>();
  let total = 0;
  let refused: string | undefined;
  let failed: string | undefined;
  const unzip = new Unzip((file: UnzipFile) => {
    const name = file.name.replace(/^\//, "");
    if (refused !== undefined) return;
    if (which === "values" && !NEEDED.some((pattern) => pattern.test(name))) return;
    if (name.endsWith("/")) return;
    const parts: Uint8Array[] = [];
    chunks.set(name, parts);
    file.ondata = (error, data) => {
      if (error) {
        failed ??= `${name}: ${error.message}`;
        return;
      }
      total += data.length;
      if (total > limits.totalBytes) {
        refused ??=
          which === "values"
            ? `its part ${name} inflates past ${megabytes(limits.totalBytes)}, the most the add-in reads from a workbook: save the ratings sheet alone as .xlsx or .csv`
            : `its part ${name} inflates past ${megabytes(limits.totalBytes)}, the most the command line updates in place: update the workbook from the add-in in Excel, or write a new one with -o`;
        file.terminate();
        return;
      }
      parts.push(data);
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    for (let offset = 0; offset < bytes.length && refused === undefined; offset += SLICE) {
      unzip.push(bytes.subarray(offset, offset + SLICE), offset + SLICE >= bytes.length);
    }
  } catch (error) {
    failed ??= (error as Error).message;
  }
  if (refused !== undefined) throw new XlsxRefused(refused);
  if (failed !== undefined) throw new XlsxRefused(`its zip package is damaged (${failed})`);
  if (!chunks.has("xl/workbook.xml")) {
    throw new XlsxRefused("it has no xl/workbook.xml, so it is not an Excel workbook");
  }
  const parts = new Map<string, Uint8Array>();
  for (const [name, pieces] of chunks) parts.set(name, concat(pieces));
  return parts;
}

function concat(pieces: Uint8Array[]): Uint8Array {
  if (pieces.length === 1) return pieces[0];
  const out = new Uint8Array(pieces.reduce((sum, piece) => sum + piece.length, 0));
  let at = 0;
  for (const piece of pieces) {
    out.set(piece, at);
    at += piece.length;
  }
  return out;
}

/** Elements after sheetData that only format the sheet; ExcelJS would expand their ranges cell by cell. */
const FORMATTING = ["mergeCells", "dataValidations", "conditionalFormatting", "extLst"];

export interface SheetXml {
  xml: string;
  /** The merged ranges the sheet declared, as A1 ranges. */
  merges: string[];
}

/** The sheet's XML without merges, validations and conditional formats; the merges' ranges on their own. */
export function valuesOnlySheet(xml: string): SheetXml {
  const end = xml.lastIndexOf("sheetData>");
  if (end < 0) return { xml, merges: [] };
  const head = xml.slice(0, end);
  let tail = xml.slice(end);
  const merges = [...tail.matchAll(/<(?:\w+:)?mergeCell\b[^>]*?\bref="([^"]*)"/g)].map((match) => match[1]);
  for (const element of FORMATTING) {
    const name = `(?:\\w+:)?${element}`;
    tail = tail
      .replace(new RegExp(`<${name}\\b[^>]*/>`, "g"), "")
      .replace(new RegExp(`<(${name})\\b[^>]*>[\\s\\S]*?</\\1>`, "g"), "");
  }
  return { xml: head + tail, merges };
}

/** A package of the given parts, stored uncompressed, for ExcelJS to read. */
export function packParts(parts: Map<string, Uint8Array>): Uint8Array {
  return zipSync(Object.fromEntries(parts), { level: 0 });
}
