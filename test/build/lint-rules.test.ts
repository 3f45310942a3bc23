/**
 * The lint rules that hold the architecture and the security line must actually bite: each offending source is
 * linted as if it lived at the given path, with the project's own eslint.config.mjs.
 */
import { execFileSync } from "child_process";
import { join } from "path";

const root = join(__dirname, "..", "..");

interface Message {
  ruleId: string | null;
  message: string;
}

/** Every snippet of this file is registered first, then all are linted in one child process (see lint-snippets.mjs). */
const pending: { code: string; path: string }[] = [];
let results: Message[][] | undefined;

function lint(code: string, path: string): () => Message[] {
  const index = pending.push({ code, path }) - 1;
  return () => {
    results ??= JSON.parse(
      execFileSync(process.execPath, [join(root, "scripts/eslint/lint-snippets.mjs")], {
        cwd: root,
        input: JSON.stringify(pending),
        encoding: "utf8",
        maxBuffer: 64 * 1024 * 1024,
      }),
    ) as Message[][];
    return results[index]!;
  };
}

const ruleIds = (messages: Message[]): string[] => messages.map((m) => m.ruleId ?? `fatal: ${m.message}`);

jest.setTimeout(120_000);

const REFUSED_IMPORTS: [string, string][] = [
  ['import { readFileSync } from "fs";', "src/core/x.ts"],
  ['import { join } from "node:path";', "src/core/plans/x.ts"],
  ['import { Workbook } from "exceljs";', "src/core/x.ts"],
  ['import { readActiveSheet } from "../excel/readSheet";', "src/core/x.ts"],
  ['import { readActiveSheet } from "../../excel/readSheet";', "src/core/plans/x.ts"],
  ['import { something } from "../../test/helpers";', "src/core/plans/x.ts"],
  ['export { something } from "../taskpane/i18n";', "src/core/x.ts"],
  ['const load = () => import("../excel/readSheet");', "src/core/x.ts"],
  ['import { snapshotFromWorkbook } from "../xlsx/read";', "src/excel/x.ts"],
  ['import { snapshotFromWorkbook } from "../xlsx/read";', "src/taskpane/x.ts"],
  ['import { main } from "../cli/main";', "src/commands/x.ts"],
  // what the ribbon's commands share with the pane is in src/ui, which needs neither of them nor an adapter
  ['import { startPane } from "../taskpane/pane";', "src/commands/x.ts"],
  ['import { startPane } from "../taskpane/pane";', "src/ui/x.ts"],
  ['import { validateActiveSheet } from "../commands/validate";', "src/ui/x.ts"],
  ['import { ExcelHost } from "../excel/excelHost";', "src/ui/x.ts"],
  ['import { STRINGS } from "../ui/i18n";', "src/excel/x.ts"],
  ['import { STRINGS } from "../ui/i18n";', "src/cli/x.ts"],
  ['import { STRINGS } from "../ui/i18n";', "src/core/x.ts"],
  ['import { readActiveSheet } from "../excel/readSheet";', "src/xlsx/x.ts"],
  ['import { readFileSync } from "fs";', "src/xlsx/x.ts"],
  ['import { start } from "../taskpane/engine";', "src/cli/x.ts"],
  ['import { PreviewHost } from "../preview/preview-host";', "src/taskpane/x.ts"],
  ['import { PreviewHost } from "../preview/preview-host";', "src/xlsx/x.ts"],
  // the pane's entry may fetch the xlsx adapter lazily, never bundle it; the rest of the pane may not do either
  ['import { snapshotFromFile } from "../xlsx/edition-file";', "src/taskpane/index.ts"],
  ['const load = () => import("../xlsx/edition-file");', "src/taskpane/x.ts"],
];

