/**
 * The ownership marker of a sheet: a workbook-scoped defined name `CM_<encoded key>` referring to A1 of the sheet.
 * Excel keeps a defined name pointing at its sheet through renames and moves, so the add-in finds its sheets by key,
 * in Excel and in an exported .xlsx alike. Defined names allow only letters, digits, "_" and ".", so every other
 * character of the key (and "_" itself) is written as "_" and four hex digits; that makes the encoding reversible.
 */

const PREFIX = "CM_";

export function ownerName(key: string): string {
  let encoded = "";
  for (const ch of key) {
    const code = ch.codePointAt(0) ?? 0;
    encoded += /[A-Za-z0-9.]/.test(ch) && code < 128 ? ch : codeUnits(ch);
  }
  return PREFIX + encoded;
}

function codeUnits(ch: string): string {
  let out = "";
  for (let i = 0; i < ch.length; i++)
    out += `_${ch.charCodeAt(i).toString(16).toUpperCase().padStart(4, "0")}`;
  return out;
}

/** The key a marker name encodes; undefined for any other defined name. */
export function keyFromOwnerName(name: string): string | undefined {
  if (!name.toUpperCase().startsWith(PREFIX)) return undefined;
  const body = name.slice(PREFIX.length);
  if (!/^([A-Za-z0-9.]|_[0-9A-Fa-f]{4})*$/.test(body)) return undefined;
  return body.replace(/_([0-9A-Fa-f]{4})/g, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** 'It''s'!$A$1 — a sheet-qualified absolute reference, quoting the sheet name as Excel does. */
export function sheetA1(sheetName: string): string {
  return `'${sheetName.replace(/'/g, "''")}'!$A$1`;
}
