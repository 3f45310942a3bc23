/**
 * npm run build: the production site in dist/ (webpack), then the command-line tool when its tsconfig exists
 * (tsconfig.cli.json, compiled outside dist/ so that the site holds only what a web server should serve).
 */
import { existsSync } from "fs";
import { join } from "path";
import { runNodeCli } from "./lib/run";

const root = join(__dirname, "..");
let status = runNodeCli("webpack-cli/bin/cli.js", [
  "--mode",
  "production",
  "--config",
  join(root, "webpack.config.js"),
]);
if (status === 0 && existsSync(join(root, "tsconfig.cli.json"))) {
  status = runNodeCli("typescript/bin/tsc", ["-p", join(root, "tsconfig.cli.json")]);
}
process.exit(status);
