/**
 * Writes the workbook an XlsxStreamHost built as an .xlsx package, row by row: each sheet's XML is made a row at a
 * time and compressed as it comes, so neither a cell model of the workbook nor its XML is ever held whole, and
 * memory stays flat as people grow. The parts say what xlsx-writer's ExcelJS workbook says (values, formulas with
 * their computed values, styles, column widths, row heights, panes, merges, colour scales and cell-value formats,
 * drop-down validations, tab colours, hidden sheets, markers, the sheet shown), and the same style rules apply
 * (SpecStyles, toExcelStyle's colours); a test reads both back and compares them.
 *
 * Why not ExcelJS's own streaming writer: it makes a cell object per cell and took 12 s and 960 MB for 10,000
 * people, more than the whole build may. The zip container is fflate's (already used to read workbooks); the
 * compression is Node's zlib, several times faster than a JavaScript deflate on this much XML.
 */
import { constants, crc32, deflateRawSync } from "node:zlib";
import { type AsyncFlateStreamHandler, Zip, type ZipInputFile } from "fflate";
import { parseA1 } from "../../core/a1";
import { cellRef } from "../../core/a1";
import type { Cell } from "../../core/types";
import type { CellStyle, ColorScalePoint, ConditionalFormat, SheetSpec, SpecCell } from "../../sheets/spec";
import { ownerName, sheetA1 } from "../../workbook/owner-name";
import type { StreamedWorkbook } from "./xlsx-stream-host";
import { argb } from "./xlsx-style";
import { listFormula, SpecStyles } from "./spec-layout";

/** Bytes gathered before they are compressed: big enough for zlib to find repeats, small beside the workbook. */
const CHUNK_BYTES = 1 << 20;
/** zlib's fastest level: sheet XML is repetitive, so it still shrinks about tenfold. */
const COMPRESSION_LEVEL = 1;

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** The .xlsx file of a streamed workbook, as bytes. */
export async function streamedXlsx(book: StreamedWorkbook): Promise<Uint8Array> {
  const out: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, data) => {
    if (error) failure ??= error;
    else out.push(data);
  });
  const styles = new StyleSheet();
  book.sheets.forEach(({ spec, activeCell }, i) => {
    const part = new Part(zip, `xl/worksheets/sheet${i + 1}.xml`);
    writeSheet(part, spec, styles, { selected: book.active === spec.name, activeCell });
    part.end();
  });
  const whole = (name: string, text: string) => {
    const part = new Part(zip, name);
    part.write(text);
    part.end();
  };
  whole("[Content_Types].xml", contentTypes(book.sheets.length));
  whole("_rels/.rels", rootRelations());
  whole("xl/workbook.xml", workbookXml(book));
  whole("xl/_rels/workbook.xml.rels", workbookRelations(book.sheets.length));
  whole("xl/styles.xml", styles.xml());
  zip.end();
  if (failure) throw failure;
  return concat(out);
}

/**
 * One part of the package, deflated as it is written: text goes into a buffer, and each full buffer is compressed
 * on its own and flushed to a byte boundary, which concatenates into one valid deflate stream (the last one
 * finishes it).
 */
class Part {
  private readonly entry: DeflatedEntry;
  private readonly buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  private used = 0;

  constructor(zip: Zip, name: string) {
    this.entry = new DeflatedEntry(name);
    zip.add(this.entry);
  }

  write(text: string): void {
    // A UTF-16 code unit takes at most 3 bytes of UTF-8.
    if (this.used + text.length * 3 > CHUNK_BYTES) {
      this.flush(false);
      if (text.length * 3 > CHUNK_BYTES) {
        this.entry.push(Buffer.from(text, "utf8"), false);
        return;
      }
    }
    this.used += this.buffer.write(text, this.used, "utf8");
  }

  end(): void {
    this.flush(true);
  }

  private flush(final: boolean): void {
    this.entry.push(this.buffer.subarray(0, this.used), final);
    this.used = 0;
  }
}

/** A zip entry compressed with zlib as it is pushed; fflate's Zip writes its header and data descriptor. */
class DeflatedEntry implements ZipInputFile {
  readonly compression = 8;
  size = 0;
  crc = 0;
  ondata?: AsyncFlateStreamHandler;

