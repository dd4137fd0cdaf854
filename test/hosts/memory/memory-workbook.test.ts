import { MemoryWorkbook, OfficeError } from "../../../src/hosts/memory";

describe("the memory workbook keeps Office.js's load and sync rules", () => {
  it("refuses to read a property that was not loaded, with Office's message", async () => {
    const book = new MemoryWorkbook();
    await book.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B1");
      expect(() => range.values).toThrow(
        `The property 'values' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      );
      range.load("values");
      expect(() => range.values).toThrow(/not available/);
      await context.sync();
      expect(range.values).toEqual([["", ""]]);
    });
  });

  it("applies queued writes only at sync, in order", async () => {
    const book = new MemoryWorkbook();
    await book.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1:B1").values = [["first", 1]];
      sheet.getRange("A1").values = [["second"]];
      expect(book.snapshot().sheets[0].values).toEqual([]);
      await context.sync();
    });
    expect(book.snapshot().sheets[0].values).toEqual([["second", 1]]);
  });

  it("parses written strings as Excel does, unless they carry the quote prefix", async () => {
    const book = new MemoryWorkbook();
    await book.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:F1").formulas = [
        ["007", "TRUE", "=B1", "'007", "'=B1", "-x"],
      ];
      await context.sync();
    });
    const sheet = book.snapshot().sheets[0];
    expect(sheet.values[0].slice(0, 2)).toEqual([7, true]);
    expect(sheet.formulas[0]).toEqual([null, null, "=B1", null, null, "=-x"]);
    expect(sheet.values[0].slice(3, 5)).toEqual(["007", "=B1"]);
  });

  it("knows a null object only after sync, and a missing getItem fails the sync", async () => {
    const book = new MemoryWorkbook();
    await book.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject("Nope");
      const present = context.workbook.worksheets.getItemOrNullObject("Sheet1");
      expect(() => missing.isNullObject).toThrow(/isNullObject/);
      await context.sync();
      expect([missing.isNullObject, present.isNullObject]).toEqual([true, false]);
      context.workbook.worksheets.getItem("Nope");
      await expect(context.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
    });
  });

  it("delivers no loaded data from a request that failed", async () => {
    const book = new MemoryWorkbook();
    await book.run(async (context) => {
      const sheets = context.workbook.worksheets.load("items/name");
      context.workbook.worksheets.getItem("Nope");
      await expect(context.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
      expect(() => sheets.items).toThrow(/'items' is not available/);
    });
  });

  it("refuses an array whose shape does not match the range", async () => {
    const book = new MemoryWorkbook();
    await expect(
      book.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A1:C1").values = [["a", "b"]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  it("applies the operations before a failing one, drops the rest, and counts every sync", async () => {
    const book = new MemoryWorkbook();
    book.failAt({ sync: 1, op: 3 });
    await expect(
      book.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem("Sheet1");
        sheet.getRange("A1").values = [["applied"]];
        sheet.getRange("A2").values = [["dropped"]];
        await context.sync();
      }),
    ).rejects.toBeInstanceOf(OfficeError);
    // getItem, getRange(A1), values(A1) ran; getRange(A2) failed.
    expect(book.snapshot().sheets[0].values).toEqual([["applied"]]);
    expect(book.syncCount).toBe(1);
    expect(book.requests[0].failed).toBe(true);
  });

  it("refuses a request over 5 MB, as Excel on the web does, and applies none of it", async () => {
    const book = new MemoryWorkbook();
    const big = Array.from({ length: 6000 }, () => ["x".repeat(1000)]);
    await expect(
      book.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A1:A6000").values = big;
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(book.snapshot().sheets[0].values).toEqual([]);
  });

  it("keeps a defined name on its sheet through a rename and shows #REF! once the sheet is deleted", async () => {
    const book = new MemoryWorkbook(["Sheet1", "Data"]);
    await book.run(async (context) => {
      context.workbook.names.add("Marker", "=Data!$A$1", "note");
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").formulas = [["=Data!B2*2"]];
      context.workbook.worksheets.getItem("Data").name = "My data";
      await context.sync();
    });
    expect(book.snapshot().names).toEqual([{ name: "Marker", formula: "='My data'!$A$1", comment: "note" }]);
    expect(book.snapshot().sheets[0].formulas).toEqual([["='My data'!B2*2"]]);
    await book.run(async (context) => {
      context.workbook.worksheets.getItem("My data").delete();
      await context.sync();
    });
    expect(book.snapshot().names[0].formula).toBe("=#REF!$A$1");
    expect(book.snapshot().sheets[0].formulas).toEqual([["=#REF!B2*2"]]);
  });

  it("enforces unique sheet and table names and at least one visible sheet", async () => {
    const book = new MemoryWorkbook();
    const attempt = (batch: Parameters<MemoryWorkbook["run"]>[0]) => book.run(batch);
    await expect(
      attempt(async (context) => {
        context.workbook.worksheets.add("sheet1");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemAlreadyExists" });
    await expect(
      attempt(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").visibility = "Hidden";
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidOperation" });
    await expect(
      attempt(async (context) => {
        const sheet = context.workbook.worksheets.getItem("Sheet1");
        sheet.tables.add("A1:B2", true).name = "People";
        sheet.tables.add("D1:E2", true).name = "people";
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemAlreadyExists" });
  });
});

describe("Range.copyFrom in the memory workbook", () => {
  async function written(cells: { address: string; formulas: (string | number | null)[][] }[]) {
    const book = new MemoryWorkbook(["Data", "Other"]);
    await book.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Data");
      for (const { address, formulas } of cells) sheet.getRange(address).formulas = formulas;
      await context.sync();
    });
    return book;
  }

  it("fills one row of formulas down a taller range, moving relative references as a fill does", async () => {
    const book = await written([
      { address: "A1:C1", formulas: [["=B1*2", "=$A$1+A1", '=IF(A1="A1",Other!B1,SUM(Other!$A:$A))']] },
    ]);
    book.resetCounters();
    await book.run(async (context) => {
      context.workbook.worksheets.getItem("Data").getRange("A2:C4").copyFrom("Data!A1:C1", "Formulas");
      await context.sync();
    });
    expect(book.snapshot().sheets[0].formulas).toEqual([
      ["=B1*2", "=$A$1+A1", '=IF(A1="A1",Other!B1,SUM(Other!$A:$A))'],
      ["=B2*2", "=$A$1+A2", '=IF(A2="A1",Other!B2,SUM(Other!$A:$A))'],
      ["=B3*2", "=$A$1+A3", '=IF(A3="A1",Other!B3,SUM(Other!$A:$A))'],
      ["=B4*2", "=$A$1+A4", '=IF(A4="A1",Other!B4,SUM(Other!$A:$A))'],
    ]);
    // The copy is one small operation, whatever the number of rows it fills.
    expect(book.requests[0].operations).toBeLessThanOrEqual(3);
    expect(book.maxRequestBytes).toBeLessThan(300);
  });

  it("repeats a source only where the destination is a whole multiple of it, else copies it once", async () => {
    const book = await written([{ address: "A1:B1", formulas: [["=C1", 7]] }]);
    await book.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Data");
      sheet.getRange("A3:D3").copyFrom("A1:B1", "All");
      sheet.getRange("A5:C5").copyFrom("A1:B1", "All");
      sheet.getRange("F1").copyFrom("A1:B1", "Formulas");
      await context.sync();
    });
    const formulas = book.snapshot().sheets[0].formulas;
    const values = book.snapshot().sheets[0].values;
    expect(formulas[2].slice(0, 4)).toEqual(["=C3", null, "=E3", null]);
    // =C3 and =E3 point at blank cells: they show 0, as in Excel.
    expect(values[2].slice(0, 4)).toEqual([0, 7, 0, 7]);
    // A3:C3 is not a multiple of two columns: the source lands once, C5 untouched.
    expect(formulas[4].slice(0, 3)).toEqual(["=C5", null, null]);
    expect(values[4][1]).toBe(7);
    // A one-cell destination grows to the source's size.
    expect(formulas[0].slice(5, 7)).toEqual(["=H1", null]);
    expect(values[0][6]).toBe(7);
  });

  it("copies formats only with Formats or All, and values as shown with Values", async () => {
    const book = await written([{ address: "A1:B1", formulas: [["=B1*14", 3]] }]);
    await book.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Data");
      sheet.getRange("A1:B1").numberFormat = [["0%", "0.0"]];
      sheet.getRange("A2:B2").copyFrom("A1:B1", "Formats");
      sheet.getRange("A3:B3").copyFrom("A1:B1", "Values");
      sheet.getRange("A4:B4").copyFrom("A1:B1", "Formulas");
      await context.sync();
    });
    const sheet = book.snapshot().sheets[0];
    expect(sheet.looks[1].map((l) => l?.numberFormat)).toEqual(["0%", "0.0"]);
    expect(sheet.formulas[1]).toEqual([null, null]);
    expect(sheet.values[2]).toEqual([42, 3]);
    expect(sheet.formulas[2]).toEqual([null, null]);
    expect(sheet.formulas[3][0]).toBe("=B4*14");
    expect(sheet.looks[3]).toEqual([null, null]);
  });

  it("refuses to copy onto cells past the sheet's edge and to copy formats it does not model", async () => {
    const book = await written([{ address: "A1", formulas: [["=B1"]] }]);
    await expect(
      book.run(async (context) => {
        context.workbook.worksheets.getItem("Data").getRange("A1048576").copyFrom("A1:A2", "Formulas");
        await context.sync();
      }),
    ).rejects.toThrow(/would leave the sheet/);
    await book.run(async (context) => {
      context.workbook.worksheets.getItem("Data").getRange("A1:B1").merge(false);
      await context.sync();
    });
    // Part of a merged range: Excel would split it; the memory workbook refuses rather than guess.
    await expect(
      book.run(async (context) => {
        context.workbook.worksheets.getItem("Data").getRange("B2").copyFrom("B1", "Formats");
        await context.sync();
      }),
    ).rejects.toThrow(OfficeError);
  });
});

describe("the memory workbook is as strict as Excel where writes go wrong", () => {
  async function refused(
    book: MemoryWorkbook,
    act: (context: Parameters<Parameters<MemoryWorkbook["run"]>[0]>[0]) => void,
  ) {
    return book
      .run(async (context) => {
        act(context);
        await context.sync();
      })
      .then(
        () => "done",
        (error: unknown) => String(error),
      );
  }

  it("refuses freeze panes on a hidden sheet (Excel freezes the active view), and freezes it once shown", async () => {
    const book = new MemoryWorkbook(["Sheet1", "Data"]);
    expect(
      await refused(book, (context) => {
        const sheet = context.workbook.worksheets.getItem("Data");
        sheet.visibility = "Hidden";
        sheet.freezePanes.freezeRows(1);
      }),
    ).toMatch(/Cannot freeze panes on the hidden sheet 'Data'/);
    expect(
      await refused(book, (context) => {
        const sheet = context.workbook.worksheets.getItem("Data");
        sheet.visibility = "Visible";
        sheet.freezePanes.freezeRows(1);
      }),
    ).toBe("done");
    expect(book.snapshot().sheets[1].freeze).toEqual({ rows: 1, columns: 0 });
  });

  it("rewrites references on rename and delete whether the formula quotes the name or not, dots included", async () => {
    const book = new MemoryWorkbook(["Sheet1", "Ratings", "Team.data"]);
    await book.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:D1").formulas = [
        ["='Ratings'!A1", "=Ratings!B2", "=SUM('Team.data'!A:A)", "=Team.data!C3"],
      ];
      await context.sync();
    });
    await book.run(async (context) => {
      context.workbook.worksheets.getItem("Ratings").name = "Scores";
      context.workbook.worksheets.getItem("Team.data").delete();
      await context.sync();
    });
    expect(book.snapshot().sheets[0].formulas[0]).toEqual([
      "=Scores!A1",
      "=Scores!B2",
      "=SUM(#REF!A:A)",
      "=#REF!C3",
    ]);
  });

  it("refuses to delete a very hidden sheet, the name History and names that begin or end with an apostrophe", async () => {
    const book = new MemoryWorkbook(["Sheet1", "Secret"]);
    expect(
      await refused(book, (context) => {
        const sheet = context.workbook.worksheets.getItem("Secret");
        sheet.visibility = "VeryHidden";
        sheet.delete();
      }),
    ).toMatch(/very hidden/);
    for (const name of ["History", "history", "Developer Relations (Engineers'", "'Quoted"]) {
      expect(await refused(book, (context) => void context.workbook.worksheets.add(name))).toMatch(
        /not a valid sheet name/,
      );
    }
  });

  it("holds a text constant as a defined name, as Excel's Name Manager does", async () => {
    const book = new MemoryWorkbook();
    await book.run(async (context) => {
      const item = context.workbook.names.add("Note.Text", '="say ""hi"""');
      await context.sync();
      item.formula = '="changed"';
      await context.sync();
    });
    expect(book.snapshot().names).toEqual([{ name: "Note.Text", formula: '="changed"', comment: "" }]);
  });
});
