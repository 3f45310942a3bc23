/** "Sprawdź arkusz" from the ribbon: read the active sheet once, analyse it, count the findings. */
import { DEFAULT_TOLERANCE } from "../core/analyse";
import type { WorkbookHost } from "../core/host";
import type { Severity } from "../core/model";
import { analyse, countBySeverity } from "../taskpane/engine";

export interface ValidationCounts {
  sheet: string;
  counts: Record<Severity, number>;
}

export async function validateActiveSheet(host: WorkbookHost): Promise<ValidationCounts> {
  const wb = await host.readActiveSheet();
  const analysis = analyse(wb, DEFAULT_TOLERANCE);
  return { sheet: wb.sheets[0]?.name ?? "", counts: countBySeverity(analysis.findings) };
}