  constructor(readonly filename: string) {}

  push(data: Uint8Array, final: boolean): void {
    this.size += data.length;
    this.crc = crc32(data, this.crc);
    const deflated = deflateRawSync(data, {
      level: COMPRESSION_LEVEL,
      finishFlush: final ? constants.Z_FINISH : constants.Z_SYNC_FLUSH,
    });
    this.ondata?.(null, new Uint8Array(deflated.buffer, deflated.byteOffset, deflated.byteLength), final);
  }
}

function concat(pieces: Uint8Array[]): Uint8Array {
  const whole = new Uint8Array(pieces.reduce((sum, piece) => sum + piece.length, 0));
  let at = 0;
  for (const piece of pieces) {
    whole.set(piece, at);
    at += piece.length;
  }
  return whole;
}

/** Characters XML 1.0 cannot hold are dropped (as ExcelJS drops them); markup characters are escaped. */
// eslint-disable-next-line no-control-regex -- the control characters XML 1.0 cannot hold are what it looks for
const NEEDS_ESCAPE = /[<>&"\x7F\x00-\x08\x0B\x0C\x0E-\x1F]/;
// eslint-disable-next-line no-control-regex -- the control characters XML 1.0 cannot hold are what it removes
const NOT_XML = /[\x7F\x00-\x08\x0B\x0C\x0E-\x1F]/g;

function escapeXml(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(NOT_XML, "");
}

// ---- sheets ----------------------------------------------------------------------------------------------------

interface SheetViewOptions {
  selected: boolean;
  activeCell?: string;
}

function writeSheet(part: Part, spec: SheetSpec, styles: StyleSheet, view: SheetViewOptions): void {
  const specStyles = new SpecStyles(spec);
  part.write(
    `${XML_HEAD}<worksheet xmlns="${MAIN}" xmlns:r="${REL}">` +
      (spec.tabColor ? `<sheetPr><tabColor rgb="${argb(spec.tabColor)}"/></sheetPr>` : "") +
      sheetViews(spec, view) +
      '<sheetFormatPr defaultRowHeight="15"/>' +
      columns(spec.columnWidths ?? []) +
      "<sheetData>",
  );
  const heights = spec.rowHeights ?? {};
  const last = Math.max(
    spec.cells.length,
    specStyles.lastRow,
    ...Object.keys(heights).map((row) => Number(row) + 1),
  );
  for (let row1 = 1; row1 <= last; row1++) {
    const cells = spec.cells[row1 - 1] ?? [];
    const styled = specStyles.row(row1);
    const height = heights[row1 - 1];
    if (cells.length === 0 && styled.size === 0 && height === undefined) continue;
    part.write(`<row r="${row1}"${height === undefined ? "" : ` ht="${height}" customHeight="1"`}>`);
    const width = Math.max(cells.length, styled.size === 0 ? 0 : Math.max(...styled.keys()) + 1);
    for (let c = 0; c < width; c++) {
      const style = styled.get(c);
      part.write(cellXml(cellRef(row1, c), cells[c], style === undefined ? 0 : styles.cellFormat(style)));
    }
    part.write("</row>");
  }
  part.write("</sheetData>");
  const merges = spec.merges ?? [];
  if (merges.length > 0)
    part.write(
      `<mergeCells count="${merges.length}">${merges.map((ref) => `<mergeCell ref="${ref}"/>`).join("")}</mergeCells>`,
    );
  (spec.conditionalFormats ?? []).forEach((format) => part.write(conditionalFormat(format, styles)));
  const validations = spec.validations ?? [];
  if (validations.length > 0) {
    part.write(`<dataValidations count="${validations.length}">`);
    for (const validation of validations) {
      part.write(
        `<dataValidation type="list" allowBlank="1" showErrorMessage="1" errorStyle="stop" errorTitle="Not in the list" error="${escapeXml(validation.error)}" sqref="${validation.range}">` +
          `<formula1>${escapeXml(listFormula(validation, spec.name))}</formula1></dataValidation>`,
      );
    }
    part.write("</dataValidations>");
  }
  part.write("</worksheet>");
}

function cellXml(ref: string, cell: SpecCell | undefined, style: number): string {
  const s = style === 0 ? "" : ` s="${style}"`;
  if (cell === null || cell === undefined) return style === 0 ? "" : `<c r="${ref}"${s}/>`;
  if (typeof cell !== "object") return `<c r="${ref}"${s}${valueXml(cell, false)}</c>`;
  const formula = escapeXml(cell.f.startsWith("=") ? cell.f.slice(1) : cell.f);
  const value = cell.v === undefined || cell.v === null ? null : cell.v;
  if (value === null) return `<c r="${ref}"${s}><f>${formula}</f></c>`;
  const typed = valueXml(value, true);
  const close = typed.indexOf(">");
  return `<c r="${ref}"${s}${typed.slice(0, close + 1)}<f>${formula}</f>${typed.slice(close + 1)}</c>`;
}

/** The type attribute and value of a cell: ">…" starts at the end of the <c> tag. */
function valueXml(value: Exclude<Cell, null>, formula: boolean): string {
  if (typeof value === "number") return `><v>${value}</v>`;
  if (typeof value === "boolean") return ` t="b"><v>${value ? 1 : 0}</v>`;
  const text = escapeXml(value);
  return formula ? ` t="str"><v>${text}</v>` : ` t="inlineStr"><is><t xml:space="preserve">${text}</t></is>`;
}

function sheetViews(spec: SheetSpec, view: SheetViewOptions): string {
  const selected = view.selected ? ' tabSelected="1"' : "";
  const rows = spec.freeze?.rows ?? 0;
  const columns = spec.freeze?.columns ?? 0;
  const active = view.activeCell && parseA1(view.activeCell) ? view.activeCell : undefined;
  if (rows === 0 && columns === 0) {
    const selection = active ? `<selection activeCell="${active}" sqref="${active}"/>` : "";
    return `<sheetViews><sheetView workbookViewId="0"${selected}>${selection}</sheetView></sheetViews>`;
  }
  const pane = rows > 0 && columns > 0 ? "bottomRight" : rows > 0 ? "bottomLeft" : "topRight";
  const split = (columns > 0 ? ` xSplit="${columns}"` : "") + (rows > 0 ? ` ySplit="${rows}"` : "");
  const selection = active ? ` activeCell="${active}" sqref="${active}"` : "";
  return (
    `<sheetViews><sheetView workbookViewId="0"${selected}>` +
    `<pane${split} topLeftCell="${cellRef(rows + 1, columns)}" activePane="${pane}" state="frozen"/>` +
    `<selection pane="${pane}"${selection}/></sheetView></sheetViews>`
  );
}

/** ExcelJS takes a width of 9 for its default and leaves it out; so does this writer, so the two files agree. */
const EXCELJS_DEFAULT_WIDTH = 9;

function columns(widths: (number | undefined)[]): string {
  const cols = widths
    .map((width, c) =>
      width === undefined || width === EXCELJS_DEFAULT_WIDTH
        ? ""
        : `<col min="${c + 1}" max="${c + 1}" width="${width}" customWidth="1"/>`,
    )
    .join("");
  return cols === "" ? "" : `<cols>${cols}</cols>`;
}

function cfvo(point: ColorScalePoint): string {
  switch (point.type) {
    case "lowest":
      return '<cfvo type="min"/>';
    case "highest":
      return '<cfvo type="max"/>';
    case "number":
      return `<cfvo type="num" val="${point.value ?? 0}"/>`;
    case "percentile":
      return `<cfvo type="percentile" val="${point.value ?? 50}"/>`;
  }
}

function conditionalFormat(format: ConditionalFormat, styles: StyleSheet): string {
  if (format.kind === "colorScale") {
    const points = format.mid ? [format.min, format.mid, format.max] : [format.min, format.max];
    return (
      `<conditionalFormatting sqref="${format.range}"><cfRule type="colorScale" priority="1"><colorScale>` +
      points.map(cfvo).join("") +
      points.map((point) => `<color rgb="${argb(point.color)}"/>`).join("") +
      "</colorScale></cfRule></conditionalFormatting>"
    );
  }
  const bare = (formula: string) => escapeXml(formula.startsWith("=") ? formula.slice(1) : formula);
  const formulas = [format.formula1, ...(format.formula2 !== undefined ? [format.formula2] : [])];
  return (
    `<conditionalFormatting sqref="${format.range}"><cfRule type="cellIs" dxfId="${styles.differential(format)}" priority="1" operator="${format.operator}">` +
    formulas.map((formula) => `<formula>${bare(formula)}</formula>`).join("") +
    "</cfRule></conditionalFormatting>"
  );
}

// ---- workbook parts --------------------------------------------------------------------------------------------

function contentTypes(sheets: number): string {
  const type = (kind: string) => `application/vnd.openxmlformats-officedocument.spreadsheetml.${kind}+xml`;
  let xml =
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    `<Override PartName="/xl/workbook.xml" ContentType="${type("sheet.main")}"/>` +
    `<Override PartName="/xl/styles.xml" ContentType="${type("styles")}"/>`;
  for (let i = 1; i <= sheets; i++)
    xml += `<Override PartName="/xl/worksheets/sheet${i}.xml" ContentType="${type("worksheet")}"/>`;
  return `${xml}</Types>`;
}

function rootRelations(): string {
  return (
    `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`
  );
}

function workbookRelations(sheets: number): string {
  let xml =
    `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    `<Relationship Id="rId1" Type="${REL}/styles" Target="styles.xml"/>`;
  for (let i = 1; i <= sheets; i++)
    xml += `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i}.xml"/>`;
  return `${xml}</Relationships>`;
}

