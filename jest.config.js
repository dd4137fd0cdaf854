/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.(t|j)sx?$": ["ts-jest", { tsconfig: "tsconfig.test.json" }],
  },
  // ESM-only packages nested under office-addin-manifest (strip-bom, uuid) must be transformed:
  // the pattern only ignores paths whose *last* node_modules segment is not one of them.
  transformIgnorePatterns: ["node_modules/(?!(strip-bom|uuid)/)(?!.*node_modules/)"],
  testTimeout: 30000,
  // Jest's default is one worker less than the cores: one worker on a 2-core machine, which leaves a core idle while
  // the suites that wait on LibreOffice, Chromium or the command line wait. Two keep both cores busy.
  maxWorkers: 2,
  // The suites of minutes first, also on a fresh clone that has no timings from earlier runs.
  testSequencer: "<rootDir>/test/slow-first-sequencer.js",
  // The production build is made once per run and shared; the teardown fails the run if it was made twice.
  globalSetup: "<rootDir>/test/build/global-setup.ts",
  globalTeardown: "<rootDir>/test/build/global-teardown.ts",
};
