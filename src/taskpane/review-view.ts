/**
 * "Sprawdź arkusz" with the reviewer's decisions: filters by severity and decision, grouping by severity or by
 * indicator, each finding with its indicator's number, code and name; findings accepted on the findings sheet
 * ("Uwagi") listed apart, below, and not counted. The filters redraw the list in place, from the same data.
 */
import type { Analysis, Finding, Severity } from "../core/model";
import { DECISIONS, type Decision } from "../core/review/decisions";
import { indicatorOf } from "../core/review/figures";
import type { ReviewedFinding } from "../core/review/reviewed";
import { fill, h, type Child } from "../ui/dom";
import type { Lang } from "../core/message";
import type { Strings } from "../ui/i18n";
import { findingsView } from "./views";

const SEVERITIES: Severity[] = ["error", "warning", "info"];
const NAME_CHARS = 60;

/** "17. W39_W · Poziom umieszczania dzieci…": number and name beside the code, as the sheet lists them. */
export function indicatorLabel(analysis: Analysis, f: Finding): string {
  const ind = indicatorOf(analysis, f.indicatorId);
  if (!ind) return "";
  const name = ind.name.replace(/\s+/g, " ").trim();
  const short = name.length > NAME_CHARS ? `${name.slice(0, NAME_CHARS - 1)}…` : name;
  const number = ind.number?.trim().replace(/\.$/, "");
  return [number ? `${number}.` : "", ind.code ?? "", ind.code ? `· ${short}` : short].filter(Boolean).join(" ");
}

export function reviewedFindingsView(
  reviewed: ReviewedFinding[],
  analysis: Analysis,
  t: Strings,
  lang: Lang,
  onSelect: (f: Finding) => void,
): Child[] {
  if (reviewed.length === 0) return [h("p", {}, t.noFindings)];
  const decisionOf = new Map(reviewed.map((r) => [r.finding, r.decision]));
  const select = (id: string, label: string, options: [string, string][]) =>
    h(
      "label",
      { class: "filter" },
      `${label} `,
      h("select", { id, "data-filter": id }, ...options.map(([value, text]) => h("option", { value }, text))),
    );
  const severity = select("filter-severity", t.filterSeverity, [
    ["all", t.all],
    ...SEVERITIES.map((s): [string, string] => [s, t.severity[s]]),
  ]);
  const decision = select("filter-decision", t.filterDecision, [
    ["all", t.all],
    ...DECISIONS.map((d): [string, string] => [d, t.decision[d]]),
  ]);
  const group = select("group-by", t.groupBy, [
    ["severity", t.groupBySeverity],
    ["indicator", t.groupByIndicator],
  ]);
  const list = h("div", { class: "findings__list" });
  const value = (label: HTMLElement) => label.querySelector("select")!.value;

  const draw = () => {
    const wantSeverity = value(severity);
    const wantDecision = value(decision);
    const shown = reviewed.filter(
      (r) =>
        (wantSeverity === "all" || r.finding.severity === wantSeverity) &&
        (wantDecision === "all" || r.decision === wantDecision),
    );
    const opts = {
      byIndicator: value(group) === "indicator",
      label: (f: Finding) => indicatorLabel(analysis, f),
      note: (f: Finding) => {
        const d = decisionOf.get(f) as Decision;
        return d === "open" ? null : t.decision[d];
      },
    };
    const open = shown.filter((r) => r.decision !== "accepted").map((r) => r.finding);
    const accepted = shown.filter((r) => r.decision === "accepted").map((r) => r.finding);
    fill(
      list,
      ...(shown.length === 0
        ? [h("p", {}, t.noneMatch)]
        : open.length > 0
          ? findingsView(open, t, lang, onSelect, opts)
          : []),
      accepted.length > 0
        ? h(
            "section",
            { class: "findings__accepted", "aria-labelledby": "findings-accepted" },
            h("h3", { id: "findings-accepted" }, t.acceptedTitle(accepted.length)),
            // Without the hint: the one above the open findings says it.
            ...findingsView(accepted, t, lang, onSelect, { ...opts, idPrefix: "accepted" }).slice(1),
          )
        : null,
    );
  };
  for (const control of [severity, decision, group]) control.querySelector("select")!.addEventListener("change", draw);
  draw();
  return [h("div", { class: "findings__filters" }, severity, decision, group), list];
}
