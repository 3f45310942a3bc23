/**
 * The live colours' rules, evaluated by a real spreadsheet: on every seed workbook, each rule of "Koloruj wg trendu"
 * is copied, moved to every cell of its range, into a helper cell of an added sheet; LibreOffice (headless) opens
 * all the copies, which computes every helper cell, and exports them as HTML, where the results are read back. For
 * every indicator-year exactly one rule must hold, and it must be the engine's status. A second copy has figures
 * typed after the colouring (numbers, text with a decimal comma, a cleared cell): the rules, unchanged, must give the
 * engine's status of the changed sheet, with no add-in involved.
 *
 * The HTML export also has the background LibreOffice's own conditional formatting gives each cell: every value
 * cell must show its engine status's fill. That checks the rules as they stand in the file, each shared by many rows
 * over several areas, read from the anchor the add-in means: the first area's top-left cell, which Excel reads them
 * from, and also the top-left of all the areas together (listing the areas in reverse made no difference to
 * LibreOffice 7.4; an area added above them all turns the annexes' colours wrong here). */
import type { Workbook } from "exceljs";
import { readFileSync, readdirSync } from "fs";
import { join } from "path";
import { parseA1, toA1 } from "../../../src/core/address";
import { analyzeWorkbook } from "../../../src/core/analyze";
import type { Status } from "../../../src/core/model";
import { STATUS_STYLES } from "../../../src/core/palette";
import type { EditPlan } from "../../../src/core/plan";
import { planColor, tableStatuses } from "../../../src/core/plans/color";
import { formulaForCell, ruleCells } from "../../../src/core/rules";
import { applyPlan, loadWorkbook, saveWorkbook, snapshotFromWorkbook } from "../../../src/xlsx";
import { toFileFormula } from "../../../src/xlsx/rules";
import { SEEDS } from "../../core/ratio/seed-snapshot";
import { convertWithLibreOffice } from "../../helpers/libreoffice";
import { LIBREOFFICE, describeWith } from "../../helpers/needs";

const NOW = "2026-11-30T05:00:00Z";
const SHEET = "Ocena reguł";
const SEED_FILES = readdirSync(SEEDS).filter((f) => f.endsWith(".xlsx"));

/** A sheet's first cell holds something, so that LibreOffice's HTML export starts its table at A1. */
function anchorHtml(wb: Workbook): void {
  for (const ws of wb.worksheets) if (ws.getCell("A1").value === null) ws.getCell("A1").value = ".";
}

interface Shown {
  /** The background LibreOffice's conditional formatting gives the cell. */
  fill?: string;
  /** The number LibreOffice computed (a true condition is 1), where the cell holds one. */
  value?: number;
}

/**
 * Each cell of LibreOffice's HTML export, by "sheet!address": one table per sheet, after a heading with the sheet's
 * name; merged cells take their colspan and rowspan. Very hidden sheets are not exported.
 */
function shownCells(html: string): Map<string, Shown> {
  const out = new Map<string, Shown>();
  const text = (t: string) =>
    t
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, "&");
  for (const section of html.split(/<A NAME="table\d+">/i).slice(1)) {
    const sheet = text(/<em>([\s\S]*?)<\/em>/.exec(section)![1]!);
    const taken = new Set<string>();
    [...section.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].forEach((tr, row) => {
      let col = 0;
      for (const [, attrs] of tr[1]!.matchAll(/<td([^>]*)>/g)) {
        while (taken.has(`${row},${col}`)) col++;
        const [cols, rows] = [/colspan="?(\d+)/, /rowspan="?(\d+)/].map((re) => Number(re.exec(attrs!)?.[1] ?? 1));
        for (let r = 0; r < rows!; r++) for (let c = 0; c < cols!; c++) taken.add(`${row + r},${col + c}`);
        const fill = /bgcolor="(#[0-9A-Fa-f]{6})"/.exec(attrs!)?.[1]?.toUpperCase();
        const value = /sdval="([^"]*)"/.exec(attrs!)?.[1];
        out.set(`${sheet}!${toA1(row, col)}`, { fill, value: value === undefined ? undefined : Number(value) });
        col += cols!;
      }
    });
  }
  return out;
}

interface Probe {
  sheet: string;
  address: string;
  status: Status;
}

/** The engine's status of every value cell the plan's rules cover, by "sheet!address". */
function engineStatuses(wb: Workbook): Map<string, Status> {
  const snapshot = snapshotFromWorkbook(wb);
  const analysis = analyzeWorkbook(snapshot, { tolerance: 0.05 });
  const out = new Map<string, Status>();
  for (const s of analysis.sheets)
    for (const table of s.tables)
      for (const [address, { status }] of tableStatuses(table, analysis.statuses, analysis.tolerance))
        out.set(`${s.sheet}!${address}`, status);
  return out;
}

/** Colour the workbook through the xlsx adapter, as the CLI does; the plan. */
function colour(wb: Workbook): EditPlan {
  const snapshot = snapshotFromWorkbook(wb);
  const plan = planColor(snapshot, analyzeWorkbook(snapshot, { tolerance: 0.05 }), { now: NOW });
  applyPlan(wb, plan);
  return plan;
}

