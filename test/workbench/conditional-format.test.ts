import { conditionalLooks, rangeWithin, scaleColor } from "../../src/workbench/conditional-format";
import { readinessStatus } from "../../src/core/readiness";
import { readinessBands, STATUS_FILL, statusFormats } from "../../src/sheets/status";

const RED_AMBER_GREEN = {
  min: { type: "number", value: 0, color: "#F8696B" },
  mid: { type: "number", value: 0.5, color: "#FFEB84" },
  max: { type: "number", value: 1, color: "#63BE7B" },
} as const;

describe("conditional formats as Excel shows them", () => {
  it("gives a three-point colour scale its end colours at and beyond the ends, and the mid colour in the middle", () => {
    const values = [[0, 0.5, 1, -2, 3]];
    const looks = conditionalLooks(values, [{ kind: "colorScale", range: "A1:E1", ...RED_AMBER_GREEN }]);
    expect(looks[0].map((l) => l?.fill)).toEqual(["#F8696B", "#FFEB84", "#63BE7B", "#F8696B", "#63BE7B"]);
  });

  it("fills readiness shares with the colour of the status the same share gets, thresholds included", () => {
    const scoring = { ready: 0.9, almost: 0.7, minCoverage: 0.5 };
    const shares = [0, 0.5, 0.69, 0.7, 0.4 + 0.3, 0.83, 0.89, 0.9, 0.4 + 0.5, 0.95, 1];
    const looks = conditionalLooks([shares], readinessBands("A1:K1", scoring));
    expect(looks[0].map((l) => l?.fill)).toEqual(
      shares.map((share) => STATUS_FILL[readinessStatus(share, 1, scoring)]),
    );
    // A 50 % Not yet is not amber and an 83 % Almost is not green, as they were on the continuous scale.
    expect(looks[0][1]?.fill).toBe(STATUS_FILL["not-yet"]);
    expect(looks[0][5]?.fill).toBe(STATUS_FILL.almost);
  });

  it("interpolates between stops in RGB", () => {
    expect(
      scaleColor(
        [
          { value: 0, color: "#000000" },
          { value: 10, color: "#FF8000" },
        ],
        5,
      ),
    ).toBe("#804000");
  });

  it("measures lowest and highest on the numbers in the range, leaving text and blanks uncoloured", () => {
    const values = [
      ["Name", 2],
      [null, 4],
      ["x", 6],
    ];
    const looks = conditionalLooks(values, [
      {
        kind: "colorScale",
        range: "B1:B3",
        min: { type: "lowest", color: "#FFFFFF" },
        max: { type: "highest", color: "#0000FF" },
      },
      {
        kind: "colorScale",
        range: "A1:A3",
        min: { type: "lowest", color: "#FFFFFF" },
        max: { type: "highest", color: "#0000FF" },
      },
    ]);
    expect([looks[0][1]?.fill, looks[1][1]?.fill, looks[2][1]?.fill]).toEqual([
      "#FFFFFF",
      "#8080FF",
      "#0000FF",
    ]);
    expect(looks[0][0]).toBeUndefined();
    expect(looks[1]?.[0]).toBeUndefined();
  });

  it("fills status words by their text, ignoring case as Excel does", () => {
    const values = [["Ready"], ["not yet"], ["Almost"], ["Unknown"]];
    const looks = conditionalLooks(values, statusFormats("A1:A4"));
    expect(looks.map((row) => row?.[0]?.fill)).toEqual(["#C6EFCE", "#FFC7CE", "#FFEB9C", undefined]);
  });

  it("lets the earlier rule win where two rules set the same property", () => {
    const values = [[5]];
    const looks = conditionalLooks(values, [
      { kind: "cellValue", range: "A1", operator: "greaterThan", formula1: "3", fill: "#111111" },
      {
        kind: "cellValue",
        range: "A1",
        operator: "between",
        formula1: "1",
        formula2: "9",
        fill: "#222222",
        fontColor: "#333333",
      },
    ]);
    expect(looks[0][0]).toEqual({ fill: "#111111", fontColor: "#333333" });
  });

  it("reads whole-column and whole-row ranges within the used area", () => {
    expect(rangeWithin("C:E", 10, 8)).toEqual({ start: { row: 1, column: 2 }, end: { row: 10, column: 4 } });
    expect(rangeWithin("$3:$4", 10, 8)).toEqual({ start: { row: 3, column: 0 }, end: { row: 4, column: 7 } });
  });
});
