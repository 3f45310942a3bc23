/** Findings counted by severity: the tests' own count, against which the pane's and the ribbon's are checked. */
import type { Finding, Severity } from "../../src/core/model";

export function countBySeverity(findings: Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}
