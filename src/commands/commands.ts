/**
 * Ribbon commands. "Sprawdź arkusz" (validateSheet) reads the active sheet, analyses it and shows the
 * counts of findings by severity in an Office dialog. The same page, opened as that dialog, draws them.
 */
import "../taskpane/taskpane.css";
import { Dialog } from "@microsoft/office-js-helpers";
import { ExcelHost } from "../excel/excelHost";
import { describeError } from "../taskpane/errors";
import { languageOf, STRINGS } from "../taskpane/i18n";
import { isResultDialog, renderResult, resultUrl } from "./resultDialog";
import { validateActiveSheet } from "./validate";

async function validateSheet(event: Office.AddinCommands.Event): Promise<void> {
  const lang = languageOf(Office.context.displayLanguage);
  let url: string;
  try {
    url = resultUrl(location.href, lang, await validateActiveSheet(new ExcelHost()));
  } catch (e) {
    url = resultUrl(location.href, lang, { error: describeError(e, lang, STRINGS[lang]) });
  }
  try {
    // office-js-helpers' Dialog wraps displayDialogAsync: it resolves when the dialog sends its message
    // (the Close button) and rejects when the user closes it with its own ×; either way we are done.
    await new Dialog(url, 420, 300).result;
  } catch {
    // Closed by the user, or Office could not open a dialog: nothing more to say from a ribbon button.
  } finally {
    event.completed();
  }
}

if (typeof Office !== "undefined") {
  void Office.onReady(() => {
    if (isResultDialog(location.search)) {
      renderResult(document.getElementById("app") ?? document.body, location.search, () => Office.context.ui.messageParent("close"));
      return;
    }
    Office.actions.associate("validateSheet", validateSheet);
  });
}
