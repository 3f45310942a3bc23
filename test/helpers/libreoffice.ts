/**
 * LibreOffice conversions for the tests, giving what `soffice --headless --convert-to` gives.
 *
 * Two ways, because a start of soffice costs about 5 s of CPU and LibreOffice 7.4 quits after the first conversion
 * handed to a running instance on its command line:
 * - where a Python that can `import uno` exists (Debian's python3-uno; LibreOffice's own python on macOS), ONE
 *   headless soffice serves the whole jest run: the first conversion starts it, under a lock in the run's folder, so
 *   that the two workers share it, and each conversion goes through UNO (libreoffice.py beside this file);
 * - elsewhere (Windows, or no python3-uno), one `soffice --convert-to` per call, as before: the tests still run,
 *   slower, and the closing banner says so (skip-reporter.js).
 * The run's folder (profile, temporary files, inputs and outputs) comes from jest's globalSetup and goes with its
 * globalTeardown (stopLibreOffice), which also stops soffice; a jest killed before that is noticed by the keeper
 * process that owns soffice, which then stops it and removes the folder.
 */
import { execFile, spawn, spawnSync } from "child_process";
import { randomBytes } from "crypto";
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "fs";
import { tmpdir } from "os";
import { setTimeout as sleep } from "timers/promises";
import { basename, join } from "path";
import { pathToFileURL } from "url";

/** Set by globalSetup: the run's folder, and the jest process the keeper outlives by no more than a second. */
const RUN = "MOPS_LO_RUN";
const OWNER = "MOPS_LO_OWNER";
const SCRIPT = join(__dirname, "libreoffice.py");

/** The filters `soffice --convert-to EXT` picks for a spreadsheet (LibreOffice 7.4 prints them: "using filter"). */
const FILTERS: Record<string, string> = {
  xlsx: "Calc MS Excel 2007 XML",
  html: "HTML (StarCalc)",
  pdf: "calc_pdf_Export",
};

/** What the keeper (or, without Python's UNO, the first caller) writes to the run's folder. */
type Service = { python: string; pipe: string } | { cli: true } | { error: string };

const STATE = "service.json";
const START_MS = 75_000;

/**
 * globalSetup: a fresh folder for the run, named to the workers through the environment. The first conversion
 * makes it: a run stopped with Ctrl-C skips the teardown, and one that converted nothing then leaves nothing.
 */
export function startRun(): void {
  process.env[RUN] = join(tmpdir(), `mops-lo-${process.pid}-${randomBytes(4).toString("hex")}`);
  process.env[OWNER] = String(process.pid);
}

function runDir(): string {
  const dir = process.env[RUN];
  if (!dir) throw new Error(`no ${RUN}: run the tests through jest.e2e.config.js, whose globalSetup names the folder`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

function writeState(dir: string, state: Service): void {
  writeFileSync(join(dir, `${STATE}.tmp`), JSON.stringify(state));
  renameSync(join(dir, `${STATE}.tmp`), join(dir, STATE));
}

function readState(dir: string): Service | undefined {
  return existsSync(join(dir, STATE)) ? (JSON.parse(readFileSync(join(dir, STATE), "utf8")) as Service) : undefined;
}

/** A Python with LibreOffice's UNO bridge. The keeper ends soffice by its POSIX process group: not on Windows. */
function unoPython(): string | undefined {
  if (process.platform === "win32") return undefined;
  const candidates = ["/usr/bin/python3", "/Applications/LibreOffice.app/Contents/Resources/python", "python3"];
  return candidates.find((py) => spawnSync(py, ["-c", "import uno"], { stdio: "ignore" }).status === 0);
}

/** The first caller of the run (an exclusive lock file decides) starts the keeper; every caller waits for it. */
async function startService(dir: string): Promise<Service> {
  let lock: number | undefined;
  try {
    lock = openSync(join(dir, "service.lock"), "wx");
  } catch {
    // Another worker holds it: wait for its keeper below.
  }
  if (lock !== undefined) {
    closeSync(lock);
    const python = unoPython();
    if (python === undefined) writeState(dir, { cli: true });
    else {
      const keeper = spawn(python, [SCRIPT, "serve", dir, process.env[OWNER] ?? String(process.pid)], {
        detached: true,
        stdio: "ignore",
      });
      writeFileSync(join(dir, "keeper.pid"), String(keeper.pid));
      keeper.unref();
    }
  }
  const since = Date.now();
  for (;;) {
    const state = readState(dir);
    if (state) return state;
    if (Date.now() - since > START_MS) throw new Error(`LibreOffice did not start within ${START_MS / 1000} s`);
    await sleep(100);
  }
}

let service: Promise<Service> | undefined;

/** Runs a command; the reason it failed, if it did, with `hung` when it was stopped at the timeout. */
function run(command: string, args: string[], timeout: number, env?: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) =>
    execFile(command, args, { timeout, env }, (error, _stdout, stderr) => {
      if (!error) resolve();
      else if (error.killed)
        reject(Object.assign(new Error(`no result within ${timeout / 1000} s, stopped`), { hung: true }));
      else reject(new Error(String(stderr).trim() || error.message));
    }),
  );
}