/** One helper cell per rule and covered cell, on an added sheet; what each one stands for. */
function addProbes(wb: Workbook, plan: EditPlan): Probe[] {
  const ws = wb.addWorksheet(SHEET);
  const probes: Probe[] = [];
  for (const edit of plan.edits) {
    for (const rule of edit.rules ?? []) {
      // A rule over several areas reads its relative references from the first area's top-left cell.
      const anchor = rule.range.split(/[,:]/)[0];
      for (const address of ruleCells(rule.formula)) {
        const formula = formulaForCell(rule.formula, anchor!, address, edit.sheet);
        ws.getCell(probes.length + 1, 1).value = { formula: toFileFormula(formula) } as never;
        probes.push({ sheet: edit.sheet, address, status: rule.status });
      }
    }
  }
  return probes;
}

/** For every covered cell, the statuses whose rule holds, as LibreOffice computed them (the helper cells' values). */
function selected(shown: Map<string, Shown>, probes: Probe[]): Map<string, Status[]> {
  const out = new Map<string, Status[]>();
  probes.forEach((p, i) => {
    const key = `${p.sheet}!${p.address}`;
    out.set(key, [...(out.get(key) ?? []), ...(shown.get(`${SHEET}!A${i + 1}`)?.value === 1 ? [p.status] : [])]);
  });
  return out;
}

/** Figures typed after the colouring, on every third covered cell: a true number, text with a comma, a cleared cell. */
function typeAfterwards(wb: Workbook, probes: Probe[]): number {
  const cells = [...new Map(probes.map((p) => [`${p.sheet}!${p.address}`, p])).values()].filter((_, i) => i % 3 === 0);
  cells.forEach((p, i) => {
    const cell = wb.getWorksheet(p.sheet)!.getCell(p.address);
    const row = parseA1(p.address).row;
    const figure = 3 + ((row * 7 + i) % 40) / 4;
    cell.value = i % 3 === 0 ? figure : i % 3 === 1 ? String(figure).replace(".", ",") : null;
  });
  return cells.length;
}

describeWith(LIBREOFFICE, "live colours evaluated by LibreOffice", () => {
  const runs: {
    name: string;
    probes: Probe[];
    expected: Map<string, Status>;
    shown?: Map<string, Shown>;
    typed?: number;
  }[] = [];

  beforeAll(async () => {
    const inputs: { name: string; bytes: Uint8Array }[] = [];
    for (const seed of SEED_FILES) {
      const wb = await loadWorkbook(readFileSync(join(SEEDS, seed)));
      const plan = colour(wb);
      const probes = addProbes(wb, plan);
      runs.push({ name: seed, probes, expected: engineStatuses(wb) });
      anchorHtml(wb);
      inputs.push({ name: seed, bytes: await saveWorkbook(wb) });
    }
    // The same annex with figures typed after the colouring: the rules stay as they were written.
    const wb = await loadWorkbook(readFileSync(join(SEEDS, "annex-2023-typed.xlsx")));
    const plan = colour(wb);
    const probes = addProbes(wb, plan);
    const typed = typeAfterwards(wb, probes);
    runs.push({ name: "typed-afterwards.xlsx", probes, expected: engineStatuses(wb), typed });
    anchorHtml(wb);
    inputs.push({ name: "typed-afterwards.xlsx", bytes: await saveWorkbook(wb) });

    // LibreOffice computes every helper cell on load; its HTML export gives each cell's value and the colour its
    // conditional formatting gives the cell. (The HTML's values were the same as those of an xlsx saved by LibreOffice
    // on every copy, so one conversion does for both checks.)
    const html = await convertWithLibreOffice(inputs, "html");
    runs.forEach((run, i) => (run.shown = shownCells(html[i]!.toString("utf8"))));
  }, 900_000);

  test.each([...SEED_FILES, "typed-afterwards.xlsx"])(
    "%s: exactly one rule holds per indicator-year, the engine's status",
    (name) => {
      const run = runs.find((r) => r.name === name)!;
      const got = selected(run.shown!, run.probes);
      const wrong = [...got].filter(
        ([key, statuses]) => statuses.length !== 1 || statuses[0] !== run.expected.get(key),
      );
      expect(
        wrong
          .slice(0, 10)
          .map(([key, statuses]) => `${key}: rules ${statuses.join("+") || "none"}, engine ${run.expected.get(key)}`),
      ).toEqual([]);
      // Every cell the engine colours has rules (the annexes have many).
      const covered = [...run.expected.keys()].filter((key) => !got.has(key));
      expect(covered).toEqual([]);
      if (name.startsWith("annex")) expect(got.size).toBeGreaterThan(50);
      if (run.typed !== undefined) expect(run.typed).toBeGreaterThan(20);
    },
  );

  test.each([...SEED_FILES, "typed-afterwards.xlsx"])(
    "%s: LibreOffice's own conditional formatting fills each value cell with the engine's status",
    (name) => {
      const run = runs.find((r) => r.name === name)!;
      const wrong = [...run.expected]
        .map(([key, status]) => ({
          key,
          want: STATUS_STYLES[status].fill.toUpperCase(),
          shown: run.shown!.get(key)?.fill,
        }))
        .filter((c) => c.shown !== c.want);
      expect(wrong.slice(0, 10)).toEqual([]);
    },
  );
});
