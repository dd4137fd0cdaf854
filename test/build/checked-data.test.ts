// The add-in's bundle ships the bundled framework and sample team checked at build time by the same checks Node runs.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { checkedFramework, checkedSampleTeam } from "../../src/data/checked-data";
import { projectRoot } from "./production-build";

interface Loader {
  checkBundledData(files?: { framework: string; sampleTeam: string }): unknown;
  checkedDataModule(data: { framework: unknown; sampleTeam: unknown }): string;
}
// A CommonJS build script, loaded as webpack loads it.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the loader is plain CommonJS, like webpack.config.js
const loader = require(join(projectRoot, "scripts", "checked-data-loader.js")) as Loader;

test("the data the bundle gets is what the checks return in Node", () => {
  const framework = checkedFramework();
  expect(loader.checkBundledData()).toEqual({ framework, sampleTeam: checkedSampleTeam(framework) });
}, 60_000);

test("the module the bundle gets returns the checked data, whatever characters its texts hold", () => {
  const data = {
    framework: {
      name: `It's "quoted", back\\slashed, ${"\u2028"}separated and 日本語`,
      levels: [1, 2.5, null],
    },
    sampleTeam: { people: [{ person: "Zoë O'Brien" }] },
  };
  const code = loader.checkedDataModule(data).replace(/^export /gm, "");
  const [framework, sampleTeam] = new Function(
    `${code}\nreturn [checkedFramework(), checkedSampleTeam()];`,
  )();
  expect({ framework, sampleTeam }).toEqual(data);
});

describe("a bundled framework that fails its checks", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "checked-data-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test("fails the build, naming the JSON path of each problem", () => {
    const framework = JSON.parse(readFileSync(join(projectRoot, "src/data/framework.json"), "utf8"));
    framework.competencies[0].area = "no-such-area";
    delete framework.scoring.ready;
    writeFileSync(join(dir, "framework.json"), JSON.stringify(framework));
    copyFileSync(join(projectRoot, "src/data/sample-team.json"), join(dir, "sample-team.json"));
    const files = { framework: join(dir, "framework.json"), sampleTeam: join(dir, "sample-team.json") };
    expect(() => loader.checkBundledData(files)).toThrow(
      /Invalid framework: scoring\.ready: expected a number, found nothing/,
    );
    framework.scoring.ready = 0.8;
    writeFileSync(join(dir, "framework.json"), JSON.stringify(framework));
    expect(() => loader.checkBundledData(files)).toThrow(
      /competencies\[0\]\.area: expected one of the area ids \(.*\), found 'no-such-area'/,
    );
  }, 60_000);
});
