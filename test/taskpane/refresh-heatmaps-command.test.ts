import { refreshHeatmapsAction } from "../../src/commands/refresh-heatmaps";
import { bundledFramework } from "../../src/data";
import { MemoryWorkbook } from "../../src/hosts/memory";
import { OfficeHost } from "../../src/hosts/office/office-host";
import { buildMatrix, createRatings, scoreRatings } from "../../src/workbook/commands";

const framework = bundledFramework();

describe("the ribbon's Refresh heatmaps", () => {
  test("fails with the reason when there are no heatmaps yet, rather than doing nothing", async () => {
    const host = new OfficeHost(new MemoryWorkbook(["Sheet1"]).run);
    await expect(refreshHeatmapsAction(host, framework)()).rejects.toThrow(
      /Heatmaps not refreshed:\nThere are no heatmaps yet: score the ratings first\./,
    );
  });

  test("rewrites the heatmaps from the Ratings sheet, and reports the bad ratings it met with their cells", async () => {
    const memory = new MemoryWorkbook(["Sheet1"]);
    const host = new OfficeHost(memory.run);
    await buildMatrix(host, framework, ["backend"], { keepEdits: false });
    await createRatings(host, framework, [{ person: "Ada", track: "backend", level: "senior" }]);
    await memory.run(async (context) => {
      // The first ratings column is H: Source and Specialisation come before them.
      context.workbook.worksheets.getItem("Ratings").getRange("H2:I2").values = [[3, 4]];
      await context.sync();
    });
    await scoreRatings(host, framework);
    await expect(refreshHeatmapsAction(host, framework)()).resolves.toBeUndefined();

    await memory.run(async (context) => {
      context.workbook.worksheets.getItem("Ratings").getRange("H2").values = [["lots"]];
      await context.sync();
    });
    await expect(refreshHeatmapsAction(host, framework)()).rejects.toThrow(
      /Heatmaps refreshed, with problems:\nRatings!H2: /,
    );
  });
});
