import { GapTable } from "../../src/core/gap-table";
import { tinyMatrix } from "./fixtures";

const scale = tinyMatrix().scale; // 0–4
const table = new GapTable(["code-quality", "mentoring"], scale);

function gap(index: number, expected: number, rating: number) {
  return table.gap(index, expected, rating, table.expectationSlot(index, expected), table.ratingSlot(rating));
}

describe("GapTable", () => {
  it("gives rating − expectation, and null for a competency not assessed", () => {
    expect(gap(0, 3, 1)).toEqual({ competency: "code-quality", expected: 3, rating: 1, gap: -2 });
    expect(gap(1, 2, NaN)).toEqual({ competency: "mentoring", expected: 2, rating: null, gap: null });
    expect(gap(1, 2, 4)).toEqual({ competency: "mentoring", expected: 2, rating: 4, gap: 2 });
  });

  it("shares one frozen record per competency, expectation and rating", () => {
    expect(gap(0, 3, 1)).toBe(gap(0, 3, 1));
    expect(gap(1, 2, NaN)).toBe(gap(1, 2, NaN));
    expect(gap(0, 3, 1)).not.toBe(gap(1, 3, 1));
    expect(gap(0, 3, 1)).not.toBe(gap(0, 2, 1));
    expect(Object.isFrozen(gap(0, 3, 1))).toBe(true);
  });

  it("never confuses the top of the scale with not assessed", () => {
    expect(gap(0, 4, 4).rating).toBe(4);
    expect(gap(0, 4, NaN).rating).toBeNull();
  });

  it("makes values off the scale one by one, still correct", () => {
    expect(table.ratingSlot(2.5)).toBe(-1);
    expect(table.ratingSlot(5)).toBe(-1);
    expect(table.expectationSlot(0, -1)).toBe(-1);
    expect(gap(0, 3, 2.5)).toEqual({ competency: "code-quality", expected: 3, rating: 2.5, gap: -0.5 });
    expect(gap(0, 3, 5)).toEqual({ competency: "code-quality", expected: 3, rating: 5, gap: 2 });
    expect(Object.isFrozen(gap(0, 3, 5))).toBe(false);
  });

  it("works without sharing when the scale is too wide to tabulate", () => {
    const wide = new GapTable(
      ["x"],
      Array.from({ length: 101 }, (_, value) => ({ value, label: String(value), meaning: "" })),
    );
    expect(wide.expectationSlot(0, 50)).toBe(-1);
    expect(wide.gap(0, 50, 70, wide.expectationSlot(0, 50), wide.ratingSlot(70))).toEqual({
      competency: "x",
      expected: 50,
      rating: 70,
      gap: 20,
    });
  });
});
