import { careerMatrixFromFramework } from "../../src/core/career-matrix";
import { frameworkFromMatrix } from "../../src/core/framework-export";
import { loadFramework } from "../../src/core/load-framework";
import { bundledFramework } from "../../src/data";

const bundled = bundledFramework();

describe("the matrix as a framework", () => {
  it("gives back the bundled framework's competencies for an unedited matrix, sources included", () => {
    const { framework, warnings } = frameworkFromMatrix(bundled, careerMatrixFromFramework(bundled));
    expect(warnings).toEqual([]);
    const byId = (id: string) => bundled.competencies.find((c) => c.id === id);
    for (const c of framework.competencies) {
      expect({ ...c, tracks: [...c.tracks].sort() }).toEqual({
        ...byId(c.id),
        tracks: [...byId(c.id)!.tracks].sort(),
      });
    }
    expect(careerMatrixFromFramework(loadFramework(framework))).toEqual(careerMatrixFromFramework(bundled));
  });

  it("says what it cannot keep per track: a name or a short label that differs between sheets", () => {
    const matrix = careerMatrixFromFramework(bundled, ["backend", "frontend"]);
    const frontend = matrix.tracks[1].competencies.find((c) => c.id === "code-review")!;
    frontend.name = "Reviews merge requests";
    frontend.label = "MR review";
    const { framework, warnings } = frameworkFromMatrix(bundled, matrix);
    expect(warnings).toEqual([
      '"code-review" is "Reviews merge requests" on Frontend but "Reviews code in their domain on a regular cadence" on Backend: the framework keeps "Reviews code in their domain on a regular cadence".',
      '"Reviews code in their domain on a regular cadence" has another short label on Frontend than on Backend: the framework keeps the label of Backend.',
    ]);
    expect(framework.competencies.find((c) => c.id === "code-review")?.label).toBe("Code review");
  });
});
