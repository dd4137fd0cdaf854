/** The export code, fetched on first use so ExcelJS is not part of the pane's first load. */
export const loadExport = () => import(/* webpackChunkName: "export" */ "./export-files");

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Excel.createWorkbook takes the file as base64. */
export function toBase64(bytes: Uint8Array): string {
  let binary = "";
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return btoa(binary);
}

/** A file name from a title: no characters a file system refuses. */
export function fileName(title: string, extension: string): string {
  const base =
    title
      .replace(/[\\/:*?"<>|]+/g, "-")
      .replace(/\s+/g, " ")
      .trim() || "Career matrix";
  return `${base}.${extension}`;
}
