/**
 * The cost the engine is compared with: reading the workbook file. Each bench workbook is written to .xlsx once
 * (bold kept, so the recogniser sees the same sheet), then opened by ExcelJS and turned into a snapshot, as the
 * CLI and the preview do it (loadWorkbook + snapshotFromWorkbook).
 */
import { Workbook } from "exceljs";
import type { SheetSnapshot } from "../../src/core/snapshot";
import { loadWorkbook, snapshotFromWorkbook } from "../../src/xlsx";
import { median } from "./stats";

export async function xlsxBytes(sheets: SheetSnapshot[]): Promise<Uint8Array> {
  const wb = new Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    s.values.forEach((row, r) => {
      row.forEach((value, c) => {
        if (value === null) return;
        const cell = ws.getCell(s.top + r + 1, s.left + c + 1);
        cell.value = value;
        if (s.numberFormat[r]![c] !== "General") cell.numFmt = s.numberFormat[r]![c]!;
        if (s.bold[r]![c]) cell.font = { bold: true };
      });
    });
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Median milliseconds of opening the bytes with ExcelJS and snapshotting every sheet. */
export async function readTime(bytes: Uint8Array, runs: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    snapshotFromWorkbook(await loadWorkbook(bytes));
    times.push(performance.now() - t0);
  }
  return median(times);
}
