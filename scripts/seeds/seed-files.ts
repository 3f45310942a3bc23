import { readFileSync } from "fs";
import { join } from "path";
import { parseAnnexTsv } from "./annex-tsv";
import { Edition, rebuildEdition } from "./annex-edition";
import { readGuide } from "./annex-guide";
import { annexWorkbook } from "./annex-workbook";
import { countyWorkbook } from "./county-workbook";
import { declarationWorkbook } from "./declaration-workbook";
import { plainDataWorkbook } from "./plain-data-workbook";
import { seedWorkbookBytes } from "./seed-workbook";

/** The folder holding the seed texts and the committed sample workbooks. */
export const SEEDS_DIR = join(__dirname, "..", "..", "seeds");

export const ANNEX_2023_TSV = "000_0f54954b8cafc992.txt";
export const ANNEX_2022_TEXT = "001_aa82d45481c6caa6.txt";
export const ANNEX_2021_TEXT = "002_689b89d6dd26aaeb.txt";
export const COUNTY_TEXT = "003_9e8481d61e633434.txt";
export const PROGRAMME_TEXT = "004_2219410d7cf9cc34.txt";

function seedText(name: string): string {
  return readFileSync(join(SEEDS_DIR, name), "utf8");
}

/** The 2022 and 2021 editions rebuilt with the 2023 annex as their guide. */
export function rebuildEditions(): { file: string; seed: string; edition: Edition }[] {
  const guide = readGuide(parseAnnexTsv(seedText(ANNEX_2023_TSV)));
  return [
    { file: "annex-2022.xlsx", seed: ANNEX_2022_TEXT, edition: rebuildEdition(guide, seedText(ANNEX_2022_TEXT), [2021, 2022]) },
    { file: "annex-2021.xlsx", seed: ANNEX_2021_TEXT, edition: rebuildEdition(guide, seedText(ANNEX_2021_TEXT), [2021]) },
  ];
}

/** Every sample workbook, by file name, as the bytes the generator writes. */
export async function buildSeedWorkbooks(): Promise<Map<string, Buffer>> {
  const annex2023 = parseAnnexTsv(seedText(ANNEX_2023_TSV));
  const programme = seedText(PROGRAMME_TEXT);
  const editions = rebuildEditions().map(
    async ({ file, edition }) => [file, await seedWorkbookBytes(annexWorkbook(edition.grid, "typed"))] as const,
  );
  return new Map([
    ...(await Promise.all(editions)),
    ["annex-2023-typed.xlsx", await seedWorkbookBytes(annexWorkbook(annex2023, "typed"))],
    ["annex-2023-numbers.xlsx", await seedWorkbookBytes(annexWorkbook(annex2023, "numbers"))],
    ["declaration-2025.xlsx", await seedWorkbookBytes(declarationWorkbook(programme))],
    ["county-pcpr.xlsx", await seedWorkbookBytes(countyWorkbook(seedText(COUNTY_TEXT)))],
    ["plain-data.xlsx", await seedWorkbookBytes(plainDataWorkbook(programme))],
  ]);
}
