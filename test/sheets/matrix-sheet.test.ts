import { careerMatrixFromFramework } from "../../src/core/career-matrix";
import { bundledFramework } from "../../src/data";
import { readMatrixSheet, slug } from "../../src/sheets/matrix-read";
import { matrixSheetSpec } from "../../src/sheets/matrix-sheet";
import { tinyMatrix } from "./fixtures";
import { at, edit, valuesOf } from "./values";

describe("matrix sheet", () => {
  const matrix = tinyMatrix();
  const spec = matrixSheetSpec(matrix, "backend");

  it("is owned under the track's key with a legal tab name", () => {
    expect(spec.key).toBe("matrix:backend");
    expect(spec.kind).toBe("matrix");
    expect(spec.name).toBe("Backend matrix");
  });

  it("shows level titles across, a Value and an Expectation column per level", () => {
    expect(spec.cells[4].slice(0, 3)).toEqual(["Competency", "Intermediate Backend Engineer", null]);
    expect(spec.cells[4].slice(9)).toEqual(["Short label", "Area", "Id"]);
    expect(spec.cells[5].slice(1, 5)).toEqual(["Value", "Expectation", "Value", "Expectation"]);
    expect(spec.merges).toContain("B5:C5");
    expect(spec.merges).toContain("H5:I5");
  });

  it("groups competencies by area under an area row, each cell holding value and descriptor", () => {
    expect(spec.cells[6]).toEqual(["Technical"]);
    expect(spec.cells[7]).toEqual([
      "Code quality",
      2,
      "Writes clean code",
      3,
      "Raises the bar",
      4,
      "Sets standards",
      null,
      null,
      null,
      "Technical",
      "code-quality",
    ]);
    expect(spec.cells[9]).toEqual(["Leadership"]);
    expect(at(spec, "A12")).toBe("People management");
    expect(at(spec, "H12")).toBe(3);
  });

  it("shows the scale as a legend and freezes the headers and only the competency's name, wrapped", () => {
    expect(at(spec, "A2")).toBe("Scale: 0 None · 1 Learning · 2 Doing · 3 Leading · 4 Shaping");
    expect(spec.freeze).toEqual({ rows: 6, columns: 1 });
    expect(spec.columnWidths).toEqual([26, 7, 34, 7, 34, 7, 34, 7, 34, 16, 18, 16]);
    expect(spec.styles).toContainEqual({ range: "A7:A112", style: { wrap: true, vertical: "top" } });
  });

  it("offers the scale as a drop-down on every value column, with room for new rows, and colours values", () => {
    const valueLists = spec.validations?.filter((v) => v.list.join() === "0,1,2,3,4").map((v) => v.range);
    expect(valueLists).toEqual(["B7:B112", "D7:D112", "F7:F112", "H7:H112"]);
    expect(spec.validations?.[0]).toMatchObject({ range: "K7:K112", list: ["Technical", "Leadership"] });
    expect(spec.conditionalFormats?.map((c) => c.range)).toEqual([
      "B7:B112",
      "D7:D112",
      "F7:F112",
      "H7:H112",
    ]);
    expect(spec.styles).toContainEqual({ range: "C7:C112", style: { wrap: true, vertical: "top" } });
  });

  it("has a last column for each competency's short label, which reads back and shows as a change", () => {
    expect(at(spec, "J5")).toBe("Short label");
    const labelled = matrixSheetSpec(
      {
        ...matrix,
        tracks: [
          {
            ...matrix.tracks[0],
            competencies: matrix.tracks[0].competencies.map((c, i) =>
              i === 0 ? { ...c, label: "Quality" } : c,
            ),
          },
        ],
      },
      "backend",
    );
    expect(at(labelled, "J8")).toBe("Quality");
    const read = readMatrixSheet(edit(valuesOf(labelled), "J8", "Code"), matrix, "backend", "Backend matrix");
    expect(read.problems).toEqual([]);
    expect(read.track.competencies[0].label).toBe("Code");
    expect(read.changes).toEqual([
      {
        kind: "label",
        competency: "code-quality",
        cell: "J8",
        message: '"Code quality": short label none → "Code".',
      },
    ]);
  });

  it("warns at the cell when a short label is too long for a narrow column", () => {
    const read = readMatrixSheet(
      edit(valuesOf(spec), "J8", "Writes clean, tested code"),
      matrix,
      "backend",
      "Backend matrix",
    );
    expect(read.track.competencies[0].label).toBe("Writes clean, tested code");
    expect(read.problems).toEqual([
      expect.objectContaining({
        severity: "warning",
        cell: "J8",
        message: expect.stringMatching(/has 25 characters: keep it to 16/),
      }),
    ]);
  });

  it("reads a sheet built before the short-label column, keeping the framework's labels", () => {
    const base = {
      ...matrix,
      tracks: [
        {
          ...matrix.tracks[0],
          competencies: matrix.tracks[0].competencies.map((c) => ({ ...c, label: "Short" })),
        },
      ],
    };
    // Built before the label column, with Area | Competency | Id in front and the area bands under Area.
    const withoutLabels = valuesOf(spec).map((row, i) =>
      i < 4 || row.length === 1
        ? row
        : [row[10] ?? null, row[0] ?? null, row[11] ?? null, ...row.slice(1, 9)],
    );
    expect(withoutLabels[4].slice(0, 4)).toEqual([
      "Area",
      "Competency",
      "Id",
      "Intermediate Backend Engineer",
    ]);
    const read = readMatrixSheet(withoutLabels, base, "backend", "Backend matrix");
    expect(read.problems).toEqual([]);
    expect(read.track.competencies.map((c) => c.label)).toEqual(
      base.tracks[0].competencies.map(() => "Short"),
    );
  });

  it("reads back unchanged as the same track, with no problems and no changes", () => {
    const read = readMatrixSheet(valuesOf(spec), matrix, "backend", spec.name);
    expect(read.problems).toEqual([]);
    expect(read.changes).toEqual([]);
    expect(read.track).toEqual(matrix.tracks[0]);
  });

  it("reads edited values and descriptors, and reports them as changes pointing at their cells", () => {
    let values = edit(valuesOf(spec), "D8", 4);
    values = edit(values, "E9", "Designs features end to end");
    const read = readMatrixSheet(values, matrix, "backend", "Backend matrix");
    expect(read.track.competencies[0].expectations.senior).toEqual({
      value: 4,
      descriptor: "Raises the bar",
    });
    expect(read.track.competencies[1].expectations.senior?.descriptor).toBe("Designs features end to end");
    expect(read.changes).toEqual([
      expect.objectContaining({ kind: "value", competency: "code-quality", level: "senior", cell: "D8" }),
      expect.objectContaining({
        kind: "descriptor",
        competency: "system-design",
        level: "senior",
        cell: "E9",
      }),
    ]);
  });

  it("gives a competency added without an id an id made from its name, in its area", () => {
    let values = edit(valuesOf(spec), "A13", "Incident response");
    values = edit(values, "K13", "Technical");
    values = edit(values, "D13", 2);
    values = edit(values, "E13", "Leads incidents");
    const read = readMatrixSheet(values, matrix, "backend", "Backend matrix");
    expect(read.problems).toEqual([]);
    const added = read.track.competencies.find((c) => c.name === "Incident response");
    expect(added).toEqual({
      id: "incident-response",
      name: "Incident response",
      area: "technical",
      expectations: { senior: { value: 2, descriptor: "Leads incidents" } },
    });
    // Grouped by area: the new technical competency comes before the leadership ones.
    expect(read.track.competencies.map((c) => c.id)).toEqual([
      "code-quality",
      "system-design",
      "incident-response",
      "mentoring",
      "people-management",
    ]);
    expect(read.changes).toEqual([
      expect.objectContaining({ kind: "added", competency: "incident-response", cell: "A13" }),
    ]);
  });

  it("takes the area of the group above when a new row leaves Area blank", () => {
    const values = edit(edit(valuesOf(spec), "A13", "Hiring"), "H13", 2);
    const read = readMatrixSheet(values, matrix, "backend", "Backend matrix");
    expect(read.track.competencies.find((c) => c.id === "hiring")?.area).toBe("leadership");
  });

  it("reports a cleared row as a removed competency", () => {
    let values = valuesOf(spec);
    for (const column of "ABCDEFGHIJKL") values = edit(values, `${column}11`, null);
    const read = readMatrixSheet(values, matrix, "backend", "Backend matrix");
    expect(read.track.competencies.map((c) => c.id)).not.toContain("mentoring");
    expect(read.changes).toEqual([
      { kind: "removed", competency: "mentoring", message: 'Removed "Mentoring".' },
    ]);
  });

  it("points each problem at its cell and says what to do", () => {
    let values = valuesOf(spec);
    values = edit(values, "D8", 7); // off the scale
    values = edit(values, "L9", "code-quality"); // duplicate id
    values = edit(values, "F11", null); // descriptor without value
    values = edit(values, "A12", null); // name cleared, cells left
    values = edit(values, "K13", "Wizardry"); // unknown area on a new row
    values = edit(values, "A13", "Spells");
    values = edit(values, "B13", 1);
    const read = readMatrixSheet(values, matrix, "backend", "Backend matrix");
    expect(read.problems.map((p) => [p.severity, p.sheet, p.cell])).toEqual([
      ["error", "Backend matrix", "D8"],
      ["error", "Backend matrix", "L9"],
      ["error", "Backend matrix", "F11"],
      ["error", "Backend matrix", "A12"],
      ["error", "Backend matrix", "K13"],
    ]);
    expect(read.problems[0].message).toBe(
      '"7" is not on the scale for "Code quality" at Senior Backend Engineer: pick one of 0, 1, 2, 3, 4. Until then the bundled expectation, 3, is used.',
    );
    expect(read.problems[1].message).toMatch(/already used on row 8/);
    expect(read.problems[2].message).toMatch(/has its text but no value/);
    expect(read.problems[4].message).toMatch(/"Wizardry" is not an area: pick one of Technical, Leadership/);
    // A row with a problem is not mistaken for a removed competency; an overwritten id is.
    expect(read.changes.filter((c) => c.kind === "removed").map((c) => c.competency)).toEqual([
      "system-design",
    ]);
  });

  it("keeps scoring a competency whose value cell is wrong, with the bundled expectation at that level", () => {
    let values = edit(valuesOf(spec), "D8", "seven");
    values = edit(values, "F8", 3); // a valid edit on the same row still counts
    const read = readMatrixSheet(values, matrix, "backend", "Backend matrix");
    expect(read.problems.map((p) => [p.severity, p.cell])).toEqual([["error", "D8"]]);
    const codeQuality = read.track.competencies.find((c) => c.id === "code-quality");
    expect(codeQuality?.expectations).toEqual({
      intermediate: { value: 2, descriptor: "Writes clean code" },
      senior: { value: 3, descriptor: "Raises the bar" },
      staff: { value: 3, descriptor: "Sets standards" },
    });
    expect(read.changes.map((c) => [c.kind, c.competency, c.level])).toEqual([
      ["value", "code-quality", "staff"],
    ]);
  });

  it("warns when an expectation falls as the level rises, and when a descriptor is missing", () => {
    let values = edit(valuesOf(spec), "F11", 1); // mentoring: staff 1 < senior 2
    values = edit(values, "C11", "");
    const read = readMatrixSheet(values, matrix, "backend", "Backend matrix");
    expect(read.problems).toEqual([
      expect.objectContaining({
        severity: "warning",
        cell: "C11",
        message:
          '"Mentoring" at Intermediate Backend Engineer has no expectation text: say what is expected.',
      }),
      expect.objectContaining({ severity: "warning", cell: "F11" }),
    ]);
    expect(read.problems[1].message).toMatch(
      /expects 1 at Staff Backend Engineer, less than 2 at Senior Backend Engineer/,
    );
    expect(read.track.competencies[2].expectations.staff?.value).toBe(1);
  });

  it("says so when the header row is gone, and keeps the base track", () => {
    const read = readMatrixSheet([["hello"]], matrix, "backend", "Backend matrix");
    expect(read.problems[0]).toMatchObject({ severity: "error", sheet: "Backend matrix" });
    expect(read.track).toBe(matrix.tracks[0]);
  });

  it("makes ids from names", () => {
    expect(slug("Café & Code Review!")).toBe("cafe-code-review");
    expect(slug("***")).toBe("competency");
  });
});

