/**
 * Ribbon commands. "Sprawdź arkusz" (validateSheet) reads the active sheet, analyzes it and shows the counts of
 * findings by severity in an Office dialog. The same page, opened as that dialog, draws them.
 *
 * The command completes its event as soon as the dialog is up: an ExecuteFunction that waits on its dialog runs
 * into Office's time limit for commands. The dialog opens inside Excel on the web (displayInIframe) rather than
 * as a pop-up window the browser may block. Its "show in the pane" button is offered only where the command can open
 * the task pane: Office.addin.showAsTaskpane needs the client's SharedRuntime 1.1 *and* an add-in that runs in the
 * shared runtime, whose function file is the pane's own page. That set is a property of the client (Excel on the web,
 * Windows and Mac have it whatever the manifest says), so it alone would offer a button that cannot work from this
 * separate commands page. The manifest declares no shared runtime (README, "Findings sheet": why), so today the
 * dialog gives the hint to open the pane instead.
 */
import "../ui/styles.css";
import { ACTIONS, type Action } from "../core/actions";
import { ExcelHost } from "../excel/excelHost";
import { describeError } from "../ui/errors";
import { languageOf, STRINGS } from "../ui/i18n";
import { OPEN_FINDINGS_KEY } from "../ui/open-findings";
import { isResultDialog, OPEN_PANE, renderResult, resultUrl } from "./resultDialog";
import { validateActiveSheet } from "./validate";

/** Percent of the window: room for the counts and two buttons. */
const DIALOG_SIZE = { width: 30, height: 40 };

/** The page this code runs in is the task pane's: the add-in runs in a shared runtime (its FunctionFile is the pane). */
function inPanePage(pathname: string): boolean {
  return /\/taskpane\.html$/.test(pathname);
}

function canShowPane(): boolean {
  return (
    inPanePage(location.pathname) &&
    Office.context.requirements?.isSetSupported?.("SharedRuntime", "1.1") === true &&
    typeof Office.addin?.showAsTaskpane === "function"
  );
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

/** What each action the registry puts on the ribbon does there. */
const COMMANDS: Partial<Record<Action["id"], (event: Office.AddinCommands.Event) => Promise<void>>> = {
  validate: validateSheet,
};

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
    for (const { id, ribbon } of ACTIONS) {
      const command = COMMANDS[id];
      if (ribbon && command) Office.actions.associate(ribbon, command);
    }
  });
}
