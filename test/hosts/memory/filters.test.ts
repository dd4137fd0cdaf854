/**
 * Hidden rows and columns and the AutoFilter in the memory workbook, as Excel has them: hiding changes what a user
 * sees, never what `values` reads; a filter on values hides the rows whose cell shows none of them; the usual
 * Office.js rules apply (nothing readable before a sync loads it; a filter over a table is refused).
 */
import { MemoryWorkbook } from "../../../src/hosts/memory";

async function teamSheet(): Promise<MemoryWorkbook> {
  const book = new MemoryWorkbook();
  await book.run(async (context) => {
    const sheet = context.workbook.worksheets.add("Ratings");
    sheet.getRange("A1:C5").values = [
      ["Person", "Team", "Code review"],
      ["Zoë O'Brien", "Platform", 3],
      ["Ana Lima", "Growth", 2],
      ["Bo Chen", "Platform", 4],
      ["Jo Smith", "Growth", 1],
    ];
    await context.sync();
  });
  return book;
}

describe("hidden rows, hidden columns and the AutoFilter of the memory workbook", () => {
  it("filters on values: other rows hidden, every value still read", async () => {
    const book = await teamSheet();
    const read = await book.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Ratings");
      sheet.autoFilter.apply("A1:C5", 1, { filterOn: "Values", values: ["Platform"] });
      const rows = [2, 3, 4, 5].map((n) => sheet.getRange(`${n}:${n}`).load("rowHidden"));
      const all = sheet.getRange("A2:A5").load("rowHidden");
      const values = sheet.getRange("A1:C5").load("values");
      await context.sync();
      return { rows: rows.map((r) => r.rowHidden), all: all.rowHidden, values: values.values };
    });
    expect(read.rows).toEqual([false, true, false, true]);
    expect(read.all).toBeNull();
    expect(read.values.map((row) => row[0])).toEqual([
      "Person",
      "Zoë O'Brien",
      "Ana Lima",
      "Bo Chen",
      "Jo Smith",
    ]);

    const removed = await book.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Ratings");
      sheet.autoFilter.remove();
      const all = sheet.getRange("2:5").load("rowHidden");
      await context.sync();
      return all.rowHidden;
    });
    expect(removed).toBe(false);
  });

  it("hides and shows columns, and says true only when every one is hidden", async () => {
    const book = await teamSheet();
    const read = await book.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Ratings");
      sheet.getRange("B:C").columnHidden = true;
      const both = sheet.getRange("B1:C1").load("columnHidden");
      const some = sheet.getRange("A1:B1").load("columnHidden");
      await context.sync();
      return [both.columnHidden, some.columnHidden];
    });
    expect(read).toEqual([true, null]);
  });

  it("follows Office.js's rules: load before reading, one filter a sheet, none over a table", async () => {
    const book = await teamSheet();
    await book.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Ratings").getRange("A2");
      expect(() => range.rowHidden).toThrow(/not available|not loaded/i);
      await context.sync();
    });
    await expect(
      book.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem("Ratings");
        sheet.autoFilter.apply("A1:C5", 1, { filterOn: "Values", values: ["Growth"] });
        sheet.autoFilter.apply("A1:B5");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidOperation" });
    await expect(
      book.run(async (context) => {
        const sheet = context.workbook.worksheets.add("Teams");
        sheet.tables.add("A1:B3", true);
        sheet.autoFilter.apply("A1:B3");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidOperation" });
  });
});