describe("matrix sheet of a track with specialisations", () => {
  const matrix = careerMatrixFromFramework(bundledFramework());

  it("says which rows belong to a specialisation, and that they count only for the people who took it on", () => {
    const backend = matrixSheetSpec(matrix, "backend");
    expect(String(at(backend, "A3"))).toContain(
      "Specialisations (the Ratings sheet's Specialisation column): " +
        '"Ops and Enablement: CI/CD, Docker and Kubernetes" only for people with the Ops & Enablement specialisation, from Distinguished; ' +
        '"Secure: SAST, DAST and scanning expertise" only for people with the Secure specialisation, from Distinguished.',
    );
    expect(String(at(matrixSheetSpec(matrix, "security"), "A3"))).not.toContain("Specialisations");
  });

  it("reads the grade-bearing level headers back, keeping each competency's specialisation", () => {
    const backend = matrixSheetSpec(matrix, "backend");
    expect(backend.cells[4]).toContain("Distinguished Backend Engineer (grade 10)");
    const read = readMatrixSheet(valuesOf(backend), matrix, "backend", backend.name);
    expect(read.problems).toEqual([]);
    expect(read.changes).toEqual([]);
    expect(
      read.track.competencies.filter((c) => c.specialisation).map((c) => [c.id, c.specialisation]),
    ).toEqual([
      ["ops-enablement", "ops-enablement"],
      ["secure-products", "secure"],
    ]);
  });
});
