/** How many indicators stand at each status: per domain for the latest year with data, and per year. */
import type { Analysis, Indicator, Status } from "../model";
import { STATUS_ORDER } from "../palette";

export type StatusCounts = Record<Status, number>;

/** Indicators without a domain (a declaration table) are counted under this label. */
export const NO_DOMAIN = "(bez dziedziny)";

function zero(): StatusCounts {
  return Object.fromEntries(STATUS_ORDER.map((s) => [s, 0])) as StatusCounts;
}

/** The status of an indicator under a key ("latest" or a year); no_data when the analysis has none. */
export function statusOf(analysis: Analysis, ind: Indicator, key: string): Status {
  return analysis.statuses[ind.id]?.[key] ?? "no_data";
}

function tally(indicators: Indicator[], status: (ind: Indicator) => Status): StatusCounts {
  const counts = zero();
  for (const ind of indicators) counts[status(ind)] += 1;
  return counts;
}

/** Latest statuses per domain, domains in order of first appearance. */
export function countsByDomain(analysis: Analysis, indicators: Indicator[]): Map<string, StatusCounts> {
  const domains = [...new Set(indicators.map((ind) => ind.domain ?? NO_DOMAIN))];
  return new Map(
    domains.map((d) => [
      d,
      tally(
        indicators.filter((ind) => (ind.domain ?? NO_DOMAIN) === d),
        (ind) => statusOf(analysis, ind, "latest"),
      ),
    ]),
  );
}

/** Each year's statuses over all domains. */
export function countsByYear(analysis: Analysis, indicators: Indicator[], years: number[]): Map<number, StatusCounts> {
  return new Map(years.map((y) => [y, tally(indicators, (ind) => statusOf(analysis, ind, String(y)))]));
}
