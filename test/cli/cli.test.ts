import { spawnSync } from "child_process";
import { copyFileSync, existsSync, readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { cliRunner, suiteFolder } from "../helpers/cli";
import type { Report } from "../../src/core/report";
import { snapshotFromWorkbook } from "../../src/xlsx/read";
import { loadWorkbook, saveWorkbook } from "../../src/xlsx/load";
import { SEEDS } from "../xlsx/helpers";
import { protectSheet } from "../helpers/protect";

// Whole workbooks are read, written and reopened: slow on a busy machine, not a timing check.
jest.setTimeout(60_000);

const ROOT = join(__dirname, "..", "..");
const TYPED = join(SEEDS, "annex-2023-typed.xlsx");
const NUMBERS = join(SEEDS, "annex-2023-numbers.xlsx");

/** Run the CLI in-process, capturing its output. */
const run = cliRunner("en_US.UTF-8", "2026-11-23T18:30:00Z");

const { dir, tmp } = suiteFolder("mops-cli-");

async function stateOf(path: string) {
  const snap = snapshotFromWorkbook(await loadWorkbook(readFileSync(path)));
  return {
    sheetNames: snap.sheetNames,
    sheets: snap.sheets.map(({ values, formulas, numberFormat, fill }) => ({ values, formulas, numberFormat, fill })),
  };
}

describe("analyze", () => {
  test("--json gives the documented report, the same for the typed and the true-number annex", async () => {
    const reports = await Promise.all(
      [TYPED, NUMBERS].map(async (file) => {
        const r = await run("analyze", file, "--json");
        expect(r.code).toBe(0);
        return JSON.parse(r.out) as Report;
      }),
    );
    const [typed, numbers] = reports;
    expect(typed!.schemaVersion).toBe(1);
    expect(typed!.file).toBe(TYPED);
    expect(typed!.sheets.map((s) => s.name)).toEqual(["Załącznik 5"]);
    const first = typed!.sheets[0]!.tables[0]!.indicators[0];
    expect(first).toMatchObject({ row: 5, number: "1", code: "W19_W", trend: "maintain" });
    expect(first!.baseline).toEqual({ address: "C5", text: "80%", value: 0.8, kind: "percent" });
    expect(first!.values["2023"]).toMatchObject({ address: "H5", value: 0.62, kind: "percent" });
    expect(first!.components.map((c) => c.row)).toEqual([6, 7]);
    expect(first!.components[0]!.values["2021"]).toMatchObject({ address: "F6", value: 5853, kind: "number" });
    expect(first!.ratio).toMatchObject({ formula: "share", unit: "percent", componentRows: [6, 7] });
    expect(Object.keys(first!.status)).toEqual(expect.arrayContaining(["2021", "2022", "2023", "latest"]));
    // what a reader needs is the same whether numbers were typed as text or stored as numbers
    const essence = (rep: Report) =>
      rep.sheets[0]!.tables.flatMap((t) =>
        t.indicators.map((i) => [
          i.row,
          i.number,
          i.code,
          i.trend,
          Object.values(i.values).map((c) => c?.value ?? null),
          i.status,
          i.ratio?.formula ?? null,
        ]),
      );
    expect(essence(numbers!)).toEqual(essence(typed!));
    expect(essence(typed!).length).toBeGreaterThan(50);
  });

  test("the readable summary names the sheet, the table and the indicators", async () => {
    const r = await run("analyze", TYPED, "--lang", "pl");
    expect(r.code).toBe(0);
    expect(r.out).toContain("Arkusz „Załącznik 5”: 1 tabela, 99 wskaźników");
    expect(r.out).toMatch(/Tabela A\d+:[A-Z]+\d+, lata 2021–2023/);
    expect(r.out).toContain("[W19_W]");
    // Formulas by their Polish names, never the code's ids.
    expect(r.out).toMatch(/W19_W\].*udział: zgodne \d+ z \d+/);
    expect(r.out).not.toMatch(/iloraz|share|coverage/);
    expect(r.out).toMatch(/Uwagi: \d+ błęd(y|ów), \d+ ostrzeże/);
    // Indicator 196 types a MOPS KIS row over a GUP row in its cells: both are reported, each with its values.
    expect(r.out).toContain("      MOPS KIS: 2021 17%, 2022 19%, 2023 19%\n      GUP: 2021 4%, 2022 11%, 2023 19%");
    const json = JSON.parse((await run("analyze", TYPED, "--json")).out);
    const gup = json.sheets[0].tables[0].indicators.find((i: { row: number }) => i.row === 196).labelledRows[1];
    expect(gup).toMatchObject({
      name: "GUP",
      values: { "2021": { text: "4%", value: 0.04, kind: "percent", address: "F196" } },
      status: { latest: "no_data" },
    });
  });

  test("--sheet with a sheet the file does not have is a clear input error", async () => {
    const r = await run("analyze", TYPED, "--sheet", "Arkusz9");
    expect(r.code).toBe(2);
    expect(r.err).toContain('no sheet "Arkusz9"');
  });
});

