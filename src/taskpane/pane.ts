/**
 * The task pane over any workbook host: Excel through Office.js, or an ExcelJS workbook in the preview.
 * Each action reads the active sheet once, thinks in the engine, shows a preview, and writes once.
 */
import { DEFAULT_TOLERANCE } from "../core/analyze";
import { isUnchanged, type Comparison } from "../core/compare";
import { HostError, type WorkbookHost } from "../core/host";
import type { Analysis } from "../core/model";
import type { ActionId, EditPlan } from "../core/plan";
import { localTimestamp } from "../core/format";
import type { WorkbookSnapshot } from "../core/snapshot";
import { fill, h } from "./dom";
import { carryDecisions, type Carried } from "../core/review/carry";
import { countOutstanding, reviewFindings, type ReviewedFinding } from "../core/review/reviewed";
import { comparisonResultGroups, editionPicker, type WorkbookFileReader } from "./compare";
import { analyze, compareWithPrevious, isEmptyPlan, PLANNERS } from "./engine";
import { describeError } from "./errors";
import type { Lang } from "../core/message";
import { STRINGS } from "./i18n";
import { COMPARE_STRINGS } from "./i18n-compare";
import { reviewedFindingsView } from "./review-view";
import { legendView, previewView, recognitionView, resultsView, whyView, type ResultItem } from "./views";
import { explain } from "../core/explain";

export interface Pane {
  /** Resolves when the pane has finished what it is doing (for tests and screenshots). */
  idle(): Promise<void>;
  /** "Sprawdź arkusz", as if clicked (the ribbon's dialog asks for the pane on the findings). */
  showFindings(): Promise<void>;
}

/** What the pane may be given beyond the host. */
export interface PaneOptions {
  /** Reads a previous edition's .xlsx file (without it, only another sheet of the workbook can be compared). */
  readWorkbookFile?: WorkbookFileReader;
}

