import type { Indicator } from "../../../src/core/model";
import { inferRatio } from "../../../src/core/ratio";
import { recognizeSheet } from "../../../src/core/recognize";
import { readSeedSnapshot } from "./seed-snapshot";

/** Every coded ratio indicator of the 2023 annex (seed 000) and the formula its values show. */
const EXPECTED_FORMULAS: Record<string, string> = {
  W19_W: "share",
  W8_W: "share",
  W17_W: "share",
  W7_W: "share_reversed",
  W39_W: "share",
  W18_W: "share",
  W12_W: "share",
  W2_W: "share",
  W13_W: "share",
  W41_W: "share",
  W10_W: "weekly_hours_per_person",
  W15_W: "coverage",
  W5_W: "share",
  W11_W: "per_1000",
  W9_W: "share",
  W1_W: "share",
  W40_W: "share",
  W14_W: "share",
  W16_W: "coverage",
  W4_W: "share",
  W20_W: "share",
  W38_W: "share",
};

/**
 * The real disagreements between the typed value and its components, each recomputed by hand:
 * W19_W baseline 5120/6569 = 77.9 % typed "80%";
 * W39_W 2021 34/6 = 567 % typed "5,70%" (6 is a typo, ~596 would give 5.70 %); W13_W 2021 199/293 = 67.9 % typed "91%"; W5_W baseline 60087/779960 = 7.704 % typed "7,69%"; W1_W baseline
 * 31230/779960 = 4.004 % typed "4,1%"; W16_W 2021 985/(985+30) = 97.04 % typed "98%"; the protected housing for
 * persons with intellectual disabilities, baseline 62/295 = 21.0 % typed "0%". W7_W baseline and 2021 "3,10%"
 * (6569/208644 = 3.148 %) and W13_W baseline "60,30%" (213/353 = 60.34 %) match: 3,1 % and 60,3 % with a padding zero.
 */
const EXPECTED_MISMATCHES = [
  "W19_W baseline",
  "W39_W 2021",
  "W13_W 2021",
  "W5_W baseline",
  "W1_W baseline",
  "W16_W 2021",
  "niepełnosprawnościami intelektualnymi baseline",
].sort();

const label = (ind: Indicator): string =>
  ind.code ?? (/intelektualnymi/.test(ind.name) ? "niepełnosprawnościami intelektualnymi" : ind.name);

/** The same annex typed as text, and with true numbers under number formats: both must read alike. */
describe.each(["annex-2023-typed.xlsx", "annex-2023-numbers.xlsx"])(
  "inferRatio on the 2023 annex (seeds/%s)",
  (file) => {
    let indicators: Indicator[];
    beforeAll(async () => {
      const wb = await readSeedSnapshot(file);
      indicators = recognizeSheet(wb.sheets[0]!).tables.flatMap((t) => t.indicators);
    });

    it("gives every coded ratio indicator the formula its values show", () => {
      const found = Object.fromEntries(
        indicators
          .filter((i) => i.code && i.components.length >= 2)
          .map((i) => [i.code, inferRatio(i).result?.formula]),
      );
      expect(found).toEqual(EXPECTED_FORMULAS);
    });

    it("finds a formula for every indicator with components, without a note", () => {
      const withComponents = indicators.filter((i) => i.components.length >= 2);
      expect(withComponents.length).toBe(Object.keys(EXPECTED_FORMULAS).length + 3);
      for (const ind of withComponents) {
        const { result, note } = inferRatio(ind);
        expect([label(ind), result === null, note]).toEqual([label(ind), false, undefined]);
      }
    });

    it("infers the uncoded rows: coverage for elderly protected housing, share_reversed for specialist places, share for intellectual disability housing", () => {
      const uncoded = indicators.filter((i) => !i.code && i.components.length >= 2);
      expect(
        uncoded.map((i) => [i.name.slice(0, 40), inferRatio(i).result?.formula, inferRatio(i).result?.source]),
      ).toEqual([
        ["Poziom zaspokojenia potrzeb związanych z", "coverage", "inferred"],
        ["Udział liczby miejsc w ośrodkach wsparci", "share_reversed", "inferred"],
        ["Poziom zaspokojenia potrzeb związanych z", "share", "inferred"],
      ]);
    });

    it("lists exactly the real disagreements between typed values and their components", () => {
      const mismatches = indicators.flatMap((ind) => {
        const matches = inferRatio(ind).result?.matches ?? {};
        return Object.entries(matches)
          .filter(([, m]) => m === false)
          .map(([key]) => `${label(ind)} ${key}`);
      });
      expect(mismatches.sort()).toEqual(EXPECTED_MISMATCHES);
    });

    it("judges every other cell of a ratio indicator a match, except where the sheet has no counts", () => {
      const unjudged = indicators.flatMap((ind) =>
        Object.entries(inferRatio(ind).result?.matches ?? {})
          .filter(([, m]) => m === null)
          .map(([key]) => `${label(ind)} ${key}`),
      );
      // The component cells are empty for W41_W 2021 and W14_W 2021, and for the specialist places' baseline.
      expect(unjudged.sort()).toEqual(
        [
          "W14_W 2021",
          "W41_W 2021",
          "Udział liczby miejsc w ośrodkach wsparcia specjalistycznych w ogólnej liczbie miejsc w ośrodkach wsparcia dla osób starszych. baseline",
        ].sort(),
      );
      const matched = indicators
        .flatMap((ind) => Object.values(inferRatio(ind).result?.matches ?? {}))
        .filter((m) => m === true);
      // 25 ratio indicators × (baseline + 3 years) = 100 cells, less 3 without counts and 7 disagreements.
      expect(matched.length).toBe(90);
    });
  },
);
