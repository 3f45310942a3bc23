/**
 * npm run package (after build and validate): package/mops-indicators-<version>.zip, the site for IT to host.
 * Options: --dist <folder> (default dist), --out <folder> (default package).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "fs";
import { join, resolve } from "path";
import { archiveName, archiveSite } from "./lib/site-archive";

const root = resolve(__dirname, "..");
const option = (name: string, fallback: string): string => {
  const at = process.argv.indexOf(name);
  return at >= 0 && process.argv[at + 1] ? resolve(process.argv[at + 1]!) : fallback;
};

async function main(): Promise<void> {
  const dist = option("--dist", join(root, "dist"));
  const out = option("--out", join(root, "package"));
  const manifestPath = join(dist, "manifest.xml");
  if (!existsSync(manifestPath)) throw new Error(`${manifestPath} is missing: run npm run build first`);
  const manifest = readFileSync(manifestPath, "utf8");
  if (/localhost/.test(manifest) || existsSync(join(dist, "preview.html"))) {
    throw new Error(`${dist} is a development build: run npm run build (production) first`);
  }
  const { version } = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string };
  mkdirSync(out, { recursive: true });
  const file = join(out, `${archiveName(version)}.zip`);
  writeFileSync(file, await archiveSite(dist, version));
  const address = /<SourceLocation DefaultValue="([^"]+)taskpane\.html"/.exec(manifest)?.[1];
  console.log(`${file}\n  unpack ${archiveName(version)}/ onto ${address ?? "the host"} (docs/deployment.md)`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
