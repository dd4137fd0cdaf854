// The order the suites start in: the slowest named in test/slow-first-sequencer.js first, whatever jest knows.
import { existsSync } from "fs";
import { join } from "path";
import { projectRoot } from "./production-build";

interface SuiteOrder {
  SLOWEST_FIRST: string[];
}
// eslint-disable-next-line @typescript-eslint/no-require-imports -- jest loads the sequencer as plain CommonJS
const sequencer = require(join(projectRoot, "test", "slow-first-sequencer.js")) as SuiteOrder;

test("every suite named as slowest is a test file that exists", () => {
  const missing = sequencer.SLOWEST_FIRST.filter(
    (file) => !existsSync(join(projectRoot, file)) || !/\.test\.tsx?$/.test(file),
  );
  expect(missing).toEqual([]);
  expect(sequencer.SLOWEST_FIRST.length).toBeGreaterThan(3);
});
