import ExcelJS from "exceljs";
import { LineRange, seedCell, seedLinesOf } from "./seed-lines";
import { fitToPageWidth, fitWrappedRows, newSeedWorkbook, putText, setColumnWidths } from "./seed-workbook";

/**
 * Seed 003, the county (PCPR) strategy-monitoring table: operational goals 1-4 of strategic goal 1, each under its
 * own repeated header, its directions of action in one merged multi-line cell beside its indicators, the indicator's
 * state as free text ("26 asystentów\nWzrost", "PCPR:\nRodziny zastępcze:\n125 047,39…") and a closing remark.
 * Every cell is the seed's lines given here by number.
 */
export const COUNTY_SHEET = "Cel strategiczny 1";

interface Goal {
  header: [LineRange, LineRange, LineRange, LineRange];
  title: LineRange;
  directions: LineRange;
  /** Wskaźnik, Stan wskaźnika, Stan realizacji. */
  indicators: [LineRange, LineRange, LineRange][];
  remark: LineRange;
}

const TABLE_TITLE: LineRange = [2, 2];

const GOALS: Goal[] = [
  {
    header: [[4, 4], [5, 5], [6, 8], [10, 10]],
    title: [12, 12],
    directions: [14, 29],
    indicators: [
      [[31, 31], [32, 33], [38, 39]],
      [[43, 43], [46, 48], [49, 52]],
      [[56, 56], [58, 62], [63, 64]],
      [[69, 69], [71, 72], [75, 76]],
    ],
    remark: [80, 80],
  },
  {
    header: [[84, 84], [85, 85], [86, 88], [90, 90]],
    title: [92, 92],
    directions: [93, 93],
    indicators: [[[102, 102], [103, 110], [111, 111]]],
    remark: [116, 116],
  },
  {
    header: [[121, 121], [122, 122], [123, 125], [127, 127]],
    title: [129, 129],
    directions: [130, 134],
    indicators: [
      [[135, 135], [137, 143], [150, 150]],
      [[154, 154], [155, 160], [163, 163]],
      [[167, 167], [169, 169], [170, 170]],
      [[174, 174], [176, 176], [177, 177]],
      [[182, 182], [184, 184], [187, 188]],
    ],
    remark: [194, 194],
  },
  {
    header: [[205, 205], [206, 206], [207, 209], [211, 211]],
    title: [213, 213],
    directions: [214, 219],
    indicators: [
      [[220, 220], [222, 223], [224, 224]],
      [[228, 228], [229, 229], [230, 230]],
      [[234, 234], [235, 235], [238, 238]],
      [[242, 242], [243, 246], [247, 247]],
      [[253, 253], [254, 258], [259, 259]],
      [[263, 263], [264, 270], [271, 271]],
    ],
    remark: [276, 276],
  },
];

export function countyWorkbook(seedText: string): ExcelJS.Workbook {
  const lines = seedLinesOf(seedText);
  const cell = (range: LineRange): string => seedCell(lines, range);
  const wb = newSeedWorkbook();
  const ws = wb.addWorksheet(COUNTY_SHEET);
  setColumnWidths(ws, [40, 45, 30, 45]);
  fitToPageWidth(ws);
  const put = (r: number, c: number, text: string, bold = false): void => {
    const target = ws.getCell(r, c);
    putText(target, text);
    target.alignment = { wrapText: true, vertical: "top" };
    if (bold) target.font = { bold: true };
  };
  put(1, 1, cell(TABLE_TITLE), true);
  let r = 3;
  for (const goal of GOALS) {
    goal.header.forEach((range, c) => put(r, c + 1, cell(range), true));
    put(r + 1, 1, cell(goal.title), true);
    ws.mergeCells(r + 1, 1, r + 1, 4);
    const first = r + 2;
    put(first, 1, cell(goal.directions));
    goal.indicators.forEach((ranges, i) => ranges.forEach((range, c) => put(first + i, c + 2, cell(range))));
    const last = first + goal.indicators.length - 1;
    if (last > first) ws.mergeCells(first, 1, last, 1);
    put(last + 1, 1, cell(goal.remark));
    ws.mergeCells(last + 1, 1, last + 1, 4);
    r = last + 3;
  }
  fitWrappedRows(ws);
  return wb;
}
