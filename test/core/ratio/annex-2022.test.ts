import { inferRatio } from "../../../src/core/ratio";
import { recognizeSheet } from "../../../src/core/recognize";
import { readSeedSnapshot } from "./seed-snapshot";

describe("inferRatio on the 2022 annex (seeds/annex-2022.xlsx, years 2021-2022)", () => {
  it("finds the 2023 edition's disagreements, plus W19_W 2021 typed 80% where 5853/6569 = 89.1 % (the 2023 edition says 89%)", async () => {
    const sheet = (await readSeedSnapshot("annex-2022.xlsx")).sheets[0];
    const mismatches = recognizeSheet(sheet!)
      .tables.flatMap((t) => t.indicators)
      .flatMap((ind) =>
        Object.entries(inferRatio(ind).result?.matches ?? {})
          .filter(([, m]) => m === false)
          .map(([key]) => `${ind.code} ${key}`),
      );
    // Recomputed by hand: 5120/6569 = 77.9 % ("80%"), 34/6 ("5,70%"), 199/293 = 67.9 % ("91%"),
    // 60087/779960 = 7.70 % ("7,69%"), 31230/779960 = 4.00 % ("4,1%"), 985/1015 = 97.04 % ("98%"). W7_W's "3,10%"
    // (6569/208644 = 3.148 %) and W13_W's "60,30%" (213/353 = 60.34 %) match, read with a padding zero.
    expect(mismatches.sort()).toEqual(
      [
        "W19_W 2021",
        "W19_W baseline",
        "W39_W 2021",
        "W13_W 2021",
        "W5_W baseline",
        "W1_W baseline",
        "W16_W 2021",
      ].sort(),
    );
  });
});
