/**
 * The nightly-style long run of the reliability properties (test/reliability, and the restore and findings
 * properties sized by its SCALE): the same properties as CI, with
 * MOPS_PROPERTY_SCALE times as many cases (default 100, about 270 000; hours on a slow machine) and a fresh random
 * seed each night. A failure prints fast-check's seed and path; replay it with
 * `MOPS_PROPERTY_SEED=<seed> npx jest test/reliability/properties.test.ts`.
 *
 *   npm run test:nightly                 # scale 100
 *   npm run test:nightly -- 400          # scale 400
 */
import { runNodeCli } from "./lib/run";

const scale = process.argv[2] ?? process.env.MOPS_PROPERTY_SCALE ?? "100";
if (!/^\d+$/.test(scale) || Number(scale) < 1) {
  console.error(`nightly: the scale must be a whole number of at least 1, not "${scale}"`);
  process.exit(2);
}
console.log(`nightly: reliability properties at ${scale}× the CI case counts`);
const status = runNodeCli(
  "jest/bin/jest",
  [
    "test/reliability/properties.test.ts",
    "test/reliability/round-trip.test.ts",
    "test/reliability/plans-restore.test.ts",
    "test/xlsx/restore-property.test.ts",
    "test/core/findings/property.test.ts",
    "test/excel/bounded-backup.test.ts",
  ],
  { ...process.env, MOPS_PROPERTY_SCALE: scale },
);
process.exit(status);
