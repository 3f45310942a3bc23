/**
 * Runs every action on a workbook the way users would, through both adapters: the CLI over a saved .xlsx file
 * (ExcelJS), and the task pane's Excel host over the Excel adapter's fake. Each run reports what the user was told
 * and lets the test compare the workbook before and after.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import type { Workbook } from "exceljs";
import { main } from "../../src/cli/main";
import { analyzeWorkbook } from "../../src/core/analyze";
import { HostError } from "../../src/core/host";
import { JOURNAL_SHEET, type EditPlan } from "../../src/core/plan";
import { planColor } from "../../src/core/plans/color";
import { planRecalculate } from "../../src/core/plans/recalculate";
import { planRestore } from "../../src/core/plans/restore";
import { planSummary } from "../../src/core/plans/summary";
import type { Report } from "../../src/core/report";
import type { SheetSnapshot, WorkbookSnapshot } from "../../src/core/snapshot";
import { ExcelHost } from "../../src/excel/excelHost";
import { loadWorkbook, saveWorkbook } from "../../src/xlsx/load";
import { snapshotFromWorkbook } from "../../src/xlsx/read";
import { FakeExcel, sheetFromSnapshot } from "../excel/fakeExcel";
import { sheetFields } from "../helpers/sheet-fields";

export const NOW = "2026-11-23T18:30:00Z";

// Made on first use, so that a suite importing the harness for something else leaves no empty folder behind.
let dir: string | undefined;
export const tmp = (name: string): string => join((dir ??= mkdtempSync(join(tmpdir(), "mops-reliability-"))), name);
/** For afterAll in every suite that writes files through tmp(). */
export const removeTemp = (): void => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
};

export async function saveAs(wb: Workbook, name: string): Promise<string> {
  writeFileSync(tmp(name), await saveWorkbook(wb));
  return tmp(name);
}

export interface Run {
  code: number;
  out: string;
  err: string;
}

/** The CLI in-process, in English, with a fixed clock. */
export async function cli(...argv: string[]): Promise<Run> {
  let out = "";
  let err = "";
  const io = { out: (t: string) => (out += t + "\n"), err: (t: string) => (err += t + "\n"), now: () => NOW };
  const code = await main(argv, io, "en_US.UTF-8");
  return { code, out, err };
}

export async function analyze(file: string): Promise<Report> {
  const r = await cli("analyze", file, "--json");
  if (r.code !== 0) throw new Error(`analyze exited ${r.code}: ${r.err}`);
  return JSON.parse(r.out) as Report;
}

/** Everything a write could change and a restore must put back, for every sheet and the sheet list. */
export function contents(snap: WorkbookSnapshot) {
  return sheetFields(snap, ["name", "top", "left", "values", "formulas", "numberFormat", "fill", "bold", "merges"]);
}

export async function fileContents(path: string) {
  return contents(snapshotFromWorkbook(await loadWorkbook(readFileSync(path))));
}

export const ALL_ACTIONS = ["--recalculate", "--color", "--summary"];

/**
 * Save the workbook, apply every action through the CLI, then restore the result. Returns what was said at each
 * step and the contents of the input, the output (if any) and the restored file.
 */
export async function throughFile(wb: Workbook, name: string, actions = ALL_ACTIONS) {
  const input = await saveAs(wb, `${name}.xlsx`);
  const bytes = readFileSync(input);
  const output = tmp(`${name}-out.xlsx`);
  const apply = await cli("apply", input, ...actions, "--out", output);
  const written = existsSync(output);
  const restore = written ? await cli("restore", output, "--out", tmp(`${name}-back.xlsx`)) : null;
  return {
    apply,
    restore,
    inputUnchanged: readFileSync(input).equals(bytes),
    before: await fileContents(input),
    after: written ? await fileContents(output) : null,
    restored: restore?.code === 0 ? await fileContents(tmp(`${name}-back.xlsx`)) : null,
  };
}

type Planner = (wb: WorkbookSnapshot) => EditPlan;

export const PLANNERS: Record<string, Planner> = {
  recalculate: (wb) => planRecalculate(wb, analyzeWorkbook(wb), { mode: "formulas", now: NOW }),
  color: (wb) => planColor(wb, analyzeWorkbook(wb), { now: NOW }),
  summary: (wb) => planSummary(wb, analyzeWorkbook(wb), { sheet: wb.sheets[0]!.name, now: NOW }),
  restore: (wb) => planRestore(wb),
};

/** The Excel fake holding the workbook's sheets (the backup journal's too) as the ExcelJS adapter reads them; the first is active. */
export function fakeOf(wb: Workbook): FakeExcel {
  const sheets = snapshotFromWorkbook(
    wb,
    wb.worksheets.map((ws) => ws.name),
  ).sheets.map(sheetFromSnapshot);
  for (const s of sheets) if (s.name === JOURNAL_SHEET) s.visibility = "VeryHidden";
  return new FakeExcel(sheets, sheets[0]!.name);
}

/**
 * The fake's workbook as the Excel host reads it: the active sheet and the list of sheets. A formula cell's value
 * is Excel's to compute (the fake cannot), so only its formula counts.
 */
export async function fakeContents(excel: FakeExcel) {
  const snap = await new ExcelHost(excel.run).readActiveSheet();
  const computed = (s: SheetSnapshot): SheetSnapshot => ({
    ...s,
    values: s.values.map((row, r) => row.map((v, c) => (s.formulas[r]![c] === null ? v : null))),
  });
  return contents({ ...snap, sheets: snap.sheets.map(computed) });
}

/**
 * The task pane's loop on the fake: read the active sheet, plan, apply; a refusal is caught as the pane shows it.
 * Returns every note and refusal, in order.
 */
export async function throughExcel(
  excel: FakeExcel,
  actions: string[],
): Promise<{ notes: string[]; refusals: string[] }> {
  const host = new ExcelHost(excel.run);
  const notes: string[] = [];
  const refusals: string[] = [];
  for (const action of actions) {
    const plan = PLANNERS[action]!(await host.readActiveSheet());
    notes.push(...plan.notes.map((n) => n.en));
    try {
      await host.apply(plan);
    } catch (e) {
      if (!(e instanceof HostError)) throw e;
      refusals.push(e.en);
    }
  }
  return { notes, refusals };
}
