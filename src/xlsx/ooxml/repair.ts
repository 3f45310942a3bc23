/**
 * A copy of a package that ExcelJS can read, for files it refuses though Excel opens them: openpyxl writes
 * relationship targets as absolute part names ("/xl/drawings/drawing1.xml") and keeps comments in
 * xl/comments/comment1.xml, and ExcelJS looks parts up by relative target and comments by ExcelJS's own names
 * (exceljs#2797: "Cannot read properties of undefined (reading 'comments')"). Only the reading copy is repaired:
 * the file written back is the original, patched.
 */
import { OpcPackage, relativeTarget, resolvePart } from "./opc";
import { sourceOf } from "./parts";
import { children, type Element } from "./xml";

const COMMENTS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments";

export async function readableCopy(bytes: Uint8Array): Promise<Uint8Array> {
  const pkg = await OpcPackage.open(bytes);
  for (const relsPart of pkg.parts().filter((p) => p.endsWith(".rels"))) {
    const source = sourceOf(relsPart);
    const root = (await pkg.xml(relsPart)).documentElement as Element;
    for (const rel of children(root, "Relationship")) {
      if (rel.getAttribute("TargetMode") === "External") continue;
      const target = resolvePart(source, rel.getAttribute("Target") ?? "");
      // Comments are not read by the engine; ExcelJS finds only its own file names for them.
      if (rel.getAttribute("Type") === COMMENTS && !/^xl\/comments\d+\.xml$/.test(target)) root.removeChild(rel);
      else rel.setAttribute("Target", relativeTarget(source, target));
    }
    pkg.touch(relsPart);
  }
  return pkg.save();
}
