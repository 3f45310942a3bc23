/**
 * An Open Packaging (zip) package opened for patching: parts are read on demand, the ones changed are written
 * back, and every other part is copied as it was (same bytes, same order).
 */
import JSZip from "jszip";
import { NS, children, create, parseXml, serializeXml, type Document, type Element } from "./xml";

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
  /** The target as a part name (no leading slash), for internal relationships. */
  part: string;
}

export const REL = {
  worksheet: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet",
  styles: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles",
  sharedStrings: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings",
  calcChain: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain",
  officeDocument: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
} as const;

export const WORKSHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";

export class OpcPackage {
  private readonly docs = new Map<string, Document>();

  private constructor(private readonly zip: JSZip) {}

  static async open(bytes: Uint8Array): Promise<OpcPackage> {
    return new OpcPackage(await JSZip.loadAsync(bytes));
  }

  parts(): string[] {
    return Object.values(this.zip.files)
      .filter((f) => !f.dir)
      .map((f) => f.name);
  }

  has(part: string): boolean {
    return this.zip.file(part) !== null;
  }

  /** The part as a DOM, parsed once; the DOM is written back at save, so change it in place. */
  async xml(part: string): Promise<Document> {
    let doc = this.docs.get(part);
    if (!doc) {
      const file = this.zip.file(part);
      if (!file) throw new Error(`The package has no part ${part}`);
      doc = parseXml(await file.async("string"), part);
      this.docs.set(part, doc);
    }
    return doc;
  }

  /** A new or replaced part. */
  put(part: string, content: string | Uint8Array): void {
    this.docs.delete(part);
    this.zip.file(part, content, { createFolders: false });
  }

  /** Mark a part parsed with xml() as changed (only changed parts are serialised again). */
  private readonly changed = new Set<string>();
  touch(part: string): void {
    this.changed.add(part);
  }

  remove(part: string): void {
    this.docs.delete(part);
    this.changed.delete(part);
    this.zip.remove(part);
  }

  async save(): Promise<Uint8Array> {
    for (const part of this.changed) {
      const doc = this.docs.get(part);
      if (doc) this.zip.file(part, serializeXml(doc), { createFolders: false });
    }
    this.changed.clear();
    return this.zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 6 } });
  }

  // --- relationships and content types ---

  async relationships(part: string): Promise<Relationship[]> {
    const relsPart = relsPartOf(part);
    if (!this.has(relsPart)) return [];
    const root = (await this.xml(relsPart)).documentElement as Element;
    return children(root, "Relationship").map((el) => {
      const target = el.getAttribute("Target") ?? "";
      const external = el.getAttribute("TargetMode") === "External";
      return {
        id: el.getAttribute("Id") ?? "",
        type: el.getAttribute("Type") ?? "",
        target,
        external,
        part: external ? "" : resolvePart(part, target),
      };
    });
  }

  /** Add a relationship from `part` to `target` (a part name); returns its id. */
  async addRelationship(part: string, type: string, target: string): Promise<string> {
    const relsPart = relsPartOf(part);
    if (!this.has(relsPart)) {
      this.put(
        relsPart,
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.packageRel}"/>`,
      );
    }
    const root = (await this.xml(relsPart)).documentElement as Element;
    const used = new Set(children(root, "Relationship").map((el) => el.getAttribute("Id")));
    let n = used.size + 1;
    while (used.has(`rId${n}`)) n++;
    const rel = create(root, "Relationship");
    rel.setAttribute("Id", `rId${n}`);
    rel.setAttribute("Type", type);
    rel.setAttribute("Target", relativeTarget(part, target));
    root.appendChild(rel);
    this.touch(relsPart);
    return `rId${n}`;
  }

  async removeRelationship(part: string, id: string): Promise<void> {
    const relsPart = relsPartOf(part);
    if (!this.has(relsPart)) return;
    const root = (await this.xml(relsPart)).documentElement as Element;
    for (const el of children(root, "Relationship")) if (el.getAttribute("Id") === id) root.removeChild(el);
    this.touch(relsPart);
  }

  async setContentType(part: string, type: string | null): Promise<void> {
    const root = (await this.xml("[Content_Types].xml")).documentElement as Element;
    for (const el of children(root, "Override")) {
      if (el.getAttribute("PartName") === "/" + part) root.removeChild(el);
    }
    if (type !== null) {
      const el = create(root, "Override");
      el.setAttribute("PartName", "/" + part);
      el.setAttribute("ContentType", type);
      root.appendChild(el);
    }
    this.touch("[Content_Types].xml");
  }

  async contentType(part: string): Promise<string | null> {
    const root = (await this.xml("[Content_Types].xml")).documentElement as Element;
    const override = children(root, "Override").find((el) => el.getAttribute("PartName") === "/" + part);
    if (override) return override.getAttribute("ContentType");
    const ext = part.slice(part.lastIndexOf(".") + 1).toLowerCase();
    const def = children(root, "Default").find((el) => (el.getAttribute("Extension") ?? "").toLowerCase() === ext);
    return def?.getAttribute("ContentType") ?? null;
  }

  /** The workbook part named by the package's root relationships (xl/workbook.xml in practice). */
  async workbookPart(): Promise<string> {
    const rel = (await this.relationships("")).find(
      (r) => r.type === REL.officeDocument || r.type.endsWith("/officeDocument"),
    );
    if (!rel) throw new Error("The package has no workbook part");
    return rel.part;
  }
}

/** "xl/worksheets/sheet1.xml" -> "xl/worksheets/_rels/sheet1.xml.rels"; "" (the package) -> "_rels/.rels". */
export function relsPartOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A relationship's target, relative to its source part (or absolute with "/"), as a part name. */
export function resolvePart(source: string, target: string): string {
  const base = target.startsWith("/") ? [] : source.split("/").slice(0, -1);
  for (const seg of target.replace(/^\//, "").split("/")) {
    if (seg === "..") base.pop();
    else if (seg !== "." && seg !== "") base.push(seg);
  }
  return base.map((s) => decodeURIComponent(s)).join("/");
}

export function relativeTarget(source: string, part: string): string {
  const from = source.split("/").slice(0, -1);
  const to = part.split("/");
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => ".."), ...to.slice(i)].join("/");
}
