/**
 * What the preview shows of a workbook: the visible sheets as tabs and the host's active sheet as a grid, with the
 * cell the task pane selected highlighted. It plays Excel's window; the XlsxHost keeps which sheet is active.
 */
import type { Worksheet } from "exceljs";
import { JOURNAL_SHEET } from "../core/plan";
import { sheetWidth, type SheetSnapshot } from "../core/snapshot";
import { snapshotFromSheet, type XlsxHost } from "../xlsx";
import { parseA1 } from "../core/address";
import { liveStatuses } from "../core/explain";
import { cellElement, renderGrid, type GridLayout } from "./grid";
import type { Lang } from "../core/message";
import { say } from "./strings";
import { renderTabs } from "./tabs";

export interface ViewElements {
  tabs: HTMLElement;
  panel: HTMLElement;
  selection: HTMLElement;
}

/** Excel's column width (characters of the default font) in pixels, as Excel draws it at 100 %. */
const widthToPx = (chars: number): number => Math.round(chars * 7 + 5);

export class WorkbookView {
  private selected: { sheet: string; address: string } | null = null;

  constructor(
    private readonly host: XlsxHost,
    private readonly els: ViewElements,
    private readonly lang: Lang,
  ) {
    this.refresh();
  }

  /** The sheets a user sees in Excel: neither hidden nor the add-in's backup journal. */
  sheetNames(): string[] {
    return this.visibleSheets().map((ws) => ws.name);
  }

  show(name: string): void {
    this.host.activate(name);
    this.render();
  }

  /** Draw again after the workbook changed; a deleted active sheet (a restored summary) gives way to the first one. */
  refresh(): void {
    const names = this.sheetNames();
    const [first] = names;
    if (!names.includes(this.host.activeSheet) && first !== undefined) this.host.activate(first);
    this.render();
  }

  /** The host selected a cell (and made its sheet active): mark it and bring it into view. */
  select(sheet: string, address: string): void {
    this.selected = { sheet, address };
    this.render();
  }

  private visibleSheets(): Worksheet[] {
    return this.host.workbook.worksheets.filter((ws) => ws.state === "visible" && ws.name !== JOURNAL_SHEET);
  }

  private render(): void {
    const { tabs, panel, selection } = this.els;
    const active = this.host.activeSheet;
    renderTabs(tabs, this.sheetNames(), active, panel.id, (name) => this.show(name));
    const ws = this.visibleSheets().find((s) => s.name === active);
    if (!ws) {
      panel.replaceChildren(document.createTextNode(say(this.lang, "noSheets")));
      return;
    }
    const sheet = snapshotFromSheet(ws);
    const table = renderGrid(sheet, gridLayout(ws, sheet));
    panel.replaceChildren(table);
    panel.setAttribute("aria-label", ws.name);
    const mark =
      this.selected && this.selected.sheet === active ? cellElement(table, sheet, this.selected.address) : null;
    selection.textContent =
      mark && this.selected ? say(this.lang, "selected") + `${this.selected.sheet}!${this.selected.address}` : "";
    if (mark) {
      mark.classList.add("is-selected");
      mark.scrollIntoView({ block: "center", inline: "nearest" });
    }
  }
}

/** Read without ExcelJS's getters that create columns and cells: drawing must not change the workbook. */
function gridLayout(ws: Worksheet, sheet: SheetSnapshot): GridLayout {
  const count = sheet.left + sheetWidth(sheet);
  const columns = ws.columns ?? [];
  return {
    widths: Array.from({ length: count }, (_, c) => {
      const width = columns[c]?.width;
      return typeof width === "number" ? widthToPx(width) : undefined;
    }),
    live: liveStatuses(sheet),
    wraps: (address) => {
      const { row, col } = parseA1(address);
      return ws.findCell(row + 1, col + 1)?.alignment?.wrapText === true;
    },
  };
}
