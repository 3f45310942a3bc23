/**
 * A sheet the plan adds (the summary): cells, fills, links, an Excel table, layout and print setup.
 * ExcelJS cannot draw charts, so the chart's data columns get data bars instead (see addChartSubstitute).
 */
import type { CellValue, PaperSize, Workbook, Worksheet } from "exceljs";
import { parseRange, toA1 } from "../core/address";
import type { ChartSpec, LinkEdit, NewSheet } from "../core/plan";
import { fillColor } from "./colors";
import { writeCells, writeFills } from "./write-cells";

const LINK_COLOR = "FF0563C1";
const DEFAULT_BAR_COLOR = "#5B9BD5";

export function addNewSheet(wb: Workbook, sheet: NewSheet): Worksheet {
  const ws = wb.addWorksheet(sheet.name);
  placeAfter(wb, ws, sheet.after);
  writeCells(ws, sheet.cells);
  writeFills(ws, sheet.fills);
  for (const link of sheet.links) writeLink(ws, link);
  sheet.columnWidths.forEach((width, i) => {
    ws.getColumn(i + 1).width = width;
  });
  if (sheet.freezeRows > 0) ws.views = [{ state: "frozen", xSplit: 0, ySplit: sheet.freezeRows }];
  if (sheet.table) addTable(ws, sheet.table);
  if (sheet.chart) addChartSubstitute(ws, sheet.chart);
  ws.pageSetup.orientation = sheet.print.landscape ? "landscape" : "portrait";
  if (sheet.print.fitToWidth) {
    ws.pageSetup.fitToPage = true;
    ws.pageSetup.fitToWidth = 1;
    ws.pageSetup.fitToHeight = 0;
  }
  // OOXML paper size 9 is A4 (a const enum: no value at run time).
  if (sheet.print.paper === "A4") ws.pageSetup.paperSize = 9 as PaperSize;
  if (sheet.print.titleRows) ws.pageSetup.printTitlesRow = sheet.print.titleRows;
  if (sheet.print.area) ws.pageSetup.printArea = absoluteArea(sheet.print.area);
  for (const v of sheet.validations ?? []) addListValidation(ws, v.range, v.list);
  for (const c of sheet.hiddenColumns ?? []) ws.getColumn(c + 1).hidden = true;
  return ws;
}

/**
 * ExcelJS writes a print area "A1:O114" as "$A1:$O114" (it puts "$" before each end only), which LibreOffice and
 * Excel read as no print area at all; "A$1:O$114" comes out as the absolute "$A$1:$O$114" they expect.
 */
function absoluteArea(area: string): string {
  return area.replace(/([A-Z]+)(\d+)/g, "$1$$$2");
}

/** A drop-down list on every cell of the range (ExcelJS joins the cells into one rule when it writes). */
function addListValidation(ws: Worksheet, range: string, list: string[]): void {
  const { start, end } = parseRange(range);
  for (let r = start.row; r <= end.row; r++) {
    for (let c = start.col; c <= end.col; c++) {
      ws.getCell(r + 1, c + 1).dataValidation = {
        type: "list",
        allowBlank: true,
        showErrorMessage: true,
        formulae: [`"${list.join(",")}"`],
      };
    }
  }
}

/** Tab order: right after the named sheet (at the end when it is gone). */
function placeAfter(wb: Workbook, ws: Worksheet, after: string): void {
  const others = wb.worksheets.filter((s) => s !== ws);
  const at = others.findIndex((s) => s.name === after);
  const order = at < 0 ? [...others, ws] : [...others.slice(0, at + 1), ws, ...others.slice(at + 1)];
  // ExcelJS orders tabs by a property its typings do not declare.
  order.forEach((s, i) => {
    (s as Worksheet & { orderNo: number }).orderNo = i;
  });
}

/** Excel refuses a text constant over 255 characters in a formula, and HYPERLINK's shown text is capped the same. */
const FORMULA_TEXT_LIMIT = 255;

/** A HYPERLINK formula: it works in every spreadsheet program, where ExcelJS's internal links do not. */
function writeLink(ws: Worksheet, link: LinkEdit): void {
  const cell = ws.getCell(link.address);
  const target = link.target.replace(/^#/, "").replace(/"/g, '""');
  const chars = Array.from(link.text);
  const shown = chars.length > FORMULA_TEXT_LIMIT ? chars.slice(0, FORMULA_TEXT_LIMIT - 1).join("") + "…" : link.text;
  cell.value = { formula: `HYPERLINK("#${target}","${shown.replace(/"/g, '""')}")`, result: shown } as CellValue;
  cell.style = { ...cell.style, font: { ...cell.font, color: { argb: LINK_COLOR }, underline: true } };
}

/** An Excel table over cells already written: header names from its first row (unique, as Excel requires). */
function addTable(ws: Worksheet, table: { name: string; range: string; style: string }): void {
  const { start, end } = parseRange(table.range);
  const used = new Set<string>();
  const columns = [];
  for (let c = start.col; c <= end.col; c++) {
    const raw = ws.getCell(start.row + 1, c + 1).text.trim() || `Kolumna ${c - start.col + 1}`;
    let name = raw;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${raw} ${n}`;
    used.add(name.toLowerCase());
    columns.push({ name, filterButton: true });
  }
  const rows: CellValue[][] = [];
  for (let r = start.row + 1; r <= end.row; r++) {
    const row: CellValue[] = [];
    for (let c = start.col; c <= end.col; c++) row.push(ws.getCell(r + 1, c + 1).value);
    rows.push(row);
  }
  ws.addTable({
    name: table.name,
    ref: toA1(start.row, start.col),
    headerRow: true,
    style: { theme: table.style as never, showRowStripes: true },
    columns,
    rows,
  });
}

/**
 * ExcelJS cannot write charts: each series column of the chart's data gets a data bar (conditional
 * formatting) in the series' colour, read from the fill of its header cell, and the chart's place says so.
 */
function addChartSubstitute(ws: Worksheet, chart: ChartSpec): void {
  const bars = parseRange(chart.dataBarRange);
  const headerRow = parseRange(chart.dataRange).start.row;
  // One scale for every column, so that bars compare across series as the segments of a stacked bar would.
  let max = 0;
  for (let r = bars.start.row; r <= bars.end.row; r++) {
    for (let c = bars.start.col; c <= bars.end.col; c++) {
      const v = ws.getCell(r + 1, c + 1).value;
      if (typeof v === "number" && Number.isFinite(v)) max = Math.max(max, v);
    }
  }
  for (let c = bars.start.col; c <= bars.end.col; c++) {
    const color = fillColor(ws.getCell(headerRow + 1, c + 1).fill) ?? DEFAULT_BAR_COLOR;
    ws.addConditionalFormatting({
      ref: `${toA1(bars.start.row, c)}:${toA1(bars.end.row, c)}`,
      rules: [
        {
          type: "dataBar",
          priority: 1,
          gradient: false,
          cfvo: [{ type: "num", value: 0 }, max > 0 ? { type: "num", value: max } : { type: "max" }],
          color: { argb: "FF" + color.slice(1) },
        } as never,
      ],
    });
  }
  const anchor = ws.getCell(chart.anchor);
  if (anchor.value === null) {
    anchor.value = `${chart.title} (plik zapisany bez wykresu: liczby pokazano jako paski danych w zakresie ${chart.dataBarRange})`;
  }
}
