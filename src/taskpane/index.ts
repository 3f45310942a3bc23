/** Entry of the task pane bundle: wait for Office, then start the pane over the Excel host. */
import "../ui/styles.css";
import { ExcelHost } from "../excel/excelHost";
import { languageOf } from "../ui/i18n";
import { onOpenFindings } from "../ui/open-findings";
import { startPane } from "./pane";
import { followTheme } from "./theme";

const root = document.getElementById("app");

function showStartupMessage(text: string): void {
  if (!root) return;
  root.textContent = text;
  root.setAttribute("aria-busy", "false");
}

if (typeof Office === "undefined") {
  // Opened outside Office (offline, or a plain browser): office.js could not load.
  showStartupMessage("Otwórz dodatek w programie Excel. / Open this add-in in Excel.");
} else {
  void Office.onReady((info) => {
    if (!root) return;
    if (info.host !== Office.HostType.Excel) {
      showStartupMessage("Ten dodatek działa w programie Excel. / This add-in runs in Excel.");
      return;
    }
    followTheme(Office.context.officeTheme?.bodyBackgroundColor);
    const pane = startPane(root, new ExcelHost(), languageOf(Office.context.displayLanguage), undefined, {
      // ExcelJS is large: its chunk is fetched from the add-in's own site only when a previous edition's file is read.
      readWorkbookFile: async (bytes) => (await import("../xlsx/edition-file")).snapshotFromFile(bytes),
    });
    onOpenFindings(window, () => void pane.showFindings());
  });
}
