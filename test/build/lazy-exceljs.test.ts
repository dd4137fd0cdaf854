// ExcelJS serves export only: in the production build it sits in a chunk of its own that loads when an export starts.
import { BUILD_TIMEOUT_MS, productionBuildChunks, type BundleChunks } from "./production-build";

const excelJs = /[\\/]node_modules[\\/]exceljs[\\/]/;

let build: BundleChunks;
beforeAll(() => {
  build = productionBuildChunks();
}, BUILD_TIMEOUT_MS);

test("ExcelJS is in one chunk, named exceljs, that no page loads at start", () => {
  const withExcelJs = build.chunks.filter((chunk) => chunk.modules.some((m) => excelJs.test(m)));
  expect(withExcelJs.map((chunk) => ({ names: chunk.names, initial: chunk.initial }))).toEqual([
    { names: ["exceljs"], initial: false },
  ]);
});

test("no page's first load holds ExcelJS", () => {
  for (const [page, files] of Object.entries(build.entrypoints)) {
    const loaded = build.chunks.filter((chunk) => chunk.files.some((file) => files.includes(file)));
    expect({
      page,
      excelJs: loaded.flatMap((chunk) => chunk.modules).filter((m) => excelJs.test(m)),
    }).toEqual({
      page,
      excelJs: [],
    });
  }
});
