import { tolerancePercent, type Explanation } from "../core/explain";
/** The pane's pieces as DOM, built from engine data. Every workbook text goes in as a text node. */
import type { Analysis, Finding, Severity } from "../core/model";
import { STATUS_ORDER, STATUS_STYLES } from "../core/palette";
import type { EditPlan } from "../core/plan";
import { cellKey, type RecalcGroup, type RecalcItem, type RecalcReview } from "../core/plans/recalculate";
import { isEmptyPlan } from "../core/actions";
import { h, type Child } from "../ui/dom";
import type { Lang } from "../core/message";
import type { Strings } from "../ui/i18n";
import type { Message } from "../core/message";

/** Rows shown at first in a long list of changes; a button shows the rest (nothing is out of reach). */
export const PREVIEW_ROWS = 200;

const SEVERITIES: Severity[] = ["error", "warning", "info"];

export function recognitionView(analysis: Analysis, t: Strings, lang: Lang): Child[] {
  const tables = analysis.sheets.flatMap((s) => s.tables);
  if (tables.length === 0) {
    const why = analysis.sheets.find((s) => s.message)?.message?.[lang];
    return [h("p", {}, t.nothingRecognised), why ? h("p", { class: "muted" }, why) : null];
  }
  const indicators = tables.reduce((n, table) => n + table.indicators.length, 0);
  return [
    h("p", { class: "recognition__total" }, `${t.tables(tables.length)}, ${t.indicators(indicators)}`),
    h(
      "ul",
      { class: "recognition__tables" },
      ...tables.map((table) =>
        h(
          "li",
          {},
          h("span", { class: "mono" }, table.range),
          ` · ${t.indicators(table.indicators.length)} · ${t.years(table.years)}`,
        ),
      ),
    ),
  ];
}

export function legendView(t: Strings, lang: Lang): HTMLElement {
  return h(
    "ul",
    { class: "legend", "aria-label": t.legend },
    ...STATUS_ORDER.map((status) => {
      const style = STATUS_STYLES[status];
      const swatch = h("span", { class: "legend__swatch", "aria-hidden": "true" }, style.symbol);
      // CSSOM, not a style attribute: the pages' CSP allows the one and forbids the other.
      swatch.style.backgroundColor = style.fill;
      return h("li", { class: "legend__item" }, swatch, style.label[lang]);
    }),
  );
}

/** "Why this colour" for one value cell: the figures as shown, the trend, the tolerance and the rule that decided. */
export function whyView(e: Explanation | null, t: Strings, lang: Lang): Child[] {
  if (e === null) return [h("p", { class: "muted" }, t.whyHint)];
  const p = t.whyParts;
  const row = (label: string, value: string | null) =>
    value === null ? null : h("div", {}, h("dt", {}, label), h("dd", {}, value));
  return [
    h("p", {}, `${e.address} · ${e.year} · ${e.name}`),
    h(
      "dl",
      { class: "why" },
      row(p.value, e.value ?? "—"),
      row(p.baseline, e.baseline ?? "—"),
      row(p.target, e.target),
      row(p.trend, e.trendText || "—"),
      e.trend === "maintain" ? row(p.tolerance, `${tolerancePercent(e.tolerance, lang)} %`) : null,
      row(p.rule, e.reason[lang]),
    ),
  ];
}

/** What the preview reports back: Apply, Cancel, and (recalculation) ticking cells ("Sheet!A1") in or out. */
export interface PreviewHandlers {
  onApply: () => void;
  onCancel: () => void;
  onChoose?: (cells: string[], include: boolean) => void;
}

export function previewView(plan: EditPlan, t: Strings, lang: Lang, handlers: PreviewHandlers): Child[] {
  const apply = h("button", { type: "button", class: "button button--primary", "data-action": "apply" }, t.apply);
  const cancel = h("button", { type: "button", class: "button", "data-action": "cancel" }, t.cancel);
  // Nothing ticked writes nothing: there is nothing to apply until something is.
  apply.disabled = isEmptyPlan(plan);
  apply.addEventListener("click", handlers.onApply);
  cancel.addEventListener("click", handlers.onCancel);
  const oneSheet = (sheet: string): boolean => plan.edits.length <= 1 && sheet === (plan.edits[0]?.sheet ?? sheet);
  const where = (sheet: string, address: string): string => (oneSheet(sheet) ? address : `${sheet}!${address}`);
  return [
    h("p", {}, t.previewCount(plan.changes.length)),
    ...plan.addSheets.map((s) => h("p", {}, t.addsSheet(s.name))),
    ...plan.deleteSheets.map((s) => h("p", {}, t.deletesSheet(s))),
    plan.notes.length ? h("ul", { class: "notes" }, ...plan.notes.map((n) => h("li", {}, n[lang]))) : null,
    ...(plan.review && handlers.onChoose
      ? reviewView(plan.review, t, lang, where, handlers.onChoose)
      : [changesTable(plan, t, lang, where)]),
    // Sticky: Apply and Cancel stay in view however long the list.
    h("div", { class: "button-row button-row--sticky" }, apply, cancel),
  ];
}

