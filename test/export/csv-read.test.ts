import { detectDelimiter, parseCsv } from "../../src/export/csv";

describe("parseCsv on files as other programs write them", () => {
  it("takes the header's separator: comma, semicolon or tab, quoted ones not counted", () => {
    expect(detectDelimiter("Person\tTrack\tLevel\r\nAna,B;C\tx\ty\n")).toBe("\t");
    expect(detectDelimiter('"Person;Name",Track\n')).toBe(",");
    expect(detectDelimiter("Person;Track;Level\n")).toBe(";");
    expect(parseCsv("Person\tTrack\nZoë O'Brien\tBackend\n").rows).toEqual([
      ["Person", "Track"],
      ["Zoë O'Brien", "Backend"],
    ]);
  });

  it("keeps digits past what a number holds as the text typed, never Infinity", () => {
    const digits = "9".repeat(400);
    expect(parseCsv(`Rating\n${digits}\n`).rows).toEqual([["Rating"], [digits]]);
  });
});
