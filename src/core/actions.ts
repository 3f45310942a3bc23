/**
 * The add-in's actions, each declared once: its name on the pane's button (and the ribbon's dialog), where the CLI
 * offers it, and, for an action that writes, the planner it runs. The pane builds its buttons from this list, the
 * ribbon associates its commands from it, the CLI takes its subcommands and `apply` flags from it and every
 * surface plans through `planWith`; test/build/actions.test.ts fails when a surface offers an action not listed here.
 */
import type { Analysis } from "./model";
import type { Message } from "./message";
import { editWrites, type ActionId, type EditPlan } from "./plan";
import { guardPlan } from "./guard";
import { planColor } from "./plans/color";
import { planRecalculate } from "./plans/recalculate";
import { planRestore } from "./plans/restore";
import { planSummary } from "./plans/summary";
import type { Carried } from "./review/carry";
import { planFindings } from "./review/sheet";
import type { WorkbookSnapshot } from "./snapshot";

/** The actions that only read and report: the others (ActionId, plan.ts) each make an edit plan. */
export type ReadingId = "analyze" | "validate" | "compare";

/** What a planner may be told; each action reads the options it has a use for. */
export interface PlanOptions {
  /** ISO timestamp for the backup journal. */
  now: string;
  /** The same moment on the user's clock, for dates shown in a sheet (localTimestamp). */
  local?: string;
  /** "Przelicz wskaźniki": live formulas (the default) or values. */
  mode?: "formulas" | "values";
  /** "Przelicz wskaźniki": the cells ("Sheet!A1") the reviewer ticked in or out. */
  choices?: Record<string, boolean>;
  /** "Przelicz wskaźniki": also write figures that read differently, or that are held back as suspect. */
  includeChanged?: boolean;
  includeSuspect?: boolean;
  /** A summary or findings sheet: the sheet it is made from (default: the first sheet read). */
  sheet?: string;
  /** "Wstaw raport uwag": decisions carried from the previous edition. */
  carried?: Carried;
  /** "Cofnij zmiany dodatku": also restore cells changed since the add-in's change. */
  force?: boolean;
}

/** Plans from a reading of the workbook; the analysis is asked for only by the actions that need one. */
type Planner = (wb: WorkbookSnapshot, analysis: () => Analysis, opts: PlanOptions) => EditPlan;

interface Common {
  /** The button's text in the pane (and the title of the ribbon's result dialog). */
  label: Message;
  /** Offered by the task pane as a button. */
  pane: boolean;
  /** The ribbon's ExecuteFunction (manifest.xml) that runs it, if any. */
  ribbon?: string;
}

export interface ReadingAction extends Common {
  id: ReadingId;
  writes: false;
  /** The CLI subcommand. */
  cli: ReadingId;
}

export interface WritingAction extends Common {
  id: ActionId;
  writes: true;
  /** Each has its button: the pane is where a change is previewed before it is made. */
  pane: true;
  /** The CLI subcommand: `apply --<id>`, or one of its own (restore, whose options are its own). */
  cli: "apply" | "restore";
  /**
   * What it changes: the indicator tables' own cells (refused on a protected sheet), a sheet of its own made
   * from each source sheet, or back what the backup holds (read from every sheet).
   */
  changes: "tables" | "sheet" | "backup";
  plan: Planner;
}

export type Action = ReadingAction | WritingAction;

/** The CLI's subcommands. */
export type CliCommand = Action["cli"];

const firstSheet = (wb: WorkbookSnapshot, opts: PlanOptions) => opts.sheet ?? wb.sheets[0]?.name ?? "";

/** In the order the pane shows them and the CLI applies them. */
export const ACTIONS: readonly Action[] = [
  {
    id: "analyze",
    writes: false,
    label: { pl: "Rozpoznaj tabele wskaźników", en: "Recognise the indicator tables" },
    // The pane does this as it opens, and at every action: it shows what it recognised, with no button.
    pane: false,
    cli: "analyze",
  },
  {
    id: "validate",
    writes: false,
    label: { pl: "Sprawdź arkusz", en: "Validate sheet" },
    pane: true,
    ribbon: "validateSheet",
    cli: "validate",
  },
  {
    id: "recalculate",
    writes: true,
    label: { pl: "Przelicz wskaźniki", en: "Recalculate indicators" },
    pane: true,
    cli: "apply",
    changes: "tables",
    plan: (wb, analysis, opts) =>
      guardPlan(
        wb,
        planRecalculate(wb, analysis(), {
          mode: opts.mode ?? "formulas",
          now: opts.now,
          choices: opts.choices,
          includeChanged: opts.includeChanged,
          includeSuspect: opts.includeSuspect,
        }),
      ),
  },
  {
    id: "color",
    writes: true,
    label: { pl: "Koloruj wg trendu", en: "Colour by trend" },
    pane: true,
    cli: "apply",
    changes: "tables",
    plan: (wb, analysis, opts) => guardPlan(wb, planColor(wb, analysis(), { now: opts.now })),
  },
  {
    id: "summary",
    writes: true,
    label: { pl: "Wstaw podsumowanie", en: "Insert summary" },
    pane: true,
    cli: "apply",
    changes: "sheet",
    plan: (wb, analysis, opts) =>
      planSummary(wb, analysis(), { sheet: firstSheet(wb, opts), now: opts.now, local: opts.local }),
  },
  {
    id: "findings",
    writes: true,
    label: { pl: "Wstaw raport uwag", en: "Insert findings report" },
    pane: true,
    cli: "apply",
    changes: "sheet",
    plan: (wb, analysis, opts) =>
      planFindings(wb, analysis(), { sheet: firstSheet(wb, opts), now: opts.now, carried: opts.carried }),
  },
  {
    id: "restore",
    writes: true,
    label: { pl: "Cofnij zmiany dodatku", en: "Undo the add-in's changes" },
    pane: true,
    cli: "restore",
    changes: "backup",
    plan: (wb, _analysis, opts) => planRestore(wb, { force: opts.force }),
  },
  {
    id: "compare",
    writes: false,
    label: { pl: "Porównaj z poprzednią edycją", en: "Compare with the previous edition" },
    pane: true,
    cli: "compare",
  },
];

/** Each action by its id. */
export const ACTION = Object.fromEntries(ACTIONS.map((a) => [a.id, a])) as {
  [K in ActionId]: WritingAction;
} & { [K in ReadingId]: ReadingAction };

/** The CLI's subcommands, in the registry's order. */
export const CLI_COMMANDS: readonly CliCommand[] = [...new Set(ACTIONS.map((a) => a.cli))];

/** The actions `apply` takes, each as `--<id>`, in the order it applies them. */
export const APPLY_ACTIONS: readonly ActionId[] = ACTIONS.flatMap((a) => (a.writes && a.cli === "apply" ? [a.id] : []));

/** The plan of a writing action from a reading of the workbook and its analysis. */
export function planWith(id: ActionId, wb: WorkbookSnapshot, analysis: Analysis, opts: PlanOptions): EditPlan {
  return ACTION[id].plan(wb, () => analysis, opts);
}

/** A plan that would write nothing: no cell, no fill, no sheet added or deleted. */
export function isEmptyPlan(plan: EditPlan): boolean {
  return (
    plan.changes.length === 0 &&
    plan.addSheets.length === 0 &&
    plan.deleteSheets.length === 0 &&
    !plan.edits.some(editWrites)
  );
}
