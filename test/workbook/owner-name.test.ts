import fc from "fast-check";
import { keyFromOwnerName, ownerName, sheetA1 } from "../../src/workbook/owner-name";

describe("ownership marker names", () => {
  it("are valid Excel defined names: CM_ then letters, digits, dots and underscores only", () => {
    expect(ownerName("comparison:backend.senior~backend.staff")).toBe(
      "CM_comparison_003Abackend.senior_007Ebackend.staff",
    );
    expect(ownerName("ratings")).toBe("CM_ratings");
  });

  it("decode back to the key, whatever characters the key has", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", minLength: 1 }), (key) => {
        expect(keyFromOwnerName(ownerName(key))).toBe(key);
      }),
    );
  });

  it("tell the add-in's names from a user's own defined names", () => {
    expect(keyFromOwnerName("TaxRate")).toBeUndefined();
    expect(keyFromOwnerName("CM_bad_zz")).toBeUndefined();
  });

  it("refer to A1 of the sheet, quoting the sheet name as Excel does", () => {
    expect(sheetA1("Team's heatmap")).toBe("'Team''s heatmap'!$A$1");
  });
});
