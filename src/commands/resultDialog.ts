/**
 * A ribbon command has no page of its own to show text on, so the result opens in an Office dialog:
 * commands.html again, told by its query string what to show. Everything shown is set as text.
 */
import { ACTION } from "../core/actions";
import type { Severity } from "../core/model";
import type { Lang } from "../core/message";
import { STRINGS } from "../ui/i18n";
import { fill, h } from "../ui/dom";
import type { ValidationCounts } from "./validate";

const RESULT = "result";
/** The message the dialog sends when the reviewer asks for the pane; any other message closes it. */
export const OPEN_PANE = "open-pane";

/**
 * The dialog's address: this page, with the counts (or the error) in its query string; `pane` when the host can
 * open the task pane from a command (then the dialog offers a button for it).
 */
export function resultUrl(
  page: string,
  lang: Lang,
  result: ValidationCounts | { error: string },
  pane = false,
): string {
  const url = new URL(page);
  url.search = "";
  url.hash = "";
  url.searchParams.set("dialog", RESULT);
  url.searchParams.set("lang", lang);
  if ("error" in result) url.searchParams.set("failure", result.error);
  else {
    url.searchParams.set("sheet", result.sheet);
    for (const [severity, n] of Object.entries(result.counts)) url.searchParams.set(severity, String(n));
    if (result.accepted > 0) url.searchParams.set("accepted", String(result.accepted));
    if (pane) url.searchParams.set("pane", "1");
  }
  return url.toString();
}

export function isResultDialog(search: string): boolean {
  return new URLSearchParams(search).get("dialog") === RESULT;
}

/** Draw the result from the query string; `close` runs when the user dismisses it, `openPane` on "show in the pane". */
export function renderResult(root: HTMLElement, search: string, close: () => void, openPane: () => void = close): void {
  const params = new URLSearchParams(search);
  const lang: Lang = params.get("lang") === "en" ? "en" : "pl";
  const t = STRINGS[lang];
  const error = params.get("failure");
  const count = (s: Severity) => Number(params.get(s) ?? "0") || 0;
  const counts = { error: count("error"), warning: count("warning"), info: count("info") };
  const accepted = Number(params.get("accepted") ?? "0") || 0;
  const any = error === null && counts.error + counts.warning + counts.info + accepted > 0;
  const paneButton =
    any && params.get("pane") === "1"
      ? h("button", { type: "button", class: "button button--primary", "data-action": "open-pane" }, t.showInPane)
      : null;
  paneButton?.addEventListener("click", openPane);
  const button = h("button", { type: "button", class: paneButton ? "button" : "button button--primary" }, t.dismiss);
  button.addEventListener("click", close);
  fill(
    root,
    h("h1", {}, ACTION.validate.label[lang]),
    error === null ? h("p", {}, t.sheet(params.get("sheet") ?? "")) : null,
    h(
      "p",
      { class: error === null ? "" : "message-bar message-bar--error", role: error === null ? "status" : "alert" },
      error ?? t.findingsSummary(counts) + (accepted > 0 ? t.acceptedCount(accepted) : ""),
    ),
    any && !paneButton ? h("p", { class: "muted" }, t.openPaneForFindings) : null,
    h("div", { class: "button-row" }, paneButton, button),
  );
  root.setAttribute("lang", lang);
  (paneButton ?? button).focus();
}
