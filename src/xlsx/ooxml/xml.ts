/** XML parts as order-preserving DOMs (@xmldom/xmldom): what we do not understand is kept as it was. */
import { DOMParser, XMLSerializer, type Document, type Element } from "@xmldom/xmldom";

export type { Document, Element };

export const NS = {
  main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  officeRel: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  packageRel: "http://schemas.openxmlformats.org/package/2006/relationships",
} as const;

const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export function parseXml(text: string, part: string): Document {
  const parser = new DOMParser({
    onError: (level, message) => {
      if (level !== "warning") throw new Error(`${part}: ${message}`);
    },
  });
  return parser.parseFromString(text, "text/xml");
}

export function serializeXml(doc: Document): string {
  const text = new XMLSerializer().serializeToString(doc);
  return text.startsWith("<?xml") ? text : DECLARATION + text;
}

export function serializeNode(node: Element): string {
  return new XMLSerializer().serializeToString(node);
}

/** Direct child elements with this local name (any prefix). */
export function children(parent: Element, local: string): Element[] {
  const out: Element[] = [];
  for (let n = parent.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && (n as Element).localName === local) out.push(n as Element);
  }
  return out;
}

export function child(parent: Element, local: string): Element | null {
  for (let n = parent.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && (n as Element).localName === local) return n as Element;
  }
  return null;
}

export function elements(parent: Element): Element[] {
  const out: Element[] = [];
  for (let n = parent.firstChild; n; n = n.nextSibling) if (n.nodeType === 1) out.push(n as Element);
  return out;
}

/** A new element in the parent's namespace and with its prefix (some writers prefix SpreadsheetML as "x:"). */
export function create(parent: Element, local: string): Element {
  const doc = parent.ownerDocument as Document;
  const name = parent.prefix ? `${parent.prefix}:${local}` : local;
  return doc.createElementNS(parent.namespaceURI, name);
}

/** The child with this local name, made (and placed before the first of `before`, else last) when missing. */
export function ensureChild(parent: Element, local: string, before: string[] = []): Element {
  const found = child(parent, local);
  if (found) return found;
  const made = create(parent, local);
  const next = elements(parent).find((e) => before.includes(e.localName ?? ""));
  parent.insertBefore(made, next ?? null);
  return made;
}

/** Set an attribute's count to the number of child elements (Excel checks some of these). */
export function recount(el: Element): void {
  if (el.hasAttribute("count")) el.setAttribute("count", String(elements(el).length));
}
