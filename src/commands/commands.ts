/**
 * Ribbon commands. "Sprawdź arkusz" (validateSheet) reads the active sheet, analyzes it and shows the counts of
 * findings by severity in an Office dialog. The same page, opened as that dialog, draws them.
 *
 * The command completes its event as soon as the dialog is up: an ExecuteFunction that waits on its dialog runs
 * into Office's time limit for commands. The dialog opens inside Excel on the web (displayInIframe) rather than
 * as a pop-up window the browser may block. Its "show in the pane" button is offered only where the host can open
 * the task pane from a command (Office.addin.showAsTaskpane, requirement set SharedRuntime 1.1).
 */
import "../taskpane/taskpane.css";
import { ExcelHost } from "../excel/excelHost";
import { describeError } from "../taskpane/errors";
import { languageOf, STRINGS } from "../taskpane/i18n";
import { OPEN_FINDINGS_KEY } from "../taskpane/open-findings";
import { isResultDialog, OPEN_PANE, renderResult, resultUrl } from "./resultDialog";
import { validateActiveSheet } from "./validate";

/** Percent of the window: room for the counts and two buttons. */
const DIALOG_SIZE = { width: 30, height: 40 };

function canShowPane(): boolean {
  return Office.context.requirements?.isSetSupported?.("SharedRuntime", "1.1") === true && typeof Office.addin?.showAsTaskpane === "function";
}

/** Ask the pane to list the findings when it shows (see open-findings.ts), then show it. */
function showPaneOnFindings(): void {
  try {
    localStorage.setItem(OPEN_FINDINGS_KEY, new Date().toISOString());
  } catch {
    // No storage: the pane still opens, on its start view.
  }
  Office.addin.showAsTaskpane().catch(() => undefined);
}

async function validateSheet(event: Office.AddinCommands.Event): Promise<void> {
  const lang = languageOf(Office.context.displayLanguage);
  let url: string;
  try {
    url = resultUrl(location.href, lang, await validateActiveSheet(new ExcelHost()), canShowPane());
  } catch (e) {
    url = resultUrl(location.href, lang, { error: describeError(e, lang, STRINGS[lang]) });
  }
  Office.context.ui.displayDialogAsync(url, { ...DIALOG_SIZE, displayInIframe: true }, (result) => {
    if (result.status === Office.AsyncResultStatus.Succeeded) {
      const dialog = result.value;
      dialog.addEventHandler(Office.EventType.DialogMessageReceived, (arg) => {
        dialog.close();
        if ("message" in arg && arg.message === OPEN_PANE && canShowPane()) showPaneOnFindings();
      });
    }
    // Shown (or refused: nothing more a ribbon button can say): the command is done either way.
    event.completed();
  });
}

if (typeof Office !== "undefined") {
  void Office.onReady(() => {
    if (isResultDialog(location.search)) {
      renderResult(
        document.getElementById("app") ?? document.body,
        location.search,
        () => Office.context.ui.messageParent("close"),
        () => Office.context.ui.messageParent(OPEN_PANE),
      );
      return;
    }
    Office.actions.associate("validateSheet", validateSheet);
  });
}
