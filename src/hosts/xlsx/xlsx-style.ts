/** Sheet-spec styles and conditional formats in ExcelJS's vocabulary. */
import type ExcelJS from "exceljs";
import type { CellStyle, ColorScalePoint, ConditionalFormat } from "../../sheets/spec";

/** "#1F6FEB" -> "FF1F6FEB" (opaque ARGB). */
export function argb(color: string): string {
  return `FF${color.replace(/^#/, "").toUpperCase()}`;
}

export function toExcelStyle(style: CellStyle): Partial<ExcelJS.Style> {
  const out: Partial<ExcelJS.Style> = {};
  const font: Partial<ExcelJS.Font> = {};
  if (style.bold) font.bold = true;
  if (style.italic) font.italic = true;
  if (style.fontColor) font.color = { argb: argb(style.fontColor) };
  if (style.fontSize) font.size = style.fontSize;
  if (Object.keys(font).length > 0) out.font = font;
  if (style.fill) out.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(style.fill) } };
  if (style.numberFormat) out.numFmt = style.numberFormat;
  const alignment: Partial<ExcelJS.Alignment> = {};
  if (style.wrap) alignment.wrapText = true;
  if (style.horizontal) alignment.horizontal = style.horizontal;
  if (style.vertical) alignment.vertical = style.vertical === "center" ? "middle" : style.vertical;
  if (Object.keys(alignment).length > 0) out.alignment = alignment;
  if (style.border === "thin") {
    const thin: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FFBFBFBF" } };
    out.border = { top: thin, left: thin, bottom: thin, right: thin };
  }
  return out;
}

function cfvo(point: ColorScalePoint): ExcelJS.Cvfo {
  switch (point.type) {
    case "lowest":
      return { type: "min" };
    case "highest":
      return { type: "max" };
    case "number":
      return { type: "num", value: point.value ?? 0 };
    case "percentile":
      return { type: "percentile", value: point.value ?? 50 };
  }
}

/** Formulas in conditional formats are stored without the leading "=". */
function bare(formula: string): string {
  return formula.startsWith("=") ? formula.slice(1) : formula;
}

export function toConditionalFormatting(format: ConditionalFormat): ExcelJS.ConditionalFormattingOptions {
  if (format.kind === "colorScale") {
    const points = format.mid ? [format.min, format.mid, format.max] : [format.min, format.max];
    return {
      ref: format.range,
      rules: [
        {
          type: "colorScale",
          priority: 1,
          cfvo: points.map(cfvo),
          color: points.map((point) => ({ argb: argb(point.color) })),
        },
      ],
    };
  }
  const style: Partial<ExcelJS.Style> = {};
  // Differential formats (conditional formats) take the fill colour from bgColor, not fgColor.
  if (format.fill) style.fill = { type: "pattern", pattern: "solid", bgColor: { argb: argb(format.fill) } };
  if (format.fontColor) style.font = { color: { argb: argb(format.fontColor) } };
  const formulae = [bare(format.formula1), ...(format.formula2 !== undefined ? [bare(format.formula2)] : [])];
  return {
    ref: format.range,
    // ExcelJS's types list four operators, but it writes any OOXML operator (lessThanOrEqual, notEqual...) as given.
    rules: [
      { type: "cellIs", priority: 1, operator: format.operator as ExcelJS.CellIsOperators, formulae, style },
    ],
  };
}
