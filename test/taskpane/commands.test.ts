/**
 * @jest-environment jsdom
 */
import { analyseWorkbook } from "../../src/core/analyse";
import { renderResult, resultUrl } from "../../src/commands/resultDialog";
import { countBySeverity } from "../../src/taskpane/engine";
import { annex2023Typed } from "../helpers/typed-sheet";
import { FakeExcel, sheetFromSnapshot } from "../excel/fakeExcel";

// The stylesheet is webpack's business; jest has no CSS loader.
jest.mock("../../src/taskpane/taskpane.css", () => ({}));
const opened: string[] = [];
jest.mock("@microsoft/office-js-helpers", () => ({
  Dialog: class {
    result: Promise<string>;
    constructor(url: string) {
      opened.push(url);
      this.result = Promise.resolve("close");
    }
  },
}));

test("the ribbon's Sprawdź arkusz reads once, shows the counts in a dialog, and completes the event", async () => {
  const annex = annex2023Typed();
  const excel = new FakeExcel([sheetFromSnapshot(annex)]);
  let command: ((event: Office.AddinCommands.Event) => Promise<void>) | undefined;
  Object.assign(globalThis, {
    Excel: { run: excel.run },
    Office: {
      context: { displayLanguage: "pl-PL", ui: {} },
      onReady: (ready: () => void) => Promise.resolve(ready()),
      actions: { associate: (name: string, f: typeof command) => name === "validateSheet" && (command = f) },
    },
  });
  await import("../../src/commands/commands");
  expect(command).toBeDefined();
  const completed = jest.fn();
  await command!({ completed } as unknown as Office.AddinCommands.Event);

  expect(completed).toHaveBeenCalledTimes(1);
  expect(excel.syncs).toBe(1);
  const expected = countBySeverity(analyseWorkbook({ sheetNames: [annex.name], sheets: [annex], journal: [] }).findings);
  const params = new URL(opened[0]).searchParams;
  expect(params.get("dialog")).toBe("result");
  expect(params.get("sheet")).toBe(annex.name);
  expect([params.get("error"), params.get("warning"), params.get("info")]).toEqual([expected.error, expected.warning, expected.info].map(String));
});

test("the result dialog shows the counts in Polish and closes on its button", () => {
  const url = resultUrl("https://localhost:3000/commands.html?x=1", "pl", { sheet: "Załącznik 5", counts: { error: 3, warning: 1, info: 12 } });
  const root = document.createElement("main");
  const close = jest.fn();
  renderResult(root, new URL(url).search, close);
  expect(root.textContent).toContain("Arkusz: Załącznik 5");
  expect(root.textContent).toContain("Znaleziono: 3 błędy, 1 ostrzeżenie, 12 informacji.");
  root.querySelector("button")!.click();
  expect(close).toHaveBeenCalledTimes(1);
});

test("an error reaches the dialog as text", () => {
  const url = resultUrl("https://localhost:3000/commands.html", "en", { error: "<b>Sheet</b> is protected" });
  const root = document.createElement("main");
  renderResult(root, new URL(url).search, () => undefined);
  expect(root.querySelector("b")).toBeNull();
  expect(root.querySelector('[role="alert"]')!.textContent).toBe("<b>Sheet</b> is protected");
});