/**
 * Every file converted to `to`, as `soffice --convert-to <to>` gives it ("xlsx", "html", "pdf" or
 * "ext:Filter name:options"); the bytes in the order given. Names must differ in their base name.
 */
export async function convertWithLibreOffice(
  files: { name: string; bytes: Uint8Array }[],
  to: string,
): Promise<Buffer[]> {
  const dir = runDir();
  const [ext, filter = FILTERS[ext!], options = ""] = to.split(":") as [string, string?, string?];
  if (filter === undefined) throw new Error(`no filter known for ${to}: name it, "${ext}:Filter name"`);
  const call = mkdtempSync(join(dir, "call-"));
  try {
    mkdirSync(join(call, "out"));
    const inputs = files.map(({ name, bytes }) => {
      writeFileSync(join(call, name), bytes);
      return join(call, name);
    });
    const outputs = files.map(({ name }) => join(call, "out", `${name.replace(/\.[^.]+$/, "")}.${ext}`));
    // About a second a file on an idle machine: generous for a loaded one, finite for a hung soffice, and within the
    // tests' own timeouts so that this error is the one reported.
    const timeout = 45_000 + 15_000 * files.length;
    service ??= startService(dir);
    const state = await service;
    if ("error" in state) throw new Error(`LibreOffice is out of service for this run: ${state.error}`);
    if ("cli" in state) {
      const profile = `-env:UserInstallation=${pathToFileURL(join(call, "profile")).href}`;
      await run(
        "soffice",
        [profile, "--headless", "--convert-to", to, "--outdir", join(call, "out"), ...inputs],
        timeout,
        {
          ...process.env,
          // LibreOffice leaves lu*.tmp files in TMPDIR: keep them in the folder removed below.
          TMPDIR: call,
        },
      );
    } else {
      const pairs = inputs.flatMap((input, i) => [input, outputs[i]!]);
      await run(state.python, [SCRIPT, "convert", state.pipe, filter, options, ...pairs], timeout).catch(
        (error: Error & { hung?: boolean }) => {
          const names = files.map((f) => f.name).join(", ");
          const why = `LibreOffice (one soffice for the run) did not convert ${names} to ${to}: ${error.message}`;
          // The keeper notes a soffice that died; a hung one is stopped here, and every later conversion of the run
          // fails at once with this reason.
          const known = readState(dir);
          if (known && "error" in known) throw new Error(`${why}. ${known.error}`);
          if (error.hung) {
            writeState(dir, { error: why });
            stopKeeper(dir);
          }
          throw new Error(why);
        },
      );
    }
    return outputs.map((output) => {
      if (!existsSync(output)) throw new Error(`LibreOffice wrote no ${basename(output)} (converting to ${to})`);
      return readFileSync(output);
    });
  } finally {
    rmSync(call, { recursive: true, force: true });
  }
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const pidIn = (dir: string, file: string): number | undefined =>
  existsSync(join(dir, file)) ? Number(readFileSync(join(dir, file), "utf8")) : undefined;

function stopKeeper(dir: string): void {
  const keeper = pidIn(dir, "keeper.pid");
  if (keeper !== undefined && alive(keeper)) process.kill(keeper, "SIGTERM");
}

/** globalTeardown: the keeper asks soffice to quit (else ends it), then the run's folder goes. */
export async function stopLibreOffice(): Promise<void> {
  const dir = process.env[RUN];
  if (!dir || !existsSync(dir)) return;
  stopKeeper(dir);
  const keeper = pidIn(dir, "keeper.pid");
  const running = () => keeper !== undefined && alive(keeper) && !existsSync(join(dir, "keeper.done"));
  const since = Date.now();
  while (running() && Date.now() - since < 40_000) await sleep(100);
  // A keeper that did not end (it waits up to 35 s for soffice): end both, soffice by its process group.
  if (running()) process.kill(keeper!, "SIGKILL");
  const office = pidIn(dir, "office.pid");
  if (office !== undefined && alive(-office)) process.kill(-office, "SIGKILL");
  rmSync(dir, { recursive: true, force: true });
}
