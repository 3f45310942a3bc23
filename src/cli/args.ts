/** Command-line arguments to a command, or a UsageError that says what is wrong. */
import { LocalizedError, type Lang } from "../core/message";
import { parseArgs as nodeParseArgs, type ParseArgsConfig } from "util";
import { DEFAULT_TOLERANCE } from "../core/analyze";
import { APPLY_ACTIONS, CLI_COMMANDS, type CliCommand } from "../core/actions";
import type { ActionId } from "../core/plan";

interface Common {
  file: string;
  lang: Lang;
  /** Read only this sheet (default: every sheet). */
  sheet?: string;
  tolerance: number;
}

export type Command =
  | { kind: "help"; lang: Lang }
  | (Common & { kind: "analyze"; json: boolean })
  | (Common & { kind: "validate"; json: boolean })
  | (Common & {
      kind: "apply";
      actions: ActionId[];
      valuesOnly: boolean;
      /** Also write recalculated figures that read differently, or that are held back as suspect. */
      includeChanged: boolean;
      includeSuspect: boolean;
      json: boolean;
      out: string;
      inPlace: boolean;
      /** --findings: last year's edition whose findings sheet's decisions carry over, and its sheet. */
      decisionsFrom?: string;
      oldSheet?: string;
    })
  | (Common & { kind: "restore"; out: string; inPlace: boolean; force: boolean })
  /** `file` is the new edition; --sheet picks its sheet, --old-sheet the old one's. */
  | (Common & { kind: "compare"; oldFile: string; oldSheet?: string; json: boolean });

/** Arguments the CLI cannot run: the message is followed by the usage text (exit 2). */
export class UsageError extends LocalizedError {}

export const USAGE = `mops-indicators: Wskaźniki MOPS on .xlsx files

  mops-indicators analyze FILE.xlsx [--sheet NAME] [--json] [--tolerance 0.05]
  mops-indicators apply FILE.xlsx (--recalculate [--values-only] [--include-changed] [--include-suspect]
                  | --color | --summary | --findings [--decisions-from LAST.xlsx [--old-sheet NAME]])
                  [--sheet NAME] [--tolerance 0.05] [--json] (--out OUT.xlsx | --in-place)
  mops-indicators validate FILE.xlsx [--sheet NAME] [--json] [--tolerance 0.05]
  mops-indicators restore FILE.xlsx [--force] (--out OUT.xlsx | --in-place)
  mops-indicators compare OLD.xlsx NEW.xlsx [--sheet NAME] [--old-sheet NAME] [--json]

  --recalculate writes only figures that read as before (live formulas); --include-changed also writes
                published figures that would read differently, --include-suspect those held back (a share
                over 100 %, a component with a finding); --json lists the groups and what was held back
  --tolerance   relative tolerance for "utrzymanie wartości bazowej" (0.05 or 5%; default 0.05)
  --lang pl|en  language of messages (default: pl when LANG starts with "pl", else en)
  --force       restore also the cells changed since the add-in's change (and those an old backup cannot check)

  --findings    add the findings sheet "Uwagi" (decisions and comments already in one are kept)
  --decisions-from  with --findings: carry the decisions and comments of last year's edition's findings sheet
                to the findings that are still the same (same check, matched indicator, year and figures);
                --old-sheet picks its sheet, as in compare

Exit codes: 0 done; 1 validate found an error not marked "Zaakceptowane" on the findings sheet, or the workbook
refused the change (protected sheet, merged cells), or compare found revised figures; 2 bad arguments, a missing,
non-xlsx, damaged or password-protected file, or an add-in backup that cannot be read (damaged, newer version, a
user's sheet with its name); 3 an internal error (a bug: please report it with the file).`;

const FLAGS = ["json", "values-only", "include-changed", "include-suspect", "in-place", "force", "help"] as const;
const OPTIONS = ["sheet", "tolerance", "out", "lang", "old-sheet", "decisions-from"] as const;
/** A flag, or an action `apply` takes (`--recalculate`). */
type Flag = (typeof FLAGS)[number] | ActionId;
type OptionName = (typeof OPTIONS)[number];

const TYPES = new Map<string, "boolean" | "string">([
  ...[...FLAGS, ...APPLY_ACTIONS].map((f) => [f, "boolean"] as const),
  ...OPTIONS.map((o) => [o, "string"] as const),
]);
const CONFIG: ParseArgsConfig["options"] = {
  ...Object.fromEntries([...TYPES].map(([name, type]) => [name, { type }])),
  help: { type: "boolean", short: "h" },
};

interface Parsed {
  flag: (name: Flag) => boolean;
  option: (name: OptionName) => string | undefined;
  positional: string[];
}

/**
 * Node's parser, lenient so that the messages stay ours: an unknown option, `--` or a short group is refused by
 * name, and an option given with no value says so (a following `--x` is taken as the value, as before).
 */
