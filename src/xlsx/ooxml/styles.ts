/**
 * The original styles.xml, extended only by what a patched cell needs: a cell's style (xf) is cloned and only
 * its number format, fill or boldness changed; an identical record already there is reused, so that restoring
 * a cell gives it back its own style index.
 */
import type { Color } from "exceljs";
import { colorHex } from "../colors";
import {
  child,
  children,
  create,
  elements,
  ensureChild,
  recount,
  serializeNode,
  type Document,
  type Element,
} from "./xml";

/** Excel's built-in number formats, as ExcelJS names them (ids without an entry in styles.xml). */
const BUILTIN_FORMATS: Record<number, string> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: 'm/d/yy "h":mm',
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00 ;(#,##0.00)",
  40: "#,##0.00 ;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};

/** What the add-in may change about a cell's look. */
export interface CellLook {
  numFmt: string;
  /** "#RRGGBB" of a solid fill, or null. */
  fill: string | null;
  bold: boolean;
}

const STYLESHEET_ORDER = [
  "numFmts",
  "fonts",
  "fills",
  "borders",
  "cellStyleXfs",
  "cellXfs",
  "cellStyles",
  "dxfs",
  "tableStyles",
  "colors",
  "extLst",
];

export class StyleBook {
  private readonly root: Element;
  private readonly xfKeys: string[];
  /** Each record section's keys, made on first use: records are only ever appended, and only here. */
  private readonly recordKeys = new Map<string, string[]>();

  constructor(private readonly doc: Document) {
    this.root = doc.documentElement as Element;
    this.xfKeys = this.list("cellXfs").map(key);
  }

  /** The look of style index s. */
  look(s: number): CellLook {
    const xf = this.list("cellXfs")[s] ?? this.list("cellXfs")[0];
    if (!xf) return { numFmt: "General", fill: null, bold: false };
    return {
      numFmt: this.formatCode(num(xf, "numFmtId")),
      fill: fillHex(this.list("fills")[num(xf, "fillId")]),
      bold: isBold(this.list("fonts")[num(xf, "fontId")]),
    };
  }

  /** restyle's answers by style and look: a plan gives the same pair to many cells, and xfs are only appended. */
  private readonly restyled = new Map<string, number>();

  /** A style index like s with the given look (s itself when nothing differs). */
  restyle(s: number, want: CellLook): number {
    const pair = `${s}|${want.numFmt}|${want.fill}|${want.bold}`;
    let index = this.restyled.get(pair);
    if (index === undefined) this.restyled.set(pair, (index = this.newStyle(s, want)));
    return index;
  }

  private newStyle(s: number, want: CellLook): number {
    const have = this.look(s);
    if (have.numFmt === want.numFmt && have.fill === want.fill && have.bold === want.bold) return s;
    const base = this.list("cellXfs")[s] ?? this.list("cellXfs")[0];
    const xf = (base ? base.cloneNode(true) : create(this.section("cellXfs"), "xf")) as Element;
    if (!base) for (const a of ["numFmtId", "fontId", "fillId", "borderId", "xfId"]) xf.setAttribute(a, "0");
    if (have.numFmt !== want.numFmt) {
      xf.setAttribute("numFmtId", String(this.formatId(want.numFmt)));
      xf.setAttribute("applyNumberFormat", "1");
    }
    if (have.fill !== want.fill) {
      xf.setAttribute("fillId", String(want.fill === null ? 0 : this.solidFill(want.fill)));
      xf.setAttribute("applyFill", "1");
    }
    if (have.bold !== want.bold) {
      xf.setAttribute("fontId", String(this.boldFont(num(xf, "fontId"), want.bold)));
      xf.setAttribute("applyFont", "1");
    }
    return this.addXf(xf);
  }

  /**
   * Style index `index` of another workbook's styles (ExcelJS's, for a sheet it wrote), added here with its
   * font, fill, border and number format.
   */
  importXf(from: StyleBook, index: number): number {
    const source = from.list("cellXfs")[index];
    if (!source) return 0;
    const xf = this.doc.importNode(source, true) as Element;
    const sections = [
      ["fontId", "fonts"],
      ["fillId", "fills"],
      ["borderId", "borders"],
    ] as const;
    for (const [attr, section] of sections) {
      const record = from.list(section)[num(source, attr)];
      if (record) xf.setAttribute(attr, String(this.addRecord(section, this.doc.importNode(record, true) as Element)));
    }
    xf.setAttribute("numFmtId", String(this.formatId(from.formatCode(num(source, "numFmtId")))));
    xf.setAttribute("xfId", "0");
    return this.addXf(xf);
  }

  /** A differential format (conditional formatting) of another workbook's styles, added here. */
  importDxf(from: StyleBook, index: number): number {
    const record = from.list("dxfs")[index];
    return record ? this.addRecord("dxfs", this.doc.importNode(record, true) as Element) : index;
  }

  /** A differential format for a status rule: a solid fill and, where given, a number format; its index in dxfs. */
  statusDxf(fill: string, numberFormat: string | null): number {
    const section = this.section("dxfs");
    const dxf = create(section, "dxf");
    if (numberFormat !== null) {
      const numFmt = create(dxf, "numFmt");
      numFmt.setAttribute("numFmtId", String(this.formatId(numberFormat)));
      numFmt.setAttribute("formatCode", numberFormat);
      dxf.appendChild(numFmt);
    }
    const fillEl = create(dxf, "fill");
    const pattern = create(fillEl, "patternFill");
    pattern.setAttribute("patternType", "solid");
    // A dxf's solid fill takes its colour from bgColor (fgColor is written too, for readers that look there).
    for (const name of ["fgColor", "bgColor"]) {
      const color = create(pattern, name);
      color.setAttribute("rgb", "FF" + fill.slice(1).toUpperCase());
      pattern.appendChild(color);
    }
    fillEl.appendChild(pattern);
    dxf.appendChild(fillEl);
    return this.addRecord("dxfs", dxf);
  }

  /** Append an xf (or find the identical one); its index. */
  addXf(xf: Element): number {
    const k = key(xf);
    const found = this.xfKeys.indexOf(k);
    if (found >= 0) return found;
    const section = this.section("cellXfs");
    section.appendChild(xf);
    recount(section);
    this.xfKeys.push(k);
    return this.xfKeys.length - 1;
  }

  /** Append a font, fill, border or dxf (or find the identical one); its index. */
  addRecord(sectionName: "fonts" | "fills" | "borders" | "dxfs", record: Element): number {
    const section = this.section(sectionName);
    const k = key(record);
    let keys = this.recordKeys.get(sectionName);
    if (!keys) this.recordKeys.set(sectionName, (keys = elements(section).map(key)));
    const found = keys.indexOf(k);
    if (found >= 0) return found;
    section.appendChild(record);
    recount(section);
    keys.push(k);
    return keys.length - 1;
  }

  /** The number format id for a format code: built-in, already defined, or a new one. */
  formatId(code: string): number {
    for (const [id, builtin] of Object.entries(BUILTIN_FORMATS)) if (builtin === code) return Number(id);
    const numFmts = this.list("numFmts");
    const found = numFmts.find((el) => el.getAttribute("formatCode") === code);
    if (found) return num(found, "numFmtId");
    const id = Math.max(163, ...numFmts.map((el) => num(el, "numFmtId"))) + 1;
    const section = this.section("numFmts");
    const el = create(section, "numFmt");
    el.setAttribute("numFmtId", String(id));
    el.setAttribute("formatCode", code);
    section.appendChild(el);
    recount(section);
    return id;
  }

  formatCode(id: number): string {
    const defined = this.list("numFmts").find((el) => num(el, "numFmtId") === id);
    return defined?.getAttribute("formatCode") ?? BUILTIN_FORMATS[id] ?? "General";
  }

  list(sectionName: string): Element[] {
    const section = child(this.root, sectionName);
    return section ? elements(section) : [];
  }

  private section(name: string): Element {
    const el = ensureChild(this.root, name, STYLESHEET_ORDER.slice(STYLESHEET_ORDER.indexOf(name) + 1));
    if (!el.hasAttribute("count")) el.setAttribute("count", String(elements(el).length));
    return el;
  }

  private solidFill(hex: string): number {
    const section = this.section("fills");
    const fill = create(section, "fill");
    const pattern = create(fill, "patternFill");
    pattern.setAttribute("patternType", "solid");
    const fg = create(pattern, "fgColor");
    fg.setAttribute("rgb", "FF" + hex.slice(1).toUpperCase());
    const bg = create(pattern, "bgColor");
    bg.setAttribute("indexed", "64");
    pattern.appendChild(fg);
    pattern.appendChild(bg);
    fill.appendChild(pattern);
    return this.addRecord("fills", fill);
  }

  private boldFont(fontId: number, bold: boolean): number {
    const base = this.list("fonts")[fontId];
    const font = (base ? base.cloneNode(true) : create(this.section("fonts"), "font")) as Element;
    for (const b of children(font, "b")) font.removeChild(b);
    if (bold) font.insertBefore(create(font, "b"), font.firstChild);
    return this.addRecord("fonts", font);
  }
}

function num(el: Element, attr: string): number {
  return Number(el.getAttribute(attr) ?? 0) || 0;
}

/**
 * A record's identity: its markup, whatever its namespace declarations and apply* flags (so that a cell put
 * back to how it looked gets its old record, not a copy differing only in a flag).
 */
function key(el: Element): string {
  return serializeNode(el).replace(/ (xmlns(:\w+)?|apply\w+)="[^"]*"/g, "");
}

function isBold(font: Element | undefined): boolean {
  const b = font ? child(font, "b") : null;
  if (!b) return false;
  const val = b.getAttribute("val");
  return val === null || val === "" || val === "1" || val === "true";
}

/** A solid fill's colour as "#RRGGBB" (null for none, patterns and gradients), as ExcelJS would read it. */
function fillHex(fill: Element | undefined): string | null {
  const pattern = fill ? child(fill, "patternFill") : null;
  if (!pattern || pattern.getAttribute("patternType") !== "solid") return null;
  const fg = child(pattern, "fgColor");
  if (!fg) return null;
  const color: Partial<Color> & { indexed?: number; tint?: number } = {};
  if (fg.hasAttribute("rgb")) color.argb = fg.getAttribute("rgb") ?? undefined;
  if (fg.hasAttribute("theme")) color.theme = Number(fg.getAttribute("theme"));
  if (fg.hasAttribute("indexed")) color.indexed = Number(fg.getAttribute("indexed"));
  if (fg.hasAttribute("tint")) color.tint = Number(fg.getAttribute("tint"));
  return colorHex(color);
}
