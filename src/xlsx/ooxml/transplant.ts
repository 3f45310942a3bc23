/**
 * Sheets the plans added (the summary) carried into the original package: ExcelJS writes its own package, and
 * each added sheet's part and the parts it refers to (tables, hyperlinks) are copied over, with their style
 * indexes mapped into the original styles, shared strings made inline, and part names and table ids made unique.
 */
import { Workbook, type Worksheet } from "exceljs";
import { OpcPackage, relativeTarget, relsPartOf, type Relationship } from "./opc";
import { unusedPartName } from "./parts";
import { StyleBook } from "./styles";
import { WorkbookPart } from "./workbook-part";
import { child, children, elements, serializeXml, type Document, type Element } from "./xml";

const TABLE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/table";

export async function transplantSheets(
  pkg: OpcPackage,
  book: WorkbookPart,
  styles: StyleBook,
  sheets: Worksheet[],
): Promise<void> {
  // ExcelJS writes the added sheets alone, in a workbook of their own: writing the whole one (the annex's hundreds
  // of rules included) and parsing its styles back took most of a summary's time. Read back at once and never
  // stored: no compression to spend time on.
  const own = new Workbook();
  for (const ws of sheets) own.addWorksheet(ws.name, { state: ws.state }).model = ws.model;
  const stored = await own.xlsx.writeBuffer({ zip: { compression: "STORE" } });
  const written = await OpcPackage.open(new Uint8Array(stored));
  const theirBook = await WorkbookPart.open(written);
  const theirStylesPart = await theirBook.partOf(
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles",
  );
  const theirStyles = new StyleBook(await written.xml(theirStylesPart as string));
  const sharedPart = await theirBook.partOf(
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings",
  );
  const shared = sharedPart ? children((await written.xml(sharedPart)).documentElement as Element, "si") : [];
  const xfs = new Map<number, number>();
  const xf = (s: string | null) => {
    const i = Number(s ?? 0);
    if (!xfs.has(i)) xfs.set(i, styles.importXf(theirStyles, i));
    return String(xfs.get(i));
  };
  const tables = await tableIds(pkg);

  for (const ws of sheets) {
    const theirs = theirBook.sheets.find((s) => s.name === ws.name);
    if (!theirs) throw new Error(`ExcelJS did not write the sheet "${ws.name}"`);
    const doc = await written.xml(theirs.rel.part);
    const root = doc.documentElement as Element;
    for (const el of descendants(root)) {
      const name = el.localName;
      if ((name === "c" || name === "row") && el.hasAttribute("s")) el.setAttribute("s", xf(el.getAttribute("s")));
      if (name === "col" && el.hasAttribute("style")) el.setAttribute("style", xf(el.getAttribute("style")));
      if (name === "cfRule" && el.hasAttribute("dxfId"))
        el.setAttribute("dxfId", String(styles.importDxf(theirStyles, Number(el.getAttribute("dxfId")))));
      if (name === "c" && el.getAttribute("t") === "s") inline(doc, el, shared);
    }
    const part = unusedPartName(pkg, "xl/worksheets/sheet", ".xml");
    const rels = await written.relationships(theirs.rel.part);
    const relsDoc = rels.length > 0 ? await written.xml(relsPartOf(theirs.rel.part)) : null;
    for (const rel of rels) {
      if (rel.external) continue;
      const target = await copyPart(written, pkg, rel, tables);
      const el = children(relsDoc?.documentElement as Element, "Relationship").find(
        (r) => r.getAttribute("Id") === rel.id,
      );
      el?.setAttribute("Target", relativeTarget(part, target));
    }
    pkg.put(part, serializeXml(doc));
    if (relsDoc) pkg.put(relsPartOf(part), serializeXml(relsDoc));
    await pkg.setContentType(part, await written.contentType(theirs.rel.part));
    await book.addSheet(ws.name, part, ws.state);
  }
}

/** Copy a part a sheet refers to (a table) under a free name; a table gets an id no other table has. */
async function copyPart(from: OpcPackage, to: OpcPackage, rel: Relationship, tables: Set<number>): Promise<string> {
  if (rel.type !== TABLE_REL) throw new Error(`Cannot carry a sheet's ${rel.type} part over`);
  const doc = await from.xml(rel.part);
  const root = doc.documentElement as Element;
  let id = Math.max(0, ...tables) + 1;
  while (tables.has(id)) id++;
  tables.add(id);
  root.setAttribute("id", String(id));
  const part = unusedPartName(to, "xl/tables/table", ".xml");
  to.put(part, serializeXml(doc));
  await to.setContentType(part, await from.contentType(rel.part));
  return part;
}

/** Ids of the tables already in the package (Excel wants them unique across the workbook). */
async function tableIds(pkg: OpcPackage): Promise<Set<number>> {
  const ids = new Set<number>();
  for (const part of pkg.parts().filter((p) => /^xl\/tables\/[^/]+\.xml$/.test(p))) {
    ids.add(Number((await pkg.xml(part)).documentElement?.getAttribute("id") ?? 0));
  }
  return ids;
}

/** A shared-string cell as an inline string, so that the original sharedStrings.xml stays as it was. */
function inline(doc: Document, c: Element, shared: Element[]): void {
  const v = child(c, "v");
  const si = shared[Number(v?.textContent ?? -1)];
  if (v) c.removeChild(v);
  c.setAttribute("t", "inlineStr");
  const made = doc.createElementNS(c.namespaceURI, c.prefix ? `${c.prefix}:is` : "is");
  for (const part of si ? elements(si) : []) made.appendChild(copy(doc, part));
  c.insertBefore(made, child(c, "extLst"));
}

/**
 * A string's part for this document. Most are one <t> of plain text, copied by hand: xmldom's deep import walks
 * every node generically and was the slowest step of carrying a summary over (one per text cell).
 */
function copy(doc: Document, part: Element): Element {
  const only = part.firstChild;
  if (part.localName !== "t" || (only !== null && (only.nodeType !== 3 || only.nextSibling !== null)))
    return doc.importNode(part, true) as Element;
  const t = doc.createElementNS(part.namespaceURI, part.nodeName);
  for (let i = 0; i < part.attributes.length; i++) {
    const a = part.attributes.item(i)!;
    t.setAttributeNS(a.namespaceURI, a.name, a.value);
  }
  if (only) t.appendChild(doc.createTextNode(only.nodeValue ?? ""));
  return t;
}

function descendants(root: Element): Element[] {
  const out: Element[] = [];
  const walk = (el: Element) => {
    for (const e of elements(el)) {
      out.push(e);
      walk(e);
    }
  };
  walk(root);
  return out;
}
