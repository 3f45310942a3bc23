/** The CLI's argument parser: what each argument list becomes, and the message for each mistake. */
import { parseArgs, UsageError } from "../../src/cli/args";

const errorOf = (argv: string[]): { pl: string; en: string } => {
  try {
    parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) return { pl: e.pl, en: e.en };
    throw e;
  }
  throw new Error(`${argv.join(" ")} parsed`);
};

describe("parseArgs", () => {
  test("apply with its flags, an inline and a separate value, the tolerance as a percentage", () => {
    expect(
      parseArgs(
        [
          "apply",
          "a.xlsx",
          "--recalculate",
          "--include-changed",
          "--color",
          "--sheet=Arkusz 1",
          "--tolerance",
          "5%",
          "--out",
          "o.xlsx",
        ],
        "pl_PL",
      ),
    ).toEqual({
      kind: "apply",
      file: "a.xlsx",
      lang: "pl",
      sheet: "Arkusz 1",
      tolerance: 0.05,
      actions: ["recalculate", "color"],
      valuesOnly: false,
      includeChanged: true,
      includeSuspect: false,
      json: false,
      out: "o.xlsx",
      inPlace: false,
    });
  });

  test("the other commands, the language from --lang over the environment, -h and no command as help", () => {
    expect(parseArgs(["analyze", "a.xlsx", "--json", "--lang", "en"], "pl_PL")).toEqual({
      kind: "analyze",
      file: "a.xlsx",
      lang: "en",
      sheet: undefined,
      tolerance: 0.05,
      json: true,
    });
    expect(parseArgs(["restore", "a.xlsx", "--in-place", "--force"])).toMatchObject({
      kind: "restore",
      inPlace: true,
      force: true,
      out: "",
    });
    expect(parseArgs(["compare", "old.xlsx", "new.xlsx", "--old-sheet", "S"])).toMatchObject({
      kind: "compare",
      oldFile: "old.xlsx",
      file: "new.xlsx",
      oldSheet: "S",
    });
    expect(parseArgs(["validate", "a.xlsx", "-h"], "pl")).toEqual({ kind: "help", lang: "pl" });
    expect(parseArgs([])).toEqual({ kind: "help", lang: "en" });
    // An option's value is the next argument even when it looks like an option.
    expect(parseArgs(["analyze", "a.xlsx", "--sheet", "--json"])).toMatchObject({ sheet: "--json", json: false });
  });

  test.each([
    [["analyze", "a.xlsx", "--verbose"], "Unknown option --verbose."],
    [["analyze", "a.xlsx", "-v"], "Unknown option -v."],
    [["analyze", "--", "a.xlsx"], "Unknown option --."],
    [["analyze", "a.xlsx", "--sheet"], "--sheet needs a value."],
    [["analyse", "a.xlsx"], 'Unknown command "analyse".'],
    [["analyze"], "Name an .xlsx file."],
    [["analyze", "a.xlsx", "b.xlsx"], "Unexpected arguments: b.xlsx."],
    [["compare", "old.xlsx"], "Name two files: the previous edition and the new one (compare OLD.xlsx NEW.xlsx)."],
    [["apply", "a.xlsx", "--color", "--values-only", "--in-place"], "--values-only goes with --recalculate only."],
    [["apply", "a.xlsx", "--color", "--in-place", "--out", "o.xlsx"], "Give --out or --in-place, not both."],
    [
      ["analyze", "a.xlsx", "--tolerance", "1"],
      'Tolerance "1" is not valid: give a fraction from 0 to 1 (e.g. 0.05) or a percentage (e.g. 5%).',
    ],
    [["analyze", "a.xlsx", "--lang", "de"], "--lang takes pl or en."],
  ])("%j: %s", (argv, en) => {
    const error = errorOf(argv);
    expect(error.en).toBe(en);
    expect(error.pl).not.toBe("");
  });
});