function tokenize(argv: string[]): Parsed {
  const { values, positionals, tokens } = nodeParseArgs({
    args: argv,
    options: CONFIG,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  for (const token of tokens) {
    const raw = argv[token.index];
    if (token.kind === "option-terminator" || (token.kind === "option" && !TYPES.has(token.name))) {
      throw new UsageError(`Nieznana opcja ${raw}.`, `Unknown option ${raw}.`);
    }
    if (token.kind === "option" && TYPES.get(token.name) === "string" && token.value === undefined) {
      throw new UsageError(`Brak wartości po ${token.rawName}.`, `${token.rawName} needs a value.`);
    }
  }
  const option = (name: OptionName) => values[name] as string | undefined;
  return { flag: (name) => values[name] !== undefined, option, positional: positionals };
}

export function parseArgs(argv: string[], envLang = ""): Command {
  const { flag, option, positional } = tokenize(argv);
  const lang = parseLang(option("lang"), envLang);
  const [kind, file, ...extra] = positional;
  if (flag("help") || kind === undefined || kind === "help") return { kind: "help", lang };
  if (!isCommandName(kind)) {
    throw new UsageError(`Nieznane polecenie „${kind}”.`, `Unknown command "${kind}".`);
  }
  if (file === undefined) throw new UsageError("Podaj plik .xlsx.", "Name an .xlsx file.");
  if (kind === "compare") return compareCommand(file, extra, lang, option, flag("json"));
  if (extra.length > 0)
    throw new UsageError(`Nadmiarowe argumenty: ${extra.join(" ")}.`, `Unexpected arguments: ${extra.join(" ")}.`);
  const common: Common = { file, lang, sheet: option("sheet"), tolerance: parseTolerance(option("tolerance")) };

  if (kind === "analyze" || kind === "validate") return { ...common, kind, json: flag("json") };
  const { out, inPlace } = output(flag("in-place"), option("out"));
  if (kind === "restore") return { ...common, kind, out, inPlace, force: flag("force") };
  return { ...common, kind, ...applyFlags(flag, option), json: flag("json"), out, inPlace };
}

interface ApplyFlags {
  actions: ActionId[];
  decisionsFrom?: string;
  oldSheet?: string;
  valuesOnly: boolean;
  includeChanged: boolean;
  includeSuspect: boolean;
}

function applyFlags(flag: Parsed["flag"], option: Parsed["option"]): ApplyFlags {
  const actions = APPLY_ACTIONS.filter((a) => flag(a));
  if (actions.length === 0) {
    const listed = APPLY_ACTIONS.map((a) => `--${a}`);
    const [last, others] = [listed.at(-1), listed.slice(0, -1).join(", ")];
    throw new UsageError(`Wybierz działanie: ${others} lub ${last}.`, `Choose an action: ${others} or ${last}.`);
  }
  for (const name of ["values-only", "include-changed", "include-suspect"] as const) {
    if (flag(name) && !actions.includes("recalculate")) {
      throw new UsageError(`--${name} dotyczy tylko --recalculate.`, `--${name} goes with --recalculate only.`);
    }
  }
  const decisionsFrom = option("decisions-from");
  if (decisionsFrom !== undefined && !actions.includes("findings")) {
    throw new UsageError("--decisions-from dotyczy tylko --findings.", "--decisions-from goes with --findings only.");
  }
  if (option("old-sheet") !== undefined && decisionsFrom === undefined) {
    throw new UsageError(
      "--old-sheet w apply wymaga --decisions-from.",
      "--old-sheet in apply needs --decisions-from.",
    );
  }
  return {
    actions,
    decisionsFrom,
    oldSheet: option("old-sheet"),
    valuesOnly: flag("values-only"),
    includeChanged: flag("include-changed"),
    includeSuspect: flag("include-suspect"),
  };
}

function isCommandName(s: string): s is CliCommand {
  return (CLI_COMMANDS as readonly string[]).includes(s);
}

function compareCommand(oldFile: string, rest: string[], lang: Lang, option: Parsed["option"], json: boolean): Command {
  const [file, ...more] = rest;
  if (file === undefined || more.length > 0) {
    throw new UsageError(
      "Podaj dwa pliki: poprzednią edycję i nową (compare STARY.xlsx NOWY.xlsx).",
      "Name two files: the previous edition and the new one (compare OLD.xlsx NEW.xlsx).",
    );
  }
  return {
    kind: "compare",
    file,
    oldFile,
    lang,
    sheet: option("sheet"),
    oldSheet: option("old-sheet"),
    tolerance: DEFAULT_TOLERANCE,
    json,
  };
}

function output(inPlace: boolean, out: string | undefined): { out: string; inPlace: boolean } {
  if (inPlace && out !== undefined)
    throw new UsageError("Podaj --out albo --in-place, nie oba.", "Give --out or --in-place, not both.");
  if (!inPlace && out === undefined) {
    throw new UsageError(
      "Podaj plik wynikowy --out WYNIK.xlsx (albo --in-place, aby zmienić plik wejściowy).",
      "Name the output with --out OUT.xlsx (or --in-place to change the input file).",
    );
  }
  return { out: out ?? "", inPlace };
}

function parseTolerance(text: string | undefined): number {
  if (text === undefined) return DEFAULT_TOLERANCE;
  const percent = text.trim().endsWith("%");
  const n = Number(text.trim().replace(/%$/, "").replace(",", "."));
  const value = percent ? n / 100 : n;
  if (!Number.isFinite(value) || value < 0 || value >= 1 || text.trim() === "") {
    throw new UsageError(
      `Tolerancja „${text}” jest niepoprawna: podaj ułamek od 0 do 1 (np. 0.05) lub procent (np. 5%).`,
      `Tolerance "${text}" is not valid: give a fraction from 0 to 1 (e.g. 0.05) or a percentage (e.g. 5%).`,
    );
  }
  return value;
}

function parseLang(option: string | undefined, envLang: string): Lang {
  if (option === undefined) return envLang.toLowerCase().startsWith("pl") ? "pl" : "en";
  if (option !== "pl" && option !== "en")
    throw new UsageError("--lang przyjmuje pl albo en.", "--lang takes pl or en.");
  return option;
}
