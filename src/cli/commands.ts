/**
 * The commands over one file (compare reads two: compare.ts), over the xlsx adapter and the action registry; each
 * returns its exit code.
 */
import { basename, extname } from "path";
import type { Workbook } from "exceljs";
import { ACTION, APPLY_ACTIONS, planWith } from "../core/actions";
import { analyzeWorkbook } from "../core/analyze";
import { sheetProtected } from "../core/check";
import { localTimestamp } from "../core/format";
import { BackupRefusal, HostError } from "../core/host";
import type { Analysis } from "../core/model";
import type { EditPlan } from "../core/plan";
import { summarySources } from "../core/plans/summary";
import { buildReport } from "../core/report";
import { reviewFindings } from "../core/review/reviewed";
import { carryDecisions, type Carried } from "../core/review/carry";
import type { WorkbookSnapshot } from "../core/snapshot";
import { snapshotFromWorkbook } from "../xlsx/read";
import { patchPackage } from "../xlsx/ooxml";
import { applyPlan } from "../xlsx/write";
import type { Command } from "./args";
import { FileError, readWorkbookFile, samePath, writeWorkbookFile, type WorkbookFile } from "./files";
import { readEdition, readSnapshot } from "./editions";
import { describeReport, describeFindings, describePlan, planJson } from "./summary-text";

export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** ISO timestamp for journal entries. */
  now(): string;
}

export const EXIT_OK = 0;
/** validate found an error, or the workbook refused a change. */
export const EXIT_FINDINGS = 1;
/** Bad arguments or an unreadable file. */
export const EXIT_INPUT = 2;

/** `compare` reads two files: src/cli/compare.ts runs it. */
type Runnable = Exclude<Command, { kind: "help" | "compare" }>;

export async function runCommand(cmd: Runnable, io: Io): Promise<number> {
  if ((cmd.kind === "apply" || cmd.kind === "restore") && !cmd.inPlace && samePath(cmd.out, cmd.file)) {
    throw new FileError(
      "Plik wynikowy to plik wejściowy: użyj --in-place, jeśli naprawdę chcesz go zmienić.",
      "The output is the input file: use --in-place if you really mean to change it.",
    );
  }
  if (
    (cmd.kind === "apply" || cmd.kind === "restore") &&
    !cmd.inPlace &&
    macroEnabled(cmd.file) &&
    extname(cmd.out).toLowerCase() !== extname(cmd.file).toLowerCase()
  ) {
    // The package keeps its macros and its macro-enabled type, which Excel refuses to open under another extension.
    throw new FileError(
      `„${cmd.file}” zawiera makra: zapisz wynik z tym samym rozszerzeniem (${extname(cmd.file)}).`,
      `"${cmd.file}" holds macros: give the output the same extension (${extname(cmd.file)}).`,
    );
  }
  const file = await readWorkbookFile(cmd.file);
  const wb = file.workbook;
  switch (cmd.kind) {
    case "analyze":
    case "validate":
      return report(cmd, wb, io);
    case "apply":
      return applyActions(cmd, file, io);
    case "restore":
      return change(file, [() => restoreWhole(wb, cmd, io)], cmd, io);
  }
}

/** Restore reads every sheet but the journal in full: it finds its cells wherever they are now. */
function restoreWhole(wb: Workbook, cmd: Extract<Runnable, { kind: "restore" }>, io: Io): EditPlan {
  const snapshot = snapshotFromWorkbook(wb);
  const analysis = () => analyzeWorkbook(snapshot, { tolerance: cmd.tolerance });
  return ACTION.restore.plan(snapshot, analysis, { now: io.now(), force: cmd.force });
}

function analyze(wb: Workbook, cmd: Runnable): { snapshot: WorkbookSnapshot; analysis: Analysis } {
  const snapshot = readSnapshot(wb, cmd.sheet);
  return { snapshot, analysis: analyzeWorkbook(snapshot, { tolerance: cmd.tolerance }) };
}

function report(cmd: Extract<Runnable, { kind: "analyze" | "validate" }>, wb: Workbook, io: Io): number {
  const { snapshot, analysis } = analyze(wb, cmd);
  const rep = buildReport(cmd.file, analysis, reviewFindings(snapshot, analysis));
  if (cmd.json) io.out(JSON.stringify(rep, null, 2));
  else io.out(cmd.kind === "analyze" ? describeReport(rep, cmd.lang) : describeFindings(rep, cmd.lang));
  // An error the reviewer accepted on the findings sheet no longer fails validation.
  const errors = rep.findings.some((f) => f.severity === "error" && f.decision !== "accepted");
  return cmd.kind === "validate" && errors ? EXIT_FINDINGS : EXIT_OK;
}

/**
 * Each action plans on the workbook as the previous one left it, as the task pane would, in the registry's order.
 * An action that makes a sheet of its own (summary, findings) makes one per source sheet with an indicator table
 * (the --sheet one, or every such sheet).
 */
