/** `mops-indicators`: the engine over .xlsx files, for batch work and end-to-end tests. */
import type { Lang } from "../core/message";
import { USAGE, UsageError, parseArgs } from "./args";
import { EXIT_INPUT, EXIT_OK, runCommand, type Io } from "./commands";
import { runCompare } from "./compare";
import { FileError } from "./files";

export async function main(argv: string[], io: Io, envLang = ""): Promise<number> {
  try {
    const cmd = parseArgs(argv, envLang);
    if (cmd.kind === "help") {
      io.out(USAGE);
      return EXIT_OK;
    }
    return await (cmd.kind === "compare" ? runCompare(cmd, io) : runCommand(cmd, io));
  } catch (e) {
    if (e instanceof UsageError || e instanceof FileError) {
      io.err(e[langOf(argv, envLang)]);
      if (e instanceof UsageError) io.err(USAGE);
      return EXIT_INPUT;
    }
    throw e;
  }
}

/** The language for an error message, even when the arguments did not parse. */
function langOf(argv: string[], envLang: string): Lang {
  const i = argv.findIndex((a) => a === "--lang" || a.startsWith("--lang="));
  const option = argv[i];
  const given = option === undefined ? undefined : option.includes("=") ? option.split("=")[1] : argv[i + 1];
  if (given === "pl" || given === "en") return given;
  return envLang.toLowerCase().startsWith("pl") ? "pl" : "en";
}

/** Run with the process's arguments, streams and clock, and exit with the command's code. */
export async function runCli(): Promise<void> {
  const io: Io = {
    out: (text) => process.stdout.write(text + "\n"),
    err: (text) => process.stderr.write(text + "\n"),
    now: () => new Date().toISOString(),
  };
  try {
    process.exitCode = await main(process.argv.slice(2), io, process.env.LC_ALL || process.env.LANG || "");
  } catch (e) {
    process.stderr.write(`mops-indicators: ${(e as Error).stack ?? String(e)}\n`);
    process.exitCode = 3;
  }
}

if (require.main === module) void runCli();
