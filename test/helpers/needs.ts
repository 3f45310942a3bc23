/**
 * Checks that need a program this machine may lack (a browser, LibreOffice). Where it is missing, a developer's run
 * skips them and says why: the skipped block's title carries the reason and the install command, and
 * test/helpers/skip-reporter.js lists every skipped check at the end of the run. Under CI=true they fail instead,
 * with the same message, because CI must really run them.
 */
import { spawnSync } from "child_process";
import { existsSync } from "fs";
import { delimiter, join } from "path";
import { findBrowser } from "../../scripts/lib/browser";

export interface Need {
  what: string;
  /** Why it cannot run here, with the install command; undefined when it can. */
  missing(): string | undefined;
}

export const BROWSER: Need = {
  what: "a browser",
  missing: () => {
    const choice = findBrowser();
    return choice.found ? undefined : choice.why;
  },
};

/** A command on the PATH, found without running it (`soffice --version` costs 0.4 s of CPU a test file). */
function onPath(command: string): boolean {
  const extensions = process.platform === "win32" ? (process.env.PATHEXT ?? ".EXE;.CMD;.BAT;.COM").split(";") : [""];
  return (process.env.PATH ?? "")
    .split(delimiter)
    .some((dir) => dir !== "" && extensions.some((ext) => existsSync(join(dir, command + ext))));
}

/** soffice on the PATH; whether it works, the conversions say (test/helpers/libreoffice.ts), failing, not skipping. */
export const LIBREOFFICE: Need = {
  what: "LibreOffice",
  missing: () =>
    onPath("soffice") ? undefined : "no LibreOffice (soffice) on the PATH: apt-get install -y libreoffice-calc",
};

/** LibreOffice, and poppler-utils' pdfinfo and pdftotext to measure the PDF it prints. */
export const LIBREOFFICE_PDF: Need = {
  what: "LibreOffice and poppler-utils",
  missing: () =>
    LIBREOFFICE.missing() ??
    (["pdfinfo", "pdftotext"].every((tool) => spawnSync(tool, ["-v"], { stdio: "ignore" }).error === undefined)
      ? undefined
      : "no pdfinfo or pdftotext on the PATH: apt-get install -y poppler-utils"),
};

/** CI=true (or any value but false or 0), as CI services and .ci/run's machine set it. */
export const inCi = (env: NodeJS.ProcessEnv = process.env): boolean => !!env.CI && !/^(false|0)$/i.test(env.CI);

/** describe(title, body) where the need is met; else a skipped block that says why, or, under CI, a failing test. */
export function describeWith(need: Need, title: string, body: () => void): void {
  const why = need.missing();
  if (why === undefined) describe(title, body);
  else if (inCi()) {
    describe(title, () => {
      test(`needs ${need.what}`, () => {
        throw new Error(`${why}. CI=true: these checks must run here, not be skipped.`);
      });
    });
  } else describe.skip(`${title} (skipped: ${why})`, body);
}
