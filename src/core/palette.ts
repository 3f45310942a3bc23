/**
 * One fill colour, one symbol and one label per status.
 *
 * Colours are Paul Tol's "light" qualitative scheme (https://personal.sron.nl/~pault/), made for cell
 * backgrounds under black text and distinguishable with the common colour-vision deficiencies; good news sits
 * in the blue-green family, bad news in orange-pink. Every tint keeps black text at a contrast of at least
 * 4.5:1 (test/core/status-palette.test.ts computes it). The symbol carries the status where colour cannot:
 * "+" and "−" say better and worse whatever the trend, so a falling value of a "spadek" indicator is "+".
 */
import type { Status } from "./model";
import type { Message } from "./message";

export interface StatusStyle {
  /** Cell fill, "#RRGGBB". */
  fill: string;
  symbol: string;
  label: Message;
}

export const STATUS_STYLES: Record<Status, StatusStyle> = {
  target_met: { fill: "#44BB99", symbol: "✔", label: { pl: "cel osiągnięty", en: "target met" } },
  improved: { fill: "#99DDFF", symbol: "+", label: { pl: "poprawa", en: "improved" } },
  unchanged: { fill: "#EEDD88", symbol: "=", label: { pl: "bez zmian", en: "unchanged" } },
  worsened: { fill: "#EE8866", symbol: "−", label: { pl: "pogorszenie", en: "worsened" } },
  stable: { fill: "#77AADD", symbol: "≈", label: { pl: "stabilnie", en: "stable" } },
  deviated: { fill: "#FFAABB", symbol: "≠", label: { pl: "odchylenie", en: "deviated" } },
  no_data: { fill: "#DDDDDD", symbol: "∅", label: { pl: "brak danych", en: "no data" } },
  unknown_trend: { fill: "#BBCC33", symbol: "?", label: { pl: "nieznany trend", en: "unknown trend" } },
};

/** Statuses in the order a legend lists them: best news first. */
export const STATUS_ORDER: readonly Status[] = [
  "target_met",
  "improved",
  "stable",
  "unchanged",
  "deviated",
  "worsened",
  "no_data",
  "unknown_trend",
];

/** The status a fill colour of this palette stands for (case-insensitive), or null for any other fill. */
export function statusOfFill(fill: string | null): Status | null {
  if (fill === null) return null;
  const upper = fill.toUpperCase();
  return STATUS_ORDER.find((s) => STATUS_STYLES[s].fill === upper) ?? null;
}

/** "✔ cel osiągnięty": the status as text, for a legend, a summary cell or a note. */
export function statusText(status: Status, lang: "pl" | "en"): string {
  const style = STATUS_STYLES[status];
  return `${style.symbol} ${style.label[lang]}`;
}
