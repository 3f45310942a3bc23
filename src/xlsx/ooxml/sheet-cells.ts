/**
 * Cells of a worksheet part, changed in place: the <c> element gets its new value or formula and style index,
 * and keeps every other attribute and child it had; rows and cells are added in order where missing.
 */
import type { CellValue } from "exceljs";
import { parseA1, parseRange, toA1 } from "../../core/address";
import { HostError } from "../../core/host";
import { child, children, create, elements, type Document, type Element } from "./xml";

/** A cell's content as SpreadsheetML holds it. */
interface Content {
  /** The t attribute (absent for numbers). */
  type: string | null;
  formula: string | null;
  /** The <v> text, or null for none. */
  value: string | null;
  /** An inline string (<is><t>), used for text constants so that sharedStrings.xml stays as it was. */
  inline: string | null;
}

export class SheetCells {
  private readonly sheetData: Element;
  private rows: Map<number, Element> | null = null;
  private readonly arrays: { ref: string; master: string }[];
  /** Whether the sheet's writer spells the default style out (s="0", as LibreOffice does): we write as it did. */
  private readonly explicitDefault: boolean;

  constructor(
    private readonly doc: Document,
    private readonly sheet: string,
    /** The workbook's shared strings by text: a text already there is referred to, not repeated inline. */
    private readonly shared: Map<string, number> = new Map(),
  ) {
    const root = doc.documentElement as Element;
    const data = child(root, "sheetData");
    if (!data) throw new Error(`${sheet}: the worksheet has no sheetData`);
    this.sheetData = data;
    this.arrays = [];
    let explicit = false;
    for (const c of this.allCells()) {
      explicit ||= c.getAttribute("s") === "0";
      const f = child(c, "f");
      if (f && f.getAttribute("t") === "array" && f.getAttribute("ref")) {
        this.arrays.push({ ref: f.getAttribute("ref") as string, master: c.getAttribute("r") ?? "" });
      }
    }
    this.explicitDefault = explicit;
  }

  /** Refuse, before anything is written, a cell that is part of an array formula over several cells. */
  checkWritable(address: string): void {
    const { row, col } = parseA1(address);
    for (const a of this.arrays) {
      const r = parseRange(a.ref);
      const multi = r.start.row !== r.end.row || r.start.col !== r.end.col;
      if (multi && row >= r.start.row && row <= r.end.row && col >= r.start.col && col <= r.end.col) {
        throw new HostError(
          `Komórka ${this.sheet}!${address} należy do formuły tablicowej ${a.ref}; dodatek jej nie zmieni.`,
          `Cell ${this.sheet}!${address} is part of the array formula ${a.ref}; the add-in will not change it.`,
        );
      }
    }
  }

  /** The cell element (made, in order, when missing) and the style it shows now. */
  cell(address: string, colStyles: Map<number, number>): { c: Element; style: number } {
    const { row, col } = parseA1(address);
    const rowEl = this.row(row + 1);
    let next: Element | null = null;
    let col1 = 0;
    for (const c of children(rowEl, "c")) {
      const r = c.getAttribute("r");
      col1 = r ? parseA1(r).col + 1 : col1 + 1;
      if (!r) c.setAttribute("r", toA1(row, col1 - 1));
      if (col1 === col + 1) return { c, style: Number(c.getAttribute("s") ?? 0) || 0 };
      if (col1 > col + 1) {
        next = c;
        break;
      }
    }
    const c = create(rowEl, "c");
    c.setAttribute("r", address);
    rowEl.insertBefore(c, next ?? elements(rowEl).find((e) => e.localName === "extLst") ?? null);
    widenSpans(rowEl, col + 1);
    const rowStyle =
      rowEl.getAttribute("customFormat") === "1" || rowEl.getAttribute("customFormat") === "true"
        ? Number(rowEl.getAttribute("s") ?? 0)
        : undefined;
    return { c, style: rowStyle ?? colStyles.get(col + 1) ?? 0 };
  }

  /**
   * Write an ExcelJS value into the cell. A shared formula's master hands its formula to the cells that
   * share it first (as their own formulas, from `formulaOf`), so that they keep computing what they did.
   */
  setValue(c: Element, value: CellValue, formulaOf: (address: string) => string | undefined): void {
    const f = child(c, "f");
    if (f && f.getAttribute("t") === "shared" && f.getAttribute("ref"))
      this.unshare(f.getAttribute("si") ?? "", c, formulaOf);
    for (const name of ["t", "cm", "vm"]) c.removeAttribute(name);
    for (const el of elements(c)) if (["f", "v", "is"].includes(el.localName ?? "")) c.removeChild(el);
    const content = contentOf(value);
    const index = content.inline === null ? undefined : this.shared.get(content.inline);
    if (index !== undefined) Object.assign(content, { type: "s", value: String(index), inline: null });
    if (content.type) c.setAttribute("t", content.type);
    const before = child(c, "extLst");
    const add = (name: string, text: string | null) => {
      const el = create(c, name);
      if (text !== null) el.appendChild(this.doc.createTextNode(text));
      c.insertBefore(el, before);
      return el;
    };
    if (content.formula !== null) add("f", content.formula);
    if (content.value !== null) add("v", content.value);
    if (content.inline !== null) {
      const is = add("is", null);
      const t = create(is, "t");
      t.setAttribute("xml:space", "preserve");
      t.appendChild(this.doc.createTextNode(content.inline));
      is.appendChild(t);
    }
  }

