/**
 * @jest-environment ./test/helpers/worker-libraries/jsdom.js
 */
/**
 * The action registry (src/core/actions.ts) is the one list of what the add-in does: the pane's buttons, the CLI's
 * subcommands and `apply` flags, and the ribbon's commands (as the manifest declares them and as the commands page
 * associates them) each offer exactly its actions, so an action added to one surface alone fails here.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { DOMParser } from "@xmldom/xmldom";
import { ACTIONS, APPLY_ACTIONS, CLI_COMMANDS, planWith } from "../../src/core/actions";
import { analyzeWorkbook } from "../../src/core/analyze";
import type { WorkbookHost } from "../../src/core/host";
import type { WorkbookSnapshot } from "../../src/core/snapshot";
import { noJournal } from "../../src/core/journal";
import { parseArgs, USAGE } from "../../src/cli/args";
import { startPane } from "../../src/taskpane/pane";
import { annex2023Typed } from "../helpers/typed-sheet";

jest.mock("../../src/ui/styles.css", () => ({}));

const root = join(__dirname, "..", "..");
const annex = (): WorkbookSnapshot => {
  const sheet = annex2023Typed();
  return { sheetNames: [sheet.name], sheets: [sheet], journal: noJournal() };
};

/** A host that reads other sheets too, so that the pane offers its comparison. */
const host: WorkbookHost = {
  readActiveSheet: async () => annex(),
  readSheet: async () => annex(),
  apply: async () => undefined,
  select: async () => undefined,
};

describe("the pane", () => {
  test.each(["pl", "en"] as const)(
    "shows a button for each of the registry's pane actions, in order (%s)",
    async (lang) => {
      const main = document.createElement("main");
      document.body.replaceChildren(main);
      await startPane(main, host, lang).idle();
      const buttons = [...main.querySelectorAll<HTMLButtonElement>(".actions button[data-action]")];
      const offered = ACTIONS.filter((a) => a.pane);
      expect(buttons.map((b) => b.dataset.action)).toEqual(offered.map((a) => a.id));
      expect(buttons.map((b) => b.textContent)).toEqual(offered.map((a) => a.label[lang]));
    },
  );
});

describe("the CLI", () => {
  test("its usage text lists exactly the registry's subcommands", () => {
    const listed = [...USAGE.matchAll(/^ {2}mops-indicators (\S+)/gm)].map((m) => m[1]);
    expect(listed.sort()).toEqual([...CLI_COMMANDS].sort());
  });

  test("apply's usage offers exactly the registry's actions as alternatives", () => {
    const entry = USAGE.slice(USAGE.indexOf("mops-indicators apply"), USAGE.indexOf("mops-indicators validate"));
    // The parenthesised alternatives after the file: split at the top-level bars, each led by its flag.
    let depth = 0;
    let group = "";
    for (const ch of entry.slice(entry.indexOf("(") + 1)) {
      depth += ch === "(" || ch === "[" ? 1 : ch === ")" || ch === "]" ? -1 : 0;
      if (depth < 0) break;
      group += depth === 0 && ch === "|" ? "\u0000" : ch;
    }
    const led = group.split("\u0000").map((alt) => alt.trim().match(/^--(\S+)/)?.[1]);
    expect(led).toEqual(APPLY_ACTIONS);
  });

  test("the parser takes each subcommand and each apply action, and nothing else", () => {
    for (const command of CLI_COMMANDS) {
      const argv = [command, "a.xlsx", ...(command === "compare" ? ["b.xlsx"] : ["--out", "o.xlsx"])];
      if (command === "apply") argv.push("--color");
      expect(parseArgs(argv).kind).toBe(command);
    }
    for (const action of APPLY_ACTIONS) {
      expect(parseArgs(["apply", "a.xlsx", `--${action}`, "--out", "o.xlsx"])).toMatchObject({ actions: [action] });
    }
    expect(() => parseArgs(["recalculate", "a.xlsx"])).toThrow('Unknown command "recalculate".');
    expect(() => parseArgs(["apply", "a.xlsx", "--restore", "--out", "o.xlsx"])).toThrow("Unknown option --restore.");
  });
});

describe("the ribbon", () => {
  const manifest = new DOMParser().parseFromString(readFileSync(join(root, "manifest.xml"), "utf8"), "text/xml");
  const functions = [...Array.from(manifest.getElementsByTagName("FunctionName"))].map((e) => e.textContent);

  test("the manifest's commands are exactly the registry's ribbon actions", () => {
    expect(functions).toEqual(ACTIONS.flatMap((a) => (a.ribbon ? [a.ribbon] : [])));
  });

  test("the commands page associates a function with each of them, and nothing else", async () => {
    const associated: string[] = [];
    const office = {
      context: { displayLanguage: "pl-PL" },
      onReady: (ready: () => void) => Promise.resolve(ready()),
      actions: { associate: (name: string) => associated.push(name) },
    };
    Object.assign(globalThis, { Office: office });
    jest.resetModules();
    await import("../../src/commands/commands");
    expect(associated).toEqual(functions);
  });
});

describe("each writing action", () => {
  const wb = annex();
  const analysis = analyzeWorkbook(wb);
  test.each(ACTIONS.flatMap((a) => (a.writes ? [a.id] : [])))("%s plans as itself", (id) => {
    expect(planWith(id, wb, analysis, { now: "2026-11-30T07:00:00Z" }).action).toBe(id);
  });
});