const ALLOWED_IMPORTS: [string, string][] = [
  ['import { parseValue } from "./values";', "src/core/x.ts"],
  ['import { JOURNAL_SHEET } from "../plan";', "src/core/plans/x.ts"],
  ['import { JOURNAL_SHEET } from "../core/plan";', "src/excel/x.ts"],
  ['import { readActiveSheet } from "../excel/readSheet";', "src/taskpane/x.ts"],
  ['import { fill, h } from "../ui/dom";', "src/taskpane/x.ts"],
  ['import { STRINGS } from "../ui/i18n";', "src/commands/x.ts"],
  ['import "../ui/styles.css";', "src/preview/x.ts"],
  ['import { ACTIONS } from "../core/actions";', "src/ui/x.ts"],
  ['import { Workbook } from "exceljs";', "src/xlsx/x.ts"],
  ['import { readFileSync } from "fs";\nimport { snapshotFromWorkbook } from "../xlsx/read";', "src/cli/x.ts"],
  [
    'import { snapshotFromWorkbook } from "../xlsx/read";\nimport { start } from "../taskpane/engine";',
    "src/preview/x.ts",
  ],
  ['export const load = () => import("../xlsx/edition-file");', "src/taskpane/index.ts"],
];

const CORE_GLOBALS = ["Office", "Excel", "window", "document", "fetch", "process", "Buffer", "localStorage"];

const INSECURE: [string, string][] = [
  ["export function f(el: HTMLElement, s: string) { el.innerHTML = s; }", "no-restricted-properties"],
  ["export function f(el: HTMLElement, s: string) { el.outerHTML = s; }", "no-restricted-properties"],
  ['export function f(el: HTMLElement, s: string) { el["innerHTML"] = s; }', "no-restricted-properties"],
  [
    'export function f(el: HTMLElement, s: string) { el.insertAdjacentHTML("beforeend", s); }',
    "no-restricted-properties",
  ],
  ["export function f(s: string) { document.write(s); }", "no-restricted-properties"],
  ["export const f = (s: string) => eval(s);", "no-eval"],
  ['export const f = () => setTimeout("alert(1)", 1);', "no-implied-eval"],
  ['export const f = new Function("return 1");', "no-new-func"],
];
const SECURITY_PATHS = ["src/taskpane/x.ts", "src/preview/x.ts", "src/core/x.ts"];

const SYNC_IN_LOOP = [
  "export async function f(context: Excel.RequestContext, names: string[]) {",
  "  for (const name of names) {",
  "    context.workbook.worksheets.add(name);",
  "    await context.sync();",
  "  }",
  "}",
].join("\n");

describe("layer boundaries", () => {
  for (const [code, path] of REFUSED_IMPORTS) {
    const messages = lint(code, path);
    it(`refuses ${code} in ${path}`, () => expect(ruleIds(messages())).toContain("layers/boundaries"));
  }
  for (const [code, path] of ALLOWED_IMPORTS) {
    const messages = lint(code, path);
    it(`allows ${code} in ${path}`, () => expect(ruleIds(messages())).not.toContain("layers/boundaries"));
  }

  const explained = lint('import { x } from "../excel/readSheet";\nexport const y = x;', "src/core/x.ts");
  it("says what is wrong", () => {
    expect(explained().map((m) => m.message)).toContain(
      "src/core may import only its own files (../excel/readSheet leaves src/core).",
    );
  });

  for (const name of CORE_GLOBALS) {
    const inCore = lint(`export const x = typeof ${name};`, "src/core/x.ts");
    const inAdapter = lint(`export const x = typeof ${name};`, "src/excel/x.ts");
    it(`keeps the global ${name} out of src/core, not out of src/excel`, () => {
      expect(ruleIds(inCore())).toContain("no-restricted-globals");
      expect(ruleIds(inAdapter())).not.toContain("no-restricted-globals");
    });
  }
});

describe("security rules", () => {
  for (const [code, rule] of INSECURE) {
    const perPath = SECURITY_PATHS.map((path) => lint(code, path));
    it(`refuses ${code} everywhere in src`, () => {
      for (const messages of perPath) expect(ruleIds(messages())).toContain(rule);
    });
  }

  const safe = lint("export function f(el: HTMLElement, s: string) { el.textContent = s; }", "src/taskpane/x.ts");
  it("allows textContent", () => expect(ruleIds(safe())).toEqual([]));
});

describe("Office rules", () => {
  const inAdapter = lint(SYNC_IN_LOOP, "src/excel/x.ts");
  it("refuses context.sync() inside a loop in the Excel adapter", () => {
    expect(ruleIds(inAdapter())).toContain("office-addins/no-context-sync-in-loop");
  });
});
