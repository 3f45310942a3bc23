/** `npm run seeds [-- <folder>]`: writes the sample workbooks into seeds/ (or the given folder). */
import { mkdirSync, writeFileSync } from "fs";
import { join } from "path";
import { buildSeedWorkbooks, rebuildEditions, SEEDS_DIR } from "./seed-files";

async function main(): Promise<void> {
  const outDir = process.argv[2] ?? SEEDS_DIR;
  mkdirSync(outDir, { recursive: true });
  for (const [name, bytes] of await buildSeedWorkbooks()) {
    writeFileSync(join(outDir, name), bytes);
    console.log(`${join(outDir, name)} (${bytes.length} bytes)`);
  }
  for (const { file, seed, edition } of rebuildEditions()) {
    for (const { line, text } of edition.leftOut) console.log(`${file}: left out ${seed} line ${line}: ${text}`);
    for (const title of edition.titlesNotFound) console.log(`${file}: title in the 2023 wording: ${title}`);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
