import { a1Of, sheetOfFormula } from "../../../src/hosts/office/markers";

describe("ownership marker references", () => {
  it("finds the sheet in the formulas Excel reports for a name", () => {
    expect(sheetOfFormula("=Ratings!$A$1")).toBe("Ratings");
    expect(sheetOfFormula("='Team ratings'!$A$1")).toBe("Team ratings");
    expect(sheetOfFormula("='It''s mine!'!$A$1")).toBe("It's mine!");
  });

  it("sees no sheet once Excel has turned the reference into #REF!", () => {
    expect(sheetOfFormula("=#REF!$A$1")).toBeNull();
    expect(sheetOfFormula(42)).toBeNull();
  });

  it("writes references that read back to the same sheet", () => {
    for (const name of ["Ratings", "Team ratings", "It's mine!"])
      expect(sheetOfFormula(a1Of(name))).toBe(name);
  });
});
