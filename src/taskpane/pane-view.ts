/**
 * The task pane's sections, built once; the elements the pane's actions later fill or read are returned by name.
 */
import { DEFAULT_TOLERANCE } from "../core/analyze";
import type { Lang } from "../core/message";
import { ACTION, ACTIONS, type Action, type WritingAction } from "../core/actions";
import type { ActionId } from "../core/plan";
import type { EditionPicker } from "./compare";
import { fill, h } from "../ui/dom";
import type { Strings } from "../ui/i18n";
import { legendView, whyView } from "./views";

export interface PaneView {
  validateButton: HTMLButtonElement;
  /** The button of each planned action: where focus returns when its preview goes. */
  buttonOf: Record<ActionId, HTMLButtonElement>;
  /** Every button that starts a job (disabled while one runs). */
  actionButtons: HTMLButtonElement[];
  modeField: HTMLFieldSetElement;
  toleranceInput: HTMLInputElement;
  sheetLine: HTMLElement;
  recognition: HTMLElement;
  status: HTMLElement;
  errorBar: HTMLElement;
  preview: HTMLElement;
  findings: HTMLElement;
  whyBody: HTMLElement;
}

const button = (label: string, action: string, primary = false) =>
  h("button", { type: "button", class: primary ? "button button--primary" : "button", "data-action": action }, label);

const modeRadio = (value: string, label: string, checked: boolean) =>
  h("label", { class: "radio" }, h("input", { type: "radio", name: "recalc-mode", value, checked }), label);

/**
 * The "Akcje" section: a button for each action the registry gives the pane, in its order (the recalculation with
 * its mode, the comparison with the edition picker), then the tolerance.
 */
function actionsSection(t: Strings, lang: Lang, picker: EditionPicker | null) {
  const validateButton = button(ACTION.validate.label[lang], "validate", true);
  const writing = ACTIONS.filter((a): a is WritingAction => a.writes);
  const buttonOf = Object.fromEntries(writing.map((a) => [a.id, button(a.label[lang], a.id)])) as Record<
    ActionId,
    HTMLButtonElement
  >;
  const modeField = h(
    "fieldset",
    { class: "mode" },
    h("legend", {}, t.recalculateAs),
    modeRadio("formulas", t.modeFormulas, true),
    modeRadio("values", t.modeValues, false),
  );
  const toleranceInput = h("input", {
    type: "number",
    id: "tolerance",
    min: "0",
    max: "100",
    step: "0.5",
    value: String(DEFAULT_TOLERANCE * 100),
    "aria-describedby": "tolerance-hint",
    inputmode: "decimal",
  });
  const section = h(
    "section",
    { class: "card actions", "aria-labelledby": "actions-title" },
    h("h2", { id: "actions-title" }, t.actions),
    ...ACTIONS.filter((a) => a.pane).map((a: Action) => {
      if (a.id === "validate") return validateButton;
      if (a.id === "compare") return picker?.element;
      if (a.id === "recalculate") return h("div", { class: "action-group" }, buttonOf.recalculate, modeField);
      return a.writes ? buttonOf[a.id] : null;
    }),
    h(
      "div",
      { class: "field" },
      h("label", { for: "tolerance" }, t.tolerance),
      h("span", { class: "field__input" }, toleranceInput, h("span", { "aria-hidden": "true" }, "%")),
      h("p", { id: "tolerance-hint", class: "muted" }, t.toleranceHint),
    ),
  );
  const actionButtons = [validateButton, ...Object.values(buttonOf)];
  if (picker) actionButtons.push(picker.button);
  return { section, elements: { validateButton, buttonOf, actionButtons, modeField, toleranceInput } };
}

/** A card with a heading (the heading's id labels the card). */
const card = (titleId: string, title: string, ...body: HTMLElement[]) =>
  h("section", { class: "card", "aria-labelledby": titleId }, h("h2", { id: titleId }, title), ...body);

/** Build the pane into root (replacing what it held). */
export function buildPaneView(root: HTMLElement, t: Strings, lang: Lang, picker: EditionPicker | null): PaneView {
  const actions = actionsSection(t, lang, picker);
  const sheetLine = h("p", { class: "pane__sheet" });
  const recognition = h("div", { class: "recognition" }, h("p", { class: "muted" }, t.notReadYet));
  const status = h("div", { class: "status", role: "status", "aria-live": "polite" });
  const errorBar = h("div", { class: "message-bar message-bar--error", role: "alert", hidden: true });
  const preview = h("section", { class: "card preview", "aria-labelledby": "preview-title", hidden: true });
  const findings = h("section", { class: "card findings", "aria-labelledby": "findings-title", hidden: true });
  const whyBody = h("div", { "aria-live": "polite" }, ...whyView(null, t, lang));
  fill(
    root,
    h("header", { class: "pane__header" }, h("h1", {}, t.title), sheetLine),
    card("recognised-title", t.recognised, recognition),
    actions.section,
    status,
    errorBar,
    preview,
    findings,
    card("why-title", t.why, whyBody),
    card("legend-title", t.legend, legendView(t, lang)),
  );
  root.setAttribute("lang", lang);
  return { ...actions.elements, sheetLine, recognition, status, errorBar, preview, findings, whyBody };
}
