/** The readable (non-JSON) output of the CLI: a few lines per table, one per indicator. */
import type { Status, Trend } from "../core/model";
import type { EditPlan } from "../core/plan";
import type { RecalcGroup } from "../core/plans/recalculate";
import { enCount, plCount } from "../core/plural";
import { formulaById } from "../core/ratio/formulas";
import { reviewSummary } from "../core/review/reviewed";
import { statusText } from "../core/palette";
import type { Report, ReportCell, ReportIndicator } from "../core/report";
import type { Lang } from "../core/message";
import type { Message } from "../core/message";

const TREND: Record<Trend, Message> = {
  increase: { pl: "wzrost", en: "increase" },
  decrease: { pl: "spadek", en: "decrease" },
  maintain: { pl: "utrzymanie", en: "maintain" },
  unknown: { pl: "nieznany trend", en: "unknown trend" },
};

const SEVERITY = {
  error: { pl: "błąd", en: "error" },
  warning: { pl: "ostrzeżenie", en: "warning" },
  info: { pl: "informacja", en: "info" },
};

const t = (lang: Lang, pl: string, en: string) => (lang === "pl" ? pl : en);

export function describeReport(rep: Report, lang: Lang): string {
  const lines = [t(lang, `Plik: ${rep.file}`, `File: ${rep.file}`)];
  for (const sheet of rep.sheets) {
    const count = sheet.tables.reduce((n, tb) => n + tb.indicators.length, 0);
    lines.push(
      t(
        lang,
        `Arkusz „${sheet.name}”: ${plCount(sheet.tables.length, { one: "tabela", few: "tabele", many: "tabel" })}, ${plCount(count, { one: "wskaźnik", few: "wskaźniki", many: "wskaźników" })}`,
        `Sheet "${sheet.name}": ${enCount(sheet.tables.length, "table", "tables")}, ${enCount(count, "indicator", "indicators")}`,
      ),
    );
    if (sheet.message) lines.push(`  ${sheet.message[lang]}`);
    for (const table of sheet.tables) {
      lines.push(`  ${t(lang, "Tabela", "Table")} ${table.range}, ${yearsText(table.years, lang)}`);
      for (const ind of table.indicators) {
        lines.push(`    ${indicatorLine(ind, table.years, lang)}`);
        // "MOPS KIS 17%" over "GUP 4%" in one cell: each line its own row, so that neither is lost.
        for (const part of ind.labelledRows ?? []) {
          lines.push(
            `      ${part.name}: ${table.years.map((y) => `${y} ${shown(part.values[String(y)])}`).join(", ")}`,
          );
        }
      }
    }
  }
  lines.push(describeFindings(rep, lang));
  return lines.join("\n");
}

function indicatorLine(ind: ReportIndicator, years: number[], lang: Lang): string {
  const head = `${ind.row}: ${ind.number ? `${ind.number.replace(/\.$/, "")}. ` : ""}${shorten(ind.name, 70)}${ind.code ? ` [${ind.code}]` : ""}`;
  const values = [
    `${t(lang, "bazowa", "baseline")} ${shown(ind.baseline)}`,
    ...years.map((y) => `${y} ${shown(ind.values[String(y)])}`),
  ];
  const parts = [head, TREND[ind.trend][lang], values.join(", ")];
  const latest = ind.status.latest as Status | undefined;
  if (latest) parts.push(statusText(latest, lang));
  if (ind.ratio) {
    const checked = Object.values(ind.ratio.matches).filter((m) => m !== null);
    const ok = checked.filter(Boolean).length;
    const name = formulaById(ind.ratio.formula).name;
    parts.push(t(lang, `${name.pl}: zgodne ${ok} z ${checked.length}`, `${name.en}: ${ok} of ${checked.length} match`));
  }
  return parts.join(" | ");
}

export function describeFindings(rep: Report, lang: Lang): string {
  if (rep.findings.length === 0) return t(lang, "Uwagi: brak.", "Findings: none.");
  // Accepted findings (the reviewer's "Zaakceptowane") are listed apart and not counted.
  const { outstanding, accepted } = reviewSummary(rep.findings);
  const lines = [
    t(
      lang,
      `Uwagi: ${plCount(outstanding.error, { one: "błąd", few: "błędy", many: "błędów" })}, ${plCount(outstanding.warning, { one: "ostrzeżenie", few: "ostrzeżenia", many: "ostrzeżeń" })}, ${plCount(outstanding.info, { one: "informacja", few: "informacje", many: "informacji" })}` +
        (accepted ? `; zaakceptowane: ${accepted}` : ""),
      `Findings: ${enCount(outstanding.error, "error", "errors")}, ${enCount(outstanding.warning, "warning", "warnings")}, ${enCount(outstanding.info, "note", "notes")}` +
        (accepted ? `; ${accepted} accepted` : ""),
    ),
  ];
  const line = (f: Report["findings"][number]) =>
    `  [${SEVERITY[f.severity][lang]}] ${f.sheet}!${f.address}: ${f.message[lang]}`;
  for (const f of rep.findings)
    if (f.decision !== "accepted")
      lines.push(line(f) + (f.decision === "explained" ? t(lang, " (wyjaśnione)", " (explained)") : ""));
  if (accepted) lines.push(t(lang, "Zaakceptowane:", "Accepted:"));
  for (const f of rep.findings) if (f.decision === "accepted") lines.push(line(f));
  return lines.join("\n");
}