describe("apply and restore", () => {
  test("--recalculate writes OUT, leaves the input alone, and restore brings the original back", async () => {
    const input = tmp("in.xlsx");
    copyFileSync(TYPED, input);
    const before = readFileSync(input);
    const r = await run("apply", input, "--recalculate", "--color", "--out", tmp("out.xlsx"));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Recalculation: \d+ cells written/);
    expect(readFileSync(input).equals(before)).toBe(true);
    const changed = await stateOf(tmp("out.xlsx"));
    expect(changed).not.toEqual(await stateOf(input));

    const back = await run("restore", tmp("out.xlsx"), "--out", tmp("restored.xlsx"));
    expect(back.code).toBe(0);
    expect(await stateOf(tmp("restored.xlsx"))).toEqual(await stateOf(input));
  });

  test("--recalculate keeps every published figure by default; --json lists the groups; --include-* widen it", async () => {
    const safe = await run("apply", TYPED, "--recalculate", "--json", "--out", tmp("safe.xlsx"));
    expect(safe.code).toBe(0);
    const [plan] = JSON.parse(safe.out).plans;
    expect(plan.changed.length).toBe(12);
    expect(plan.changed.every((i: { included: boolean }) => !i.included)).toBe(true);
    // G48: a share of 566 % from G50's lost digits; H59: W18_W 2022 rests on H61, the live births that halve
    // (a component_swing finding).
    expect(plan.suspect).toEqual([
      expect.objectContaining({ address: "G48", included: false }),
      expect.objectContaining({ address: "H59", included: false }),
    ]);
    expect(plan.suspect[0].reason.en).toContain("G50 (6)");
    expect(plan.suspect[1].reason.en).toContain("H61 (4 074)");
    expect(plan.heldBack).toContain("Załącznik 5!G48");
    expect(plan.same.every((i: { included: boolean }) => i.included)).toBe(true);
    expect(plan.conversions).toBeGreaterThan(100);

    const wide = await run(
      "apply",
      TYPED,
      "--recalculate",
      "--include-changed",
      "--include-suspect",
      "--json",
      "--out",
      tmp("wide.xlsx"),
    );
    const [all] = JSON.parse(wide.out).plans;
    expect(all.heldBack).toEqual([]);
    expect(all.cellsWritten).toBeGreaterThan(plan.cellsWritten);
    expect((await run("apply", TYPED, "--color", "--include-changed", "--out", tmp("x.xlsx"))).code).toBe(2);
  });

  test("--summary adds one summary after the source; again, it replaces it; restore removes it", async () => {
    const first = await run("apply", TYPED, "--summary", "--out", tmp("sum1.xlsx"));
    expect(first.code).toBe(0);
    const once = await stateOf(tmp("sum1.xlsx"));
    expect(once.sheetNames).toEqual(["Załącznik 5", "Podsumowanie", "MOPS_kopia_zapasowa"]);
    const second = await run("apply", tmp("sum1.xlsx"), "--summary", "--out", tmp("sum2.xlsx"));
    expect(second.code).toBe(0);
    const twice = await stateOf(tmp("sum2.xlsx"));
    expect(twice.sheetNames).toEqual(once.sheetNames);
    expect(twice.sheets[1]).toEqual(once.sheets[1]);
    expect((await run("restore", tmp("sum2.xlsx"), "--out", tmp("sum0.xlsx"))).code).toBe(0);
    expect(await stateOf(tmp("sum0.xlsx"))).toEqual(await stateOf(TYPED));
  });

  test("never overwrites the input without --in-place; with it, it does", async () => {
    const input = tmp("inplace.xlsx");
    copyFileSync(NUMBERS, input);
    const before = readFileSync(input);
    const refused = await run("apply", input, "--color", "--out", input);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/--in-place/);
    expect(readFileSync(input).equals(before)).toBe(true);
    const done = await run("apply", input, "--color", "--in-place");
    expect(done.code).toBe(0);
    expect(readFileSync(input).equals(before)).toBe(false);
  });

  test("a workbook that refuses the change (sheet protected since) exits 1 and writes no output", async () => {
    expect((await run("apply", TYPED, "--color", "--out", tmp("col.xlsx"))).code).toBe(0);
    const wb = await loadWorkbook(readFileSync(tmp("col.xlsx")));
    await protectSheet(wb.getWorksheet("Załącznik 5"), "hasło");
    writeFileSync(tmp("col-protected.xlsx"), await saveWorkbook(wb));
    const r = await run("restore", tmp("col-protected.xlsx"), "--out", tmp("col-restored.xlsx"));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/is protected/);
    expect(existsSync(tmp("col-restored.xlsx"))).toBe(false);
  });

  test("restore of an untouched file says there is nothing to restore", async () => {
    const r = await run("restore", TYPED, "--out", tmp("nothing.xlsx"));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Nothing to restore/);
  });
});

