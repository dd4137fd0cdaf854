/** Moving formulas as Excel moves them on copy or fill, and telling two cells hold the same relative formula. */
import { movedFormulaTest, relativeFormula, shiftFormula } from "../../src/sheets/formula-shift";

describe("shiftFormula", () => {
  it("moves relative cell references and keeps the parts marked with $", () => {
    expect(shiftFormula("=A1+$B$1+C$1+$D1", 1, 1)).toBe("=B2+$B$1+D$1+$D2");
    expect(shiftFormula("=SUM(E5:G5)", 3, 0)).toBe("=SUM(E8:G8)");
    expect(shiftFormula('=IFERROR(AVERAGE(E5:G5),"")', 0, 2)).toBe('=IFERROR(AVERAGE(G5:I5),"")');
  });

  it("moves whole-column and whole-row ranges along their own axis only", () => {
    expect(shiftFormula("=INDEX(Ratings!$F:$AG,$R5,0)", 2, 5)).toBe("=INDEX(Ratings!$F:$AG,$R7,0)");
    expect(shiftFormula("=COUNT(F:F)+SUM(2:3)", 4, 1)).toBe("=COUNT(G:G)+SUM(6:7)");
  });

  it("reads sheet-qualified references, quoted or not, without touching the sheet name", () => {
    expect(shiftFormula("='My sheet'!A1+Ratings!$A:$A+'It''s'!B2", 1, 0)).toBe(
      "='My sheet'!A2+Ratings!$A:$A+'It''s'!B3",
    );
    // Sheet names that look like cells are quoted by Excel, and a name before "!" is never a reference.
    expect(shiftFormula("='Q3'!A1+Sheet1!A1", 1, 0)).toBe("='Q3'!A2+Sheet1!A2");
  });

  it("leaves string literals, function names, numbers and structured references alone", () => {
    expect(shiftFormula('=IF(A1="B2","C3",LOG10(A1))', 1, 0)).toBe('=IF(A2="B2","C3",LOG10(A2))');
    expect(shiftFormula("=A1+1E-9+2.5E3+ATAN2(1,2)", 1, 0)).toBe("=A2+1E-9+2.5E3+ATAN2(1,2)");
    expect(shiftFormula('=IF(A1>0,"say ""A1""",0)', 1, 0)).toBe('=IF(A2>0,"say ""A1""",0)');
    expect(shiftFormula("=SUM(Table1[[#This Row],[Q3]])+A1", 1, 0)).toBe("=SUM(Table1[[#This Row],[Q3]])+A2");
    expect(shiftFormula("=TRUE+CM_ratings+R2C3", 1, 1)).toBe("=TRUE+CM_ratings+R2C3");
  });

  it("turns a reference moved off the sheet into #REF!, as Excel does", () => {
    expect(shiftFormula("=A1+B2", -1, 0)).toBe("=#REF!+B1");
    expect(shiftFormula("=A:A", 0, -1)).toBe("=#REF!");
  });

  it("is the identity when nothing moves", () => {
    expect(shiftFormula('=A1&"x"', 0, 0)).toBe('=A1&"x"');
  });
});

describe("relativeFormula", () => {
  it("writes references as R1C1 offsets from the cell, absolute parts as numbers", () => {
    expect(relativeFormula("=A1", 1, 1)).toBe("=R[-1]C[-1]");
    expect(relativeFormula("=$A$1+A$1+$A1", 1, 1)).toBe("=R1C1+R1C[-1]+R[-1]C1");
    expect(relativeFormula("=SUM(A1:B2)", 0, 0)).toBe("=SUM(R[0]C[0]:R[1]C[1])");
    expect(relativeFormula("=INDEX(Ratings!$F:$AG,$R5,0)", 4, 8)).toBe("=INDEX(Ratings!C6:C33,R[0]C18,0)");
  });

  it("is equal for a formula and its copies filled down or across, and differs otherwise", () => {
    const formula = '=IF(ISNUMBER(INDEX(Ratings!F:F,$L5)),INDEX(Ratings!F:F,$L5)-INDEX($F$60:$F$80,$M5),"")';
    const filled = shiftFormula(formula, 7, 0);
    expect(relativeFormula(filled, 11, 4)).toBe(relativeFormula(formula, 4, 4));
    expect(relativeFormula(shiftFormula("=A1*2", 0, 3), 0, 4)).toBe(relativeFormula("=A1*2", 0, 1));
    expect(relativeFormula("=A2", 4, 4)).not.toBe(relativeFormula("=A2", 5, 4));
    expect(relativeFormula('=A1&"|senior"', 0, 1)).not.toBe(relativeFormula('=A2&"|staff"', 1, 1));
  });
});

describe("movedFormulaTest", () => {
  it("tells whether a text is the formula moved by a given offset, as shiftFormula writes it", () => {
    const isMoved = movedFormulaTest('=IF($T5="","",INDEX($B$19:$AA$27,MATCH($S5,$A$19:$A$27,0),0))');
    expect(isMoved('=IF($T9="","",INDEX($B$19:$AA$27,MATCH($S9,$A$19:$A$27,0),0))', 4, 0)).toBe(true);
    expect(isMoved('=IF($T9="","",INDEX($B$19:$AA$27,MATCH($S9,$A$19:$A$27,0),0))', 3, 0)).toBe(false);
    expect(isMoved('=IF($T9="","",INDEX($B$19:$AA$27,MATCH($S9,$A$19:$A$27,0),0))+1', 4, 0)).toBe(false);
    expect(isMoved('=IF($T9="","",INDEX($B$19:$AA$27,MATCH($S9,$A$19:$A$27,0),1))', 4, 0)).toBe(false);
  });
});