function workbookXml(book: StreamedWorkbook): string {
  const active = Math.max(
    0,
    book.sheets.findIndex((s) => s.spec.name === book.active),
  );
  const sheets = book.sheets
    .map(
      ({ spec }, i) =>
        `<sheet name="${escapeXml(spec.name)}" sheetId="${i + 1}"${spec.hidden ? ' state="hidden"' : ""} r:id="rId${i + 2}"/>`,
    )
    .join("");
  const names = [...book.markers]
    .map(([key, sheet]) => `<definedName name="${ownerName(key)}">${escapeXml(sheetA1(sheet))}</definedName>`)
    .join("");
  return (
    `${XML_HEAD}<workbook xmlns="${MAIN}" xmlns:r="${REL}">` +
    `<bookViews><workbookView xWindow="0" yWindow="0" windowWidth="20000" windowHeight="12000" firstSheet="0" activeTab="${active}"/></bookViews>` +
    `<sheets>${sheets}</sheets>` +
    (names === "" ? "" : `<definedNames>${names}</definedNames>`) +
    "</workbook>"
  );
}

// ---- styles ----------------------------------------------------------------------------------------------------

/**
 * styles.xml, gathered while the sheets are written: a cell format per distinct CellStyle (the same object for the
 * same style, as SpecStyles hands them out), and a differential format per cell-value conditional format.
 */
