import { readFileSync } from "fs";
import { join } from "path";
import { parseAnnexTsv } from "./annex-tsv";
import { annexWorkbook } from "./annex-workbook";
import { countyWorkbook } from "./county-workbook";
import { declarationWorkbook } from "./declaration-workbook";
import { plainDataWorkbook } from "./plain-data-workbook";
import { seedWorkbookBytes } from "./seed-workbook";

/** The folder holding the seed texts and the committed sample workbooks. */
export const SEEDS_DIR = join(__dirname, "..", "..", "seeds");

export const ANNEX_2023_TSV = "000_0f54954b8cafc992.txt";
export const COUNTY_TEXT = "003_9e8481d61e633434.txt";
export const PROGRAMME_TEXT = "004_2219410d7cf9cc34.txt";

function seedText(name: string): string {
  return readFileSync(join(SEEDS_DIR, name), "utf8");
}

/** Every sample workbook, by file name, as the bytes the generator writes. */
export async function buildSeedWorkbooks(): Promise<Map<string, Buffer>> {
  const annex2023 = parseAnnexTsv(seedText(ANNEX_2023_TSV));
  const programme = seedText(PROGRAMME_TEXT);
  return new Map([
    ["annex-2023-typed.xlsx", await seedWorkbookBytes(annexWorkbook(annex2023, "typed"))],
    ["annex-2023-numbers.xlsx", await seedWorkbookBytes(annexWorkbook(annex2023, "numbers"))],
    ["declaration-2025.xlsx", await seedWorkbookBytes(declarationWorkbook(programme))],
    ["county-pcpr.xlsx", await seedWorkbookBytes(countyWorkbook(seedText(COUNTY_TEXT)))],
    ["plain-data.xlsx", await seedWorkbookBytes(plainDataWorkbook(programme))],
  ]);
}
