/**
 * `apply --findings` and `validate` reading the reviewer's decisions back, on files built from the typed 2023
 * annex: the sheet is inserted, a reviewer marks findings "Zaakceptowane" (typed into the saved file), and the
 * next validation reports them as accepted and no longer fails on them.
 */
import { existsSync, readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { cliRunner, suiteFolder } from "../helpers/cli";
import type { Report } from "../../src/core/report";
import { loadWorkbook, saveWorkbook } from "../../src/xlsx/load";
import { SEEDS } from "../xlsx/helpers";

// Whole workbooks are read, written and reopened: slow on a busy machine, not a timing check.
jest.setTimeout(120_000);

const TYPED = join(SEEDS, "annex-2023-typed.xlsx");
const { tmp } = suiteFolder("mops-findings-");

const run = cliRunner("pl_PL.UTF-8", "2026-11-30T02:00:00Z");

/**
 * `apply --findings` on the typed annex, run once for the suite (the same input, the same clock: the same file):
 * each test reads uwagi.xlsx and writes its own files next to it.
 */
let inserting: ReturnType<typeof run> | undefined;
const withFindings = () => (inserting ??= run("apply", TYPED, "--findings", "--out", tmp("uwagi.xlsx")));

/** Type `decision` into Decyzja on every row of the findings sheet whose Waga is `severity`. */
async function decideAll(file: string, out: string, severity: string, decision: string): Promise<number> {
  const wb = await loadWorkbook(readFileSync(file));
  const ws = wb.getWorksheet("Uwagi")!;
  const col: Record<string, number> = {};
  ws.getRow(5).eachCell((c, i) => (col[String(c.value)] = i));
  let n = 0;
  for (let r = 6; r <= ws.rowCount; r++) {
    if (ws.getCell(r, col.Waga).value !== severity) continue;
    ws.getCell(r, col.Decyzja).value = decision;
    n++;
  }
  writeFileSync(out, await saveWorkbook(wb));
  return n;
}

test("a reviewer accepts the errors on the Uwagi sheet: validate --json says so and exits 0", async () => {
  const inserted = await withFindings();
  expect(inserted).toMatchObject({ code: 0, err: "" });
  expect(inserted.out).toMatch(/Raport uwag: .*dodane arkusze 1,/);

  const before = await run("validate", tmp("uwagi.xlsx"), "--json");
  expect(before.code).toBe(1);
  const open = JSON.parse(before.out) as Report;
  const errors = open.findings.filter((f) => f.severity === "error");
  expect(errors.length).toBeGreaterThan(0);
  expect(open.findings.every((f) => f.decision === "open")).toBe(true);

  expect(await decideAll(tmp("uwagi.xlsx"), tmp("accepted.xlsx"), "Błąd", "Zaakceptowane")).toBe(errors.length);
  const after = await run("validate", tmp("accepted.xlsx"), "--json");
  const reviewed = JSON.parse(after.out) as Report;
  expect(reviewed.findings.filter((f) => f.severity === "error").map((f) => f.decision)).toEqual(
    errors.map(() => "accepted"),
  );
  expect(reviewed.findings.filter((f) => f.severity !== "error").every((f) => f.decision === "open")).toBe(true);
  expect(after.code).toBe(0);

  // The text report counts only what is not accepted and lists the accepted apart.
  const text = await run("validate", tmp("accepted.xlsx"));
  expect(text.out).toMatch(new RegExp(`^Uwagi: 0 błędów, .*; zaakceptowane: ${errors.length}$`, "m"));
  expect(text.out).toMatch(/^Zaakceptowane:$/m);

  // One sheet read with --sheet: its findings sheet is read along, as the add-in does.
  expect((await run("validate", tmp("accepted.xlsx"), "--sheet", "Załącznik 5")).code).toBe(0);
});

test("an explained error still counts; inserting again keeps the decisions", async () => {
  expect((await withFindings()).code).toBe(0);
  await decideAll(tmp("uwagi.xlsx"), tmp("explained.xlsx"), "Błąd", "Wyjaśnione");
  const res = await run("validate", tmp("explained.xlsx"), "--json");
  expect(res.code).toBe(1);
  expect(
    (JSON.parse(res.out) as Report).findings
      .filter((f) => f.severity === "error")
      .every((f) => f.decision === "explained"),
  ).toBe(true);

  const again = await run("apply", tmp("explained.xlsx"), "--findings", "--out", tmp("again.xlsx"));
  expect(again.out).toMatch(/Decyzje i komentarze z poprzedniego arkusza uwag zostają: \d+ przy tych samych uwagach/);
  const wb = await loadWorkbook(readFileSync(tmp("again.xlsx")));
  expect(wb.worksheets.filter((s) => s.name.startsWith("Uwagi")).map((s) => s.name)).toEqual(["Uwagi"]);
  const after = JSON.parse((await run("validate", tmp("again.xlsx"), "--json")).out) as Report;
  expect(after.findings.filter((f) => f.severity === "error").every((f) => f.decision === "explained")).toBe(true);
});

test("restore keeps the Uwagi sheet the reviewer wrote in, and deletes an untouched one", async () => {
  expect((await withFindings()).code).toBe(0);
  expect((await run("restore", tmp("uwagi.xlsx"), "--out", tmp("r-restored.xlsx"))).code).toBe(0);
  expect((await loadWorkbook(readFileSync(tmp("r-restored.xlsx")))).worksheets.map((s) => s.name)).not.toContain(
    "Uwagi",
  );

  await decideAll(tmp("uwagi.xlsx"), tmp("r-decided.xlsx"), "Ostrzeżenie", "Wyjaśnione");
  const restored = await run("restore", tmp("r-decided.xlsx"), "--out", tmp("r-kept.xlsx"));
  expect(restored.out).toMatch(/Arkusz uwag „Uwagi” zostaje/);
  expect((await loadWorkbook(readFileSync(tmp("r-kept.xlsx")))).worksheets.map((s) => s.name)).toContain("Uwagi");
});

test("--decisions-from carries last year's accepted errors to those still the same in the 2023 edition", async () => {
  await run("apply", join(SEEDS, "annex-2022.xlsx"), "--findings", "--out", tmp("2022.xlsx"));
  expect(await decideAll(tmp("2022.xlsx"), tmp("2022-accepted.xlsx"), "Błąd", "Zaakceptowane")).toBe(5);

  const res = await run(
    "apply",
    TYPED,
    "--findings",
    "--decisions-from",
    tmp("2022-accepted.xlsx"),
    "--out",
    tmp("2023.xlsx"),
  );
  expect(res).toMatchObject({ code: 0, err: "" });
  // W39_W 2021, W13_W 2021 and W19_W's baseline are the same in 2023; the 2022 count was revised, W19_W 2021 corrected.
  expect(res.out).toMatch(
    /przeniesiono 3 decyzje na te same uwagi; 2 uwagi zaczynają od nowa jako „Do wyjaśnienia” \(zmienione liczby: 1, uwagi już nie ma: 1, wskaźnika nie ma: 0\)/,
  );

  const after = await run("validate", tmp("2023.xlsx"), "--json");
  const errors = (JSON.parse(after.out) as Report).findings.filter((f) => f.severity === "error");
  expect(
    errors
      .filter((f) => f.decision === "accepted")
      .map((f) => f.address)
      .sort(),
  ).toEqual(["C5", "F87", "G48"]);
  expect(
    errors
      .filter((f) => f.decision === "open")
      .map((f) => f.address)
      .sort(),
  ).toEqual(["C170", "H149", "I149"]);
  expect(after.code).toBe(1);
});

test("--decisions-from needs --findings and a readable edition; otherwise nothing is written", async () => {
  const alone = await run("apply", TYPED, "--color", "--decisions-from", TYPED, "--out", tmp("x.xlsx"));
  expect(alone.code).toBe(2);
  expect(alone.err).toMatch(/^--decisions-from dotyczy tylko --findings\./);
  const missing = await run("apply", TYPED, "--findings", "--decisions-from", tmp("none.xlsx"), "--out", tmp("y.xlsx"));
  expect(missing.code).toBe(2);
  expect(missing.err).toMatch(/Nie ma pliku/);
  const noTable = await run(
    "apply",
    TYPED,
    "--findings",
    "--decisions-from",
    join(SEEDS, "plain-data.xlsx"),
    "--out",
    tmp("z.xlsx"),
  );
  expect(noTable.code).toBe(2);
  expect([existsSync(tmp("x.xlsx")), existsSync(tmp("y.xlsx")), existsSync(tmp("z.xlsx"))]).toEqual([
    false,
    false,
    false,
  ]);
});
