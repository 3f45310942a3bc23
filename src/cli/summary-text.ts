/** The readable (non-JSON) output of the CLI: a few lines per table, one per indicator. */
import type { Status, Trend } from "../core/model";
import type { EditPlan } from "../core/plan";
import { statusText } from "../core/palette";
import type { Report, ReportCell, ReportIndicator } from "../core/report";
import type { Lang } from "./args";

const TREND: Record<Trend, { pl: string; en: string }> = {
  increase: { pl: "wzrost", en: "increase" },
  decrease: { pl: "spadek", en: "decrease" },
  maintain: { pl: "utrzymanie", en: "maintain" },
  unknown: { pl: "trend nieznany", en: "trend unknown" },
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
      t(lang, `Arkusz „${sheet.name}”: tabel ${sheet.tables.length}, wskaźników ${count}`, `Sheet "${sheet.name}": ${sheet.tables.length} table(s), ${count} indicator(s)`),
    );
    if (sheet.message) lines.push(`  ${sheet.message[lang]}`);
    for (const table of sheet.tables) {
      const years = table.years.length > 0 ? `${table.years[0]}–${table.years[table.years.length - 1]}` : "—";
      lines.push(t(lang, `  Tabela ${table.range}, lata ${years}`, `  Table ${table.range}, years ${years}`));
      for (const ind of table.indicators) lines.push(`    ${indicatorLine(ind, table.years, lang)}`);
    }
  }
  lines.push(describeFindings(rep, lang));
  return lines.join("\n");
}

function indicatorLine(ind: ReportIndicator, years: number[], lang: Lang): string {
  const head = `${ind.row}: ${ind.number ? `${ind.number.replace(/\.$/, "")}. ` : ""}${shorten(ind.name, 70)}${ind.code ? ` [${ind.code}]` : ""}`;
  const values = [`${t(lang, "bazowa", "baseline")} ${shown(ind.baseline)}`, ...years.map((y) => `${y} ${shown(ind.values[String(y)])}`)];
  const parts = [head, TREND[ind.trend][lang], values.join(", ")];
  const latest = ind.status.latest as Status | undefined;
  if (latest) parts.push(statusText(latest, lang));
  if (ind.ratio) {
    const checked = Object.values(ind.ratio.matches).filter((m) => m !== null);
    const ok = checked.filter(Boolean).length;
    parts.push(t(lang, `iloraz ${ind.ratio.formula}: zgodne ${ok}/${checked.length}`, `ratio ${ind.ratio.formula}: ${ok}/${checked.length} match`));
  }
  return parts.join(" | ");
}

export function describeFindings(rep: Report, lang: Lang): string {
  if (rep.findings.length === 0) return t(lang, "Uwagi: brak.", "Findings: none.");
  // Accepted findings (the reviewer's "Zaakceptowane") are listed apart and not counted.
  const count = (s: string) => rep.findings.filter((f) => f.severity === s && f.decision !== "accepted").length;
  const accepted = rep.findings.filter((f) => f.decision === "accepted").length;
  const lines = [
    t(
      lang,
      `Uwagi: błędy ${count("error")}, ostrzeżenia ${count("warning")}, informacje ${count("info")}` + (accepted ? `; zaakceptowane ${accepted}` : ""),
      `Findings: ${count("error")} error(s), ${count("warning")} warning(s), ${count("info")} info` + (accepted ? `; ${accepted} accepted` : ""),
    ),
  ];
  const line = (f: Report["findings"][number]) => `  [${SEVERITY[f.severity][lang]}] ${f.sheet}!${f.address}: ${f.message[lang]}`;
  for (const f of rep.findings) if (f.decision !== "accepted") lines.push(line(f) + (f.decision === "explained" ? t(lang, " (wyjaśnione)", " (explained)") : ""));
  if (accepted) lines.push(t(lang, "Zaakceptowane:", "Accepted:"));
  for (const f of rep.findings) if (f.decision === "accepted") lines.push(line(f));
  return lines.join("\n");
}

export function describePlan(plan: EditPlan, lang: Lang): string {
  const cells = plan.edits.reduce((n, e) => n + e.cells.length, 0);
  const fills = plan.edits.reduce((n, e) => n + e.fills.reduce((m, f) => m + f.addresses.length, 0), 0);
  const lines = [
    t(
      lang,
      `${plan.action}: zmienione komórki ${cells}, wypełnienia ${fills}, dodane arkusze ${plan.addSheets.length}, usunięte arkusze ${plan.deleteSheets.length}`,
      `${plan.action}: ${cells} cell(s) written, ${fills} fill(s), ${plan.addSheets.length} sheet(s) added, ${plan.deleteSheets.length} deleted`,
    ),
  ];
  for (const note of plan.notes) lines.push(`  ${note[lang]}`);
  return lines.join("\n");
}

function shown(cell: ReportCell | null | undefined): string {
  return cell && cell.text.trim() !== "" ? cell.text.replace(/\s+/g, " ") : "—";
}

function shorten(s: string, n: number): string {
  const flat = s.replace(/\s+/g, " ").trim();
  return flat.length <= n ? flat : flat.slice(0, n - 1) + "…";
}
