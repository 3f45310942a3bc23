/** "Sprawdź arkusz" from the ribbon: read the active sheet once, analyze it, count the findings. */
import { analyzeWorkbook } from "../core/analyze";
import type { WorkbookHost } from "../core/host";
import type { Severity } from "../core/model";
import { reviewFindings, reviewSummary } from "../core/review/reviewed";

export interface ValidationCounts {
  sheet: string;
  /** Findings by severity, leaving out those accepted on the findings sheet ("Uwagi"). */
  counts: Record<Severity, number>;
  /** Findings accepted on the findings sheet. */
  accepted: number;
}

export async function validateActiveSheet(host: WorkbookHost): Promise<ValidationCounts> {
  const wb = await host.readActiveSheet();
  const analysis = analyzeWorkbook(wb);
  const { outstanding, accepted } = reviewSummary(reviewFindings(wb, analysis));
  return { sheet: wb.sheets[0]?.name ?? "", counts: outstanding, accepted };
}
