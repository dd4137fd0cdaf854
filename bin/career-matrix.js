#!/usr/bin/env node
// The compiled command line lives in build/node (npm's "prepare" script builds it on install).
require("../build/node/cli/main.js").run();
