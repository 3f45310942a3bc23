/**
 * @jest-environment ./test/helpers/worker-libraries/jsdom.js
 */
import { analyzeWorkbook } from "../../src/core/analyze";
import { renderResult, resultUrl } from "../../src/commands/resultDialog";
import { countBySeverity } from "../helpers/count";
import { annex2023Typed } from "../helpers/typed-sheet";
import { FakeExcel, sheetFromSnapshot } from "../excel/fakeExcel";
import { noJournal } from "../../src/core/journal";

// The stylesheet is webpack's business; jest has no CSS loader.
jest.mock("../../src/ui/styles.css", () => ({}));

type Handler = (arg: { message: string; origin: string | undefined }) => void;

/** Office as the command sees it: a dialog that records how it was opened and what became of it. */
function officeStandIn(sharedRuntime: boolean) {
  const log: string[] = [];
  const dialogs: { url: string; options: Office.DialogOptions; send: (message: string) => void }[] = [];
  const showAsTaskpane = jest.fn(() => {
    log.push("showAsTaskpane");
    return Promise.resolve();
  });
  let command: ((event: Office.AddinCommands.Event) => Promise<void>) | undefined;
  const office = {
    context: {
      displayLanguage: "pl-PL",
      requirements: {
        isSetSupported: (name: string, v: string) => sharedRuntime && name === "SharedRuntime" && v === "1.1",
      },
      ui: {
        displayDialogAsync: (url: string, options: Office.DialogOptions, callback: (r: unknown) => void) => {
          let handler: Handler = () => undefined;
          const dialog = {
            addEventHandler: (_type: unknown, h: Handler) => (handler = h),
            close: () => log.push("dialog closed"),
          };
          dialogs.push({ url, options, send: (message) => handler({ message, origin: undefined }) });
          log.push("dialog shown");
          callback({ status: "succeeded", value: dialog });
        },
      },
    },
    addin: sharedRuntime ? { showAsTaskpane } : undefined,
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    EventType: { DialogMessageReceived: "dialogMessageReceived" },
    onReady: (ready: () => void) => Promise.resolve(ready()),
    actions: { associate: (name: string, f: typeof command) => name === "validateSheet" && (command = f) },
  };
  return { office, log, dialogs, showAsTaskpane, command: () => command! };
}

/**
 * `sharedRuntime`: the client has SharedRuntime 1.1 (Office.addin with it); `page`: the page the command runs in,
 * commands.html as the manifest has it, or the pane's page, as it would be with a shared runtime.
 */
async function loadCommands(sharedRuntime: boolean, page = "/taskpane.html") {
  window.history.replaceState(null, "", page);
  const annex = annex2023Typed();
  const excel = new FakeExcel([sheetFromSnapshot(annex)]);
  const standIn = officeStandIn(sharedRuntime);
  Object.assign(globalThis, { Excel: { run: excel.run }, Office: standIn.office });
  jest.resetModules();
  await import("../../src/commands/commands");
  return { annex, excel, ...standIn };
}

test("the ribbon's Sprawdź arkusz reads once, shows the counts in a dialog inside Excel, and completes at once", async () => {
  const { annex, excel, log, dialogs, command } = await loadCommands(true);
  const completed = jest.fn(() => log.push("completed"));
  await command()({ completed } as unknown as Office.AddinCommands.Event);

  // Completed as soon as the dialog is up, before the user has done anything with it.
  expect(log).toEqual(["dialog shown", "completed"]);
  expect(completed).toHaveBeenCalledTimes(1);
  expect(excel.syncs).toBe(1);
  expect(dialogs[0]!.options).toMatchObject({ displayInIframe: true });
  const expected = countBySeverity(
    analyzeWorkbook({ sheetNames: [annex.name], sheets: [annex], journal: noJournal() }).findings,
  );
  const params = new URL(dialogs[0]!.url).searchParams;
  expect(params.get("dialog")).toBe("result");
  expect(params.get("sheet")).toBe(annex.name);
  expect([params.get("error"), params.get("warning"), params.get("info")]).toEqual(
    [expected.error, expected.warning, expected.info].map(String),
  );
  expect(params.get("pane")).toBe("1");

  // "Pokaż uwagi w panelu": the dialog closes, the pane is asked for the findings and shown.
  localStorage.clear();
  dialogs[0]!.send("open-pane");
  expect(log.slice(2)).toEqual(["dialog closed", "showAsTaskpane"]);
  expect(localStorage.getItem("mops-indicators:open-findings")).not.toBeNull();
});

test("a client with SharedRuntime 1.1 running the command in commands.html (no shared runtime) gets the hint, not the button", async () => {
  const { dialogs, command, showAsTaskpane } = await loadCommands(true, "/commands.html");
  await command()({ completed: () => undefined } as unknown as Office.AddinCommands.Event);
  expect(new URL(dialogs[0]!.url).pathname).toBe("/commands.html");
  expect(new URL(dialogs[0]!.url).searchParams.get("pane")).toBeNull();
  dialogs[0]!.send("open-pane");
  expect(showAsTaskpane).not.toHaveBeenCalled();
});

test("where the pane cannot be opened from a command, the dialog offers no button for it", async () => {
  const { dialogs, command, showAsTaskpane, log } = await loadCommands(false);
  await command()({ completed: () => undefined } as unknown as Office.AddinCommands.Event);
  expect(new URL(dialogs[0]!.url).searchParams.get("pane")).toBeNull();
  dialogs[0]!.send("open-pane");
  expect(showAsTaskpane).not.toHaveBeenCalled();
  expect(log).toEqual(["dialog shown", "dialog closed"]);
  const root = document.createElement("main");
  renderResult(root, new URL(dialogs[0]!.url).search, () => undefined);
  expect(root.querySelector('[data-action="open-pane"]')).toBeNull();
  expect(root.textContent).toContain("otwórz panel");
});

test("the dialog's pane button sends its message; accepted findings are said apart", () => {
  const url = resultUrl(
    "https://localhost:3000/commands.html",
    "pl",
    { sheet: "Załącznik 5", counts: { error: 2, warning: 1, info: 0 }, accepted: 1 },
    true,
  );
  const root = document.createElement("main");
  document.body.replaceChildren(root);
  const [close, openPane] = [jest.fn(), jest.fn()];
  renderResult(root, new URL(url).search, close, openPane);
  expect(root.textContent).toContain(
    "Znaleziono: 2 błędy, 1 ostrzeżenie, 0 informacji. Zaakceptowane w arkuszu uwag (nie liczą się): 1.",
  );
  const pane = root.querySelector<HTMLButtonElement>('[data-action="open-pane"]')!;
  expect(pane.textContent).toBe("Pokaż uwagi w panelu");
  expect(document.activeElement).toBe(pane);
  pane.click();
  expect([openPane.mock.calls.length, close.mock.calls.length]).toEqual([1, 0]);
});

test("the result dialog shows the counts in Polish and closes on its button", () => {
  const url = resultUrl("https://localhost:3000/commands.html?x=1", "pl", {
    sheet: "Załącznik 5",
    counts: { error: 3, warning: 1, info: 12 },
    accepted: 0,
  });
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
