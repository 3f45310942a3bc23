#!/usr/bin/env node
// The compiled CLI (npm run build runs tsc -p tsconfig.cli.json into build/cli).
"use strict";
let cli;
try {
  cli = require("../build/cli/cli/main.js");
} catch (e) {
  if (e && e.code === "MODULE_NOT_FOUND") {
    process.stderr.write("mops-indicators: build/cli is missing; run `npm run build` first.\n");
    process.exit(2);
  }
  throw e;
}
cli.runCli();
