/**
 * Findings with the reviewer's decisions: each finding's key looked up in the findings sheets of its source
 * sheet. An accepted finding is not counted (an accepted error does not fail validation); an explained one is
 * still counted, with its explanation beside it.
 */
import type { Analysis, Finding, Severity } from "../model";
import type { WorkbookSnapshot } from "../snapshot";
import { decisionsFor, type Decision } from "./decisions";
import { keyedFindings } from "./key";
import { reviewSnapshots } from "./sheet";

export interface ReviewedFinding {
  finding: Finding;
  key: string;
  decision: Decision;
  /** The reviewer's comment, or "". */
  comment: string;
}

export function reviewFindings(wb: WorkbookSnapshot, analysis: Analysis): ReviewedFinding[] {
  const reviews = reviewSnapshots(wb);
  const out: ReviewedFinding[] = [];
  for (const sheet of [...new Set(analysis.findings.map((f) => f.sheet))]) {
    const findings = analysis.findings.filter((f) => f.sheet === sheet);
    const decisions = decisionsFor(reviews, sheet);
    keyedFindings(findings, analysis).forEach(({ finding, key }) => {
      const entry = decisions.get(key);
      out.push({ finding, key, decision: entry?.decision ?? "open", comment: entry?.comment ?? "" });
    });
  }
  // In the analysis' order, whatever the grouping by sheet above did.
  const order = new Map(analysis.findings.map((f, i) => [f, i]));
  return out.sort((a, b) => (order.get(a.finding) ?? 0) - (order.get(b.finding) ?? 0));
}

/** What validation reports: the findings still to be dealt with, by severity, and how many were accepted. */
export interface ReviewSummary {
  outstanding: Record<Severity, number>;
  accepted: number;
}

/** A finding with its decision, as the review gives it or as a report (ReportFinding) lists it. */
type Decided = ReviewedFinding | { severity: Severity; decision: Decision };

export function reviewSummary(reviewed: readonly Decided[]): ReviewSummary {
  const outstanding: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  let accepted = 0;
  for (const r of reviewed)
    if (r.decision === "accepted") accepted++;
    else outstanding["finding" in r ? r.finding.severity : r.severity]++;
  return { outstanding, accepted };
}

/** Findings by severity, leaving out the accepted ones: what validation reports as still to be dealt with. */
export const countOutstanding = (reviewed: ReviewedFinding[]): Record<Severity, number> =>
  reviewSummary(reviewed).outstanding;
