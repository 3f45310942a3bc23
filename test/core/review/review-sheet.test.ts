/**
 * The findings sheet ("Uwagi") on the typed 2023 annex, through the ExcelJS host the preview and the pane's tests
 * use: inserted, annotated by a reviewer (cells typed into the saved file), read back, inserted again, restored.
 */
import type { Workbook, Worksheet } from "exceljs";
import { analyzeWorkbook } from "../../../src/core/analyze";
import { parseJournal } from "../../../src/core/journal";
import { planRestore } from "../../../src/core/plans/restore";
import { readReview } from "../../../src/core/review/decisions";
import { findingFigures } from "../../../src/core/review/figures";
import { findingKey, keySource } from "../../../src/core/review/key";
import { countOutstanding, reviewFindings } from "../../../src/core/review/reviewed";
import { planFindings } from "../../../src/core/review/sheet";
import { XlsxHost } from "../../../src/xlsx/host";
import { openSeed, reopen } from "../../xlsx/helpers";

// Whole workbooks are read, written and reopened: slow on a busy machine, not a timing check.
jest.setTimeout(120_000);

const NOW = "2026-11-30T02:00:00Z";
const SOURCE = "Załącznik 5";

async function insertFindings(wb: Workbook): Promise<{ wb: Workbook; plan: ReturnType<typeof planFindings> }> {
  const host = new XlsxHost(wb);
  host.activate(SOURCE);
  const snap = await host.readActiveSheet();
  const plan = planFindings(snap, analyzeWorkbook(snap), { sheet: SOURCE, now: NOW });
  await host.apply(plan);
  return { wb: await reopen(wb), plan };
}

async function validate(wb: Workbook) {
  const host = new XlsxHost(wb);
  host.activate(SOURCE);
  const snap = await host.readActiveSheet();
  const analysis = analyzeWorkbook(snap);
  return { snap, analysis, reviewed: reviewFindings(snap, analysis) };
}

/** The columns of the sheet's header row (row 5), by header text, 1-based as ExcelJS counts. */
function columns(ws: Worksheet): Record<string, number> {
  const out: Record<string, number> = {};
  ws.getRow(5).eachCell((cell, col) => (out[String(cell.value)] = col));
  return out;
}

/** Type a decision and a comment beside the finding with this key, as a reviewer does in Excel. */
function decide(ws: Worksheet, key: string, decision: string, comment = ""): void {
  const col = columns(ws);
  for (let r = 6; r <= ws.rowCount; r++) {
    if (ws.getCell(r, col.Klucz).value !== key) continue;
    ws.getCell(r, col.Decyzja).value = decision;
    if (comment) ws.getCell(r, col.Komentarz).value = comment;
    return;
  }
  throw new Error(`no row with key ${key}`);
}

