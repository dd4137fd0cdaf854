import { careerMatrixFromFramework } from "../../src/core/career-matrix";
import type { Cell } from "../../src/core/types";
import { bundledFramework } from "../../src/data";
import { ratingsSheetSpec } from "../../src/sheets/ratings-sheet";

describe("ratingsSheetSpec on a long Ratings sheet", () => {
  it("lays out 150,000 existing rows without overflowing the call stack", () => {
    const matrix = careerMatrixFromFramework(bundledFramework(), ["backend"]);
    const existing: Cell[][] = [
      ["Person", "Track", "Level", "Rater", "Team", "code-review"],
      ...Array.from({ length: 150_000 }, (_, i): Cell[] => [`Person ${i}`, "Backend", "Senior", "", "", 3]),
    ];
    const sheet = ratingsSheetSpec(matrix, existing, []);
    expect(sheet.spec.cells.length).toBeGreaterThan(150_000);
    expect(sheet.spec.cells[150_000][0]).toBe("Person 149999");
  });
});
