/**
 * One fill colour, one symbol and one label per status.
 *
 * Colours started from Paul Tol's "light" qualitative scheme (https://personal.sron.nl/~pault/) and were moved
 * apart (a hill climb over small steps, hue families kept) until every two statuses differ by a CIEDE2000 distance
 * of at least 14 with normal vision and simulated deuteranopia and protanopia (10 with tritanopia); Tol's "poprawa" and "stabilnie"
 * differed by 12 (deuteranopia), "odchylenie" and "brak danych" by 8. Good news sits in the green-blue family, bad
 * news in pink-orange; every tint keeps black text at a contrast of at least 7:1 (test/core/status-palette.test.ts
 * measures both). The symbol carries the status where colour cannot, and is the primary cue: "+" and "−" say better
 * and worse whatever the trend, so a falling value of a "spadek" indicator is "+".
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
  target_met: { fill: "#22C5A4", symbol: "✔", label: { pl: "cel osiągnięty", en: "target met" } },
  improved: { fill: "#9BDFFF", symbol: "+", label: { pl: "poprawa", en: "improved" } },
  unchanged: { fill: "#F6EEAD", symbol: "=", label: { pl: "bez zmian", en: "unchanged" } },
  worsened: { fill: "#BF8A63", symbol: "−", label: { pl: "pogorszenie", en: "worsened" } },
  stable: { fill: "#8D99EC", symbol: "≈", label: { pl: "stabilnie", en: "stable" } },
  deviated: { fill: "#FF86A2", symbol: "≠", label: { pl: "odchylenie", en: "deviated" } },
  no_data: { fill: "#EBF1EC", symbol: "∅", label: { pl: "brak danych", en: "no data" } },
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

/** The fills of the first palette (Tol's light scheme): static colourings of older versions used them. */
const EARLIER_FILLS: Record<string, Status> = {
  "#44BB99": "target_met",
  "#99DDFF": "improved",
  "#77AADD": "stable",
  "#EEDD88": "unchanged",
  "#EE8866": "worsened",
  "#FFAABB": "deviated",
  "#DDDDDD": "no_data",
};

/** The status a fill colour of this palette (or of the earlier one) stands for (case-insensitive), or null for any other fill. */
export function statusOfFill(fill: string | null): Status | null {
  if (fill === null) return null;
  const upper = fill.toUpperCase();
  return STATUS_ORDER.find((s) => STATUS_STYLES[s].fill === upper) ?? EARLIER_FILLS[upper] ?? null;
}

/** "✔ cel osiągnięty": the status as text, for a legend, a summary cell or a note. */
export function statusText(status: Status, lang: "pl" | "en"): string {
  const style = STATUS_STYLES[status];
  return `${style.symbol} ${style.label[lang]}`;
}