describe("findings sheet", () => {
  let inserted: Workbook;
  let plan: ReturnType<typeof planFindings>;
  beforeAll(async () => {
    ({ wb: inserted, plan } = await insertFindings(await openSeed("annex-2023-typed.xlsx")));
  });

  test("lists every finding, errors first and the largest difference first, each linked to its cell", async () => {
    const { analysis } = await validate(inserted);
    const ws = inserted.getWorksheet("Uwagi")!;
    expect(ws).toBeDefined();
    expect(inserted.worksheets.map((s) => s.name)).toEqual(expect.arrayContaining([SOURCE, "Uwagi"]));
    const col = columns(ws);
    expect(Object.keys(col)).toEqual([
      "Waga",
      "Komórka",
      "Lp.",
      "Kod",
      "Wskaźnik",
      "Rok",
      "Wpisano",
      "Oczekiwano",
      "Różnica",
      "Opis",
      "Decyzja",
      "Komentarz",
      "Klucz",
    ]);
    const rows = Array.from({ length: analysis.findings.length }, (_, i) => ws.getRow(6 + i));
    expect(ws.getCell(6 + analysis.findings.length, 1).value).toBeNull();
    const severities = rows.map((r) => String(r.getCell(col.Waga!).value));
    const errors = analysis.findings.filter((f) => f.severity === "error").length;
    expect(severities.slice(0, errors).every((s) => s === "Błąd")).toBe(true);
    expect(severities.slice(errors).includes("Błąd")).toBe(false);
    // By size: the relative difference |reported − expected| / |expected| never grows down the error rows.
    const sizes = rows.slice(0, errors).map((r) => {
      const [got, want] = [r.getCell(col.Wpisano!).value, r.getCell(col.Oczekiwano!).value];
      return typeof got === "number" && typeof want === "number" ? Math.abs(got - want) / Math.abs(want) : -1;
    });
    expect(sizes[0]).toBeGreaterThan(0.5);
    sizes.slice(1).forEach((s, i) => expect(s).toBeLessThanOrEqual(sizes[i]! + 1e-12));
    // W39_W 2021: 5.70 % reported, 566.67 % from its components (34 / 6).
    const w39 = rows.find(
      (r) =>
        r.getCell(col.Kod!).value === "W39_W" &&
        r.getCell(col.Rok!).value === "2021" &&
        r.getCell(col.Waga!).value === "Błąd",
    )!;
    expect(w39.getCell(col["Lp."]!).value).toBe("17");
    expect(String(w39.getCell(col.Wskaźnik!).value)).toMatch(/^Poziom umieszczania dzieci/);
    expect(w39.getCell(col.Wpisano!).value).toBeCloseTo(0.057, 6);
    expect(w39.getCell(col.Oczekiwano!).value).toBeCloseTo(34 / 6, 6);
    expect(w39.getCell(col.Różnica!).value).toBeCloseTo((0.057 - 34 / 6) * 100, 6);
    expect(w39.getCell(col.Komórka!).value).toMatchObject({ formula: `HYPERLINK("#'Załącznik 5'!G48","G48")` });
    // The reviewer's columns: empty, with the list of decisions; the key hidden.
    expect(w39.getCell(col.Decyzja!).value).toBeNull();
    expect(w39.getCell(col.Decyzja!).dataValidation).toMatchObject({
      type: "list",
      formulae: ['"Do wyjaśnienia,Wyjaśnione,Zaakceptowane"'],
    });
    expect(ws.getColumn(col.Klucz!).hidden).toBe(true);
    expect(ws.pageSetup).toMatchObject({
      orientation: "landscape",
      paperSize: 9,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: "5:5",
    });
    expect(ws.getCell("A1").value).toBe("Arkusz źródłowy");
    expect(ws.getCell("B1").value).toBe(SOURCE);
    expect(plan.journal.entries.length).toBeGreaterThan(0);
  });

  test("a finding marked Zaakceptowane is accepted on the next check and no longer counted", async () => {
    const before = await validate(inserted);
    const target = before.reviewed.find((r) => r.finding.code === "ratio_mismatch" && r.finding.address === "G48")!;
    expect(target.decision).toBe("open");
    const wb = await reopen(inserted);
    decide(wb.getWorksheet("Uwagi")!, target.key, "Zaakceptowane", "Błąd w sprawozdaniu za 2021, znany");
    decide(
      wb.getWorksheet("Uwagi")!,
      before.reviewed.find((r) => r.finding.address === "C5" && r.finding.severity === "error")!.key,
      "wyjaśnione",
    );
    const after = await validate(await reopen(wb));
    const same = after.reviewed.find((r) => r.finding.address === "G48" && r.finding.code === "ratio_mismatch")!;
    expect(same).toMatchObject({ decision: "accepted", comment: "Błąd w sprawozdaniu za 2021, znany" });
    expect(after.reviewed.find((r) => r.finding.address === "C5" && r.finding.severity === "error")?.decision).toBe(
      "explained",
    );
    expect(after.reviewed.filter((r) => r.decision === "accepted")).toHaveLength(1);
    const [was, now] = [countOutstanding(before.reviewed), countOutstanding(after.reviewed)];
    expect(now).toEqual({ ...was, error: was.error - 1 });
  });

  test("the decision stays while the figures stay, and the finding opens again when they change", async () => {
    const { analysis } = await validate(inserted);
    const w39 = analysis.findings.find((f) => f.address === "G48" && f.code === "ratio_mismatch")!;
    const wb = await reopen(inserted);
    decide(wb.getWorksheet("Uwagi")!, findingKey(w39, analysis), "Zaakceptowane");
    // Another cell of the sheet changes: this finding is the same finding.
    wb.getWorksheet(SOURCE)!.getCell("B2").value = "uwaga recenzenta";
    expect(
      (await validate(await reopen(wb))).reviewed.find(
        (r) => r.finding.address === "G48" && r.finding.code === "ratio_mismatch",
      )?.decision,
    ).toBe("accepted");
    // Its component changes (34 → 35): the expected value changes, so it is a new finding, open again.
    const component = wb.getWorksheet(SOURCE)!.getCell("G49");
    expect(Number(String(component.value).replace(/\s/g, ""))).toBe(34);
    component.value = "35";
    const changed = await validate(await reopen(wb));
    const again = changed.reviewed.find((r) => r.finding.address === "G48" && r.finding.code === "ratio_mismatch")!;
    expect(findingFigures(again.finding, changed.analysis).expected).toBeCloseTo(35 / 6, 6);
    expect(again.decision).toBe("open");
    expect(keySource(again.finding, changed.analysis)).not.toBe(keySource(w39, analysis));
  });

  test("inserting the sheet again keeps the reviewer's decisions and comments, by key", async () => {
    const { reviewed } = await validate(inserted);
    const [a, b] = reviewed.filter((r) => r.finding.severity === "warning");
    const wb = await reopen(inserted);
    decide(wb.getWorksheet("Uwagi")!, a!.key, "Wyjaśnione", "Usługa ruszyła w 2022");
    decide(wb.getWorksheet("Uwagi")!, b!.key, "Zaakceptowane");
    const again = await insertFindings(wb);
    expect(again.plan.deleteSheets).toEqual(["Uwagi"]);
    expect(again.plan.addSheets[0]!.name).toBe("Uwagi");
    expect(again.plan.notes.map((n) => n.pl).join(" ")).toMatch(
      /2 przy tych samych uwagach, 0 przy uwagach, których już nie ma/,
    );
    const read = readReview((await validate(again.wb)).snap.reviews![0]!)!;
    expect(read.entries.get(a!.key)).toEqual({ decision: "explained", comment: "Usługa ruszyła w 2022" });
    expect(read.entries.get(b!.key)).toEqual({ decision: "accepted", comment: "" });
    expect([...read.entries.values()].filter((e) => e.decision !== "open")).toHaveLength(2);
    expect(again.wb.worksheets.filter((s) => s.name.startsWith("Uwagi"))).toHaveLength(1);
  });

  test("a decision on a finding that is gone stays, at the end of the new sheet", async () => {
    const { reviewed } = await validate(inserted);
    const target = reviewed.find((r) => r.finding.address === "G48" && r.finding.code === "ratio_mismatch")!;
    const wb = await reopen(inserted);
    decide(wb.getWorksheet("Uwagi")!, target.key, "Zaakceptowane", "sprawdzone z MOPS");
    wb.getWorksheet(SOURCE)!.getCell("G48").value = "566,67%";
    const again = await insertFindings(wb);
    const read = readReview((await validate(again.wb)).snap.reviews![0]!)!;
    expect(read.entries.get(target.key)).toEqual({ decision: "accepted", comment: "sprawdzone z MOPS" });
    const ws = again.wb.getWorksheet("Uwagi")!;
    const col = columns(ws);
    const keys = ws.getColumn(col.Klucz!).values.filter((v) => typeof v === "string" && v.startsWith("k"));
    expect(keys[keys.length - 1]).toBe(target.key);
    const last = ws.getRow(5 + keys.length);
    expect(last.getCell(col.Waga!).value).toBe("Nieaktualna");
    expect(last.getCell(col.Decyzja!).value).toBe("Zaakceptowane");
  });

  test("never overwrites a user's sheet of the name it would take", async () => {
    const wb = await openSeed("annex-2023-typed.xlsx");
    // With a second user sheet the name says the source; a user's sheet of that very name is left alone.
    wb.addWorksheet("Uwagi (Załącznik 5)").getCell("A1").value = "moje notatki";
    const { wb: out, plan } = await insertFindings(wb);
    expect(plan.deleteSheets).toEqual([]);
    expect(plan.addSheets[0]!.name).toBe("Uwagi (Załącznik 5) (2)");
    expect(plan.notes[0]!.pl).toMatch(/„Uwagi \(Załącznik 5\)” nie został utworzony przez dodatek/);
    expect(out.getWorksheet("Uwagi (Załącznik 5)")!.getCell("A1").value).toBe("moje notatki");
  });

  test("leaves a user's sheet named Uwagi alone", async () => {
    const wb = await openSeed("annex-2023-typed.xlsx");
    wb.addWorksheet("Uwagi").getCell("A1").value = "moje notatki";
    const { wb: out, plan } = await insertFindings(wb);
    expect(plan.deleteSheets).toEqual([]);
    // The user's sheet makes two user sheets, so the name says the source, as the summary's does.
    expect(plan.addSheets[0]!.name).toBe("Uwagi (Załącznik 5)");
    expect(out.getWorksheet("Uwagi")!.getCell("A1").value).toBe("moje notatki");
  });
});

