/** How the Office host lays out a sheet's cells: formulas filled down where they repeat, blanks left unsent. */
import { cellBlocks, findFills } from "../../../src/hosts/office/cell-blocks";
import { shiftFormula } from "../../../src/sheets/formula-shift";

const OPERATION = 200;

describe("findFills", () => {
  it("finds a column of one relative formula and takes adjacent columns with the same rows together", () => {
    const long = (f: string) => `${f}+0*LEN("${"x".repeat(120)}")`;
    const rows = Array.from({ length: 6 }, (_, i) => [
      `Person ${i}`,
      shiftFormula(long("=INDEX(Ratings!F:F,$D5)"), i, 0),
      shiftFormula(long("=B5*2+$A$1"), i, 0),
      `key ${i}`,
    ]);
    expect(findFills([["Title"], ["Person", "Gap", "Twice", "Key"], ...rows], OPERATION)).toEqual([
      { top: 2, bottom: 7, left: 1, right: 2 },
    ]);
  });

  it("ends a run where a row's formula is not the one above moved down", () => {
    const f = (row: number, suffix = "") =>
      `=IFERROR(MATCH($A${row},Ratings!$A:$A,0),"${"-".repeat(150)}${suffix}")`;
    const cells = [[f(1)], [f(2)], [f(3)], [f(4, "other")], [f(5, "other")], [f(6, "other")]];
    expect(findFills(cells, OPERATION)).toEqual([
      { top: 0, bottom: 2, left: 0, right: 0 },
      { top: 3, bottom: 5, left: 0, right: 0 },
    ]);
  });

  it("leaves out runs too short to save more than the copy costs, and constants that repeat", () => {
    expect(findFills([["=A1"], ["=A2"], ["=A3"]], OPERATION)).toEqual([]);
    expect(findFills([["same"], ["same"], ["same"]], 0)).toEqual([]);
    expect(findFills([["=A1"], ["=A2"]], 0)).toEqual([{ top: 0, bottom: 1, left: 0, right: 0 }]);
  });
});

describe("cellBlocks", () => {
  it("writes the people's names apart from the filled columns, sending no blanks for them", () => {
    const header = ["Person", "Team", "Gap 1", "Gap 2", "Gap 3", "Gap 4", "Gap 5", "Key"];
    const first = ["Ana", "Web", "=1", "=2", "=3", "=4", "=5", "k1"];
    const rest = Array.from({ length: 200 }, (_, i) => [
      `P${i}`,
      "Web",
      null,
      null,
      null,
      null,
      null,
      `k${i}`,
    ]);
    const blocks = cellBlocks([header, first, ...rest], OPERATION);
    expect(blocks.map((b) => [b.top, b.left, b.rows.length, b.rows[0].length])).toEqual([
      [0, 0, 2, 8],
      [2, 0, 200, 2],
      [2, 7, 200, 1],
    ]);
    expect(blocks[1].rows[0]).toEqual(["P0", "Web"]);
    expect(blocks[2].rows[199]).toEqual(["k199"]);
  });

  it("sends a few blanks rather than another write, and never an all-blank row", () => {
    const cells = [["Title"], ["Note", null, "x"], [], [], ["A", "B", "C"], ["D", null, "F"]];
    const blocks = cellBlocks(cells, OPERATION);
    expect(blocks).toEqual([
      {
        top: 0,
        left: 0,
        rows: [
          ["Title", null, null],
          ["Note", null, "x"],
        ],
      },
      {
        top: 4,
        left: 0,
        rows: [
          ["A", "B", "C"],
          ["D", null, "F"],
        ],
      },
    ]);
  });

  it("covers every non-null cell exactly where it is", () => {
    const cells = Array.from({ length: 40 }, (_, r) =>
      Array.from({ length: 12 }, (_, c) => ((r * 7 + c * 3) % 5 === 0 ? `${r}:${c}` : null)),
    );
    const seen = new Map<string, unknown>();
    for (const block of cellBlocks(cells, OPERATION))
      block.rows.forEach((row, r) =>
        row.forEach((cell, c) => {
          if (cell !== null) seen.set(`${block.top + r}:${block.left + c}`, cell);
        }),
      );
    const expected = new Map<string, unknown>();
    cells.forEach((row, r) => row.forEach((cell, c) => cell !== null && expected.set(`${r}:${c}`, cell)));
    expect(seen).toEqual(expected);
  });
});
