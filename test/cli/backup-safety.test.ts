/**
 * The cases of issue #16 through the CLI on the seed annex: restore never overwrites what the user changed, finds
 * moved rows and renamed sheets, and a backup that cannot be trusted stops every change (exit 2) and stays as it is.
 */
import { existsSync, readFileSync } from "fs";
import { join } from "path";
import type { Workbook } from "exceljs";
import { cliRunner, suiteFolder } from "../helpers/cli";
import { parseJournal, serialiseJournal } from "../../src/core/journal";
import { JOURNAL_SHEET } from "../../src/core/plan";
import { readJournalSheet } from "../../src/xlsx/journal-sheet";
import { loadWorkbook, saveWorkbook } from "../../src/xlsx/load";
import { snapshotFromWorkbook } from "../../src/xlsx/read";
import { SEEDS } from "../xlsx/helpers";
import { expectEqual } from "../helpers/equal";

jest.setTimeout(60_000);

const SHEET = "Załącznik 5";
const { tmp } = suiteFolder("mops-backup-");

const run = cliRunner("en_US.UTF-8", "2026-11-23T18:30:00Z");

const open = async (path: string): Promise<Workbook> => loadWorkbook(readFileSync(path));
async function save(wb: Workbook, name: string): Promise<string> {
  const { writeFileSync } = await import("fs");
  writeFileSync(tmp(name), await saveWorkbook(wb));
  return tmp(name);
}
const cells = (wb: Workbook, sheet = SHEET) => {
  const s = snapshotFromWorkbook(wb, [sheet]).sheets[0];
  return { values: s!.values, formulas: s!.formulas, numberFormat: s!.numberFormat, fill: s!.fill, top: s!.top };
};

/** The seed annex after one CLI apply. */
async function applied(name: string, ...actions: string[]): Promise<Workbook> {
  const r = await run("apply", join(SEEDS, "annex-2023-typed.xlsx"), ...actions, "--out", tmp(`${name}.xlsx`));
  expect(r.code).toBe(0);
  return open(tmp(`${name}.xlsx`));
}

describe("restore: compare-and-swap", () => {
  test("a figure the user typed into a recalculated cell stays theirs; the rest comes back; --force restores it too", async () => {
    const original = await open(join(SEEDS, "annex-2023-typed.xlsx"));
    const wb = await applied("user", "--recalculate", "--include-changed");
    wb.getWorksheet(SHEET)!.getCell("C5").value = 0.77;
    const input = await save(wb, "user-edited.xlsx");
    const r = await run("restore", input, "--out", tmp("user-back.xlsx"));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/changed after the add-in's change are left as they are \(1\)/);
    const back = await open(tmp("user-back.xlsx"));
    expect(back.getWorksheet(SHEET)!.getCell("C5").value).toBe(0.77);
    const expected = cells(original);
    expected.values[5 - 1 - expected.top]![2] = 0.77;
    expect(cells(back).values).toEqual(expected.values);
    // the user's cell stays in the backup, so that --force can still put it back
    expect(parseJournal(readJournalSheet(back)).entries.flatMap((e) => e.cells.map((c) => c.address))).toEqual(["C5"]);

    const forced = await run("restore", input, "--force", "--out", tmp("user-forced.xlsx"));
    expect(forced.code).toBe(0);
    const all = await open(tmp("user-forced.xlsx"));
    expectEqual(cells(all), cells(original));
    expect(all.getWorksheet(JOURNAL_SHEET)).toBeUndefined();
  });

  test("two rows inserted above the table after recalculating: every cell comes back in its moved row, none at the old address", async () => {
    const original = await open(join(SEEDS, "annex-2023-typed.xlsx"));
    original.getWorksheet(SHEET)!.spliceRows(1, 0, ["wstawiony 1"], ["wstawiony 2"]);
    const wb = await applied("rows", "--recalculate", "--values-only");
    wb.getWorksheet(SHEET)!.spliceRows(1, 0, ["wstawiony 1"], ["wstawiony 2"]);
    const r = await run("restore", await save(wb, "rows-moved.xlsx"), "--out", tmp("rows-back.xlsx"));
    expect(r.code).toBe(0);
    expectEqual(cells(await open(tmp("rows-back.xlsx"))), cells(original));
  });

  test("colouring, then the user types a value into a coloured cell: restore puts the fill back and keeps the value", async () => {
    const original = await open(join(SEEDS, "annex-2023-typed.xlsx"));
    const wb = await applied("colour", "--color");
    wb.getWorksheet(SHEET)!.getCell("F5").value = "91%";
    const r = await run("restore", await save(wb, "colour-edited.xlsx"), "--out", tmp("colour-back.xlsx"));
    expect(r.code).toBe(0);
    const back = cells(await open(tmp("colour-back.xlsx")));
    const expected = cells(original);
    expected.values[5 - 1 - expected.top]![5] = "91%";
    expect(back).toEqual(expected);
  });

  test("the annex renamed after the change is found by its sheet id", async () => {
    const original = await open(join(SEEDS, "annex-2023-typed.xlsx"));
    const wb = await applied("renamed", "--recalculate", "--color");
    wb.getWorksheet(SHEET)!.name = "Załącznik 5 (2023)";
    const r = await run("restore", await save(wb, "renamed-edited.xlsx"), "--out", tmp("renamed-back.xlsx"));
    expect(r.code).toBe(0);
    const back = await open(tmp("renamed-back.xlsx"));
    expectEqual(cells(back, "Załącznik 5 (2023)"), cells(original));
    expect(back.getWorksheet(JOURNAL_SHEET)).toBeUndefined();
  });

  test("the user renamed the summary and made their own Podsumowanie: restore deletes the add-in's, never the user's", async () => {
    const wb = await applied("summary", "--summary");
    wb.getWorksheet("Podsumowanie")!.name = "Stare";
    wb.addWorksheet("Podsumowanie").getCell("A1").value = "moje notatki";
    const r = await run("restore", await save(wb, "summary-edited.xlsx"), "--out", tmp("summary-back.xlsx"));
    expect(r.code).toBe(0);
    const back = await open(tmp("summary-back.xlsx"));
    expect(back.worksheets.map((w) => w.name)).toEqual([SHEET, "Podsumowanie"]);
    expect(back.getWorksheet("Podsumowanie")!.getCell("A1").value).toBe("moje notatki");
  });
});

