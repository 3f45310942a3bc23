/** The summary of the real 2023 annex (seed 000), as the typed sheet reads. */
import { parseA1, parseRange, sheetRef, toA1 } from "../../../src/core/address";
import { allIndicators, analyzeWorkbook } from "../../../src/core/analyze";
import { formatValue } from "../../../src/core/format";
import type { Analysis, Indicator } from "../../../src/core/model";
import { STATUS_ORDER, STATUS_STYLES, statusText } from "../../../src/core/palette";
import { noJournal } from "../../../src/core/journal";
import { JOURNAL_SHEET, type CellEdit, type EditPlan, type Journal, type NewSheet } from "../../../src/core/plan";
import { planSummary, summarySources } from "../../../src/core/plans/summary";
import { emptySheet, type SheetSnapshot, type WorkbookSnapshot } from "../../../src/core/snapshot";
import { numberInRow } from "../../../src/core/status";
import { annex2023Typed } from "../../helpers/typed-sheet";

const NOW = "2026-11-23T18:05:00Z";
const source = annex2023Typed();
const SOURCE = source.name;

function workbook(sheetNames: string[], journal: Journal = noJournal()): WorkbookSnapshot {
  return { sheetNames, sheets: [source], journal };
}

const first = workbook([SOURCE]);
const analysis: Analysis = analyzeWorkbook(first, { tolerance: 0.05 });
const indicators: Indicator[] = allIndicators(analysis);
const years = analysis.sheets[0]!.tables[0]!.years;
const plan: EditPlan = planSummary(first, analysis, { sheet: SOURCE, now: NOW });
const sheet: NewSheet = plan.addSheets[0]!;
const cells = new Map<string, CellEdit>(sheet.cells.map((c) => [c.address, c]));

const at = (row: number, col: number): CellEdit | undefined => cells.get(toA1(row, col));
const table = parseRange(sheet.table?.range ?? "A1");
const headers = Array.from(
  { length: table.end.col - table.start.col + 1 },
  (_, j) => at(table.start.row, table.start.col + j)?.value,
);
const column = (header: string): number => {
  const j = headers.indexOf(header);
  if (j < 0) throw new Error(`no column ${header}`);
  return table.start.col + j;
};
/** The table cell of indicator i (0-based) in a column. */
const tableCell = (i: number, header: string): CellEdit | undefined => at(table.start.row + 1 + i, column(header));

function fillOf(address: string): string | null {
  return sheet.fills.find((f) => f.addresses.includes(address))?.color ?? null;
}

/** The number a displayed text stands for ("89,0%" is 0.89, "5 120" is 5120). */
function shownNumber(text: string): number {
  const bare = text.replace(/[\s\u00a0]/g, "").replace(",", ".");
  return bare.endsWith("%") ? Number(bare.slice(0, -1)) / 100 : Number(bare);
}

function textAt(snapshot: SheetSnapshot, address: string): string {
  const { row, col } = parseA1(address);
  return snapshot.text[row - snapshot.top]?.[col - snapshot.left] ?? "";
}

/** The rows of a counts block whose labels are in the first column of `range`'s columns, found by label. */
function countsRow(label: string): number[] {
  const data = parseRange(sheet.chart?.dataRange ?? "A1");
  const labelCell = sheet.cells.filter((c) => c.value === label && parseA1(c.address).col === data.start.col);
  expect(labelCell).toHaveLength(1);
  const row = parseA1(labelCell[0]!.address).row;
  return STATUS_ORDER.map((_, i) => at(row, data.start.col + 1 + i)?.value as number);
}

