/** The pane's pieces as DOM, built from engine data. Every workbook text goes in as a text node. */
import type { Analysis, Finding, Severity } from "../core/model";
import { STATUS_ORDER, STATUS_STYLES } from "../core/palette";
import type { EditPlan } from "../core/plan";
import { h, type Child } from "./dom";
import type { Lang, Strings } from "./i18n";

/** At most this many preview rows: the count says how many more there are. */
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
        h("li", {}, h("span", { class: "mono" }, table.range), ` · ${t.indicators(table.indicators.length)} · ${t.years(table.years)}`),
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

export function previewView(plan: EditPlan, t: Strings, lang: Lang, onApply: () => void, onCancel: () => void): Child[] {
  const shown = plan.changes.slice(0, PREVIEW_ROWS);
  const apply = h("button", { type: "button", class: "button button--primary", "data-action": "apply" }, t.apply);
  const cancel = h("button", { type: "button", class: "button", "data-action": "cancel" }, t.cancel);
  apply.addEventListener("click", onApply);
  cancel.addEventListener("click", onCancel);
  return [
    h("p", {}, t.previewCount(plan.changes.length)),
    ...plan.addSheets.map((s) => h("p", {}, t.addsSheet(s.name))),
    ...plan.deleteSheets.map((s) => h("p", {}, t.deletesSheet(s))),
    plan.notes.length ? h("ul", { class: "notes" }, ...plan.notes.map((n) => h("li", {}, n[lang]))) : null,
    shown.length
      ? h(
          "div",
          // Focusable, so that keyboard users can scroll a long list too.
          { class: "preview__scroll", tabindex: "0", role: "region", "aria-label": t.changesList },
          h(
            "table",
            { class: "preview__table" },
            h("thead", {}, h("tr", {}, h("th", { scope: "col" }, t.cell), h("th", { scope: "col" }, t.before), h("th", { scope: "col" }, t.after))),
            h(
              "tbody",
              {},
              ...shown.map((c) =>
                h(
                  "tr",
                  {},
                  h("td", { class: "mono" }, plan.edits.length > 1 || c.sheet !== plan.edits[0]?.sheet ? `${c.sheet}!${c.address}` : c.address),
                  h("td", {}, c.before),
                  h("td", {}, c.after),
                ),
              ),
            ),
          ),
        )
      : null,
    plan.changes.length > shown.length ? h("p", { class: "muted" }, t.previewMore(plan.changes.length - shown.length)) : null,
    h("div", { class: "button-row" }, apply, cancel),
  ];
}

/** An entry of the results list: a finding of "Sprawdź arkusz", or a difference from the previous edition. */
export interface ResultItem {
  sheet: string;
  address: string;
  code: string;
  message: { pl: string; en: string };
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
  return SEVERITIES.map((severity) => ({ key: severity, kind: severity, title: t.severity[severity], items: findings.filter((f) => f.severity === severity) }));
}

/**
 * Groups of results (empty ones left out), each item a button that selects its cell. One tab stop for the whole list
 * (roving tabindex); the arrow keys, Home and End move between items, Enter and Space select.
 */
export function resultsView<T extends ResultItem>(groups: ResultGroup<T>[], lang: Lang, onSelect: (item: T) => void): Child[] {
  const buttons: HTMLButtonElement[] = [];
  const inOrder: T[] = [];
  const shown = groups.filter((g) => g.items.length > 0).map((group) => {
    const headingId = `findings-${group.key}`;
    return h(
      "div",
      { class: `findings__group findings__group--${group.kind}` },
      h("h3", { id: headingId }, `${group.title} (${group.items.length})`),
      h(
        "ul",
        { "aria-labelledby": headingId },
        ...group.items.map((item) => {
          const button = h(
            "button",
            { type: "button", class: "finding", tabindex: buttons.length === 0 ? "0" : "-1", "data-code": item.code },
            h("span", { class: "finding__cell mono" }, item.address),
            h("span", { class: "finding__text" }, item.message[lang]),
          );
          buttons.push(button);
          inOrder.push(item);
          return h("li", {}, button);
        }),
      ),
    );
  });
  const focus = (i: number) => {
    const next = buttons[(i + buttons.length) % buttons.length];
    buttons.forEach((b) => b.setAttribute("tabindex", b === next ? "0" : "-1"));
    next.focus();
  };
  const choose = (i: number) => {
    buttons.forEach((b, j) => b.setAttribute("aria-current", j === i ? "true" : "false"));
    onSelect(inOrder[i]);
  };
  buttons.forEach((button, i) => {
    button.addEventListener("click", () => choose(i));
    button.addEventListener("keydown", (e) => {
      const moves: Record<string, number> = { ArrowDown: i + 1, ArrowUp: i - 1, Home: 0, End: buttons.length - 1 };
      if (e.key in moves) focus(moves[e.key]);
      else if (e.key === "Enter" || e.key === " ") choose(i);
      else return;
      e.preventDefault();
    });
  });
  return shown;
}
