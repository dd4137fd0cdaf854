// The production config without the build-time check of the bundled framework (scripts/checked-data-loader.js):
// the bundle as it was when the task pane checked the framework with zod as it started. The benchmarks' baseline.
const configure = require("../webpack.config.js");

module.exports = async (env, argv) => {
  const config = await configure(env, argv);
  const checksAtBuildTime = (rule) => JSON.stringify(rule).includes("checked-data-loader");
  return {
    ...config,
    module: { ...config.module, rules: config.module.rules.filter((r) => !checksAtBuildTime(r)) },
  };
};