test("a damaged backup is refused and left as it is, as by every other action", async () => {
  const { snap } = await validate(await openSeed("annex-2023-typed.xlsx"));
  const damaged = { ...snap, journal: parseJournal(["nie jest to kopia dodatku"]) };
  const plan = planFindings(damaged, analyzeWorkbook(damaged), { sheet: SOURCE, now: NOW });
  expect(plan.refusal).toBeDefined();
  expect(damaged.journal.problem).toBeDefined();
  expect(plan.addSheets).toEqual([]);
  expect(plan.journal).toBe(damaged.journal);
});

describe("restore and the findings sheet", () => {
  async function restore(wb: Workbook) {
    const host = new XlsxHost(wb);
    host.activate(SOURCE);
    const snap = await host.readActiveSheet();
    const plan = planRestore(snap);
    await host.apply(plan);
    return { plan, names: wb.worksheets.map((s) => s.name) };
  }

  test("deletes the sheet while nobody wrote in it", async () => {
    const { wb } = await insertFindings(await openSeed("annex-2023-typed.xlsx"));
    const { plan, names } = await restore(wb);
    expect(plan.deleteSheets).toEqual(["Uwagi"]);
    expect(names).not.toContain("Uwagi");
  });

  test("keeps it once the reviewer wrote a decision or a comment", async () => {
    const { wb } = await insertFindings(await openSeed("annex-2023-typed.xlsx"));
    const ws = wb.getWorksheet("Uwagi")!;
    ws.getCell(7, columns(ws).Komentarz).value = "do sprawdzenia z działem";
    const { plan, names } = await restore(await reopen(wb));
    expect(plan.deleteSheets).toEqual([]);
    expect(plan.notes.map((n) => n.pl).join(" ")).toMatch(/Arkusz uwag „Uwagi” zostaje/);
    expect(names).toContain("Uwagi");
  });
});
