import { readdirSync, readFileSync } from "fs";
import { join } from "path";
import { buildSeedWorkbooks, SEEDS_DIR } from "../../scripts/seeds/seed-files";

describe("npm run seeds", () => {
  let built: Map<string, Buffer>;
  beforeAll(async () => {
    built = await buildSeedWorkbooks();
  });

  it("builds exactly the workbooks committed in seeds/", () => {
    const committed = readdirSync(SEEDS_DIR).filter((name) => name.endsWith(".xlsx"));
    expect([...built.keys()].sort()).toEqual(committed.sort());
  });

  it("regenerates every committed workbook byte for byte", () => {
    for (const [name, bytes] of built) {
      expect([name, bytes.equals(readFileSync(join(SEEDS_DIR, name)))]).toEqual([name, true]);
    }
  });
});
