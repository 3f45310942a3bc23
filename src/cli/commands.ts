/** The four commands over the xlsx adapter and the engine; each returns its exit code. */
import type { Workbook } from "exceljs";
import { analyseWorkbook } from "../core/analyse";
import { HostError } from "../core/host";
import type { Analysis } from "../core/model";
import type { EditPlan } from "../core/plan";
import { planColor } from "../core/plans/color";
import { planRecalculate } from "../core/plans/recalculate";
import { planRestore } from "../core/plans/restore";
import { planSummary, summarySources } from "../core/plans/summary";
import { buildReport } from "../core/report";
import { reviewFindings } from "../core/review/reviewed";
import { mayBeReviewSheet, planFindings } from "../core/review/sheet";
import type { WorkbookSnapshot } from "../core/snapshot";
import { snapshotFromWorkbook } from "../xlsx/read";
import { applyPlan } from "../xlsx/write";
import type { ApplyAction, Command, Lang } from "./args";
import { FileError, readWorkbookFile, samePath, writeWorkbookFile } from "./files";
import { describeReport, describeFindings, describePlan } from "./summary-text";

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

type Runnable = Exclude<Command, { kind: "help" }>;

export async function runCommand(cmd: Runnable, io: Io): Promise<number> {
  if ((cmd.kind === "apply" || cmd.kind === "restore") && !cmd.inPlace && samePath(cmd.out, cmd.file)) {
    throw new FileError(
      "Plik wynikowy to plik wejściowy: użyj --in-place, jeśli naprawdę chcesz go zmienić.",
      "The output is the input file: use --in-place if you really mean to change it.",
    );
  }
  const wb = await readWorkbookFile(cmd.file);
  switch (cmd.kind) {
    case "analyze":
    case "validate":
      return report(cmd, wb, io);
    case "apply":
      return applyActions(cmd, wb, io);
    case "restore":
      // The findings sheets are read: restore keeps those a reviewer wrote in.
      return change(wb, [() => planRestore(snapshotFromWorkbook(wb, reviewSheetNames(wb, [])), io.now())], cmd.inPlace ? cmd.file : cmd.out, cmd.lang, io);
  }
}

function readSnapshot(wb: Workbook, sheet: string | undefined): WorkbookSnapshot {
  if (sheet !== undefined && !wb.getWorksheet(sheet)) {
    const names = wb.worksheets.map((ws) => `„${ws.name}”`).join(", ");
    throw new FileError(`W skoroszycie nie ma arkusza „${sheet}” (są: ${names}).`, `The workbook has no sheet "${sheet}" (it has ${names}).`);
  }
  if (sheet === undefined) return snapshotFromWorkbook(wb);
  // One sheet read: its findings sheets go along, as the add-in reads them, for the reviewer's decisions.
  const snapshot = snapshotFromWorkbook(wb, [sheet]);
  const reviews = reviewSheetNames(wb, [sheet]);
  return reviews.length === 0 ? snapshot : { ...snapshot, reviews: snapshotFromWorkbook(wb, reviews).sheets };
}

function reviewSheetNames(wb: Workbook, except: string[]): string[] {
  return wb.worksheets.map((ws) => ws.name).filter((n) => mayBeReviewSheet(n) && !except.includes(n));
}

function analyse(wb: Workbook, cmd: Runnable): { snapshot: WorkbookSnapshot; analysis: Analysis } {
  const snapshot = readSnapshot(wb, cmd.sheet);
  return { snapshot, analysis: analyseWorkbook(snapshot, { tolerance: cmd.tolerance }) };
}

function report(cmd: Extract<Runnable, { kind: "analyze" | "validate" }>, wb: Workbook, io: Io): number {
  const { snapshot, analysis } = analyse(wb, cmd);
  const rep = buildReport(cmd.file, analysis, reviewFindings(snapshot, analysis));
  if (cmd.json) io.out(JSON.stringify(rep, null, 2));
  else io.out(cmd.kind === "analyze" ? describeReport(rep, cmd.lang) : describeFindings(rep, cmd.lang));
  // An error the reviewer accepted on the findings sheet no longer fails validation.
  const errors = rep.findings.some((f) => f.severity === "error" && f.decision !== "accepted");
  return cmd.kind === "validate" && errors ? EXIT_FINDINGS : EXIT_OK;
}

const ORDER: ApplyAction[] = ["recalculate", "color", "summary", "findings"];

/**
 * Each action plans on the workbook as the previous one left it, as the task pane would. The summary is one
 * plan per source sheet with an indicator table (the --sheet one, or every such sheet).
 */
function applyActions(cmd: Extract<Runnable, { kind: "apply" }>, wb: Workbook, io: Io): Promise<number> {
  const fresh = () => analyse(wb, cmd);
  const planners: (() => EditPlan)[] = [];
  for (const action of ORDER.filter((a) => cmd.actions.includes(a))) {
    if (action === "recalculate") {
      const mode = cmd.valuesOnly ? "values" : "formulas";
      planners.push(() => {
        const { snapshot, analysis } = fresh();
        return planRecalculate(snapshot, analysis, { mode, now: io.now() });
      });
    } else if (action === "color") {
      planners.push(() => {
        const { snapshot, analysis } = fresh();
        return planColor(snapshot, analysis, { now: io.now() });
      });
    } else {
      const { snapshot, analysis } = fresh();
      const found = summarySources(snapshot, analysis);
      // With no table anywhere, the first sheet read gets the planner's own "nothing to summarise".
      const sources = found.length > 0 ? found : analysis.sheets.slice(0, 1).map((s) => s.sheet);
      const plan = action === "summary" ? planSummary : planFindings;
      for (const sheet of sources) {
        planners.push(() => {
          const { snapshot, analysis } = fresh();
          return plan(snapshot, analysis, { sheet, now: io.now() });
        });
      }
    }
  }
  return change(wb, planners, cmd.inPlace ? cmd.file : cmd.out, cmd.lang, io);
}

/** Plan and apply in turn, then write the file once; a refusal writes nothing. */
async function change(wb: Workbook, planners: (() => EditPlan)[], out: string, lang: Lang, io: Io): Promise<number> {
  const plans: EditPlan[] = [];
  for (const plan of planners) {
    const p = plan();
    try {
      applyPlan(wb, p);
    } catch (e) {
      if (!(e instanceof HostError)) throw e;
      io.err(e[lang]);
      return EXIT_FINDINGS;
    }
    plans.push(p);
  }
  await writeWorkbookFile(wb, out);
  io.out(plans.map((p) => describePlan(p, lang)).join("\n") + `\n→ ${out}`);
  return EXIT_OK;
}