describe("summary of the 2023 annex", () => {
  it("adds one sheet named Podsumowanie right after the source, in a one-sheet workbook", () => {
    expect(plan.addSheets).toHaveLength(1);
    expect(sheet.name).toBe("Podsumowanie");
    expect(sheet.after).toBe(SOURCE);
    expect(plan.deleteSheets).toEqual([]);
    expect(plan.changes).toHaveLength(1);
    expect(plan.changes[0]!.after.pl).toContain(String(indicators.length));
    expect(plan.changes[0]!.after.en).toContain(`${indicators.length} indicators`);
  });

  it("has one table row per indicator, in sheet order, with no rows frozen above it", () => {
    expect(indicators).toHaveLength(99);
    expect(table.end.row - table.start.row).toBe(99);
    expect(sheet.freezeRows).toBe(0);
    indicators.forEach((ind, i) => {
      expect(tableCell(i, "Wskaźnik")?.value).toBe(ind.name);
      expect(tableCell(i, "Dziedzina")?.value).toBe(ind.domain);
      expect(tableCell(i, "Kod")?.value ?? null).toBe(ind.code);
    });
    expect(sheet.table).toMatchObject({ name: "Podsumowanie_wskaznikow", style: "TableStyleMedium2" });
    expect(new Set(headers).size).toBe(headers.length);
  });

  it("links every row to the indicator's name in the source sheet", () => {
    expect(sheet.links).toHaveLength(indicators.length);
    sheet.links.forEach((link, i) => {
      const ind = indicators[i];
      expect(parseA1(link.address).row).toBe(table.start.row + 1 + i);
      expect(link.target).toBe(sheetRef(SOURCE, ind!.nameAddress));
      const target = link.target.slice(link.target.lastIndexOf("!") + 1);
      expect(parseA1(target).row).toBe(ind!.row);
      // The source cell the link lands on shows the very name the summary row shows.
      expect(textAt(source, target).trim()).toBe(link.text.trim());
    });
  });

  it("counts statuses per domain (latest) and per year, each adding up to the indicators", () => {
    const latest = STATUS_ORDER.map((s) => indicators.filter((ind) => analysis.statuses[ind.id]!.latest === s).length);
    expect(countsRow("Razem")).toEqual(latest);
    expect(countsRow("Razem").reduce((a, b) => a + b, 0)).toBe(99);
    const domains = [...new Set(indicators.map((ind) => ind.domain))];
    expect(domains).toHaveLength(4);
    const perDomain = domains.map((d) => countsRow(d as string));
    perDomain.forEach((counts, k) =>
      expect(counts.reduce((a, b) => a + b, 0)).toBe(indicators.filter((ind) => ind.domain === domains[k]).length),
    );
    for (const year of years) {
      const counts = countsRow(String(year));
      expect(counts.reduce((a, b) => a + b, 0)).toBe(99);
      expect(counts).toEqual(
        STATUS_ORDER.map((s) => indicators.filter((ind) => analysis.statuses[ind.id]![String(year)] === s).length),
      );
    }
  });

  it("gives the chart the per-domain block: domains down, status labels across, filled with their colours", () => {
    const chart = sheet.chart;
    if (!chart) throw new Error("no chart");
    expect(chart.kind).toBe("stacked_bar");
    const data = parseRange(chart.dataRange);
    const bars = parseRange(chart.dataBarRange);
    expect(bars).toEqual({ start: { row: data.start.row + 1, col: data.start.col + 1 }, end: data.end });
    STATUS_ORDER.forEach((s, i) => {
      const address = toA1(data.start.row, data.start.col + 1 + i);
      expect(cells.get(address)?.value).toBe(statusText(s, "pl"));
      expect(fillOf(address)).toBe(STATUS_STYLES[s].fill);
    });
    const labels = Array.from(
      { length: data.end.row - data.start.row },
      (_, k) => at(data.start.row + 1 + k, data.start.col)?.value,
    );
    expect(labels).toEqual([...new Set(indicators.map((ind) => ind.domain))]);
    // The anchor cell is free, right of the blocks, and above the table.
    expect(cells.has(chart.anchor)).toBe(false);
    expect(parseA1(chart.anchor).col).toBeGreaterThan(data.end.col + 1); // past the total column
    expect(parseA1(chart.anchor).row).toBeLessThan(table.start.row);
  });

  it("shows each indicator's latest status with its symbol and colour", () => {
    indicators.forEach((ind, i) => {
      const status = analysis.statuses[ind.id]!.latest;
      const cell = tableCell(i, "Status");
      expect(cell?.value).toBe(statusText(status!, "pl"));
      expect(fillOf(cell?.address ?? "")).toBe(STATUS_STYLES[status!].fill);
    });
  });

  it("writes each year's value as a true number whose format shows the number the source shows", () => {
    let numbers = 0;
    indicators.forEach((ind, i) => {
      for (const year of years) {
        const src = ind.values[year];
        const cell = tableCell(i, `Rok ${year}`);
        const n = numberInRow(src, ind);
        if (n === null) {
          expect(cell?.value ?? null).toBe(src && src.parsed.text !== "" ? src.parsed.text : null);
          continue;
        }
        numbers += 1;
        expect(cell?.value).toBe(n);
        const shown = formatValue(n, cell?.numberFormat ?? "General");
        expect(shown.endsWith("%")).toBe((cell?.numberFormat ?? "").endsWith("%"));
        // Shown as the source shows it: the same number at the same decimals ("80%" stays 80 %, not 80,0 %).
        const decimals = src?.parsed.decimals ?? 0;
        const scale = shown.endsWith("%") ? 100 : 1;
        expect(Math.round(shownNumber(shown) * scale * 10 ** decimals)).toBe(Math.round(n * scale * 10 ** decimals));
        expect([cell?.address, (shown.replace(/[^\d,]/g, "").split(",")[1] ?? "").length]).toEqual([
          cell?.address,
          decimals,
        ]);
      }
    });
    expect(numbers).toBeGreaterThan(250);
    // "5 120"-style counts keep their thousands separator; percentages are percentages.
    const meals = indicators.findIndex((ind) => ind.name.startsWith("Liczba wydawanych posiłków"));
    expect(
      formatValue(tableCell(meals, "Rok 2021")?.value ?? null, tableCell(meals, "Rok 2021")?.numberFormat ?? ""),
    ).toBe("245\u00a0623");
  });

  it("reports the change against the previous year and the recalculated ratio with whether it matched", () => {
    const w19 = indicators.findIndex((ind) => ind.code === "W19_W");
    const ind = indicators[w19];
    const last = years[years.length - 1];
    const diff = (numberInRow(ind!.values[last!], ind!) ?? NaN) - (numberInRow(ind!.values[last! - 1], ind!) ?? NaN);
    // W19_W is a percent row: its change is in percentage points.
    const change = tableCell(w19, "Zmiana r/r");
    expect(change?.value).toBeCloseTo(diff * 100, 10);
    expect(formatValue(change?.value ?? null, change?.numberFormat ?? "")).toBe(
      `${diff < 0 ? "-" : "+"}${Math.abs(diff * 100)
        .toFixed(1)
        .replace(".", ",")} p.p.`,
    );
    const meals = indicators.findIndex((x) => x.name.startsWith("Liczba wydawanych posiłków"));
    const mealsChange = tableCell(meals, "Zmiana r/r");
    expect(formatValue(mealsChange?.value ?? null, mealsChange?.numberFormat ?? "")).toBe("-16\u00a0464");
    const ratio = analysis.ratios[ind!.id];
    expect(ratio).not.toBeNull();
    expect(tableCell(w19, "Przeliczona")?.value).toBe(ratio?.recalculated[String(last)]);
    const matched = ratio?.matches[String(last)];
    expect(tableCell(w19, "Zgodność")?.value).toBe(matched ? "tak" : "nie");
    // A non-ratio indicator has neither.
    const plain = indicators.findIndex((ind) => analysis.ratios[ind.id] === null);
    expect(tableCell(plain, "Przeliczona")).toBeUndefined();
    expect(tableCell(plain, "Zgodność")).toBeUndefined();
    // Findings: every row has a count, and the counts sum to the findings tied to indicators.
    const counted = indicators.reduce((sum, _ind, i) => sum + Number(tableCell(i, "Liczba uwag")?.value), 0);
    expect(counted).toBeGreaterThan(0);
    expect(counted).toBe(analysis.findings.filter((f) => indicators.some((x) => x.id === f.indicatorId)).length);
  });

  it("states the source, date and tolerance, and lists every status in the legend", () => {
    const texts = sheet.cells.map((c) => c.value);
    expect(texts).toContain(SOURCE);
    const date = sheet.cells.find((c) => c.numberFormat?.startsWith("dd.mm.yyyy"));
    expect(formatValue(date?.value ?? null, date?.numberFormat ?? "")).toBe("23.11.2026 18:05");
    const tolerance = sheet.cells.find((c) => c.value === analysis.tolerance);
    expect(formatValue(tolerance?.value ?? null, tolerance?.numberFormat ?? "")).toBe("5,0%");
    for (const s of STATUS_ORDER) {
      const legend = sheet.cells.filter(
        (c) => c.value === statusText(s, "pl") && fillOf(c.address) === STATUS_STYLES[s].fill,
      );
      expect(legend.length).toBeGreaterThanOrEqual(3); // the legend and the two counts headers
    }
  });

  it("reads the latest change with the desired direction: a fall is good news for a 'spadek' indicator", () => {
    const reading = (code: string) =>
      tableCell(
        indicators.findIndex((ind) => ind.code === code),
        "Ocena zmiany",
      )?.value;
    // W39_W (spadek): 5,29 % in 2022, 5,85 % in 2023: up, so unfavourable; W9_G (spadek) 2,30 % to 1,90 %: favourable.
    expect(reading("W39_W")).toBe("niekorzystna");
    expect(reading("W9_G")).toBe("korzystna");
    // W19_W (utrzymanie, baseline 80 %): 91 % to 62 % moves further from it.
    expect(reading("W19_W")).toBe("niekorzystna");
    // W8_W (utrzymanie) stays at 100 %.
    expect(reading("W8_W")).toBe("bez zmian");
  });

  it("keeps every label text, so that editing '= bez zmian' in Excel does not make it a formula", () => {
    const texts = sheet.cells.filter((c) => typeof c.value === "string");
    expect(texts.length).toBeGreaterThan(100);
    expect(texts.filter((c) => c.numberFormat !== "@")).toEqual([]);
  });

  it("prints A4 landscape, one page wide, the table's header on every page, only the columns a reader needs", () => {
    const headerRow = table.start.row + 1;
    expect(sheet.print).toEqual({
      landscape: true,
      fitToWidth: true,
      paper: "A4",
      titleRows: `${headerRow}:${headerRow}`,
      area: `C1:${toA1(table.end.row, column("Ocena zmiany")).replace(/\d+$/, "")}${table.end.row + 1}`,
    });
    expect(sheet.columnWidths.length).toBeGreaterThanOrEqual(table.end.col + 1);
    expect(sheet.columnWidths[column("Wskaźnik")]).toBeGreaterThan(sheet.columnWidths[column("Lp.")]!);
  });

  it("records the sheet in the journal so that restore deletes it", () => {
    const entries = plan.journal.entries;
    expect(entries).toHaveLength(1);
    expect(entries[0]).toEqual({
      action: "summary",
      at: NOW,
      cells: [],
      addedSheets: ["Podsumowanie"],
      sheets: [{ name: "Podsumowanie", mark: `Podsumowanie wskaźników: ${SOURCE}` }],
      summaryOf: SOURCE,
    });
  });
});