const ACTION: Record<EditPlan["action"], Message> = {
  recalculate: { pl: "Przeliczenie wskaźników", en: "Recalculation" },
  color: { pl: "Kolorowanie wg trendu", en: "Colouring by trend" },
  summary: { pl: "Podsumowanie", en: "Summary" },
  restore: { pl: "Cofnięcie zmian dodatku", en: "Undo of the add-in's changes" },
  findings: { pl: "Raport uwag", en: "Findings sheet" },
};

export function describePlan(plan: EditPlan, lang: Lang): string {
  const cells = plan.edits.reduce((n, e) => n + e.cells.length, 0);
  const fills = plan.edits.reduce((n, e) => n + e.fills.reduce((m, f) => m + f.addresses.length, 0), 0);
  const ruleEdits = plan.edits.filter((e) => e.rules !== undefined);
  const rules = ruleEdits.reduce((n, e) => n + (e.rules?.length ?? 0), 0);
  // Live colours: how many rules went in, or that the add-in's rules went out.
  const ruleText =
    ruleEdits.length === 0
      ? { pl: "", en: "" }
      : rules > 0
        ? {
            pl: `, reguły formatowania warunkowego ${rules}`,
            en: `, ${enCount(rules, "conditional-format rule", "conditional-format rules")}`,
          }
        : { pl: ", reguły dodatku usunięte", en: ", the add-in's rules deleted" };
  const lines = [
    t(
      lang,
      `${ACTION[plan.action].pl}: zapisane komórki ${cells}, wypełnienia ${fills}${ruleText.pl}, dodane arkusze ${plan.addSheets.length}, usunięte arkusze ${plan.deleteSheets.length}`,
      `${ACTION[plan.action].en}: ${enCount(cells, "cell", "cells")} written, ${enCount(fills, "fill", "fills")}${ruleText.en}, ${enCount(plan.addSheets.length, "sheet", "sheets")} added, ${plan.deleteSheets.length} deleted`,
    ),
  ];
  if (plan.review && plan.review.items.length > 0) {
    const { items, conversions } = plan.review;
    const count = (group: RecalcGroup, included: boolean) =>
      items.filter((i) => i.group === group && i.included === included).length;
    lines.push(
      t(
        lang,
        `  Bez zmiany wartości, jako formuły: ${count("same", true)}; liczby wpisane jako tekst zamienione na liczby: ${conversions}`,
        `  Same figures, now live formulas: ${count("same", true)}; numbers typed as text converted: ${conversions}`,
      ),
    );
    for (const i of items.filter((x) => x.group !== "same")) {
      const mark = i.included ? t(lang, "zapisano", "written") : t(lang, "pominięto", "left");
      const group =
        i.group === "changed" ? t(lang, "zmiana wartości", "figure changes") : t(lang, "wątpliwe", "suspect");
      lines.push(`  [${group}, ${mark}] ${i.sheet}!${i.address}: ${i.before} → ${i.after}: ${i.reason?.[lang] ?? ""}`);
    }
  }
  for (const note of plan.notes) lines.push(`  ${note[lang]}`);
  return lines.join("\n");
}

/** What --json prints for an applied plan: its counts and, for a recalculation, the three groups. */
export function planJson(plan: EditPlan): object {
  const cells = plan.edits.reduce((n, e) => n + e.cells.length, 0);
  const base = {
    action: plan.action,
    cellsWritten: cells,
    sheetsAdded: plan.addSheets.map((s) => s.name),
    notes: plan.notes,
  };
  if (!plan.review) return base;
  const pick = (group: RecalcGroup) =>
    plan
      .review!.items.filter((i) => i.group === group)
      .map((i) => ({
        sheet: i.sheet,
        address: i.address,
        column: i.column,
        before: i.before,
        after: i.after,
        included: i.included,
        reason: i.reason,
        size: i.size,
      }));
  return {
    ...base,
    changed: pick("changed"),
    same: pick("same"),
    suspect: pick("suspect"),
    conversions: plan.review.conversions,
    heldBack: plan.review.items.filter((i) => !i.included).map((i) => `${i.sheet}!${i.address}`),
  };
}

/** "rok 2023" or "lata 2021–2023". */
function yearsText(years: number[], lang: Lang): string {
  if (years.length === 0) return "—";
  if (years.length === 1) return t(lang, `rok ${years[0]}`, `year ${years[0]}`);
  return t(lang, `lata ${years[0]}–${years[years.length - 1]}`, `years ${years[0]}–${years[years.length - 1]}`);
}

function shown(cell: ReportCell | null | undefined): string {
  return cell && cell.text.trim() !== "" ? cell.text.replace(/\s+/g, " ") : "—";
}

function shorten(s: string, n: number): string {
  const flat = s.replace(/\s+/g, " ").trim();
  return flat.length <= n ? flat : flat.slice(0, n - 1) + "…";
}
