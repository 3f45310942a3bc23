/** The workbook part's sheet list: which sheets there are, in which parts, and their order, ids and names. */
import { structureProtected } from "../../core/check";
import { REL, type OpcPackage, type Relationship } from "./opc";
import { NS, child, children, create, elements, type Element } from "./xml";

export interface SheetEntry {
  name: string;
  el: Element;
  rel: Relationship;
}

export class WorkbookPart {
  private constructor(
    private readonly pkg: OpcPackage,
    readonly part: string,
    readonly root: Element,
    readonly sheets: SheetEntry[],
  ) {}

  static async open(pkg: OpcPackage): Promise<WorkbookPart> {
    const part = await pkg.workbookPart();
    const root = (await pkg.xml(part)).documentElement as Element;
    const rels = await pkg.relationships(part);
    const list = child(root, "sheets");
    const sheets = (list ? children(list, "sheet") : []).map((el) => {
      const id = el.getAttributeNS(NS.officeRel, "id") ?? "";
      const rel = rels.find((r) => r.id === id);
      if (!rel) throw new Error(`Sheet "${el.getAttribute("name")}" has no relationship ${id}`);
      return { name: el.getAttribute("name") ?? "", el, rel };
    });
    return new WorkbookPart(pkg, part, root, sheets);
  }

  get structureLocked(): boolean {
    const protection = child(this.root, "workbookProtection");
    const lock = protection?.getAttribute("lockStructure");
    return lock === "1" || lock === "true";
  }

  refuseWhenStructureLocked(): void {
    if (!this.structureLocked) return;
    throw structureProtected();
  }

  async relationships(): Promise<Relationship[]> {
    return this.pkg.relationships(this.part);
  }

  async partOf(type: string): Promise<string | null> {
    return (await this.relationships()).find((r) => r.type === type)?.part ?? null;
  }

  /** Add a sheet entry for a worksheet part (the new part must already be in the package). */
  async addSheet(name: string, part: string, state: string): Promise<SheetEntry> {
    const id = await this.pkg.addRelationship(this.part, REL.worksheet, part);
    const list = child(this.root, "sheets") as Element;
    const el = create(list, "sheet");
    el.setAttribute("name", name);
    const ids = this.sheets.map((s) => Number(s.el.getAttribute("sheetId") ?? 0));
    el.setAttribute("sheetId", String(Math.max(0, ...ids) + 1));
    if (state !== "visible") el.setAttribute("state", state);
    const prefix = this.root.lookupPrefix(NS.officeRel) ?? "r";
    el.setAttributeNS(NS.officeRel, `${prefix}:id`, id);
    list.appendChild(el);
    const entry = { name, el, rel: { id, type: REL.worksheet, target: part, external: false, part } };
    this.sheets.push(entry);
    this.pkg.touch(this.part);
    return entry;
  }

  async removeSheet(entry: SheetEntry): Promise<void> {
    entry.el.parentNode?.removeChild(entry.el);
    await this.pkg.removeRelationship(this.part, entry.rel.id);
    this.sheets.splice(this.sheets.indexOf(entry), 1);
    this.pkg.touch(this.part);
  }

  /**
   * Put the sheets in this order (by name) and move what points at a sheet by position with them: defined
   * names' localSheetId and the window's active and first tab. Names local to a sheet that is gone go too.
   */
  reorder(before: string[], after: string[]): void {
    const list = child(this.root, "sheets") as Element;
    const byName = new Map(this.sheets.map((s) => [s.name, s]));
    for (const s of this.sheets) list.removeChild(s.el);
    for (const name of after) list.appendChild((byName.get(name) as SheetEntry).el);
    this.sheets.sort((a, b) => after.indexOf(a.name) - after.indexOf(b.name));
    const moved = (old: number): number => after.indexOf(before[old] ?? "");
    const names = child(this.root, "definedNames");
    for (const dn of names ? children(names, "definedName") : []) {
      const local = dn.getAttribute("localSheetId");
      if (local === null) continue;
      const to = moved(Number(local));
      if (to < 0) names?.removeChild(dn);
      else dn.setAttribute("localSheetId", String(to));
    }
    if (names && children(names, "definedName").length === 0) this.root.removeChild(names);
    const visible = this.sheets.findIndex((s) => (s.el.getAttribute("state") ?? "visible") === "visible");
    const views = child(this.root, "bookViews");
    for (const view of views ? children(views, "workbookView") : []) {
      for (const attr of ["activeTab", "firstSheet"]) {
        const at = view.getAttribute(attr);
        if (at === null) continue;
        const to = moved(Number(at));
        view.setAttribute(attr, String(to < 0 ? Math.max(visible, 0) : to));
      }
    }
    this.pkg.touch(this.part);
  }

  /** Ask Excel to recalculate every formula when the file opens (we write formulas without computing them). */
  fullCalcOnLoad(): void {
    const calcPr = child(this.root, "calcPr") ?? this.insertCalcPr();
    calcPr.setAttribute("fullCalcOnLoad", "1");
    this.pkg.touch(this.part);
  }

  private insertCalcPr(): Element {
    const el = create(this.root, "calcPr");
    const after = [
      "oleSize",
      "customWorkbookViews",
      "pivotCaches",
      "smartTagPr",
      "smartTagTypes",
      "webPublishing",
      "fileRecoveryPr",
      "webPublishObjects",
      "extLst",
    ];
    const next = elements(this.root).find((e) => after.includes(e.localName ?? "")) ?? null;
    this.root.insertBefore(el, next);
    return el;
  }
}
