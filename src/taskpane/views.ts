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

/** How a findings list is drawn: grouped by indicator instead of severity, and what each item shows beside its cell. */
export interface FindingsOptions {
  byIndicator?: boolean;
  /** The indicator's number, code and name, shown beside the cell; also a group's heading. */
  label?: (f: Finding) => string;
  /** A word after the message (the reviewer's decision), or null. */
  note?: (f: Finding) => string | null;
  /** Prefix of the group headings' ids, unique when a pane shows two lists. */
  idPrefix?: string;
}

interface Group {
  id: string;
  heading: string;
  className: string;
  items: Finding[];
}

function groupsOf(findings: Finding[], t: Strings, opts: FindingsOptions): Group[] {
  const prefix = opts.idPrefix ?? "findings";
  if (!opts.byIndicator) {
    return SEVERITIES.filter((s) => findings.some((f) => f.severity === s)).map((severity) => {
      const items = findings.filter((f) => f.severity === severity);
      return { id: `${prefix}-${severity}`, heading: `${t.severity[severity]} (${items.length})`, className: `findings__group--${severity}`, items };
    });
  }
  const byKey = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = f.indicatorId ?? "";
    const list = byKey.get(key);
    if (list) list.push(f);
    else byKey.set(key, [f]);
  }
  return [...byKey.values()].map((items, i) => ({
    id: `${prefix}-indicator-${i}`,
    heading: `${opts.label?.(items[0]) || t.noIndicator} (${items.length})`,
    className: "findings__group--indicator",
    items: SEVERITIES.flatMap((s) => items.filter((f) => f.severity === s)),
  }));
}

/**
 * Findings grouped by severity (or by indicator), each a button that selects its cell. One tab stop for the whole
 * list (roving tabindex); the arrow keys, Home and End move between findings, Enter and Space select.
 */
export function findingsView(findings: Finding[], t: Strings, lang: Lang, onSelect: (f: Finding) => void, opts: FindingsOptions = {}): Child[] {
  if (findings.length === 0) return [h("p", {}, t.noFindings)];
  const buttons: HTMLButtonElement[] = [];
  const groups = groupsOf(findings, t, opts);
  const elements = groups.map((g) =>
    h(
      "div",
      { class: `findings__group ${g.className}` },
      h("h3", { id: g.id }, g.heading),
      h(
        "ul",
        { "aria-labelledby": g.id },
        ...g.items.map((f) => {
          const label = opts.byIndicator ? "" : (opts.label?.(f) ?? "");
          const note = opts.note?.(f) ?? null;
          const button = h(
            "button",
            { type: "button", class: "finding", tabindex: buttons.length === 0 ? "0" : "-1", "data-code": f.code },
            h("span", { class: "finding__cell mono" }, f.address),
            h(
              "span",
              { class: "finding__body" },
              label ? h("span", { class: "finding__indicator" }, label) : null,
              h("span", { class: "finding__text" }, f.message[lang]),
              note ? h("span", { class: "finding__decision" }, note) : null,
            ),
          );
          buttons.push(button);
          return h("li", {}, button);
        }),
      ),
    ),
  );
  const focus = (i: number) => {
    const next = buttons[(i + buttons.length) % buttons.length];
    buttons.forEach((b) => b.setAttribute("tabindex", b === next ? "0" : "-1"));
    next.focus();
  };
  const choose = (i: number) => {
    buttons.forEach((b, j) => b.setAttribute("aria-current", j === i ? "true" : "false"));
    onSelect(findingsInOrder[i]);
  };
  const findingsInOrder = groups.flatMap((g) => g.items);
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
  return [h("p", { class: "muted" }, t.findingsHint), ...elements];
}
