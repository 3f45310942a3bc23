/** The site under test: the development build (pages, preview, sample workbooks) in build/e2e-site. */
import { spawnSync } from "child_process";
import { existsSync } from "fs";
import { join } from "path";

const ROOT = join(__dirname, "..", "..");

/** Build with the project's own webpack config in development mode, or reuse E2E_SITE when it is set. */
export function buildSite(): string {
  const reuse = process.env.E2E_SITE;
  if (reuse) {
    if (!existsSync(join(reuse, "preview.html"))) throw new Error(`E2E_SITE=${reuse} has no preview.html`);
    return reuse;
  }
  const out = join(ROOT, "build", "e2e-site");
  const webpack = join(ROOT, "node_modules", ".bin", "webpack");
  const run = spawnSync(webpack, ["--mode", "development", "--output-path", out], { cwd: ROOT, encoding: "utf8" });
  if (run.status !== 0) throw new Error(`development build failed:\n${run.stdout}\n${run.stderr}`);
  return out;
}
