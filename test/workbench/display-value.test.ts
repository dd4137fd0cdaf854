import { displayValue } from "../../src/workbench/display-value";

describe("cell text as Excel shows it", () => {
  it("shows percentages, fixed decimals and General", () => {
    expect(displayValue(0.756, "0%")).toBe("76%");
    expect(displayValue(2.345, "0.00")).toBe("2.35");
    expect(displayValue(1 / 3)).toBe("0.3333333333");
    expect(displayValue(4)).toBe("4");
  });

  it("signs gaps with the positive;negative;zero sections", () => {
    expect(displayValue(1.25, "+0.0;-0.0;0")).toBe("+1.3");
    expect(displayValue(-2, "+0.0;-0.0;0")).toBe("-2.0");
    expect(displayValue(0, "+0;-0;0")).toBe("0");
    expect(displayValue(-0.5, "+0.00;-0.00;0")).toBe("-0.50");
  });

  it("shows text, booleans and blanks as typed", () => {
    expect(displayValue("Senior", "0%")).toBe("Senior");
    expect(displayValue(true)).toBe("TRUE");
    expect(displayValue(null)).toBe("");
  });
});
