/** Removing parts with what hangs off them, and naming new ones. */
import { relsPartOf, resolvePart, type OpcPackage } from "./opc";
import { children, type Element } from "./xml";

/**
 * Remove the parts and every part reachable from them through relationships that no remaining part still
 * refers to (a deleted sheet's table, drawing, chart, comments), with their relationships and content types.
 */
export async function removeParts(pkg: OpcPackage, roots: string[]): Promise<void> {
  const doomed = new Set<string>();
  const queue = [...roots];
  while (queue.length > 0) {
    const part = queue.pop() as string;
    if (doomed.has(part) || !pkg.has(part)) continue;
    doomed.add(part);
    for (const rel of await pkg.relationships(part)) if (!rel.external) queue.push(rel.part);
  }
  // A part that a remaining part refers to stays, and so does what it refers to: repeat until nothing more is saved.
  const saved = new Set<string>();
  for (let grew = true; grew;) {
    grew = false;
    for (const relsPart of pkg.parts().filter((p) => p.endsWith(".rels"))) {
      const source = sourceOf(relsPart);
      if (doomed.has(source) && !saved.has(source)) continue;
      const root = (await pkg.xml(relsPart)).documentElement as Element;
      for (const rel of children(root, "Relationship")) {
        if (rel.getAttribute("TargetMode") === "External") continue;
        const target = resolvePart(source, rel.getAttribute("Target") ?? "");
        if (doomed.has(target) && !saved.has(target) && !roots.includes(target)) {
          saved.add(target);
          grew = true;
        }
      }
    }
  }
  for (const part of doomed) {
    if (saved.has(part)) continue;
    pkg.remove(part);
    if (pkg.has(relsPartOf(part))) pkg.remove(relsPartOf(part));
    await pkg.setContentType(part, null);
  }
}

/** "xl/worksheets/_rels/sheet1.xml.rels" -> "xl/worksheets/sheet1.xml"; "_rels/.rels" -> "". */
export function sourceOf(relsPart: string): string {
  return relsPart.replace(/(^|\/)_rels\/([^/]*)\.rels$/, "$1$2");
}

/** prefix + the lowest number not taken + suffix ("xl/worksheets/sheet" 3 ".xml"). */
export function unusedPartName(pkg: OpcPackage, prefix: string, suffix: string): string {
  const taken = new Set(pkg.parts().map((p) => p.toLowerCase()));
  let n = 1;
  while (taken.has(`${prefix}${n}${suffix}`.toLowerCase())) n++;
  return `${prefix}${n}${suffix}`;
}
