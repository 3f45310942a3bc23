/**
 * The archive handed to IT: mops-indicators-<version>.zip holding one folder mops-indicators-<version>/ with the
 * built site and its manifest. Entries carry one fixed date, so the same build gives the same bytes.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "fs";
import JSZip from "jszip";
import { dirname, join, relative, sep } from "path";

const FIXED_DATE = new Date(Date.UTC(2020, 0, 1));

export const archiveName = (version: string): string => `mops-indicators-${version}`;

function filesUnder(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? filesUnder(path) : [path];
    });
}

export async function archiveSite(siteDir: string, version: string): Promise<Buffer> {
  const zip = new JSZip();
  const folder = archiveName(version);
  for (const file of filesUnder(siteDir)) {
    const name = relative(siteDir, file).split(sep).join("/");
    zip.file(`${folder}/${name}`, readFileSync(file), { date: FIXED_DATE, createFolders: false });
  }
  return zip.generateAsync({
    type: "nodebuffer",
    compression: "DEFLATE",
    compressionOptions: { level: 9 },
    platform: "UNIX",
  });
}

/** Unpacks an archive into a folder and returns the names it held (for the test that serves an unpacked package). */
export async function extractArchive(archive: Buffer, targetDir: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(archive);
  const names: string[] = [];
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    const target = join(targetDir, ...entry.name.split("/"));
    if (relative(targetDir, target).startsWith(".."))
      throw new Error(`archive entry escapes its folder: ${entry.name}`);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, await entry.async("nodebuffer"));
    names.push(entry.name);
  }
  return names;
}
