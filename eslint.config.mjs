// ESLint (flat config): typescript-eslint's recommended rules, Office's rules for the code that talks to Excel,
// the layer boundaries of docs/ARCHITECTURE.md, and security rules for everything under src/.
import js from "@eslint/js";
import officeAddins from "eslint-plugin-office-addins";
import globals from "globals";
import tseslint from "typescript-eslint";
import layerBoundaries from "./scripts/eslint/layer-boundaries.mjs";

const OFFICE_CODE = ["src/excel/**/*.ts", "src/taskpane/**/*.ts", "src/commands/**/*.ts"];
const BROWSER_CODE = [...OFFICE_CODE, "src/ui/**/*.ts", "src/preview/**/*.ts"];

/**
 * Who may import whom: taskpane/commands -> excel -> core; taskpane/commands/preview -> ui -> core;
 * cli/preview -> xlsx -> core; preview -> taskpane.
 */
const LAYERS = {
  "src/core": { selfOnly: true, packages: "none" },
  // What the pane and the ribbon's commands share (DOM helpers, words, styles): neither may be what it needs.
  "src/ui": { forbid: ["src/excel", "src/taskpane", "src/commands", "src/xlsx", "src/cli", "src/preview"] },
  "src/excel": { forbid: ["src/ui", "src/taskpane", "src/commands", "src/xlsx", "src/cli", "src/preview"] },
  // The pane's entry wires it to Excel; it alone may fetch the ExcelJS adapter, lazily, to read a previous edition's file.
  "src/taskpane/index.ts": { forbid: ["src/xlsx", "src/cli", "src/preview"], lazy: ["src/xlsx"] },
  "src/taskpane": { forbid: ["src/xlsx", "src/cli", "src/preview"] },
  "src/commands": { forbid: ["src/taskpane", "src/xlsx", "src/cli", "src/preview"] },
  "src/xlsx": { forbid: ["src/excel", "src/ui", "src/taskpane", "src/commands", "src/cli", "src/preview"] },
  "src/cli": { forbid: ["src/excel", "src/ui", "src/taskpane", "src/commands", "src/preview"], builtins: true },
  "src/preview": { forbid: ["src/excel", "src/cli"] },
};

/** The pure core sees no host, browser or Node: the type-level half of this is tsconfig.core.json. */
const CORE_FORBIDDEN_GLOBALS = [
  "Office",
  "Excel",
  "OfficeExtension",
  "window",
  "document",
  "navigator",
  "localStorage",
  "fetch",
  "XMLHttpRequest",
  "process",
  "require",
  "Buffer",
].map((name) => ({ name, message: "src/core is pure: pass data in, do not reach for the host, the browser or Node." }));

/** Cell text is shown with textContent; markup from strings is how a workbook could inject script into the pane. */
const HTML_SINKS = ["innerHTML", "outerHTML", "insertAdjacentHTML", "setHTMLUnsafe", "createContextualFragment"].map(
  (property) => ({ property, message: "Build nodes and set textContent instead of parsing HTML strings." }),
);

export default tseslint.config(
  { ignores: ["dist/", "build/", "node_modules/", "coverage/", "test-output/", "package/", ".certs/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  // As tsc's noUnusedParameters: a leading underscore marks a parameter an interface makes us accept.
  { rules: { "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }] } },
  {
    files: ["**/*.{js,cjs}"],
    languageOptions: { sourceType: "commonjs", globals: globals.node },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["**/*.mjs", "scripts/**/*.ts", "test/**/*.ts", "src/cli/**/*.ts"],
    languageOptions: { globals: globals.node },
  },
  { files: BROWSER_CODE, languageOptions: { globals: globals.browser } },
  {
    files: ["src/**/*.ts"],
    plugins: { layers: { rules: { boundaries: layerBoundaries } } },
    rules: {
      "layers/boundaries": ["error", { layers: LAYERS }],
      // Small functions: a longer one is split by phase (issue 20).
      "max-lines-per-function": ["error", { max: 80, skipBlankLines: true, skipComments: true }],
      "no-eval": "error",
      "no-implied-eval": "error",
      "no-new-func": "error",
      "no-restricted-properties": [
        "error",
        ...HTML_SINKS,
        { object: "document", property: "write", message: "document.write is banned: build nodes instead." },
        { object: "document", property: "writeln", message: "document.writeln is banned: build nodes instead." },
      ],
    },
  },
  {
    files: ["src/core/**/*.ts"],
    // Declared (not endorsed) so that no-implied-eval recognises setTimeout("code") here too.
    languageOptions: { globals: { setTimeout: "readonly", setInterval: "readonly" } },
    rules: {
      "no-restricted-globals": ["error", ...CORE_FORBIDDEN_GLOBALS],
      // The backup is text only in the workbook: the adapters parse and serialise it, the core works on entries.
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/journal"],
              importNames: ["parseJournal", "serialiseJournal"],
              message:
                "Only the adapters (src/excel, src/xlsx) parse or serialise the backup; use the snapshot's journal.",
            },
          ],
        },
      ],
    },
  },
  {
    files: OFFICE_CODE,
    plugins: { "office-addins": officeAddins },
    rules: {
      ...Object.fromEntries(
        officeAddins.configs.recommended
          .flatMap((config) => Object.entries(config.rules ?? {}))
          .filter(([name]) => name.startsWith("office-addins/")),
      ),
      // One sync per read and one per write is the architecture; a sync in a loop is the classic slow add-in.
      "office-addins/no-context-sync-in-loop": "error",
    },
  },
);
