/**
 * Ownership markers in Excel: a workbook-scoped defined name per owned sheet (the same `CM_<key>` names the .xlsx
 * host writes, so an exported workbook opened in Excel is recognised). The name refers to A1 of its sheet; Excel
 * keeps it pointing there through renames, and turns it into #REF! when the sheet is deleted.
 */
import { keyFromOwnerName, ownerName } from "../../workbook/owner-name";
import type { ExcelNamedItem } from "./excel-api";

export { ownerName };

export interface Marker {
  key: string;
  item: ExcelNamedItem;
  /** The sheet the name refers to; null when the sheet is gone (#REF!). */
  sheet: string | null;
}

/** "='It''s'!$A$1" or "=Ratings!$A$1" -> the sheet name; null for #REF! or anything else. */
export function sheetOfFormula(formula: unknown): string | null {
  if (typeof formula !== "string") return null;
  const quoted = /^='((?:[^']|'')+)'!\$?[A-Z]+\$?[0-9]+$/.exec(formula);
  if (quoted) return quoted[1].replace(/''/g, "'");
  const plain = /^=([^'!#][^!]*)!\$?[A-Z]+\$?[0-9]+$/.exec(formula);
  return plain ? plain[1] : null;
}

/** A sheet-qualified absolute reference to A1, quoted as Excel accepts any sheet name. */
export function a1Of(sheet: string): string {
  return `='${sheet.replace(/'/g, "''")}'!$A$1`;
}

/** Markers among loaded names (name and formula loaded). */
export function readMarkers(items: ExcelNamedItem[]): Map<string, Marker> {
  const markers = new Map<string, Marker>();
  for (const item of items) {
    const key = keyFromOwnerName(item.name);
    if (key !== undefined) markers.set(key, { key, item, sheet: sheetOfFormula(item.formula) });
  }
  return markers;
}