class StyleSheet {
  private readonly numberFormats = new Map<string, number>();
  private readonly fonts = new Map<string, number>([[DEFAULT_FONT, 0]]);
  private readonly fills = new Map<string, number>([
    ['<fill><patternFill patternType="none"/></fill>', 0],
    ['<fill><patternFill patternType="gray125"/></fill>', 1],
  ]);
  private readonly borders = new Map<string, number>([[EMPTY_BORDER, 0]]);
  private readonly formats = new Map<string, number>([
    ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>', 0],
  ]);
  private readonly byStyle = new Map<CellStyle, number>();
  private readonly differentials: string[] = [];

  cellFormat(style: CellStyle): number {
    const known = this.byStyle.get(style);
    if (known !== undefined) return known;
    const numFmt = style.numberFormat === undefined ? 0 : this.numberFormat(style.numberFormat);
    const font = fontXml(style);
    const fontId = font === "" ? 0 : index(this.fonts, font);
    const fillId = style.fill ? index(this.fills, solidFill("fgColor", style.fill)) : 0;
    const borderId = style.border === "thin" ? index(this.borders, THIN_BORDER) : 0;
    const alignment = alignmentXml(style);
    const applied =
      (numFmt !== 0 ? ' applyNumberFormat="1"' : "") +
      (fontId !== 0 ? ' applyFont="1"' : "") +
      (fillId !== 0 ? ' applyFill="1"' : "") +
      (borderId !== 0 ? ' applyBorder="1"' : "") +
      (alignment !== "" ? ' applyAlignment="1"' : "");
    const xf =
      `<xf numFmtId="${numFmt}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"${applied}` +
      (alignment === "" ? "/>" : `>${alignment}</xf>`);
    const id = index(this.formats, xf);
    this.byStyle.set(style, id);
    return id;
  }

