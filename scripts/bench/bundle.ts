/**
 * The built task-pane script in dist/ (npm run build): its entry chunk, minified. office.js is not in it: the
 * page loads it from Microsoft's CDN.
 */
import { existsSync, readdirSync, statSync } from "fs";
import { join } from "path";

export const DIST = join(__dirname, "..", "..", "dist");

/** Bytes of dist/taskpane.<hash>.js, or null when there is no production build. */
export function taskpaneBytes(dist = DIST): number | null {
  if (!existsSync(dist)) return null;
  const scripts = readdirSync(dist).filter((f) => /^taskpane(\.[0-9a-f]+)?\.js$/.test(f));
  if (scripts.length === 0) return null;
  return scripts.reduce((sum, f) => sum + statSync(join(dist, f)).size, 0);
}
