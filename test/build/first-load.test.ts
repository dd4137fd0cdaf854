// The bundled framework is checked when the bundle is built, so its checker (zod) never reaches the user's browser.
import { BUILD_TIMEOUT_MS, productionBuildChunks, type BundleChunks } from "./production-build";

const zod = /[\\/]node_modules[\\/]zod[\\/]/;

let build: BundleChunks;
beforeAll(() => {
  build = productionBuildChunks();
}, BUILD_TIMEOUT_MS);

test("the task pane, ribbon commands and workbench load no zod at start", () => {
  expect(Object.keys(build.entrypoints).sort()).toEqual(["commands", "taskpane", "workbench"]);
  for (const [page, files] of Object.entries(build.entrypoints)) {
    const firstLoad = build.chunks.filter((chunk) => chunk.files.some((file) => files.includes(file)));
    expect(firstLoad.length).toBeGreaterThan(0);
    const modules = firstLoad.flatMap((chunk) => chunk.modules);
    expect({ page, zod: modules.filter((m) => zod.test(m)) }).toEqual({ page, zod: [] });
  }
});

test("zod and the framework checks travel only in chunks loaded on demand, when a framework file is used: the bundled data comes checked", () => {
  const modules = build.chunks.flatMap((chunk) => chunk.modules);
  expect(modules.some((m) => m.includes("src/data/checked-data.ts"))).toBe(true);
  const checking = build.chunks.filter((chunk) =>
    chunk.modules.some((m) => zod.test(m) || /framework-schema|load-framework/.test(m)),
  );
  expect(checking.some((chunk) => chunk.names.includes("framework-file"))).toBe(true);
  // Loaded on demand only (webpack may split what the pane's and the ribbon's on-demand chunks share).
  expect(checking.filter((chunk) => chunk.initial)).toEqual([]);
});

test("the task pane's first load is its own entry script, the other tabs' code loads when they open", () => {
  const first = build.chunks.filter((chunk) =>
    chunk.files.some((f) => build.entrypoints.taskpane.includes(f)),
  );
  const modules = first.flatMap((chunk) => chunk.modules);
  expect(modules.some((m) => m.includes("src/taskpane/panels/MatrixPanel"))).toBe(true);
  for (const tab of ["RatingsPanel", "ScorePanel", "CalibrationPanel", "ComparePanel"]) {
    expect({ tab, inFirstLoad: modules.some((m) => m.includes(`src/taskpane/panels/${tab}`)) }).toEqual({
      tab,
      inFirstLoad: false,
    });
  }
});

test("the formula engine (formulajs, the tokenizer, the memory workbook's calculation) is in the workbench alone", () => {
  const engine =
    /node_modules[\\/](@formulajs|excel-formula-tokenizer|bessel)[\\/]|src[\\/]hosts[\\/]memory[\\/]/;
  const pages = (module: string) =>
    Object.entries(build.entrypoints)
      .filter(([, files]) =>
        build.chunks.some((c) => c.files.some((f) => files.includes(f)) && c.modules.includes(module)),
      )
      .map(([page]) => page);
  const modules = [...new Set(build.chunks.flatMap((chunk) => chunk.modules))].filter((m) => engine.test(m));
  expect(modules.some((m) => m.includes("@formulajs"))).toBe(true);
  expect(modules.some((m) => m.includes("calculation.ts"))).toBe(true);
  // Not in an on-demand chunk either: only the workbench's own entry holds it.
  const elsewhere = modules.filter((m) => pages(m).join() !== "workbench");
  expect(elsewhere).toEqual([]);
});

test("the task pane's first script draws the first screen only: commands, sheet code, the bundled data and menus load when used", () => {
  const first = build.chunks.filter((chunk) =>
    chunk.files.some((f) => build.entrypoints.taskpane.includes(f)),
  );
  const modules = first.flatMap((chunk) => chunk.modules);
  const later: Record<string, RegExp> = {
    "workbook commands": /src\/workbook\/commands\.ts/,
    "sheet specs": /src\/sheets\/(matrix|ratings|readiness)-sheet\.ts/,
    "rater model and its statistics": /src\/core\/rater-model\.ts|node_modules\/jstat\//,
    "Office host's reads and writes": /src\/hosts\/office\/(office-host|sheet-steps|markers)\.ts/,
    "bundled framework and sample team": /src\/data\/checked-data\.ts/,
    "menus and dialogs": /node_modules\/@fluentui\/react-(menu|dialog)\//,
  };
  const found = Object.entries(later).map(([what, pattern]) => ({
    what,
    inFirstLoad: modules.filter((m) => pattern.test(m)),
  }));
  expect(found).toEqual(Object.keys(later).map((what) => ({ what, inFirstLoad: [] })));
  // What the first screen needs is there: the tab row with its overflow, the Matrix tab and the on-demand host.
  for (const needed of [/react-overflow/, /panels\/MatrixPanel/, /office-host-on-demand/]) {
    expect({ needed: String(needed), found: modules.some((m) => needed.test(m)) }).toEqual({
      needed: String(needed),
      found: true,
    });
  }
});
