/**
 * Offline manifest validation: Microsoft's XSDs (test/schemas/manifest, mended to compile with libxml2) run by
 * xmllint compiled to WebAssembly, plus the cross-references the XSDs cannot express (a resid must name a resource).
 */
import { readFileSync, readdirSync } from "fs";
import { join } from "path";
import { validateXML } from "xmllint-wasm";

export const SCHEMA_DIR = join(__dirname, "..", "..", "test", "schemas", "manifest");
const MAIN_SCHEMA = "OfficeAppManifestV1_1.xsd";

export interface ManifestCheck {
  valid: boolean;
  /** One line each, "file:line: message", in the order found. */
  errors: string[];
}

function schemaFiles(): { fileName: string; contents: string }[] {
  return readdirSync(SCHEMA_DIR)
    .filter((name) => name.endsWith(".xsd"))
    .map((fileName) => ({ fileName, contents: readFileSync(join(SCHEMA_DIR, fileName), "utf8") }));
}

/** resid="X" must match a resource id="X" in <Resources>; Office rejects the add-in at load time otherwise. */
export function unresolvedResids(xml: string): string[] {
  const resources = xml.slice(xml.indexOf("<Resources>"));
  const defined = new Set([...resources.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]));
  const errors: string[] = [];
  xml.split("\n").forEach((line, index) => {
    for (const m of line.matchAll(/\bresid="([^"]+)"/g)) {
      if (!defined.has(m[1])) errors.push(`${index + 1}: resid "${m[1]}" names no resource in <Resources>`);
    }
  });
  return errors;
}

/** xmllint's words without its noise: "Schemas validity error : " and the namespace URI before each element. */
function readable(message: string): string {
  return message
    .trim()
    .replace(/^Schemas validity error : /, "")
    .replace(/\{http[^}]*\}/g, "");
}

export async function validateManifest(xml: string, fileName: string): Promise<ManifestCheck> {
  const schemas = schemaFiles();
  const main = schemas.find((s) => s.fileName === MAIN_SCHEMA);
  if (!main) throw new Error(`${MAIN_SCHEMA} is missing from ${SCHEMA_DIR}`);
  const result = await validateXML({
    xml: [{ fileName, contents: xml }],
    schema: [main],
    preload: schemas.filter((s) => s !== main),
  });
  const schemaErrors = result.errors.map((e) =>
    e.loc ? `${fileName}:${e.loc.lineNumber}: ${readable(e.message)}` : readable(e.rawMessage),
  );
  // Skip the cross-reference check on XML the parser rejected: its messages would only repeat the first error.
  const refErrors = result.valid ? unresolvedResids(xml).map((e) => `${fileName}:${e}`) : [];
  const errors = [...schemaErrors, ...refErrors];
  return { valid: errors.length === 0, errors };
}
