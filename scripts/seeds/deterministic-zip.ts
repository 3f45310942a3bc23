import JSZip from "jszip";

/** The date every entry of a seed workbook carries, so that regenerating a seed reproduces its bytes. */
export const SEED_DATE = new Date(Date.UTC(2024, 0, 15, 12, 0, 0));

/**
 * ExcelJS stamps each zip entry with the current time. Re-zip the entries in their original order with one fixed
 * date (and no implicit folder entries, which JSZip would otherwise stamp with the current time too).
 */
export async function rezipWithFixedDates(xlsx: Buffer | ArrayBuffer): Promise<Buffer> {
  const source = await JSZip.loadAsync(xlsx);
  const target = new JSZip();
  for (const entry of Object.values(source.files)) {
    if (entry.dir) continue;
    target.file(entry.name, await entry.async("uint8array"), { date: SEED_DATE, createFolders: false });
  }
  return target.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 9 } });
}
