/**
 * Restore through files, as `mops-indicators restore FILE.xlsx --out OUT.xlsx` does it: the backup that `apply`
 * stored in the workbook brings back the original values, formulas, number formats, fills and sheet list, after
 * each action alone, after all of them in one run, and after several runs on the files each run wrote.
 * (test/cli covers recalculate + colour and the summary alone on the 2023 annex; test/xlsx the adapter in memory.)
 */
import { copyFileSync, existsSync } from "fs";
import { join } from "path";
import { SEEDS } from "../xlsx/helpers";
import { cli, fileContents, removeTemp, tmp } from "./harness";
import { expectEqual } from "../helpers/equal";

jest.setTimeout(180_000);
afterAll(removeTemp);

const NO_TABLE = ["county-pcpr.xlsx", "plain-data.xlsx"];
const seed = (name: string): string => join(SEEDS, name);

async function applyThenRestore(input: string, name: string, ...actions: string[]) {
  const out = tmp(`${name}-out.xlsx`);
  const applied = await cli("apply", input, ...actions, "--out", out);
  expect([name, applied.code, applied.err]).toEqual([name, 0, ""]);
  const restored = await cli("restore", out, "--out", tmp(`${name}-back.xlsx`));
  expect([name, restored.code, restored.err]).toEqual([name, 0, ""]);
  return { out, changed: await fileContents(out), back: await fileContents(tmp(`${name}-back.xlsx`)) };
}

test.each([["--recalculate"], ["--recalculate --values-only"], ["--color"]])(
  "each action alone on the typed 2023 annex: apply %s, then restore the file",
  async (flags) => {
    const actions = flags.split(" ");
    const input = seed("annex-2023-typed.xlsx");
    const { changed, back } = await applyThenRestore(input, actions.join("").replace(/\W+/g, "-"), ...actions);
    const original = await fileContents(input);
    expect(changed).not.toEqual(original);
    expectEqual(back, original);
  },
);

test.each(["annex-2023-numbers.xlsx", "annex-2022.xlsx", "annex-2021.xlsx", "declaration-2025.xlsx"])(
  "all actions in one run on %s, then restore the file",
  async (file) => {
    const { changed, back } = await applyThenRestore(seed(file), file, "--recalculate", "--color", "--summary");
    const original = await fileContents(seed(file));
    expect(changed.sheetNames.length).toBeGreaterThan(original.sheetNames.length);
    expectEqual(back, original);
  },
);

test.each(NO_TABLE)("all actions on %s (no indicator table) change nothing and write no file", async (file) => {
  const out = tmp(`${file}-out.xlsx`);
  const applied = await cli("apply", seed(file), "--recalculate", "--color", "--summary", "--out", out);
  expect([applied.code, applied.err]).toEqual([0, ""]);
  expect(applied.out).toMatch(/Nothing changes: no file was written/);
  expect(existsSync(out)).toBe(false);
});

test("several runs, each on the file the previous one wrote, then one restore: the very first state comes back", async () => {
  const first = tmp("session-0.xlsx");
  copyFileSync(seed("annex-2023-typed.xlsx"), first);
  const runs = [
    ["--recalculate"],
    ["--color"],
    ["--summary"],
    ["--recalculate", "--values-only", "--color"],
    ["--summary"],
  ];
  let input = first;
  for (const [i, actions] of runs.entries()) {
    const out = tmp(`session-${i + 1}.xlsx`);
    const r = await cli("apply", input, ...actions, "--out", out);
    expect([actions, r.code, r.err]).toEqual([actions, 0, ""]);
    input = out;
  }
  const r = await cli("restore", input, "--out", tmp("session-back.xlsx"));
  expect(r.code).toBe(0);
  expectEqual(await fileContents(tmp("session-back.xlsx")), await fileContents(first));
  // and restoring the restored file finds nothing left to do, and writes nothing
  const again = await cli("restore", tmp("session-back.xlsx"), "--out", tmp("session-again.xlsx"));
  expect(again.out).toMatch(/Nothing to restore/);
  expect(existsSync(tmp("session-again.xlsx"))).toBe(false);
});
