/**
 * How many cases each property runs: about 2 700 in all for `npm test` (sized to keep it within 90 s on two cores),
 * times MOPS_PROPERTY_SCALE for the nightly run (scripts/nightly.ts, scale 100 by default: about 270 000). A failure
 * prints fast-check's seed and path; MOPS_PROPERTY_SEED replays it.
 */
import fc from "fast-check";
import { appendJournal, noJournal, serialiseJournal } from "../../src/core/journal";

export const SCALE = Math.max(1, Number(process.env.MOPS_PROPERTY_SCALE) || 1);
const seed = process.env.MOPS_PROPERTY_SEED;
if (seed !== undefined && seed !== "") fc.configureGlobal({ seed: Number(seed) });

export const RUNS = {
  values: 1_000 * SCALE,
  recognize: 750 * SCALE,
  randomWorkbooks: 500 * SCALE,
  damagedWorkbooks: 150 * SCALE,
  formatRoundTrip: 250 * SCALE,
  adapterRestores: 20 * SCALE,
};

/** The backup journal a workbook may hold: none, a sound one, a damaged one, one from a newer version, junk. */
export const journalChunks: fc.Arbitrary<string[]> = fc.oneof(
  { weight: 4, arbitrary: fc.constant<string[]>([]) },
  {
    weight: 2,
    arbitrary: fc.constant<string[]>(
      serialiseJournal(
        appendJournal(noJournal(), {
          action: "summary",
          at: "2026-11-20T10:00:00Z",
          cells: [
            {
              sheet: "Załącznik 5",
              address: "F5",
              before: { value: "89%", formula: null, numberFormat: "General" },
              after: { value: 0.89, formula: "=F6/F7", numberFormat: "0%" },
            },
          ],
          addedSheets: ["Podsumowanie"],
          sheets: [{ name: "Podsumowanie", mark: "Podsumowanie wskaźników: Załącznik 5" }],
        }),
      ),
    ),
  },
  { weight: 1, arbitrary: fc.constant<string[]>(['mops-journal:v1:0/1:{"entries":[{"action":"color"']) },
  { weight: 1, arbitrary: fc.constant<string[]>(["mops-journal:v9:g1:0/1:{}"]) },
  { weight: 1, arbitrary: fc.array(fc.string({ maxLength: 20 }), { minLength: 1, maxLength: 3 }) },
);