  setStyle(c: Element, style: number): void {
    if (Number(c.getAttribute("s") ?? 0) === style) {
      // as it was (s="0" and no s alike)
    } else if (style !== 0 || this.explicitDefault) c.setAttribute("s", String(style));
    else c.removeAttribute("s");
    // A cell left with nothing (a restored empty cell) goes, as it was before the add-in wrote it.
    const plain = Array.from({ length: c.attributes.length }, (_, i) => c.attributes.item(i)?.name).every(
      (n) => n === "r" || n === "s",
    );
    if (plain && style === 0 && !c.firstChild) c.parentNode?.removeChild(c);
  }

  private unshare(si: string, master: Element, formulaOf: (address: string) => string | undefined): void {
    for (const c of this.allCells()) {
      if (c === master) continue;
      const f = child(c, "f");
      if (!f || f.getAttribute("t") !== "shared" || f.getAttribute("si") !== si) continue;
      const formula = formulaOf(c.getAttribute("r") ?? "");
      if (formula === undefined) continue;
      f.removeAttribute("t");
      f.removeAttribute("si");
      f.removeAttribute("ref");
      while (f.firstChild) f.removeChild(f.firstChild);
      f.appendChild(this.doc.createTextNode(formula));
    }
  }

  private allCells(): Element[] {
    return children(this.sheetData, "row").flatMap((row) => children(row, "c"));
  }

  private row(r: number): Element {
    if (!this.rows) {
      this.rows = new Map();
      let n = 0;
      for (const row of children(this.sheetData, "row")) {
        n = Number(row.getAttribute("r") ?? n + 1);
        if (!row.getAttribute("r")) row.setAttribute("r", String(n));
        this.rows.set(n, row);
      }
    }
    const found = this.rows.get(r);
    if (found) return found;
    const made = create(this.sheetData, "row");
    made.setAttribute("r", String(r));
    const after = [...this.rows.keys()].filter((k) => k > r).sort((a, b) => a - b)[0];
    this.sheetData.insertBefore(made, after === undefined ? null : (this.rows.get(after) as Element));
    this.rows.set(r, made);
    return made;
  }
}

/** Column styles from <cols> (what a new cell in that column shows). */
export function columnStyles(doc: Document): Map<number, number> {
  const styles = new Map<number, number>();
  const cols = child(doc.documentElement as Element, "cols");
  for (const col of cols ? children(cols, "col") : []) {
    const s = Number(col.getAttribute("style") ?? 0);
    if (!s) continue;
    const max = Math.min(Number(col.getAttribute("max") ?? 0), 16384);
    for (let i = Number(col.getAttribute("min") ?? 1); i <= max; i++) styles.set(i, s);
  }
  return styles;
}

function widenSpans(row: Element, col: number): void {
  const spans = row.getAttribute("spans");
  const m = spans ? /^(\d+):(\d+)$/.exec(spans) : null;
  if (!m) return;
  row.setAttribute("spans", `${Math.min(Number(m[1]), col)}:${Math.max(Number(m[2]), col)}`);
}

/** An ExcelJS cell value as SpreadsheetML content. */
export function contentOf(value: CellValue): Content {
  const none: Content = { type: null, formula: null, value: null, inline: null };
  if (value === null || value === undefined) return none;
  if (typeof value === "number")
    return Number.isFinite(value) ? { ...none, value: String(value) } : { ...none, type: "e", value: "#NUM!" };
  if (typeof value === "string") return { ...none, type: "inlineStr", inline: xmlText(value) };
  if (typeof value === "boolean") return { ...none, type: "b", value: value ? "1" : "0" };
  if (value instanceof Date) return { ...none, value: String(value.getTime() / 86_400_000 + 25_569) };
  if ("error" in value) return { ...none, type: "e", value: String(value.error) };
  if ("richText" in value)
    return { ...none, type: "inlineStr", inline: xmlText(value.richText.map((r) => r.text).join("")) };
  if ("formula" in value || "sharedFormula" in value) {
    const formula = ("formula" in value ? value.formula : undefined) ?? "";
    const result = contentOf((value as { result?: CellValue }).result ?? null);
    const text = result.inline ?? result.value;
    const type = result.inline !== null ? "str" : result.type;
    return { type, formula: formula.replace(/^=/, ""), value: text, inline: null };
  }
  if ("hyperlink" in value) return contentOf((value as { text?: CellValue }).text ?? null);
  return none;
}

/** Characters XML cannot hold, written as SpreadsheetML's _xHHHH_ escapes (as Excel does). */
function xmlText(text: string): string {
  return text.replace(
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g,
    (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`,
  );
}
