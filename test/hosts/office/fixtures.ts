/** Specs for the Office host's tests and benchmark. */
import { columnLetter } from "../../../src/core/a1";
import type { SheetSpec, SpecCell } from "../../../src/sheets/spec";

/** A sheet using every feature a spec can carry. */
export function everyFeatureSpec(): SheetSpec {
  return {
    name: "Heatmap",
    kind: "readiness-heatmap",
    key: "readiness-heatmap:backend",
    cells: [
      ["Person", "Readiness", "Level", "Note"],
      ["Ana", 0.85, "Senior", { f: "=B2*100", v: 85 }],
      ["Ben", 0.4, "Staff", "=not a formula"],
      ["Cy", null, "007", "TRUE"],
    ],
    styles: [
      {
        range: "A1:D1",
        style: { bold: true, fill: "#1F4E78", fontColor: "#FFFFFF", wrap: true, vertical: "center" },
      },
      { range: "B2:B4", style: { numberFormat: "0%", horizontal: "center", border: "thin" } },
      { range: "D2", style: { italic: true, fontSize: 9 } },
    ],
    columnWidths: [20, 12, 12],
    rowHeights: { 0: 30 },
    freeze: { rows: 1, columns: 1 },
    merges: ["E1:F1"],
    conditionalFormats: [
      {
        kind: "colorScale",
        range: "B2:B4",
        min: { type: "lowest", color: "#F8696B" },
        mid: { type: "percentile", value: 50, color: "#FFEB84" },
        max: { type: "highest", color: "#63BE7B" },
      },
      {
        kind: "cellValue",
        range: "B2:B4",
        operator: "greaterThanOrEqual",
        formula1: "0.8",
        fill: "#C6EFCE",
        fontColor: "#006100",
      },
    ],
    validations: [{ range: "C2:C4", list: ["Senior", "Staff"], error: "Pick a level from the list." }],
    tabColor: "#548235",
  };
}

/** A ratings-like sheet: people with track, level, rater, team and a 0-4 rating per competency column. */
export function ratingsLikeSpec(people: number, columns = 60, key = "ratings", name = "Ratings"): SheetSpec {
  const competencies = columns - 5;
  const header: SpecCell[] = [
    "Person",
    "Track",
    "Level",
    "Rater",
    "Team",
    ...Array.from({ length: competencies }, (_, i) => `Competency ${i + 1}`),
  ];
  const rows: SpecCell[][] = Array.from({ length: people }, (_, p) => [
    `Person ${p + 1}`,
    "Backend Engineering",
    p % 3 === 0 ? "Senior Backend Engineer" : "Backend Engineer",
    `Manager ${p % 7}`,
    `Team ${p % 11}`,
    ...Array.from({ length: competencies }, (_, c) => ((p * 7 + c * 3) % 6 === 5 ? null : (p + c) % 5)),
  ]);
  const last = columnLetter(columns - 1);
  return {
    name,
    kind: "ratings",
    key,
    cells: [header, ...rows],
    styles: [
      { range: `A1:${last}1`, style: { bold: true, fill: "#1F4E78", fontColor: "#FFFFFF" } },
      { range: `F2:${last}${people + 1}`, style: { horizontal: "center" } },
    ],
    columnWidths: [24, 20, 16, 18, 16, ...Array.from({ length: competencies }, () => 13)],
    freeze: { rows: 1, columns: 1 },
    validations: [
      {
        range: `B2:B${people + 1}`,
        list: ["Backend Engineering", "Frontend Engineering"],
        error: "Pick a track from the list.",
      },
      {
        range: `F2:${last}${people + 1}`,
        list: ["0", "1", "2", "3", "4"],
        error: "A rating is 0 to 4, or blank.",
      },
    ],
    conditionalFormats: [
      {
        kind: "colorScale",
        range: `F2:${last}${people + 1}`,
        min: { type: "number", value: 0, color: "#F8696B" },
        max: { type: "number", value: 4, color: "#63BE7B" },
      },
    ],
    tabColor: "#548235",
  };
}

/** Rows of free text (e.g. descriptors and notes): about 20 bytes a cell, so 5,000 x 60 is several requests. */
export function textSpec(rows: number, columns = 60): SheetSpec {
  return {
    name: "Notes",
    kind: "matrix",
    key: "notes",
    cells: Array.from({ length: rows }, (_, r) =>
      Array.from({ length: columns }, (_, c) => `Note ${r + 1}.${c + 1} meets bar`),
    ),
  };
}

/**
 * A heatmap-like sheet: a name per person, then columns whose formulas are the same relative formula in every row
 * (as the live heatmaps are), a percent format over the people and a lookup block below them.
 */
export function filledSpec(people: number): SheetSpec {
  const block = people + 4;
  const rows: SpecCell[][] = Array.from({ length: people }, (_, i) => {
    const row = i + 3;
    return [
      `Person ${i + 1}`,
      i % 7 === 0 ? null : "Team",
      {
        f: `=IFERROR(INDEX($B$${block}:$B$${block + 1},MATCH($E${row},$A$${block}:$A$${block + 1},0)),"")`,
        v: i % 2,
      },
      { f: `=IF(C${row}="","",C${row}*2+$B$1)`, v: (i % 2) * 2 + 1 },
      i % 2 === 0 ? "even" : "odd",
    ];
  });
  return {
    name: "Filled",
    kind: "readiness-heatmap",
    key: "filled",
    cells: [
      ["Filled", 1],
      ["Person", "Team", "Lookup", "Twice", "Key"],
      ...rows,
      [],
      ["even", 0],
      ["odd", 1],
    ],
    styles: [
      { range: "A2:E2", style: { bold: true } },
      { range: `C3:D${people + 2}`, style: { numberFormat: "0%", horizontal: "center" } },
    ],
  };
}
