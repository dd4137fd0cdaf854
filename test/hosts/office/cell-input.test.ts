import fc from "fast-check";
import { MemoryWorkbook } from "../../../src/hosts/memory";
import { cellInput, needsQuotePrefix } from "../../../src/hosts/office/cell-input";

describe("text written to Excel stays the text the spec gave", () => {
  it("quotes text Excel would read as a number, boolean, formula, error or date", () => {
    for (const text of [
      "007",
      "1/2",
      "TRUE",
      "false",
      "=A1",
      "+1",
      "-x",
      "@x",
      "'quoted",
      "#N/A",
      "50%",
      "$5",
      "Mar 5",
      " 42 ",
    ]) {
      expect([text, needsQuotePrefix(text)]).toEqual([text, true]);
    }
  });

  it("leaves ordinary words alone, so cells do not all carry a quote prefix", () => {
    for (const text of ["Backend Engineer", "Senior", "Ana Lima", "March", "Meets expectations", "Team 7"]) {
      expect([text, needsQuotePrefix(text)]).toEqual([text, false]);
    }
  });

  it("writes formula cells as their formula, adding a missing '='", () => {
    expect([
      cellInput({ f: "=SUM(A1:A3)", v: 6 }),
      cellInput({ f: "A1*2" }),
      cellInput(3),
      cellInput(null),
    ]).toEqual(["=SUM(A1:A3)", "=A1*2", 3, null]);
  });

  it("reads back any string it wrote, through the memory workbook's model of Excel's parsing", async () => {
    const texts = fc.string({ minLength: 1, maxLength: 12 });
    await fc.assert(
      fc.asyncProperty(fc.array(texts, { minLength: 1, maxLength: 8 }), async (row) => {
        const book = new MemoryWorkbook();
        const values = await book.run(async (context) => {
          const range = context.workbook.worksheets
            .getItem("Sheet1")
            .getRange(`A1:${String.fromCharCode(64 + row.length)}1`);
          range.formulas = [row.map((text) => cellInput(text))];
          range.load("values");
          await context.sync();
          return range.values;
        });
        expect(values).toEqual([row]);
      }),
      { numRuns: 200 },
    );
  });
});