describe("validate", () => {
  test("exits 1 exactly when the report has an error finding", async () => {
    const json = JSON.parse((await run("validate", TYPED, "--json")).out) as Report;
    const r = await run("validate", TYPED);
    expect(r.code).toBe(json.findings.some((f) => f.severity === "error") ? 1 : 0);
  });
});

describe("bad input exits 2 with a clear message", () => {
  const notXlsx = tmp("notes.xlsx");
  const truncated = tmp("truncated.xlsx");
  const encrypted = tmp("encrypted.xlsx");
  beforeAll(() => {
    writeFileSync(notXlsx, "Lp.;Wskaźnik;2021\n1;liczba;5\n");
    writeFileSync(truncated, readFileSync(TYPED).subarray(0, 4000));
    // An encrypted .xlsx is an OLE compound file (the same container as an old .xls), not a zip.
    writeFileSync(
      encrypted,
      Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(4096)]),
    );
  });

  test.each([
    ["a missing file", () => ["analyze", tmp("missing.xlsx")], /No such file/],
    ["a directory", () => ["analyze", dir], /directory/],
    ["a text file named .xlsx", () => ["analyze", notXlsx], /not an Excel \.xlsx file/],
    ["a truncated workbook", () => ["validate", truncated], /damaged/],
    ["a password-protected workbook", () => ["analyze", encrypted], /password-protected/],
    ["an unknown command", () => ["analyse", TYPED], /Unknown command/],
    ["a bad tolerance", () => ["analyze", TYPED, "--tolerance", "dużo"], /Tolerance "dużo" is not valid/],
    ["apply without an action", () => ["apply", TYPED, "--out", tmp("x.xlsx")], /Choose an action/],
    ["apply without an output", () => ["apply", TYPED, "--color"], /--out/],
  ])("%s", async (_label, argv, message) => {
    const r = await run(...argv());
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });
});

describe("as a process", () => {
  const cli = (...args: string[]) =>
    spawnSync(
      process.execPath,
      [join(ROOT, "node_modules", "tsx", "dist", "cli.mjs"), join(ROOT, "src", "cli", "main.ts"), ...args],
      {
        encoding: "utf8",
        env: { ...process.env, LANG: "pl_PL.UTF-8" },
      },
    );

  test("exit codes and streams: 0 with a report on stdout, 2 with a Polish message on stderr", () => {
    const ok = cli("analyze", TYPED, "--json");
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout).schemaVersion).toBe(1);
    const missing = cli("analyze", join(dir, "brak.xlsx"));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("Nie ma pliku");
  });
});
