/**
 * The manifest's ExcelApi set covers every Office.js member the add-in uses outside an isSetSupported guard
 * (scripts/lib/api-sets.ts), and the check itself finds a planted violation.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import {
  apiSetUses,
  compareVersions,
  compilerOptions,
  manifestExcelApi,
  violationsOf,
} from "../../scripts/lib/api-sets";

jest.setTimeout(180_000);

const ROOT = join(__dirname, "..", "..");
const options = compilerOptions(join(ROOT, "tsconfig.json"));
const sources = ["src/excel", "src/commands", "src/taskpane"].flatMap((dir) =>
  readdirSync(join(ROOT, dir), { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".ts"))
    .map((f) => join(ROOT, dir, f)),
);

const dir = mkdtempSync(join(tmpdir(), "mops-api-sets-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const plant = (name: string, body: string): string => {
  const file = join(dir, name);
  writeFileSync(file, `export async function f(range: Excel.Range): Promise<void> {\n${body}\n}\n`);
  return file;
};
const bad = plant("bad.ts", "  range.getMergedAreasOrNullObject();");
const good = plant(
  "good.ts",
  '  if (Office.context.requirements.isSetSupported("ExcelApi", "1.13")) range.getMergedAreasOrNullObject();',
);
const weak = plant(
  "weak.ts",
  '  if (Office.context.requirements.isSetSupported("ExcelApi", "1.10")) range.getMergedAreasOrNullObject();',
);
// One program for the sources and the planted files, asked about several sets: building and type-checking it is
// the slow part.
let uses: ReturnType<typeof apiSetUses> = [];
beforeAll(() => {
  uses = apiSetUses([...sources, bad, good, weak], options);
});
const usesIn = (files: string[]) => uses.filter((u) => files.includes(u.file));

test("every Office.js member used in src/excel, src/commands and src/taskpane is within the manifest's ExcelApi set", () => {
  const allowed = manifestExcelApi(readFileSync(join(ROOT, "manifest.xml"), "utf8"));
  const ours = usesIn(sources);
  expect(ours.length).toBeGreaterThan(0);
  expect(violationsOf(ours, allowed)).toEqual([]);
  // The check sees what the code uses: below 1.13, the merged-area read is flagged.
  const below = violationsOf(ours, "1.12");
  expect(below.map((v) => `${v.member} ${v.needs}`)).toContain("getMergedAreasOrNullObject 1.13");
});

describe("the check on planted code", () => {
  let found: ReturnType<typeof violationsOf> = [];
  beforeAll(() => {
    found = violationsOf(usesIn([bad, good, weak]), "1.9");
  });

  test("an unguarded 1.13 call under a 1.9 manifest is a violation, with its line", () => {
    expect(found.filter((v) => v.file === bad)).toEqual([
      { file: bad, line: 2, member: "getMergedAreasOrNullObject", needs: "1.13" },
    ]);
  });

  test("the same call inside an isSetSupported guard for its set passes; a guard for an older set does not", () => {
    expect(found.filter((v) => v.file === good)).toEqual([]);
    expect(found.filter((v) => v.file === weak)).toHaveLength(1);
  });

  test("versions compare by number", () => {
    expect(compareVersions("1.13", "1.9")).toBeGreaterThan(0);
    expect(compareVersions("1.9", "1.13")).toBeLessThan(0);
  });
});
