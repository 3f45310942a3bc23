/**
 * @jest-environment ./test/helpers/worker-libraries/jsdom.js
 */
import type { Finding } from "../../src/core/model";
import { STRINGS } from "../../src/ui/i18n";
import { countBySeverity } from "../helpers/count";
import { resultsView, severityGroups } from "../../src/taskpane/views";

const finding = (severity: Finding["severity"], address: string, pl: string): Finding => ({
  code: "ratio_mismatch",
  severity,
  sheet: "Załącznik 5",
  address,
  row: 0,
  indicatorId: null,
  column: "2023",
  message: { pl, en: pl },
});

const FINDINGS = [
  finding("info", "F9", "Liczba wpisana jako tekst"),
  finding("error", "G12", 'Wskaźnik <img src=x onerror="window.hacked=1"> nie zgadza się ze składowymi'),
  finding("warning", "E30", "Nieznany trend"),
  finding("error", "H40", "Ten sam składnik ma różne wartości"),
];

function render(onSelect: (f: Finding) => void) {
  const root = document.createElement("div");
  root.append(...(resultsView(severityGroups(FINDINGS, STRINGS.pl), "pl", onSelect) as Node[]));
  document.body.replaceChildren(root);
  return { root, buttons: [...root.querySelectorAll<HTMLButtonElement>("button.finding")] };
}

test("groups by severity, errors first, with counts in the headings", () => {
  const { root } = render(() => undefined);
  expect([...root.querySelectorAll("h3")].map((h) => h.textContent)).toEqual([
    "Błędy (2)",
    "Ostrzeżenia (1)",
    "Informacje (1)",
  ]);
  expect(countBySeverity(FINDINGS)).toEqual({ error: 2, warning: 1, info: 1 });
});

test("a click and Enter select the finding's cell; markup in a message stays text", () => {
  const selected: string[] = [];
  const { root, buttons } = render((f) => selected.push(f.address));
  expect(buttons.map((b) => b.querySelector(".finding__cell")!.textContent)).toEqual(["G12", "H40", "E30", "F9"]);
  buttons[2]!.click();
  buttons[0]!.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
  expect(selected).toEqual(["E30", "G12"]);
  expect(buttons[0]!.getAttribute("aria-current")).toBe("true");
  expect(root.querySelector("img")).toBeNull();
  expect(buttons[0]!.textContent).toContain("<img src=x");
});

test("arrow keys, Home and End move focus with one tab stop", () => {
  const { buttons } = render(() => undefined);
  const key = (b: HTMLButtonElement, k: string) =>
    b.dispatchEvent(new KeyboardEvent("keydown", { key: k, bubbles: true }));
  buttons[0]!.focus();
  key(buttons[0]!, "ArrowDown");
  expect(document.activeElement).toBe(buttons[1]);
  key(buttons[1]!, "End");
  expect(document.activeElement).toBe(buttons[3]);
  key(buttons[3]!, "ArrowDown");
  expect(document.activeElement).toBe(buttons[0]);
  key(buttons[0]!, "ArrowUp");
  expect(document.activeElement).toBe(buttons[3]);
  expect(buttons.filter((b) => b.tabIndex === 0)).toEqual([buttons[3]]);
});