/** Every change, the first PREVIEW_ROWS at once and the rest behind a button. */
function changesTable(
  plan: EditPlan,
  t: Strings,
  lang: Lang,
  where: (sheet: string, address: string) => string,
): Child {
  if (plan.changes.length === 0) return null;
  const row = (c: EditPlan["changes"][number]) =>
    h(
      "tr",
      {},
      h("td", { class: "mono" }, where(c.sheet, c.address)),
      h("td", {}, c.before[lang]),
      h("td", {}, c.after[lang]),
    );
  const body = h("tbody", {}, ...plan.changes.slice(0, PREVIEW_ROWS).map(row));
  const rest = plan.changes.length - PREVIEW_ROWS;
  const more =
    rest > 0
      ? h("button", { type: "button", class: "button button--subtle", "data-action": "show-all" }, t.previewMore(rest))
      : null;
  more?.addEventListener("click", () => {
    body.append(...plan.changes.slice(PREVIEW_ROWS).map(row));
    more.remove();
  });
  return h(
    "div",
    {},
    h(
      "div",
      // Focusable, so that keyboard users can scroll a long list too.
      { class: "preview__scroll", tabindex: "0", role: "region", "aria-label": t.changesList },
      h(
        "table",
        { class: "preview__table" },
        h(
          "thead",
          {},
          h(
            "tr",
            {},
            h("th", { scope: "col" }, t.cell),
            h("th", { scope: "col" }, t.before),
            h("th", { scope: "col" }, t.after),
          ),
        ),
        body,
      ),
    ),
    more,
  );
}

/**
 * "Przelicz wskaźniki" as a reviewed change: the published figures that would change (largest first, with the
 * reason), those held back as suspect, and those that keep their figure and become formulas, each group and each
 * row with its own tick box. The counts typed as text that the formulas need are only counted.
 */
function reviewView(
  review: RecalcReview,
  t: Strings,
  lang: Lang,
  where: (sheet: string, address: string) => string,
  onChoose: (cells: string[], include: boolean) => void,
): Child[] {
  const key = (i: RecalcItem): string => cellKey(i.sheet, i.address);
  const group = (name: RecalcGroup, title: (n: number) => string, hint: string, open: boolean): Child => {
    const items = review.items.filter((i) => i.group === name);
    if (items.length === 0) return null;
    const all = h("input", { type: "checkbox", "data-group": name });
    all.checked = items.every((i) => i.included);
    all.indeterminate = !all.checked && items.some((i) => i.included);
    all.addEventListener("change", () => onChoose(items.map(key), all.checked));
    // The reason goes on a line of its own under its row: a narrow pane has no room for a fifth column.
    const rows = items.flatMap((i) => {
      const box = h("input", {
        type: "checkbox",
        "data-cell": key(i),
        "aria-label": t.includeCell(where(i.sheet, i.address)),
      });
      box.checked = i.included;
      box.addEventListener("change", () => onChoose([key(i)], box.checked));
      const row = h(
        "tr",
        {},
        h("td", {}, box),
        h("td", { class: "mono" }, where(i.sheet, i.address)),
        h("td", { class: "nowrap" }, i.before),
        h("td", { class: "nowrap" }, i.after),
      );
      return i.reason
        ? [row, h("tr", { class: "review__reason" }, h("td", {}), h("td", { colspan: "3" }, i.reason[lang]))]
        : [row];
    });
    const head = h(
      "tr",
      {},
      h("th", { scope: "col" }, h("span", { class: "visually-hidden" }, t.include)),
      h("th", { scope: "col" }, t.cell),
      h("th", { scope: "col" }, t.before),
      h("th", { scope: "col" }, t.after),
    );
    const table = h(
      "div",
      { class: "preview__scroll", tabindex: "0", role: "region", "aria-label": title(items.length) },
      h("table", { class: "preview__table" }, h("thead", {}, head), h("tbody", {}, ...rows)),
    );
    return h(
      "div",
      { class: `review__group review__group--${name}`, "data-group": name },
      h("h3", {}, title(items.length)),
      h("p", { class: "muted" }, hint),
      h("label", { class: "checkbox" }, all, t.includeAll),
      open ? table : h("details", {}, h("summary", {}, t.showList), table),
    );
  };
  return [
    group("changed", t.groupChanged, t.groupChangedHint, true),
    group("suspect", t.groupSuspect, t.groupSuspectHint, true),
    group("same", t.groupSame, t.groupSameHint, false),
    review.conversions > 0 ? h("p", { class: "muted" }, t.conversions(review.conversions)) : null,
  ];
}

/** An entry of the results list: a finding of "Sprawdź arkusz", or a difference from the previous edition. */
export interface ResultItem {
  sheet: string;
  address: string;
  code: string;
  message: Message;
}

/** A titled group of the results list; `kind` names its style ("error", "warning", "info", "compare"). */
export interface ResultGroup<T extends ResultItem> {
  key: string;
  kind: string;
  title: string;
  items: T[];
}

