/**
 * Browser side of the screenshot harness: the real task pane over a scripted host, so that each state
 * (idle, working, results, error) can be produced on purpose and looked at.
 */
import "../../../src/ui/styles.css";
import { HostError, type WorkbookHost } from "../../../src/core/host";
import type { EditPlan } from "../../../src/core/plan";
import type { WorkbookSnapshot } from "../../../src/core/snapshot";
import { startPane } from "../../../src/taskpane/pane";

export interface Script {
  snapshot: WorkbookSnapshot;
  lang: "pl" | "en";
  /** Reads after this many never answer (the "working" state stays on screen). */
  hangAfterReads?: number;
  /** apply() refuses like a protected sheet. */
  refuseApply?: boolean;
}

class ScriptedHost implements WorkbookHost {
  private reads = 0;
  constructor(private readonly script: Script) {}
  readActiveSheet(): Promise<WorkbookSnapshot> {
    this.reads++;
    if (this.script.hangAfterReads !== undefined && this.reads > this.script.hangAfterReads)
      return new Promise(() => undefined);
    return Promise.resolve(this.script.snapshot);
  }
  async apply(_plan: EditPlan): Promise<void> {
    if (this.script.refuseApply) {
      const sheet = this.script.snapshot.sheets[0]!.name;
      throw new HostError(
        `Arkusz „${sheet}” jest chroniony. Usuń ochronę arkusza (Recenzja > Nie chroń arkusza) i spróbuj ponownie. Nic nie zostało zmienione.`,
        `Sheet "${sheet}" is protected. Unprotect it (Review > Unprotect Sheet) and try again. Nothing was changed.`,
      );
    }
  }
  async select(): Promise<void> {}
}

declare global {
  interface Window {
    startHarness(script: Script): Promise<void>;
  }
}

window.startHarness = (script) =>
  startPane(document.getElementById("app")!, new ScriptedHost(script), script.lang).idle();
