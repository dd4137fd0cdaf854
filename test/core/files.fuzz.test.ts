/**
 * Random grids, bytes and JSON into every reader of what users hand us: none throws, every problem points at a place
 * the user can go to, and valid rows still score whatever surrounds them.
 */
import fc from "fast-check";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ratingsTable } from "../../src/cli/inputs";
import { InputError } from "../../src/cli/usage";
import { careerMatrixFromFramework } from "../../src/core/career-matrix";
import { decodeText } from "../../src/core/decode-text";
import { readFrameworkText } from "../../src/core/framework-file";
import { readRatings } from "../../src/core/ratings";
import type { Cell, Problem } from "../../src/core/types";
import { bundledFramework } from "../../src/data";
import { parseCsv } from "../../src/export/csv";
import { readMatrixSheet } from "../../src/sheets/matrix-read";
import { matrixSheetSpec } from "../../src/sheets/matrix-sheet";
import { genTeam, matrixArb, ratingsCells } from "./arbitraries";
import { tinyMatrix } from "./fixtures";

jest.setTimeout(120_000);

const runs = { numRuns: 150 };

/** What people's cells hold: blanks, numbers of every kind, names, labels, error values, odd and long text. */
const cellArb: fc.Arbitrary<Cell> = fc.oneof(
  fc.constant(null),
  fc.double(),
  fc.integer({ min: -2, max: 7 }),
  fc.boolean(),
  fc.constantFrom(
    "Person",
    "Track",
    "Level",
    "Backend",
    "Senior",
    "Proficient",
    "#N/A",
    " ",
    "\u00a0",
    "constructor",
  ),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: "binary", maxLength: 8 }),
);
const gridArb = fc.array(fc.array(cellArb, { maxLength: 9 }), { maxLength: 9 });

function located(problem: Problem): boolean {
  return (
    Number.isInteger(problem.row) &&
    problem.row! >= 1 &&
    Number.isInteger(problem.column) &&
    problem.column! >= 1
  );
}

describe("readers never throw and always say where", () => {
  it("ratings reader: random grids", () => {
    const matrix = careerMatrixFromFramework(bundledFramework());
    fc.assert(
      fc.property(gridArb, (grid) => {
        const read = readRatings(grid, matrix, { warnNumbersAsText: true });
        expect(read.problems.every(located)).toBe(true);
      }),
      runs,
    );
  });

  it("ratings reader: valid rows still score among random rows", () => {
    fc.assert(
      fc.property(
        matrixArb().chain((matrix) =>
          fc.tuple(
            fc.constant(matrix),
            fc.gen(),
            fc.array(fc.array(cellArb, { maxLength: 9 }), { maxLength: 5 }),
          ),
        ),
        ([matrix, g, junk]) => {
          const [header, ...rows] = ratingsCells(matrix, genTeam(g, matrix));
          // Junk never reuses a valid person's name: a repeated name is, rightly, read only once.
          const noise = junk.map((row) =>
            typeof row[0] === "string" && row[0].startsWith("Person") ? row.slice(1) : row,
          );
          const cells = [header, ...rows.flatMap((row, i) => (i < noise.length ? [noise[i], row] : [row]))];
          const read = readRatings(cells, matrix);
          expect(read.problems.every(located)).toBe(true);
          expect(read.people.map((p) => p.person)).toEqual(expect.arrayContaining(rows.map((row) => row[0])));
        },
      ),
      runs,
    );
  });

  it("text decoder and CSV parser: random bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const decoded = decodeText(bytes);
        if (!decoded.ok) {
          expect(decoded.line).toBeGreaterThanOrEqual(1);
          expect(decoded.column).toBeGreaterThanOrEqual(1);
          return;
        }
        expect(parseCsv(decoded.text).problems.every(located)).toBe(true);
      }),
      runs,
    );
  });

  it("framework loader: random JSON text and random values", () => {
    fc.assert(
      fc.property(fc.oneof(fc.json(), fc.string(), fc.string({ unit: "binary" })), (text) => {
        const read = readFrameworkText(text);
        if (read.framework === undefined) {
          expect(read.problems.length).toBeGreaterThan(0);
          expect(read.problems.every((p) => p.where !== "" && p.message !== "")).toBe(true);
        }
      }),
      runs,
    );
  });

  it("matrix-sheet reader: a matrix sheet with random cells overwritten", () => {
    const matrix = tinyMatrix();
    const track = matrix.tracks[0].id;
    // The sheet as read back: formulas give their values.
    const cells: Cell[][] = matrixSheetSpec(matrix, track).cells.map((row) =>
      row.map((cell) => (cell !== null && typeof cell === "object" ? (cell.v ?? null) : cell)),
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat({ max: cells.length + 2 }), fc.nat({ max: 12 }), cellArb), {
          maxLength: 12,
        }),
        (edits) => {
          const edited = cells.map((row) => [...row]);
          for (const [row, column, value] of edits) {
            while (edited.length <= row) edited.push([]);
            edited[row][column] = value;
          }
          const read = readMatrixSheet(edited, matrix, track, "Matrix");
          expect(read.problems.every(located)).toBe(true);
        },
      ),
      runs,
    );
  });

  it("ratings files: random bytes as .csv and as .xlsx end in ratings or an input error, nothing else", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cm-fuzz-"));
    const matrix = careerMatrixFromFramework(bundledFramework());
    try {
      await fc.assert(
        fc.asyncProperty(
          fc.uint8Array({ maxLength: 300 }),
          fc.constantFrom(".csv", ".xlsx"),
          async (bytes, extension) => {
            const file = path.join(dir, `ratings${extension}`);
            // Half the time a real zip signature, so the workbook reader is reached, not only the signature check.
            fs.writeFileSync(
              file,
              extension === ".xlsx" && bytes.length % 2 === 0
                ? Buffer.concat([Buffer.from("PK\u0003\u0004"), bytes])
                : bytes,
            );
            try {
              const read = await ratingsTable(file, matrix);
              expect(read.problems.every(located)).toBe(true);
            } catch (error) {
              expect(error).toBeInstanceOf(InputError);
              expect((error as InputError).lines.every((line) => /^\S+:\d+:\d+: /.test(line))).toBe(true);
            }
          },
        ),
        { numRuns: 60 },
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