/** Findings by severity, errors first. */
export function severityGroups(findings: Finding[], t: Strings): ResultGroup<Finding>[] {
  return SEVERITIES.map((severity) => ({
    key: severity,
    kind: severity,
    title: t.severity[severity],
    items: findings.filter((f) => f.severity === severity),
  }));
}

/** What an item shows beside its cell and message, and the prefix of the group headings' ids. */
export interface ItemDecor<T> {
  /** The indicator's number, code and name. */
  label?: (item: T) => string;
  /** A word after the message (the reviewer's decision), or null. */
  note?: (item: T) => string | null;
  /** Unique when a pane shows two lists. */
  idPrefix?: string;
}

/**
 * Groups of results (empty ones left out), each item a button that selects its cell. One tab stop for the whole list
 * (roving tabindex); the arrow keys, Home and End move between items, Enter and Space select.
 */
export function resultsView<T extends ResultItem>(
  groups: ResultGroup<T>[],
  lang: Lang,
  onSelect: (item: T) => void,
  decor: ItemDecor<T> = {},
): Child[] {
  const entries: { button: HTMLButtonElement; item: T }[] = [];
  const shown = groups
    .filter((g) => g.items.length > 0)
    .map((group) => {
      const headingId = `${decor.idPrefix ?? "findings"}-${group.key}`;
      return h(
        "div",
        { class: `findings__group findings__group--${group.kind}` },
        h("h3", { id: headingId }, `${group.title} (${group.items.length})`),
        h(
          "ul",
          { "aria-labelledby": headingId },
          ...group.items.map((item) => {
            const label = decor.label?.(item) ?? "";
            const note = decor.note?.(item) ?? null;
            const button = h(
              "button",
              { type: "button", class: "finding", tabindex: entries.length === 0 ? "0" : "-1", "data-code": item.code },
              h("span", { class: "finding__cell mono" }, item.address),
              h(
                "span",
                { class: "finding__body" },
                label ? h("span", { class: "finding__indicator" }, label) : null,
                h("span", { class: "finding__text" }, item.message[lang]),
                note ? h("span", { class: "finding__decision" }, note) : null,
              ),
            );
            entries.push({ button, item });
            return h("li", {}, button);
          }),
        ),
      );
    });
  const buttons = entries.map((e) => e.button);
  const focus = (i: number) => {
    const next = buttons[(i + buttons.length) % buttons.length];
    if (!next) return; // cannot be: a key on a button moves within the list, wrapping round
    buttons.forEach((b) => b.setAttribute("tabindex", b === next ? "0" : "-1"));
    next.focus();
  };
  const choose = (button: HTMLButtonElement, item: T) => {
    buttons.forEach((b) => b.setAttribute("aria-current", b === button ? "true" : "false"));
    onSelect(item);
  };
  entries.forEach(({ button, item }, i) => {
    button.addEventListener("click", () => choose(button, item));
    button.addEventListener("keydown", (e) => {
      const moves: Record<string, number> = { ArrowDown: i + 1, ArrowUp: i - 1, Home: 0, End: buttons.length - 1 };
      const move = moves[e.key];
      if (move !== undefined) focus(move);
      else if (e.key === "Enter" || e.key === " ") choose(button, item);
      else return;
      e.preventDefault();
    });
  });
  return shown;
}

/** How a findings list is drawn: grouped by indicator instead of severity, and what each item shows beside its cell. */
export interface FindingsOptions extends ItemDecor<Finding> {
  byIndicator?: boolean;
}

/** Findings per indicator (the label is the group's heading), errors first within each. */
function indicatorGroups(
  findings: Finding[],
  t: Strings,
  label: ((f: Finding) => string) | undefined,
): ResultGroup<Finding>[] {
  const byKey = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = f.indicatorId ?? "";
    const list = byKey.get(key);
    if (list) list.push(f);
    else byKey.set(key, [f]);
  }
  return [...byKey.values()].map((items, i) => ({
    key: `indicator-${i}`,
    kind: "indicator",
    title: (items[0] && label?.(items[0])) || t.noIndicator, // a group has one finding at least
    items: SEVERITIES.flatMap((s) => items.filter((f) => f.severity === s)),
  }));
}

/** Findings grouped by severity (or by indicator), after the hint that a click selects the cell. */
export function findingsView(
  findings: Finding[],
  t: Strings,
  lang: Lang,
  onSelect: (f: Finding) => void,
  opts: FindingsOptions = {},
): Child[] {
  if (findings.length === 0) return [h("p", {}, t.noFindings)];
  const groups = opts.byIndicator ? indicatorGroups(findings, t, opts.label) : severityGroups(findings, t);
  // Grouped by indicator, the label is the heading already.
  const decor = { ...opts, label: opts.byIndicator ? undefined : opts.label };
  return [h("p", { class: "muted" }, t.findingsHint), ...resultsView(groups, lang, onSelect, decor)];
}