describe("running the summary again", () => {
  const again = workbook([SOURCE, "Podsumowanie", JOURNAL_SHEET], plan.journal);
  const second = planSummary(again, analyzeWorkbook(again, { tolerance: 0.05 }), { sheet: SOURCE, now: NOW });

  it("replaces its own summary with the same sheet and nothing else", () => {
    expect(second.deleteSheets).toEqual(["Podsumowanie"]);
    expect(second.addSheets).toEqual(plan.addSheets);
    expect(second.edits).toEqual([]);
    expect(second.changes).toHaveLength(1);
    expect(second.changes[0]!.before).toEqual({ pl: "poprzednie podsumowanie", en: "the previous summary" });
    expect(second.journal.entries.map((e) => e.addedSheets)).toEqual([["Podsumowanie"], ["Podsumowanie"]]);
  });

  it("never overwrites a user's own sheet named Podsumowanie: it picks another name and says so", () => {
    // The user's sheet makes two sheets of theirs: the summary takes the long name, and "Podsumowanie" stays.
    const users = workbook([SOURCE, "podsumowanie"]);
    const mine = planSummary(users, analysis, { sheet: SOURCE, now: NOW });
    expect(mine.deleteSheets).toEqual([]);
    expect(mine.addSheets[0]!.name).toBe("Podsumowanie – Załącznik 5");

    // A workbook whose long name is taken by the user too.
    const taken = workbook([SOURCE, "Podsumowanie – Załącznik 5"]);
    const next = planSummary(taken, analysis, { sheet: SOURCE, now: NOW });
    expect(next.addSheets[0]!.name).toBe("Podsumowanie – Załącznik 5 (2)");
    expect(next.deleteSheets).toEqual([]);
    expect(next.notes.map((n) => n.pl).join(" ")).toContain("Podsumowanie – Załącznik 5");
    expect(next.addSheets[0]!.table?.name).toBe("Podsumowanie_wskaznikow_Zalacznik_5_2");

    // Run again: its own "(2)" is replaced, the user's sheet stays.
    const rerun = workbook(
      [SOURCE, "Podsumowanie – Załącznik 5", "Podsumowanie – Załącznik 5 (2)", JOURNAL_SHEET],
      next.journal,
    );
    const replaced = planSummary(rerun, analysis, { sheet: SOURCE, now: NOW });
    expect(replaced.deleteSheets).toEqual(["Podsumowanie – Załącznik 5 (2)"]);
    expect(replaced.addSheets[0]!.name).toBe("Podsumowanie – Załącznik 5 (2)");
  });

  it("keeps the summaries of two annex sheets apart when their names are cut to the same 31 characters", () => {
    const [a, b] = ["Załącznik nr 5 - 2023", "Załącznik nr 5 - 2022"].map((name) => ({ ...source, name }));
    const two = (names: string[], journal: Journal): WorkbookSnapshot => ({
      sheetNames: names,
      sheets: [a!, b!],
      journal,
    });
    const plan2 = (wb: WorkbookSnapshot, sheet: string): EditPlan =>
      planSummary(wb, analyzeWorkbook(wb, { tolerance: 0.05 }), { sheet, now: NOW });
    const ofA = plan2(two([a!.name, b!.name], noJournal()), a!.name);
    const nameA = ofA.addSheets[0]!.name;
    const ofB = plan2(two([a!.name, nameA, b!.name, JOURNAL_SHEET], ofA.journal), b!.name);
    const nameB = ofB.addSheets[0]!.name;
    expect(nameB).not.toBe(nameA);
    expect(ofB.deleteSheets).toEqual([]);
    expect([nameA, nameB].every((n) => n.length <= 31)).toBe(true);
    expect(ofB.addSheets[0]!.table?.name).not.toBe(ofA.addSheets[0]!.table?.name);
    const all = [a!.name, nameA, b!.name, nameB, JOURNAL_SHEET];
    expect(plan2(two(all, ofB.journal), a!.name).deleteSheets).toEqual([nameA]);
    expect(plan2(two(all, ofB.journal), b!.name).deleteSheets).toEqual([nameB]);
  });

  it("adds nothing for a sheet without indicator tables, and says why", () => {
    const empty = planSummary(first, analysis, { sheet: "Arkusz1", now: NOW });
    expect(empty.addSheets).toEqual([]);
    expect(empty.journal).toBe(first.journal);
    expect(empty.notes).toHaveLength(1);
  });

  it("does not summarise its own summary sheet, which reads back like an annex", () => {
    const back = readBack(sheet);
    const wb = { sheetNames: [SOURCE, sheet.name, JOURNAL_SHEET], sheets: [source, back], journal: plan.journal };
    const reread = analyzeWorkbook(wb, { tolerance: 0.05 });
    expect(summarySources(wb, reread)).toEqual([SOURCE]);
    const echo = planSummary(wb, reread, { sheet: sheet.name, now: NOW });
    expect(echo.addSheets).toEqual([]);
    expect(echo.journal).toBe(wb.journal);
    expect(echo.notes[0]!.pl).toContain("dodane przez dodatek");
  });
});

