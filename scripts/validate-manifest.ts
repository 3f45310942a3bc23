/**
 * npm run validate: checks manifest.xml, and dist/manifest.xml when a production build exists, against the
 * manifest XSDs offline (Microsoft's validation service is out of reach here). Extra paths may be given.
 */
import { existsSync, readFileSync } from "fs";
import { relative, resolve } from "path";
import { validateManifest } from "./lib/validate-manifest";

async function main(): Promise<number> {
  const root = resolve(__dirname, "..");
  const given = process.argv.slice(2);
  const paths =
    given.length > 0
      ? given.map((p) => resolve(p))
      : [resolve(root, "manifest.xml"), resolve(root, "dist/manifest.xml")];
  let failed = 0;
  for (const path of paths) {
    const name = relative(process.cwd(), path) || path;
    if (!existsSync(path)) {
      if (given.length > 0) {
        console.error(`${name}: no such file`);
        failed++;
      } else {
        console.log(`${name}: not built yet (npm run build), skipped`);
      }
      continue;
    }
    const check = await validateManifest(readFileSync(path, "utf8"), name);
    if (check.valid) {
      console.log(`${name}: valid`);
    } else {
      failed++;
      console.error(`${name}: INVALID`);
      for (const error of check.errors) console.error(`  ${error}`);
    }
  }
  return failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
