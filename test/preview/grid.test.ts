/**
 * @jest-environment ./test/helpers/worker-libraries/jsdom.js
 */
import fc from "fast-check";
import { emptySheet } from "../../src/core/snapshot";
import { contrastRatio, readableTextColor } from "../../src/preview/contrast";
import { STATUS_STYLES } from "../../src/core/palette";
import { cellElement, renderGrid } from "../../src/preview/grid";

const layout = (widths: number[] = []) => ({ widths, wraps: () => false });

/** A 3 x 4 sheet starting at B2, with a merged title, a filled number and a long text. */
function sample() {
  const sheet = emptySheet("Arkusz", 3, 4, 1, 1);
  sheet.values[0]![0] = "Tytuł";
  sheet.text[0]![0] = "Tytuł";
  sheet.bold[0]![0] = true;
  sheet.merges = ["B2:D2"];
  sheet.values[1]![1] = 0.89;
  sheet.text[1]![1] = "89%";
  sheet.fill[1]![1] = "#1F3864";
  sheet.values[2]![0] = "<img src=x onerror=alert(1)> bardzo długa nazwa wskaźnika";
  sheet.text[2]![0] = String(sheet.values[2]![0]);
  return sheet;
}

test("addresses match Excel's from A1, whatever the used range", () => {
  const table = renderGrid(sample(), layout());
  expect([...table.tHead!.rows[0]!.cells].map((c) => c.textContent)).toEqual(["", "A", "B", "C", "D", "E"]);
  expect(table.tBodies[0]!.rows).toHaveLength(4);
  expect(table.querySelector('td[data-address="C3"]')?.textContent).toBe("89%");
});

test("a sparse read (rows only as wide as their own cells) is drawn as wide as its widest row", () => {
  const sheet = emptySheet("Arkusz", 0, 0);
  sheet.values.push(["Tytuł"], [], [1, 2, 3, 4]);
  sheet.text.push(["Tytuł"], [], ["1", "2", "3", "4"]);
  const table = renderGrid(sheet, layout());
  expect([...table.tHead!.rows[0]!.cells].map((c) => c.textContent)).toEqual(["", "A", "B", "C", "D"]);
  expect(table.querySelector('td[data-address="D3"]')?.textContent).toBe("4");
  expect(table.querySelector('td[data-address="D1"]')?.textContent).toBe("");
});

test("a merged area is one cell spanning it; its other cells are not drawn", () => {
  const table = renderGrid(sample(), layout());
  const title = table.querySelector<HTMLTableCellElement>('td[data-address="B2"]')!;
  expect([title.colSpan, title.rowSpan]).toEqual([3, 1]);
  expect(title.classList.contains("is-bold")).toBe(true);
  expect(table.querySelector('td[data-address="C2"]')).toBeNull();
  expect(cellElement(table, sample(), "D2")).toBe(title);
});

test("a fill is drawn with a readable text colour", () => {
  const cell = renderGrid(sample(), layout()).querySelector<HTMLElement>('td[data-address="C3"]')!;
  expect(cell.dataset.fill).toBe("#1F3864");
  expect(cell.style.color).toBe("rgb(255, 255, 255)");
  expect(cell.classList.contains("is-number")).toBe(true);
});

test("markup in a cell stays text", () => {
  const table = renderGrid(sample(), layout());
  expect(table.querySelector("img")).toBeNull();
  expect(table.querySelector('td[data-address="B4"]')?.textContent).toContain("<img src=x");
});

test("long text runs on over empty cells to its right and stops at the next filled one", () => {
  const sheet = sample();
  const widths = [10, 100, 50, 40, 30];
  const long = renderGrid(sheet, layout(widths)).querySelector<HTMLElement>('td[data-address="B4"] .spill')!;
  expect(long.style.width).toBe(`${100 + 50 + 40 + 30 - 8}px`);
  sheet.text[2]![2] = "x";
  const stopped = renderGrid(sheet, layout(widths)).querySelector<HTMLElement>('td[data-address="B4"] .spill')!;
  expect(stopped.style.width).toBe(`${100 + 50 - 8}px`);
});

test("a cell set to wrap wraps instead of running on", () => {
  const table = renderGrid(sample(), { widths: [], wraps: (a) => a === "B4" });
  const cell = table.querySelector('td[data-address="B4"]')!;
  expect(cell.classList.contains("is-wrapped")).toBe(true);
  expect(cell.querySelector(".spill")).toBeNull();
});

test("the text colour chosen for any fill reaches WCAG's 4.5:1", () => {
  const hex = fc.integer({ min: 0, max: 0xffffff }).map((n) => "#" + n.toString(16).padStart(6, "0").toUpperCase());
  fc.assert(fc.property(hex, (fill) => contrastRatio(fill, readableTextColor(fill)) >= 4.5));
});

test("a cell under the add-in's rules is drawn as Excel draws it: the status fill, the symbol before the figure", () => {
  const table = renderGrid(sample(), { ...layout(), live: new Map([["C3", "improved" as const]]) });
  const cell = table.querySelector<HTMLElement>('td[data-address="C3"]')!;
  expect(cell.textContent).toBe("+ 89%");
  expect([cell.dataset.status, cell.dataset.fill]).toEqual(["improved", STATUS_STYLES.improved.fill]);
});

test("a text figure under a rule that runs on over empty cells keeps its symbol", () => {
  const sheet = sample();
  sheet.values[2]![2] = "0";
  sheet.text[2]![2] = "0";
  const table = renderGrid(sheet, {
    ...layout([10, 100, 50, 40, 30]),
    live: new Map([["D4", "worsened" as const]]),
  });
  const cell = table.querySelector<HTMLElement>('td[data-address="D4"]')!;
  expect(cell.querySelector(".spill")).not.toBeNull();
  expect(cell.textContent).toBe("− 0");
});
