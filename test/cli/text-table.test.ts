import { textTable } from "../../src/cli/text-table";

describe("a text table for the terminal", () => {
  it("pads columns to the widest cell, counting wide (CJK) letters twice as a terminal shows them, and right-aligns numbers", () => {
    expect(
      textTable([
        ["Person", "Level", "Score"],
        ["王芳", "Staff", 4],
        ["Zoë O'Brien", "Senior", 12],
      ]),
    ).toBe(
      [
        "Person       Level   Score",
        "-----------  ------  -----",
        "王芳         Staff       4",
        "Zoë O'Brien  Senior     12",
        "",
      ].join("\n"),
    );
  });

  it("counts a letter with a combining accent as one column", () => {
    expect(
      textTable([
        ["A", "B"],
        ["Zoe\u0308", "x"],
      ]).split("\n")[2],
    ).toBe("Zoe\u0308  x");
  });

  it("keeps each row on one line when a cell holds a line break", () => {
    expect(textTable([["Person"], ["Ana\nLima"]]).split("\n")[2]).toBe("Ana / Lima");
  });
});