describe("a backup that cannot be trusted: apply and restore refuse (exit 2), nothing is written", () => {
  /** The annex after a recalculation: the same CLI run for every case, so it runs once; each case opens its copy. */
  let recalculated: Promise<Workbook> | undefined;
  /** The annex after a recalculation, with its journal chunks replaced. */
  async function withJournal(name: string, chunks: (old: string[]) => string[]): Promise<string> {
    await (recalculated ??= applied("recalculated", "--recalculate"));
    const wb = await open(tmp("recalculated.xlsx"));
    const ws = wb.getWorksheet(JOURNAL_SHEET)!;
    const next = chunks(readJournalSheet(wb));
    ws.getColumn(1).eachCell((c) => (c.value = null));
    next.forEach((c, i) => (ws.getCell(i + 1, 1).value = c));
    return save(wb, `${name}.xlsx`);
  }
  const tamper = (patch: (entry: Record<string, unknown>) => void) => (old: string[]) => {
    const entries = parseJournal(old).entries as unknown as Record<string, unknown>[];
    patch(entries[0]!);
    return serialiseJournal({ entries: entries as never, generation: 2 });
  };

  test.each([
    ["damaged", (old: string[]) => [old[0]!.slice(0, -10)], /damaged/],
    ["from a newer version", () => ['mops-journal:v7:g1:0/1:{"entries":[]}'], /newer version/],
    [
      "an address past the last column (XFE1)",
      tamper((e) => ((e.cells as { address: string }[])[0]!.address = "XFE1")),
      /bad address/,
    ],
    [
      "an address past the last row (A1048577)",
      tamper((e) => ((e.cells as { address: string }[])[0]!.address = "A1048577")),
      /bad address/,
    ],
    [
      "a formula without =",
      tamper((e) => ((e.cells as { before: object }[])[0]!.before = { formula: "SUM(A1" })),
      /bad formula/,
    ],
    ["addedSheets naming the backup itself", tamper((e) => (e.addedSheets = [JOURNAL_SHEET])), /bad added sheet/],
  ])("%s", async (name, chunks, why) => {
    const input = await withJournal(name.replace(/\W+/g, "-"), chunks);
    const bytes = readFileSync(input);
    for (const argv of [
      ["restore", input],
      ["apply", input, "--color"],
    ]) {
      const out = tmp(`${name.replace(/\W+/g, "-")}-${argv[0]}-out.xlsx`);
      const r = await run(...argv, "--out", out);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(why);
      expect(r.err).not.toMatch(/at .*\.ts:\d+/);
      expect(existsSync(out)).toBe(false);
    }
    expect(readFileSync(input).equals(bytes)).toBe(true);
  });

  test("addedSheets naming the annex: the annex is never deleted, and no workbook without sheets is written", async () => {
    const input = await withJournal(
      "annex-added",
      tamper((e) => (e.addedSheets = [SHEET])),
    );
    const r = await run("restore", input, "--out", tmp("annex-added-out.xlsx"));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(new RegExp(`"${SHEET}" no longer looks like the sheet the add-in added`));
    expect((await open(tmp("annex-added-out.xlsx"))).getWorksheet(SHEET)).toBeDefined();
  });

  test("a user's own sheet named like the backup is never overwritten", async () => {
    const wb = await open(join(SEEDS, "annex-2023-typed.xlsx"));
    wb.addWorksheet(JOURNAL_SHEET).getCell("B2").value = "moje dane";
    const input = await save(wb, "own-backup-name.xlsx");
    for (const argv of [
      ["apply", input, "--recalculate"],
      ["restore", input],
    ]) {
      const r = await run(...argv, "--out", tmp("own-out.xlsx"));
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/MOPS_kopia_zapasowa/);
      expect(existsSync(tmp("own-out.xlsx"))).toBe(false);
    }
  });
});
