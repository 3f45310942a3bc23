/**
 * The pane's reading actions: read the active sheet, validate it, compare it with a previous edition, and list what
 * they found (a listed cell, clicked, is selected in the workbook).
 */
import { analyzeWorkbook } from "../core/analyze";
import { compareWithPrevious, isUnchanged } from "../core/compare";
import { LocalizedError } from "../core/message";
import type { Analysis } from "../core/model";
import { reviewFindings, reviewSummary } from "../core/review/reviewed";
import type { WorkbookSnapshot } from "../core/snapshot";
import { explainer } from "../core/explain";
import { comparisonResultGroups, type EditionSource } from "./compare";
import { fill, h } from "../ui/dom";
import { COMPARE_STRINGS } from "./i18n-compare";
import { hidePreview, progress, reveal, run, type PaneContext } from "./pane-state";
import { reviewedFindingsView } from "./review-view";
import { recognitionView, resultsView, whyView, type ResultItem } from "./views";

/** Read the active sheet and analyze it: every action starts from the workbook as it is now. */
export async function readAndAnalyze(ctx: PaneContext): Promise<{ wb: WorkbookSnapshot; analysis: Analysis }> {
  const { t, lang, view, state } = ctx;
  progress(ctx, t.reading);
  const wb = await ctx.host.readActiveSheet();
  progress(ctx, t.analyzing);
  const analysis = analyzeWorkbook(wb, { tolerance: state.tolerance });
  state.why = explainer(analysis, wb.sheets[0]?.name ?? "");
  fill(view.sheetLine, t.sheet(wb.sheets[0]?.name ?? ""));
  fill(view.recognition, ...recognitionView(analysis, t, lang));
  ctx.picker?.offerSheets(wb.sheetNames, wb.sheets[0]?.name ?? "");
  return { wb, analysis };
}

/** "Why this colour" for the first cell of the selected address, from the sheet last read. */
export function showWhy({ t, lang, view, state }: PaneContext, address: string): void {
  const [first = ""] = address.replace(/^.*!/, "").split(/[:,]/); // split always yields one part at least
  fill(view.whyBody, ...whyView(state.why && state.why(first), t, lang));
}

/** The previous edition the reviewer chose; asking for one before anything is read. */
export function chosenEdition(ctx: PaneContext): EditionSource {
  const source = ctx.picker?.chosen();
  if (!source) throw new LocalizedError(COMPARE_STRINGS.pl.choose, COMPARE_STRINGS.en.choose);
  return source;
}

/** Read the chosen previous edition and analyze it with the pane's tolerance. */
export async function readEdition(
  ctx: PaneContext,
  source: EditionSource,
): Promise<{ wb: WorkbookSnapshot; analysis: Analysis }> {
  progress(ctx, source.progress);
  const wb = await source.read();
  return { wb, analysis: analyzeWorkbook(wb, { tolerance: ctx.state.tolerance }) };
}

const selectFinding = (ctx: PaneContext, f: ResultItem) =>
  run(ctx, async () => {
    progress(ctx, ctx.t.selecting(f.address));
    await ctx.host.select(f.sheet, f.address);
    return "";
  });

/** The results list: the last validation's findings and the last comparison. */
function showResults(ctx: PaneContext): void {
  const { t, tc, lang, view } = ctx;
  const { review, comparison } = ctx.state;
  const select = (f: ResultItem) => void selectFinding(ctx, f);
  fill(
    view.findings,
    h("h2", { id: "findings-title", tabindex: "-1" }, review ? t.findings : tc.title),
    ...(review ? reviewedFindingsView(review.reviewed, review.analysis, t, lang, select) : []),
    comparison ? h("p", { class: "muted" }, tc.source(comparison.origin)) : null,
    comparison && isUnchanged(comparison.c) ? h("p", {}, tc.nothing) : null,
    ...(comparison ? resultsView<ResultItem>(comparisonResultGroups(comparison.c, tc), lang, select) : []),
  );
  reveal(view.findings);
}

export const validate = (ctx: PaneContext) =>
  run(ctx, async () => {
    const { t } = ctx;
    hidePreview(ctx);
    const { wb, analysis } = await readAndAnalyze(ctx);
    // Decisions from the findings sheet ("Uwagi"): accepted findings are shown apart and not counted.
    const reviewed = reviewFindings(wb, analysis);
    ctx.state.review = { reviewed, analysis };
    showResults(ctx);
    const { outstanding, accepted } = reviewSummary(reviewed);
    return t.findingsSummary(outstanding) + (accepted > 0 ? t.acceptedCount(accepted) : "");
  });

export const compare = (ctx: PaneContext) =>
  run(ctx, async () => {
    const { tc } = ctx;
    hidePreview(ctx);
    const source = chosenEdition(ctx);
    const { analysis } = await readAndAnalyze(ctx);
    const previous = await readEdition(ctx, source);
    progress(ctx, tc.comparing);
    const c = compareWithPrevious(analysis, previous.analysis);
    if (c === "no_current_table") throw new LocalizedError(COMPARE_STRINGS.pl.noTable, COMPARE_STRINGS.en.noTable);
    if (c === "no_previous_table")
      throw new LocalizedError(
        COMPARE_STRINGS.pl.noTableOld(source.label),
        COMPARE_STRINGS.en.noTableOld(source.label),
      );
    ctx.state.comparison = { c, origin: source.origin(c.oldSheet) };
    showResults(ctx);
    return tc.summary({
      revised: c.revisions.length,
      added: c.added.length,
      removed: c.removed.length,
      renamed: c.renamed.length + c.renumbered.length,
    });
  });
