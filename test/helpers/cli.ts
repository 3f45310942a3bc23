/** The CLI run in-process with its output collected, and a scratch folder per suite, removed after it. */
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { main } from "../../src/cli/main";

export interface CliResult {
  code: number;
  out: string;
  err: string;
}

/** `locale` stands for LANG (it picks the messages' language); `now` is the clock the plans stamp. */
export function cliRunner(locale: string, now: string): (...argv: string[]) => Promise<CliResult> {
  return async (...argv) => {
    let out = "";
    let err = "";
    const code = await main(
      argv,
      { out: (t) => (out += t + "\n"), err: (t) => (err += t + "\n"), now: () => now },
      locale,
    );
    return { code, out, err };
  };
}

/** A temporary folder for the suite's files: `tmp(name)` is a path in it. */
export function suiteFolder(prefix: string): { dir: string; tmp: (name: string) => string } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return { dir, tmp: (name) => join(dir, name) };
}
