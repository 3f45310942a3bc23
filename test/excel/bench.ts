/**
 * Round trips and Office calls of the Excel adapter as the sheet grows (100, 1 000, 10 000 rows):
 *   npx tsx test/excel/bench.ts
 * The sheet is the 2023 annex repeated down to the wanted height, so the real engine recognises,
 * recalculates and colours it; the Office side is the recording fake of test/excel/fakeExcel.ts.
 */
import { analyseWorkbook } from "../../src/core/analyse";
import type { EditPlan } from "../../src/core/plan";
import { planColor } from "../../src/core/plans/color";
import { planRecalculate } from "../../src/core/plans/recalculate";
import { emptySheet, type SheetSnapshot } from "../../src/core/snapshot";
import { ExcelHost } from "../../src/excel/excelHost";
import { annex2023Typed } from "../helpers/typed-sheet";
import { FakeExcel, sheetFromSnapshot } from "./fakeExcel";

const NOW = "2026-11-23T18:00:00.000Z";

/** The annex stacked on itself until it has `rows` rows. */
function tallAnnex(rows: number): SheetSnapshot {
  const annex = annex2023Typed();
  const width = annex.values[0].length;
  const sheet = emptySheet(annex.name, rows, width);
  for (let r = 0; r < rows; r++) {
    const from = r % annex.values.length;
    sheet.values[r] = [...annex.values[from]];
    sheet.text[r] = [...annex.text[from]];
    sheet.bold[r] = [...annex.bold[from]];
  }
  return sheet;
}

interface Measure {
  rows: number;
  step: string;
  syncs: number;
  calls: Record<string, number>;
  ms: number;
}

async function measure(excel: FakeExcel, rows: number, step: string, work: () => Promise<unknown>): Promise<Measure> {
  const [syncs, calls] = [excel.syncs, excel.calls.length];
  const start = performance.now();
  await work();
  const ms = Math.round(performance.now() - start);
  const counts: Record<string, number> = {};
  for (const c of excel.calls.slice(calls)) counts[c] = (counts[c] ?? 0) + 1;
  return { rows, step, syncs: excel.syncs - syncs, calls: counts, ms };
}

export async function benchExcelAdapter(sizes = [100, 1_000, 10_000]): Promise<Measure[]> {
  const results: Measure[] = [];
  for (const rows of sizes) {
    const excel = new FakeExcel([sheetFromSnapshot(tallAnnex(rows))]);
    const host = new ExcelHost(excel.run);
    let wb = await host.readActiveSheet();
    results.push(await measure(excel, rows, "read", () => host.readActiveSheet()));
    const plans: [string, (w: typeof wb) => EditPlan][] = [
      ["apply recalculate", (w) => planRecalculate(w, analyseWorkbook(w), { mode: "formulas", now: NOW })],
      ["apply colour", (w) => planColor(w, analyseWorkbook(w), { now: NOW })],
    ];
    for (const [step, plan] of plans) {
      const edit = plan(wb);
      const m = await measure(excel, rows, step, () => host.apply(edit));
      results.push({ ...m, step: `${step} (${edit.changes.length} cells)` });
      wb = await host.readActiveSheet();
    }
  }
  return results;
}

if (require.main === module) {
  void benchExcelAdapter().then((results) => {
    console.log("rows\tstep\tsyncs\tgetRanges\tgetRange\tset formulas\tgetCellProperties\tms");
    for (const r of results)
      console.log(
        [r.rows, r.step, r.syncs, r.calls.getRanges ?? 0, r.calls.getRange ?? 0, r.calls["set formulas"] ?? 0, r.calls.getCellProperties ?? 0, r.ms].join("\t"),
      );
  });
}