  differential(format: Extract<ConditionalFormat, { kind: "cellValue" }>): number {
    this.differentials.push(
      "<dxf>" +
        (format.fontColor ? `<font><color rgb="${argb(format.fontColor)}"/></font>` : "") +
        (format.fill ? solidFill("bgColor", format.fill) : "") +
        "</dxf>",
    );
    return this.differentials.length - 1;
  }

  xml(): string {
    const list = (tag: string, items: Iterable<string>) => {
      const all = [...items];
      return `<${tag} count="${all.length}">${all.join("")}</${tag}>`;
    };
    const numFmts = [...this.numberFormats].map(
      ([code, id]) => `<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`,
    );
    return (
      `${XML_HEAD}<styleSheet xmlns="${MAIN}">` +
      (numFmts.length > 0 ? list("numFmts", numFmts) : "") +
      list("fonts", this.fonts.keys()) +
      list("fills", this.fills.keys()) +
      list("borders", this.borders.keys()) +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      list("cellXfs", this.formats.keys()) +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      list("dxfs", this.differentials) +
      "</styleSheet>"
    );
  }

  private numberFormat(code: string): number {
    const builtIn = BUILT_IN_FORMATS[code];
    if (builtIn !== undefined) return builtIn;
    let id = this.numberFormats.get(code);
    if (id === undefined) {
      id = 164 + this.numberFormats.size;
      this.numberFormats.set(code, id);
    }
    return id;
  }
}

/** The formats every reader knows by number (ECMA-376 18.8.30); others are declared from 164 on. */
const BUILT_IN_FORMATS: Record<string, number> = { General: 0, "0": 1, "0.00": 2, "0%": 9, "0.00%": 10 };

const DEFAULT_FONT =
  '<font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>';
const EMPTY_BORDER = "<border><left/><right/><top/><bottom/><diagonal/></border>";
/** toExcelStyle's thin border: light grey on all four sides. */
const THIN_SIDE = '<color rgb="FFBFBFBF"/>';
const THIN_BORDER =
  `<border><left style="thin">${THIN_SIDE}</left><right style="thin">${THIN_SIDE}</right>` +
  `<top style="thin">${THIN_SIDE}</top><bottom style="thin">${THIN_SIDE}</bottom><diagonal/></border>`;

function index(items: Map<string, number>, xml: string): number {
  let id = items.get(xml);
  if (id === undefined) {
    id = items.size;
    items.set(xml, id);
  }
  return id;
}

function fontXml(style: CellStyle): string {
  const parts =
    (style.bold ? "<b/>" : "") +
    (style.italic ? "<i/>" : "") +
    (style.fontColor ? `<color rgb="${argb(style.fontColor)}"/>` : "") +
    (style.fontSize ? `<sz val="${style.fontSize}"/>` : "");
  return parts === "" ? "" : `<font>${parts}</font>`;
}

function solidFill(which: "fgColor" | "bgColor", color: string): string {
  return `<fill><patternFill patternType="solid"><${which} rgb="${argb(color)}"/></patternFill></fill>`;
}

function alignmentXml(style: CellStyle): string {
  const attributes =
    (style.horizontal ? ` horizontal="${style.horizontal}"` : "") +
    (style.vertical ? ` vertical="${style.vertical}"` : "") +
    (style.wrap ? ' wrapText="1"' : "");
  return attributes === "" ? "" : `<alignment${attributes}/>`;
}
