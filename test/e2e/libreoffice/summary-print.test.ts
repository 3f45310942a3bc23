/**
 * The summary sheet on paper: written through the xlsx adapter, printed to PDF by LibreOffice (headless), and the
 * PDF measured: A4 landscape, more than one page for the 99 indicators of the 2023 annex, the table's header on
 * every page, and text large enough to read.
 */
import { execFileSync } from "child_process";
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { analyzeWorkbook } from "../../../src/core/analyze";
import { JOURNAL_SHEET } from "../../../src/core/plan";
import { planSummary } from "../../../src/core/plans/summary";
import { applyPlan, saveWorkbook, snapshotFromWorkbook } from "../../../src/xlsx";
import { readSeedWorkbook } from "../../core/ratio/seed-snapshot";
import { convertWithLibreOffice } from "../../helpers/libreoffice";
import { LIBREOFFICE_PDF, describeWith } from "../../helpers/needs";

describeWith(LIBREOFFICE_PDF, "the summary printed by LibreOffice", () => {
  let dir = "";
  let pdf = "";
  beforeAll(async () => {
    const wb = await readSeedWorkbook("annex-2023-typed.xlsx");
    const snapshot = snapshotFromWorkbook(wb);
    const plan = planSummary(snapshot, analyzeWorkbook(snapshot), {
      sheet: "Załącznik 5",
      now: "2026-11-23T18:05:00Z",
      local: "2026-11-23T19:05",
    });
    applyPlan(wb, plan);
    // Only the summary goes to paper: the annex and the backup are other sheets.
    for (const name of ["Załącznik 5", JOURNAL_SHEET]) wb.removeWorksheet(wb.getWorksheet(name)?.id ?? -1);
    const [printed] = await convertWithLibreOffice([{ name: "summary.xlsx", bytes: await saveWorkbook(wb) }], "pdf");
    // pdfinfo and pdftotext read a file; KEEP_PRINT=1 keeps it to look at.
    dir = mkdtempSync(join(tmpdir(), "summary-print-"));
    pdf = join(dir, "summary.pdf");
    writeFileSync(pdf, printed!);
  }, 180_000);
  afterAll(() => (process.env.KEEP_PRINT ? undefined : rmSync(dir, { recursive: true, force: true })));

  const info = (): Record<string, string> =>
    Object.fromEntries(
      execFileSync("pdfinfo", [pdf], { encoding: "utf8" })
        .split("\n")
        .map((l) => l.split(/:\s+/, 2) as [string, string]),
    );

  it("is A4 landscape, several pages tall and one wide", () => {
    const { Pages, "Page size": size } = info();
    // 842 × 595 points is A4 landscape.
    expect(size).toMatch(/^841\.\d+ x 595\.\d+ pts \(A4\)|^842 x 595 pts/);
    expect(Number(Pages)).toBeGreaterThan(1);
    expect(Number(Pages)).toBeLessThan(10);
  });

  it("repeats the table's header on every page and prints the columns a reader needs, not the add-in's checks", () => {
    const pages = Number(info().Pages);
    for (let page = 1; page <= pages; page++) {
      const text = execFileSync("pdftotext", ["-layout", "-f", String(page), "-l", String(page), pdf, "-"], {
        encoding: "utf8",
      });
      expect([page, /Wskaźnik/.test(text) && /Status/.test(text) && /Ocena zmiany/.test(text)]).toEqual([page, true]);
      expect([page, /Liczba uwag|Przeliczona|Zgodność/.test(text)]).toEqual([page, false]);
    }
  });

  it("prints the indicator names at a readable size (at least 6 pt)", () => {
    const html = execFileSync("pdftotext", ["-bbox", pdf, "-"], { encoding: "utf8" });
    const heights = [
      ...html.matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">Populacja<\/word>/g),
    ].map((m) => Number(m[2]) - Number(m[1]));
    expect(heights.length).toBeGreaterThan(0);
    for (const h of heights) expect(h).toBeGreaterThanOrEqual(6);
  });
});
