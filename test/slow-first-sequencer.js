// Jest's order for test files: the slowest start first, so that the run does not end with one worker busy on a
// suite of minutes while the other waits. Jest orders by the times it kept from earlier runs, but a fresh clone has
// none (it then orders by file size, which says little here): these suites, slowest first, are put at the head.
// The first two go to the two workers: one makes the production build, the other does not wait for it.
const path = require("path");
const Sequencer = require("@jest/test-sequencer").default;

const SLOWEST_FIRST = [
  "test/workbook/commands-office-scoring-syncs.test.ts",
  "test/browser/workbench.test.ts",
  "test/libreoffice/streamed-workbook.test.ts",
  "test/workbook/commands-office.test.ts",
  "test/libreoffice/built-workbook.test.ts",
  "test/browser/calibration-session.test.ts",
  "test/cli/spreadsheet-apps.test.ts",
  "test/cli/into.test.ts",
  "test/hosts/office/office-host.test.ts",
];

class SlowestFirst extends Sequencer {
  sort(tests) {
    const rank = (test) => {
      const index = SLOWEST_FIRST.indexOf(
        path.relative(test.context.config.rootDir, test.path).split(path.sep).join("/"),
      );
      return index < 0 ? SLOWEST_FIRST.length : index;
    };
    // Array.prototype.sort is stable: the other suites keep jest's own order.
    return super.sort(tests).sort((a, b) => rank(a) - rank(b));
  }
}

module.exports = SlowestFirst;
module.exports.SLOWEST_FIRST = SLOWEST_FIRST;