export function startPane(
  root: HTMLElement,
  host: WorkbookHost,
  lang: Lang,
  now: () => Date = () => new Date(),
  options: PaneOptions = {},
): Pane {
  const t = STRINGS[lang];
  const tc = COMPARE_STRINGS[lang];
  let tolerance = DEFAULT_TOLERANCE;
  let busy: Promise<void> = Promise.resolve();

  const button = (label: string, action: string, primary = false) =>
    h("button", { type: "button", class: primary ? "button button--primary" : "button", "data-action": action }, label);
  const validateButton = button(t.validate, "validate", true);
  const recalcButton = button(t.recalculate, "recalculate");
  const colorButton = button(t.color, "color");
  const summaryButton = button(t.summary, "summary");
  const findingsButton = button(t.findingsSheet, "findings");
  const restoreButton = button(t.restore, "restore");
  const picker = editionPicker(host, options.readWorkbookFile, tc);
  const actionButtons = [
    validateButton,
    recalcButton,
    colorButton,
    summaryButton,
    findingsButton,
    restoreButton,
    ...(picker ? [picker.button] : []),
  ];

  const modeRadio = (value: string, label: string, checked: boolean) =>
    h("label", { class: "radio" }, h("input", { type: "radio", name: "recalc-mode", value, checked }), label);
  const modeField = h(
    "fieldset",
    { class: "mode" },
    h("legend", {}, t.recalculateAs),
    modeRadio("formulas", t.modeFormulas, true),
    modeRadio("values", t.modeValues, false),
  );
  const toleranceInput = h("input", {
    type: "number",
    id: "tolerance",
    min: "0",
    max: "100",
    step: "0.5",
    value: String(DEFAULT_TOLERANCE * 100),
    "aria-describedby": "tolerance-hint",
    inputmode: "decimal",
  });

  const sheetLine = h("p", { class: "pane__sheet" });
  const recognition = h("div", { class: "recognition" }, h("p", { class: "muted" }, t.notReadYet));
  const status = h("div", { class: "status", role: "status", "aria-live": "polite" });
  const errorBar = h("div", { class: "message-bar message-bar--error", role: "alert", hidden: true });
  const preview = h("section", { class: "card preview", "aria-labelledby": "preview-title", hidden: true });
  const findings = h("section", { class: "card findings", "aria-labelledby": "findings-title", hidden: true });
  const whyBody = h("div", { "aria-live": "polite" }, ...whyView(null, t, lang));
  const why = h(
    "section",
    { class: "card", "aria-labelledby": "why-title" },
    h("h2", { id: "why-title" }, t.why),
    whyBody,
  );

  fill(
    root,
    h("header", { class: "pane__header" }, h("h1", {}, t.title), sheetLine),
    h(
      "section",
      { class: "card", "aria-labelledby": "recognised-title" },
      h("h2", { id: "recognised-title" }, t.recognised),
      recognition,
    ),
    h(
      "section",
      { class: "card actions", "aria-labelledby": "actions-title" },
      h("h2", { id: "actions-title" }, t.actions),
      validateButton,
      h("div", { class: "action-group" }, recalcButton, modeField),
      colorButton,
      summaryButton,
      findingsButton,
      restoreButton,
      picker?.element,
      h(
        "div",
        { class: "field" },
        h("label", { for: "tolerance" }, t.tolerance),
        h("span", { class: "field__input" }, toleranceInput, h("span", { "aria-hidden": "true" }, "%")),
        h("p", { id: "tolerance-hint", class: "muted" }, t.toleranceHint),
      ),
    ),
    status,
    errorBar,
    preview,
    findings,
    why,
    h(
      "section",
      { class: "card", "aria-labelledby": "legend-title" },
      h("h2", { id: "legend-title" }, t.legend),
      legendView(t, lang),
    ),
  );
  root.setAttribute("lang", lang);

  /** Say what the pane is doing (working) or what it did (idle); buttons wait while it works. */
  const setStatus = (message: string, working: boolean) => {
    root.setAttribute("aria-busy", String(working));
    actionButtons.forEach((b) => (b.disabled = working));
    fill(status, working ? h("span", { class: "spinner", "aria-hidden": "true" }) : null, message || null);
    status.classList.toggle("status--working", working);
  };
  const progress = (message: string) => setStatus(message, true);
  const showError = (message: string | null) => {
    errorBar.hidden = message === null;
    if (message === null) return fill(errorBar);
    const close = h("button", { type: "button", class: "button button--subtle", "aria-label": t.dismiss }, "×");
    close.addEventListener("click", () => showError(null));
    fill(errorBar, h("div", {}, h("strong", {}, t.errorTitle), h("p", {}, message)), close);
  };
  /** Bring a section that just appeared into view and move focus to its heading, for keyboard and screen reader users. */
  const reveal = (section: HTMLElement) => {
    section.hidden = false;
    section.querySelector<HTMLElement>("h2")?.focus();
  };
  const hidePreview = () => {
    preview.hidden = true;
    fill(preview);
  };

  /** Where keyboard focus goes when a job ends (set when the job removes the focused control, e.g. "Zastosuj"). */
  let focusAfter: HTMLElement | null = null;

  /** Run one job at a time; any failure ends as a readable message and an idle pane. */
  const run = (job: () => Promise<string>) => {
    busy = busy.then(async () => {
      showError(null);
      try {
        setStatus(await job(), false);
      } catch (e) {
        setStatus("", false);
        showError(describeError(e, lang, t));
        errorBar.scrollIntoView?.({ block: "nearest" });
      }
      // Only now are the buttons enabled again and focusable.
      focusAfter?.focus();
      focusAfter = null;
    });
    return busy;
  };

  /** The sheet last read and its analysis: what "why this colour" explains a selected cell from. */
  let lastRead: { sheet: string; analysis: Analysis } | null = null;
  const showWhy = (address: string) => {
    const first = address.replace(/^.*!/, "").split(/[:,]/)[0];
    fill(whyBody, ...whyView(lastRead && explain(lastRead.analysis, lastRead.sheet, first), t, lang));
  };

  /** Read the active sheet and analyze it: every action starts from the workbook as it is now. */
  const readAndAnalyse = async (): Promise<{ wb: WorkbookSnapshot; analysis: Analysis }> => {
    progress(t.reading);
    const wb = await host.readActiveSheet();
    progress(t.analyzing);
    const analysis = analyze(wb, tolerance);
    lastRead = { sheet: wb.sheets[0]?.name ?? "", analysis };
    fill(sheetLine, t.sheet(wb.sheets[0]?.name ?? ""));
    fill(recognition, ...recognitionView(analysis, t, lang));
    picker?.offerSheets(wb.sheetNames, wb.sheets[0]?.name ?? "");
    return { wb, analysis };
  };

  /** The results list shows the last validation's findings and the last comparison, until a write makes them stale. */
  const results: {
    review: { reviewed: ReviewedFinding[]; analysis: Analysis } | null;
    comparison: { c: Comparison; origin: string } | null;
  } = {
    review: null,
    comparison: null,
  };
  const showResults = () => {
    const { review, comparison } = results;
    fill(
      findings,
      h("h2", { id: "findings-title", tabindex: "-1" }, review ? t.findings : tc.title),
      ...(review ? reviewedFindingsView(review.reviewed, review.analysis, t, lang, (f) => void selectFinding(f)) : []),
      comparison ? h("p", { class: "muted" }, tc.source(comparison.origin)) : null,
      comparison && isUnchanged(comparison.c) ? h("p", {}, tc.nothing) : null,
      ...(comparison
        ? resultsView<ResultItem>(comparisonResultGroups(comparison.c, tc), lang, (item) => void selectFinding(item))
        : []),
    );
    reveal(findings);
  };

  const selectFinding = (f: ResultItem) =>
    run(async () => {
      progress(t.selecting(f.address));
      await host.select(f.sheet, f.address);
      return "";
    });

  const goToSheet = (sheet: string) =>
    run(async () => {
      await host.select(sheet, "A1");
      return "";
    });

  const validate = () =>
    run(async () => {
      hidePreview();
      const { wb, analysis } = await readAndAnalyse();
      // Decisions from the findings sheet ("Uwagi"): accepted findings are shown apart and not counted.
      const reviewed = reviewFindings(wb, analysis);
      results.review = { reviewed, analysis };
      showResults();
      const accepted = reviewed.filter((r) => r.decision === "accepted").length;
      return t.findingsSummary(countOutstanding(reviewed)) + (accepted > 0 ? t.acceptedCount(accepted) : "");
    });

  const compare = () =>
    run(async () => {
      hidePreview();
      const source = picker?.chosen();
      if (!source) throw new HostError(COMPARE_STRINGS.pl.choose, COMPARE_STRINGS.en.choose);
      const { analysis } = await readAndAnalyse();
      progress(source.progress);
      const previous = await source.read();
      progress(tc.comparing);
      const c = compareWithPrevious(analysis, analyze(previous, tolerance));
      if (c === "no_current_table") throw new HostError(COMPARE_STRINGS.pl.noTable, COMPARE_STRINGS.en.noTable);
      if (c === "no_previous_table")
        throw new HostError(COMPARE_STRINGS.pl.noTableOld(source.label), COMPARE_STRINGS.en.noTableOld(source.label));
      results.comparison = { c, origin: source.origin(c.oldSheet) };
      showResults();
      return tc.summary({
        revised: c.revisions.length,
        added: c.added.length,
        removed: c.removed.length,
        renamed: c.renamed.length + c.renumbered.length,
      });
    });

  /** The previous edition's decisions, when the reviewer asked for them beside the edition they chose. */
  const lastYearsDecisions = async (wb: WorkbookSnapshot, analysis: Analysis): Promise<Carried | undefined> => {
    if (!picker?.carriesDecisions()) return undefined;
    const source = picker.chosen();
    if (!source) throw new HostError(COMPARE_STRINGS.pl.choose, COMPARE_STRINGS.en.choose);
    progress(source.progress);
    const previous = await source.read();
    return carryDecisions(
      { wb: previous, analysis: analyze(previous, tolerance) },
      analysis,
      wb.sheets[0]?.name ?? "",
      source.name,
    );
  };

  const buttonOf: Record<ActionId, HTMLButtonElement> = {
    recalculate: recalcButton,
    color: colorButton,
    summary: summaryButton,
    restore: restoreButton,
    findings: findingsButton,
  };

  const applyPlan = (plan: EditPlan) =>
    run(async () => {
      // "Zastosuj" disappears with the preview: keyboard focus returns to the action the user started.
      focusAfter = buttonOf[plan.action];
      hidePreview();
      progress(t.writing);
      await host.apply(plan);
      // Findings listed before describe the workbook as it was.
      findings.hidden = true;
      results.review = null;
      results.comparison = null;
      if (plan.addSheets.length > 0) {
        // A new sheet does not open by itself: offer to go there.
        fill(
          preview,
          h("h2", { id: "preview-title", tabindex: "-1" }, t.done),
          ...plan.addSheets.map((s) => {
            const go = h(
              "button",
              { type: "button", class: "button", "data-action": "go-to-sheet" },
              t.goToSheet(s.name),
            );
            go.addEventListener("click", () => void goToSheet(s.name));
            return go;
          }),
        );
        reveal(preview);
        // The "go to the new sheet" section has focus now.
        focusAfter = null;
      }
      return t.applied(plan.changes.length);
    });

  const planAction = (action: ActionId) =>
    run(async () => {
      hidePreview();
      const { wb, analysis } = await readAndAnalyse();
      progress(t.planning);
      const mode =
        modeField.querySelector<HTMLInputElement>("input:checked")?.value === "values" ? "values" : "formulas";
      const moment = now();
      const at = moment.toISOString();
      const local = localTimestamp(moment);
      // The reviewer's ticks (recalculation): the plan is made again from the same reading at each one.
      const choices: Record<string, boolean> = {};
      const carried = action === "findings" ? await lastYearsDecisions(wb, analysis) : undefined;
      const plan = PLANNERS[action](wb, analysis, { mode, now: at, local, choices, carried });
      if (isEmptyPlan(plan) && !plan.review?.items.length) {
        preview.hidden = plan.notes.length === 0;
        fill(
          preview,
          h("h2", { id: "preview-title" }, t.preview),
          h("ul", { class: "notes" }, ...plan.notes.map((n) => h("li", {}, n[lang]))),
        );
        return t.nothingToChange;
      }
      const show = (current: EditPlan) => {
        // Drawn again at each tick: keep the focused tick box, the opened lists and where they were scrolled.
        const focused = document.activeElement instanceof HTMLInputElement ? document.activeElement.dataset : null;
        const opened = new Set(
          [...preview.querySelectorAll<HTMLElement>("[data-group] details[open]")].map(
            (d) => d.closest<HTMLElement>("[data-group]")?.dataset.group,
          ),
        );
        const scrolled = [...preview.querySelectorAll<HTMLElement>(".preview__scroll")].map((e) => e.scrollTop);
        fill(
          preview,
          h("h2", { id: "preview-title", tabindex: "-1" }, t.preview),
          ...previewView(current, t, lang, {
            onApply: () => void applyPlan(current),
            onCancel: () => {
              hidePreview();
              setStatus(t.cancelled, false);
              buttonOf[action].focus();
            },
            onChoose: (cells, include) => {
              for (const cell of cells) choices[cell] = include;
              show(PLANNERS[action](wb, analysis, { mode, now: at, local, choices, carried }));
            },
          }),
        );
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
      };
      show(plan);
      reveal(preview);
      return t.previewReady;
    });

  validateButton.addEventListener("click", () => void validate());
  recalcButton.addEventListener("click", () => void planAction("recalculate"));
  colorButton.addEventListener("click", () => void planAction("color"));
  summaryButton.addEventListener("click", () => void planAction("summary"));
  findingsButton.addEventListener("click", () => void planAction("findings"));
  restoreButton.addEventListener("click", () => void planAction("restore"));
  picker?.button.addEventListener("click", () => void compare());
  toleranceInput.addEventListener("change", () => {
    const percent = Number(toleranceInput.value.replace(",", "."));
    const valid = toleranceInput.value.trim() !== "" && Number.isFinite(percent) && percent >= 0 && percent <= 100;
    toleranceInput.setAttribute("aria-invalid", String(!valid));
    if (valid) tolerance = percent / 100;
    showError(valid ? null : t.toleranceInvalid);
  });

  // A host that reports the user's selection gets "why this colour" for the selected value (a host without it: none).
  void host.onSelectionChanged?.(showWhy).catch(() => undefined);
  // Show what the sheet holds as soon as the pane opens.
  void run(async () => {
    await readAndAnalyse();
    return "";
  });
  return { idle: () => busy, showFindings: validate };
}
