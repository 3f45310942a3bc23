/** Command-line arguments to a command, or a UsageError that says what is wrong. */

export type Lang = "pl" | "en";
export type ApplyAction = "recalculate" | "color" | "summary" | "findings";

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
      actions: ApplyAction[];
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

export class UsageError extends Error {
  constructor(readonly pl: string, readonly en: string) {
    super(en);
    this.name = "UsageError";
  }
}

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

const FLAGS = new Set(["--json", "--values-only", "--include-changed", "--include-suspect", "--in-place", "--recalculate", "--color", "--summary", "--findings", "--force", "--help", "-h"]);
const OPTIONS = new Set(["--sheet", "--tolerance", "--out", "--lang", "--old-sheet", "--decisions-from"]);
const DEFAULT_TOLERANCE = 0.05;

export function parseArgs(argv: string[], envLang = ""): Command {
  const flags = new Set<string>();
  const options = new Map<string, string>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [name, inline] = arg.startsWith("--") && arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    if (FLAGS.has(name)) flags.add(name);
    else if (OPTIONS.has(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined) throw new UsageError(`Brak wartości po ${name}.`, `${name} needs a value.`);
      options.set(name, value);
    } else if (arg.startsWith("-") && arg !== "-") {
      throw new UsageError(`Nieznana opcja ${arg}.`, `Unknown option ${arg}.`);
    } else positional.push(arg);
  }
  const lang = parseLang(options.get("--lang"), envLang);
  const [kind, file, ...extra] = positional;
  if (flags.has("--help") || flags.has("-h") || kind === undefined || kind === "help") return { kind: "help", lang };
  if (!isCommandName(kind)) {
    throw new UsageError(`Nieznane polecenie „${kind}”.`, `Unknown command "${kind}".`);
  }
  if (file === undefined) throw new UsageError("Podaj plik .xlsx.", "Name an .xlsx file.");
  if (kind === "compare") return compareCommand(file, extra, lang, options, flags.has("--json"));
  if (extra.length > 0) throw new UsageError(`Nadmiarowe argumenty: ${extra.join(" ")}.`, `Unexpected arguments: ${extra.join(" ")}.`);
  const common: Common = { file, lang, sheet: options.get("--sheet"), tolerance: parseTolerance(options.get("--tolerance")) };

  if (kind === "analyze" || kind === "validate") return { ...common, kind, json: flags.has("--json") };
  const { out, inPlace } = output(flags.has("--in-place"), options.get("--out"));
  if (kind === "restore") return { ...common, kind, out, inPlace, force: flags.has("--force") };
  const actions = (["recalculate", "color", "summary", "findings"] as const).filter((a) => flags.has(`--${a}`));
  if (actions.length === 0) {
    throw new UsageError(
      "Wybierz działanie: --recalculate, --color, --summary lub --findings.",
      "Choose an action: --recalculate, --color, --summary or --findings.",
    );
  }
  for (const flag of ["--values-only", "--include-changed", "--include-suspect"]) {
    if (flags.has(flag) && !actions.includes("recalculate")) {
      throw new UsageError(`${flag} dotyczy tylko --recalculate.`, `${flag} goes with --recalculate only.`);
    }
  }
  const decisionsFrom = options.get("--decisions-from");
  if (decisionsFrom !== undefined && !actions.includes("findings")) {
    throw new UsageError("--decisions-from dotyczy tylko --findings.", "--decisions-from goes with --findings only.");
  }
  if (options.has("--old-sheet") && decisionsFrom === undefined) {
    throw new UsageError("--old-sheet w apply wymaga --decisions-from.", "--old-sheet in apply needs --decisions-from.");
  }
  return {
    ...common,
    kind,
    actions,
    decisionsFrom,
    oldSheet: options.get("--old-sheet"),
    valuesOnly: flags.has("--values-only"),
    includeChanged: flags.has("--include-changed"),
    includeSuspect: flags.has("--include-suspect"),
    json: flags.has("--json"),
    out,
    inPlace,
  };
}

const COMMANDS = ["analyze", "validate", "apply", "restore", "compare"] as const;

function isCommandName(s: string): s is (typeof COMMANDS)[number] {
  return (COMMANDS as readonly string[]).includes(s);
}

function compareCommand(oldFile: string, rest: string[], lang: Lang, options: Map<string, string>, json: boolean): Command {
  if (rest.length !== 1) {
    throw new UsageError(
      "Podaj dwa pliki: poprzednią edycję i nową (compare STARY.xlsx NOWY.xlsx).",
      "Name two files: the previous edition and the new one (compare OLD.xlsx NEW.xlsx).",
    );
  }
  return { kind: "compare", file: rest[0], oldFile, lang, sheet: options.get("--sheet"), oldSheet: options.get("--old-sheet"), tolerance: DEFAULT_TOLERANCE, json };
}

function output(inPlace: boolean, out: string | undefined): { out: string; inPlace: boolean } {
  if (inPlace && out !== undefined) throw new UsageError("Podaj --out albo --in-place, nie oba.", "Give --out or --in-place, not both.");
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
  if (option !== "pl" && option !== "en") throw new UsageError("--lang przyjmuje pl albo en.", "--lang takes pl or en.");
  return option;
}
