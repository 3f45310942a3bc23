/**
 * What the task pane remembers between jobs, and how it runs a job: one at a time, saying what it does, ending idle
 * with either a status or a readable error.
 */
import { DEFAULT_TOLERANCE } from "../core/analyze";
import type { Comparison } from "../core/compare";
import type { WorkbookHost } from "../core/host";
import type { Lang } from "../core/message";
import type { Explainer } from "../core/explain";
import type { Analysis } from "../core/model";
import type { ReviewedFinding } from "../core/review/reviewed";
import type { EditionPicker } from "./compare";
import { fill, h } from "../ui/dom";
import { describeError } from "../ui/errors";
import type { Strings } from "../ui/i18n";
import type { CompareStrings } from "./i18n-compare";
import type { PaneView } from "./pane-view";

export interface PaneState {
  tolerance: number;
  /** The job running or last run (a new job waits for it). */
  busy: Promise<void>;
  /** Where keyboard focus goes when a job ends (set when the job removes the focused control, e.g. "Zastosuj"). */
  focusAfter: HTMLElement | null;
  /** The explanations of the sheet last read: what "why this colour" explains a selected cell from. */
  why: Explainer | null;
  /** The results list shows the last validation's findings and the last comparison, until a write makes them stale. */
  review: { reviewed: ReviewedFinding[]; analysis: Analysis } | null;
  comparison: { c: Comparison; origin: string } | null;
}

export const initialState = (): PaneState => ({
  tolerance: DEFAULT_TOLERANCE,
  busy: Promise.resolve(),
  focusAfter: null,
  why: null,
  review: null,
  comparison: null,
});

/** Everything a pane action needs: the host, the texts, the built view, the state. */
export interface PaneContext {
  root: HTMLElement;
  host: WorkbookHost;
  lang: Lang;
  t: Strings;
  tc: CompareStrings;
  now: () => Date;
  picker: EditionPicker | null;
  view: PaneView;
  state: PaneState;
}

/** Say what the pane is doing (working) or what it did (idle); buttons wait while it works. */
export function setStatus({ root, view }: PaneContext, message: string, working: boolean): void {
  root.setAttribute("aria-busy", String(working));
  view.actionButtons.forEach((b) => (b.disabled = working));
  fill(view.status, working ? h("span", { class: "spinner", "aria-hidden": "true" }) : null, message || null);
  view.status.classList.toggle("status--working", working);
}

export const progress = (ctx: PaneContext, message: string) => setStatus(ctx, message, true);

export function showError(ctx: PaneContext, message: string | null): void {
  const { errorBar } = ctx.view;
  errorBar.hidden = message === null;
  if (message === null) return fill(errorBar);
  const close = h("button", { type: "button", class: "button button--subtle", "aria-label": ctx.t.dismiss }, "×");
  close.addEventListener("click", () => showError(ctx, null));
  fill(errorBar, h("div", {}, h("strong", {}, ctx.t.errorTitle), h("p", {}, message)), close);
}

/** Bring a section that just appeared into view and move focus to its heading, for keyboard and screen reader users. */
export function reveal(section: HTMLElement): void {
  section.hidden = false;
  section.querySelector<HTMLElement>("h2")?.focus();
}

export function hidePreview({ view }: PaneContext): void {
  view.preview.hidden = true;
  fill(view.preview);
}

/** Run one job at a time; any failure ends as a readable message and an idle pane. */
export function run(ctx: PaneContext, job: () => Promise<string>): Promise<void> {
  const { state } = ctx;
  state.busy = state.busy.then(async () => {
    showError(ctx, null);
    try {
      setStatus(ctx, await job(), false);
    } catch (e) {
      setStatus(ctx, "", false);
      showError(ctx, describeError(e, ctx.lang, ctx.t));
      ctx.view.errorBar.scrollIntoView?.({ block: "nearest" });
    }
    // Only now are the buttons enabled again and focusable.
    state.focusAfter?.focus();
    state.focusAfter = null;
  });
  return state.busy;
}
