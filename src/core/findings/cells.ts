/**
 * Checks of single cells in their row: Excel errors, a percent sign lost, two values in one cell, missing
 * data where the row has data, negative counts and shares outside 0-100 %.
 */
import type { Message } from "../message";
import type { Finding, FindingCode, RatioResult } from "../model";
import { enCount, plCount } from "../plural";
import { isPercentRow, lostPercentSign, numberInRow } from "../status";
import { columnLabel, columnsOf, finding, rowLabel, type RowRef, shown } from "./rows";

/** A count by its name: components are raw counts, and so is any row named "Liczba …". */
function isCountRow(ref: RowRef): boolean {
  return ref.kind === "component" || /^\s*liczba\b/i.test(ref.row.name);
}

function hasAnyNumber(ref: RowRef): boolean {
  return columnsOf(ref).some(([, cell]) => numberInRow(cell, ref.row) !== null);
}

export function cellFindings(ref: RowRef, ratio: RatioResult | null): Finding[] {
  const out: Finding[] = [];
  let what: Message | null = null; // made for a finding only: most rows have none
  const percentRow = isPercentRow(ref.row);
  const expectsData = hasAnyNumber(ref);
  for (const [column, cell] of columnsOf(ref)) {
    const col = columnLabel(column);
    const at = (code: FindingCode, severity: Finding["severity"], pl: string, en: string): void => {
      what ??= rowLabel(ref);
      out.push(
        finding(code, severity, ref, cell, column, {
          pl: `${what.pl}, ${col.pl}: ${pl}`,
          en: `${what.en}, ${col.en}: ${en}`,
        }),
      );
    };
    const { kind, text } = cell.parsed;
    if (kind === "error") {
      at(
        "excel_error",
        "error",
        `komórka zawiera błąd Excela ${text}; oczekiwano liczby.`,
        `the cell holds the Excel error ${text}; a number was expected.`,
      );
      continue;
    }
    if (kind === "multiple") {
      at(
        "multiple_values",
        "warning",
        `w jednej komórce są dwie wartości („${oneLine(text)}”); nie da się ich ocenić względem jednej wartości bazowej. Rozdziel je na osobne wiersze.`,
        `one cell holds two values ("${oneLine(text)}"); they cannot be judged against one baseline. Split them into rows of their own.`,
      );
      continue;
    }
    if (kind === "missing" && column !== "target" && expectsData) {
      const said =
        text.trim() === ""
          ? { pl: "pusta komórka", en: "an empty cell" }
          : { pl: `„${text.trim()}”`, en: `"${text.trim()}"` };
      at(
        "missing_value",
        "warning",
        `brak danych (${said.pl}), choć wiersz ma wartości w innych kolumnach.`,
        `no data (${said.en}), although the row has values in other columns.`,
      );
      continue;
    }
    if (lostPercentSign(cell, ref.row)) {
      const meant = shown(numberInRow(cell, ref.row) as number, true, cell.parsed.decimals);
      at(
        "percent_sign_missing",
        "warning",
        `wpisano „${text}” bez znaku %, w wierszu wartości procentowych; odczytano jako ${meant}. Dopisz znak %.`,
        `"${text}" has no % sign in a row of percentages; read as ${meant}. Add the % sign.`,
      );
    }
    const value = numberInRow(cell, ref.row);
    if (value === null) continue;
    if (value < 0 && isCountRow(ref)) {
      at(
        "negative_count",
        "error",
        `liczba ${text} jest ujemna; liczebność nie może być mniejsza od zera.`,
        `the count ${text} is negative; a count cannot be below zero.`,
      );
    } else if (percentRow && ref.kind !== "component" && (value < 0 || value > 1)) {
      // A share or a coverage (a ratio in %) cannot leave 0-100 %; another percentage (a growth rate) may.
      const isShare = ref.kind === "indicator" && ratio?.unit === "percent";
      at(
        "share_out_of_range",
        isShare ? "error" : "warning",
        `${shown(value, true, cell.parsed.decimals)} wykracza poza zakres 0–100%${isShare ? ", a to jest udział" : ""}.`,
        `${shown(value, true, cell.parsed.decimals)} is outside 0-100 %${isShare ? ", and this is a share" : ""}.`,
      );
    }
  }
  return out;
}

/**
 * Numbers typed as text, once per sheet: worth knowing (Excel does not compute with text), not an error, and in a
 * typed annex it is every cell, which one line says better than hundreds. The recalculation converts only the
 * component counts its formulas refer to, and the message promises no more.
 */
export function numberAsTextFinding(refs: RowRef[]): Finding[] {
  const typed = refs.flatMap((ref) =>
    columnsOf(ref)
      .filter(([, c]) => c.parsed.typedAsText && (c.parsed.kind === "number" || c.parsed.kind === "percent"))
      .map(([column, cell]) => ({ ref, column, cell })),
  );
  const [first] = typed;
  if (!first) return [];
  const { ref, column, cell } = first;
  const n = typed.length;
  const some = typed
    .slice(0, 3)
    .map((t) => t.cell.address)
    .join(", ");
  const more = n > 3 ? ", …" : "";
  return [
    finding("number_as_text", "info", ref, cell, column, {
      pl: `${plCount(n, { one: "liczba wpisana", few: "liczby wpisane", many: "liczb wpisanych" })} jako tekst (${some}${more}); Excel nie liczy na tekście. „Przelicz wskaźniki” zamienia na liczby tylko składowe, do których odwołują się wpisywane formuły.`,
      en: `${enCount(n, "number", "numbers")} typed as text (${some}${more}); Excel does not compute with text. "Recalculate indicators" converts only the components its formulas refer to.`,
    }),
  ];
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, " / ");
}