describe("indicators without a domain (a declaration table)", () => {
  it("are counted under one label, still adding up", () => {
    const undomained: Analysis = JSON.parse(JSON.stringify(analysis));
    for (const t of undomained.sheets[0]!.tables) for (const ind of t.indicators) ind.domain = null;
    const p = planSummary(first, undomained, { sheet: SOURCE, now: NOW });
    const data = parseRange(p.addSheets[0]!.chart?.dataRange ?? "A1");
    expect(data.end.row - data.start.row).toBe(1);
    const label = p.addSheets[0]!.cells.find((c) => c.address === toA1(data.start.row + 1, data.start.col));
    expect(label?.value).toBe("(bez dziedziny)");
    const counts = p.addSheets[0]!.cells.filter((c) => {
      const { row, col } = parseA1(c.address);
      return row === data.start.row + 1 && col > data.start.col && col <= data.end.col;
    });
    expect(counts.reduce((sum, c) => sum + Number(c.value), 0)).toBe(99);
  });
});

/** The summary sheet as an adapter would read it back: values, the text their formats show, links as their text. */
function readBack(ns: NewSheet): SheetSnapshot {
  const at = ns.cells.map((c) => ({ ...parseA1(c.address), c }));
  const snap = emptySheet(ns.name, Math.max(...at.map((x) => x.row)) + 1, Math.max(...at.map((x) => x.col)) + 1);
  for (const { row, col, c } of at) {
    snap.values[row]![col] = c.value ?? null;
    snap.numberFormat[row]![col] = c.numberFormat ?? "General";
    snap.text[row]![col] = formatValue(c.value ?? null, c.numberFormat ?? "General");
    snap.bold[row]![col] = c.bold ?? false;
  }
  return snap;
}
