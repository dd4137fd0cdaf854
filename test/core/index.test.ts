import * as core from "../../src/core";

describe("the core's single import", () => {
  it("offers the agreed API", () => {
    for (const name of [
      "careerMatrixFromFramework",
      "findTrack",
      "nextLevel",
      "readRatings",
      "scorePerson",
      "scoreTeam",
      "readinessHeatmap",
      "competencyHeatmap",
      "teamHeatmap",
      "areaHeatmap",
      "calibrate",
      "compareLevels",
      "columnLetter",
      "cellRef",
      "parseA1",
      "loadFramework",
    ]) {
      expect(typeof (core as Record<string, unknown>)[name]).toBe("function");
    }
  });
});
