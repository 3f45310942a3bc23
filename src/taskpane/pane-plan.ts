/**
 * The pane's writing actions: plan an action from a fresh read, preview the plan (the reviewer may untick cells),
 * then apply it in one write or cancel.
 */
import { isEmptyPlan, planWith } from "../core/actions";
import type { Analysis } from "../core/model";
import type { ActionId, EditPlan } from "../core/plan";
import { localTimestamp } from "../core/format";
import { carryDecisions, type Carried } from "../core/review/carry";
import type { WorkbookSnapshot } from "../core/snapshot";
import { fill, h } from "../ui/dom";
import { chosenEdition, readAndAnalyze, readEdition } from "./pane-actions";
import { hidePreview, progress, reveal, run, setStatus, type PaneContext } from "./pane-state";
import { previewView } from "./views";

/** The previous edition's decisions, when the reviewer asked for them beside the edition they chose. */
async function lastYearsDecisions(
  ctx: PaneContext,
  wb: WorkbookSnapshot,
  analysis: Analysis,
): Promise<Carried | undefined> {
  if (!ctx.picker?.carriesDecisions()) return undefined;
  const source = chosenEdition(ctx);
  return carryDecisions(await readEdition(ctx, source), analysis, wb.sheets[0]?.name ?? "", source.name);
}

const goToSheet = (ctx: PaneContext, sheet: string) =>
  run(ctx, async () => {
    await ctx.host.select(sheet, "A1");
    return "";
  });

const applyPlan = (ctx: PaneContext, plan: EditPlan) =>
  run(ctx, async () => {
    const { t, view, state } = ctx;
    // "Zastosuj" disappears with the preview: keyboard focus returns to the action the user started.
    state.focusAfter = view.buttonOf[plan.action];
    hidePreview(ctx);
    progress(ctx, t.writing);
    await ctx.host.apply(plan);
    // Findings listed before describe the workbook as it was.
    view.findings.hidden = true;
    state.review = null;
    state.comparison = null;
    if (plan.addSheets.length > 0) {
      // A new sheet does not open by itself: offer to go there.
      fill(
        view.preview,
        h("h2", { id: "preview-title", tabindex: "-1" }, t.done),
        ...plan.addSheets.map((s) => {
          const go = h(
            "button",
            { type: "button", class: "button", "data-action": "go-to-sheet" },
            t.goToSheet(s.name),
          );
          go.addEventListener("click", () => void goToSheet(ctx, s.name));
          return go;
        }),
      );
      reveal(view.preview);
      // The "go to the new sheet" section has focus now.
      state.focusAfter = null;
    }
    return t.applied(plan.changes.length);
  });

/** Draw the preview again (at each tick), keeping the focused tick box, the opened lists and where they were scrolled. */
function redrawKeeping(preview: HTMLElement, draw: () => void): void {
  const focused = document.activeElement instanceof HTMLInputElement ? document.activeElement.dataset : null;
  const opened = new Set(
    [...preview.querySelectorAll<HTMLElement>("[data-group] details[open]")].map(
      (d) => d.closest<HTMLElement>("[data-group]")?.dataset.group,
    ),
  );
  const scrolled = [...preview.querySelectorAll<HTMLElement>(".preview__scroll")].map((e) => e.scrollTop);
  draw();
  preview.querySelectorAll<HTMLElement>("div[data-group]").forEach((g) => {
    if (opened.has(g.dataset.group)) g.querySelector("details")?.setAttribute("open", "");
  });
  preview.querySelectorAll<HTMLElement>(".preview__scroll").forEach((e, i) => (e.scrollTop = scrolled[i] ?? 0));
  const inputs = [...preview.querySelectorAll<HTMLInputElement>("input[type=checkbox]")];
  const again =
    focused &&
    inputs.find((i) =>
      focused.cell
        ? i.dataset.cell === focused.cell
        : focused.group !== undefined && i.dataset.group === focused.group && !i.dataset.cell,
    );
  again?.focus();
}

/** Preview a plan; each tick makes the plan again (replan) with the reviewer's choices and shows it. */
function showPlan(
  ctx: PaneContext,
  action: ActionId,
  plan: EditPlan,
  choices: Record<string, boolean>,
  replan: () => EditPlan,
): void {
  const { t, lang, view } = ctx;
  redrawKeeping(view.preview, () =>
    fill(
      view.preview,
      h("h2", { id: "preview-title", tabindex: "-1" }, t.preview),
      ...previewView(plan, t, lang, {
        onApply: () => void applyPlan(ctx, plan),
        onCancel: () => {
          hidePreview(ctx);
          setStatus(ctx, t.cancelled, false);
          view.buttonOf[action].focus();
        },
        onChoose: (cells, include) => {
          for (const cell of cells) choices[cell] = include;
          showPlan(ctx, action, replan(), choices, replan);
        },
      }),
    ),
  );
}

export const planAction = (ctx: PaneContext, action: ActionId) =>
  run(ctx, async () => {
    const { t, lang, view } = ctx;
    hidePreview(ctx);
    const { wb, analysis } = await readAndAnalyze(ctx);
    progress(ctx, t.planning);
    const mode =
      view.modeField.querySelector<HTMLInputElement>("input:checked")?.value === "values" ? "values" : "formulas";
    const moment = ctx.now();
    const at = moment.toISOString();
    const local = localTimestamp(moment);
    // The reviewer's ticks (recalculation): the plan is made again from the same reading at each one.
    const choices: Record<string, boolean> = {};
    const carried = action === "findings" ? await lastYearsDecisions(ctx, wb, analysis) : undefined;
    const replan = () => planWith(action, wb, analysis, { mode, now: at, local, choices, carried });
    const plan = replan();
    if (isEmptyPlan(plan) && !plan.review?.items.length) {
      view.preview.hidden = plan.notes.length === 0;
      fill(
        view.preview,
        h("h2", { id: "preview-title" }, t.preview),
        h("ul", { class: "notes" }, ...plan.notes.map((n) => h("li", {}, n[lang]))),
      );
      return t.nothingToChange;
    }
    showPlan(ctx, action, plan, choices, replan);
    reveal(view.preview);
    return t.previewReady;
  });