async function applyActions(cmd: Extract<Runnable, { kind: "apply" }>, file: WorkbookFile, io: Io): Promise<number> {
  const wb = file.workbook;
  // Last year's edition, read before anything is planned: a bad file stops the run with nothing written.
  const from = cmd.decisionsFrom;
  const lastYear =
    from === undefined
      ? null
      : readEdition((await readWorkbookFile(from)).workbook, from, cmd.oldSheet, undefined, cmd.tolerance);
  const carried = (analysis: Analysis, sheet: string): Carried | undefined =>
    lastYear && from !== undefined ? carryDecisions(lastYear, analysis, sheet, basename(from)) : undefined;
  // The workbook as it is before any plan is applied: read once, for the protection check and the sheets' sources.
  let read: ReturnType<typeof analyze> | undefined;
  const before = () => (read ??= analyze(wb, cmd));
  if (cmd.actions.some((id) => ACTION[id].changes === "tables")) {
    // As Excel refuses an edit to a protected sheet: the planners would skip it, the CLI says no instead.
    const { snapshot, analysis } = before();
    const locked = analysis.sheets.find(
      (s) => s.tables.length > 0 && snapshot.sheets.find((t) => t.name === s.sheet)?.protected,
    );
    if (locked) {
      const refusal = sheetProtected(locked.sheet);
      io.err(refusal[cmd.lang]);
      return EXIT_FINDINGS;
    }
  }
  const planners: (() => EditPlan)[] = [];
  for (const id of APPLY_ACTIONS.filter((a) => cmd.actions.includes(a))) {
    if (ACTION[id].changes === "tables") {
      const mode = cmd.valuesOnly ? "values" : "formulas";
      const { includeChanged, includeSuspect } = cmd;
      const first = planners.length === 0;
      planners.push(() => {
        // Read when it runs: the workbook as the previous plan left it; the first plans on the read made above,
        // as nothing has changed since.
        const { snapshot, analysis } = first ? before() : analyze(wb, cmd);
        return planWith(id, snapshot, analysis, { mode, now: io.now(), includeChanged, includeSuspect });
      });
      continue;
    }
    const { snapshot, analysis } = before();
    const found = summarySources(snapshot, analysis);
    // With no table anywhere, the first sheet read gets the planner's own "nothing to summarise".
    const sources = found.length > 0 ? found : analysis.sheets.slice(0, 1).map((s) => s.sheet);
    for (const sheet of sources) {
      planners.push(() => {
        // Only the source sheet is read again (with every sheet's name and the backup): reading the whole
        // workbook for each source made many sheets quadratic.
        const { snapshot, analysis } = analyze(wb, { ...cmd, sheet });
        const now = io.now();
        const local = localTimestamp(new Date(now));
        // Only the findings sheet takes last year's decisions; the summary's planner has no use for them.
        const last = id === "findings" ? carried(analysis, sheet) : undefined;
        return planWith(id, snapshot, analysis, { sheet, now, local, carried: last });
      });
    }
  }
  return change(file, planners, cmd, io);
}

function macroEnabled(path: string): boolean {
  return [".xlsm", ".xltm"].includes(extname(path).toLowerCase());
}

/**
 * Plan and apply in turn, then write the file once by patching the original package; a refusal writes
 * nothing, and so does a run that changes nothing.
 */
async function change(
  file: WorkbookFile,
  planners: (() => EditPlan)[],
  cmd: Extract<Runnable, { kind: "apply" | "restore" }>,
  io: Io,
): Promise<number> {
  const { lang } = cmd;
  const out = cmd.inPlace ? cmd.file : cmd.out;
  const plans: EditPlan[] = [];
  let patched: Uint8Array | null;
  try {
    for (const plan of planners) {
      const p = plan();
      applyPlan(file.workbook, p);
      plans.push(p);
    }
    patched = await patchPackage({ original: file.bytes, workbook: file.workbook, plans });
  } catch (e) {
    if (!(e instanceof HostError)) throw e;
    io.err(e[lang]);
    // A backup that cannot be trusted is a problem of the input file, as a damaged file is.
    return e instanceof BackupRefusal ? EXIT_INPUT : EXIT_FINDINGS;
  }
  const described = plans.map((p) => describePlan(p, lang)).join("\n");
  const json = cmd.kind === "apply" && cmd.json;
  if (patched === null) {
    const nothing =
      lang === "pl" ? "Nic się nie zmienia: plik nie został zapisany." : "Nothing changes: no file was written.";
    io.out(json ? JSON.stringify({ out: null, plans: plans.map(planJson) }, null, 2) : `${described}\n${nothing}`);
    return EXIT_OK;
  }
  await writeWorkbookFile(patched, out, cmd.inPlace);
  io.out(json ? JSON.stringify({ out, plans: plans.map(planJson) }, null, 2) : `${described}\n→ ${out}`);
  return EXIT_OK;
}
