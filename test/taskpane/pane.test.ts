/**
 * @jest-environment ./test/helpers/worker-libraries/jsdom.js
 */
import { analyzeWorkbook, DEFAULT_TOLERANCE } from "../../src/core/analyze";
import { HostError, type WorkbookHost } from "../../src/core/host";
import { STATUS_ORDER, STATUS_STYLES } from "../../src/core/palette";
import type { EditPlan } from "../../src/core/plan";
import { recognizeSheet } from "../../src/core/recognize";
import type { WorkbookSnapshot } from "../../src/core/snapshot";
import { countBySeverity } from "../helpers/count";
import { startPane } from "../../src/taskpane/pane";
import { annex2023Typed } from "../helpers/typed-sheet";
import { noJournal } from "../../src/core/journal";

/** A workbook host over a snapshot that records what the pane asks of it. */
class FakeHost implements WorkbookHost {
  reads = 0;
  applied: EditPlan[] = [];
  selected: { sheet: string; address: string }[] = [];
  failApply: unknown = null;
  constructor(private readonly wb: WorkbookSnapshot) {}
  async readActiveSheet(): Promise<WorkbookSnapshot> {
    this.reads++;
    return JSON.parse(JSON.stringify(this.wb)) as WorkbookSnapshot;
  }
  async apply(plan: EditPlan): Promise<void> {
    if (this.failApply) throw this.failApply;
    this.applied.push(plan);
  }
  async select(sheet: string, address: string): Promise<void> {
    this.selected.push({ sheet, address });
  }
}

function annexWorkbook(): WorkbookSnapshot {
  const sheet = annex2023Typed();
  return { sheetNames: [sheet.name], sheets: [sheet], journal: noJournal() };
}

const NOW = () => new Date("2026-11-23T18:00:00Z");

async function open(wb = annexWorkbook(), lang: "pl" | "en" = "pl") {
  const root = document.createElement("main");
  document.body.replaceChildren(root);
  const host = new FakeHost(wb);
  const pane = startPane(root, host, lang, NOW);
  await pane.idle();
  const button = (action: string) => root.querySelector<HTMLButtonElement>(`[data-action="${action}"]`)!;
  const click = async (action: string) => {
    button(action).click();
    await pane.idle();
  };
  return { root, host, pane, button, click, status: () => root.querySelector('[role="status"]')!.textContent ?? "" };
}

test("on opening, reads the sheet once and says what it recognised", async () => {
  const { root, host } = await open();
  const expected = recognizeSheet(annex2023Typed());
  const indicators = expected.tables.reduce((n, t) => n + t.indicators.length, 0);
  expect(host.reads).toBe(1);
  expect(expected.tables.length).toBeGreaterThan(0);
  const text = root.querySelector(".recognition")!.textContent!;
  expect(text).toContain(`${indicators} wskaźnik`);
  for (const table of expected.tables) expect(text).toContain(table.range);
  expect(text).toContain(`${expected.tables[0]!.years[0]}–`);
  expect(root.getAttribute("aria-busy")).toBe("false");
});

test("while working, the pane says what it does in a live region and its buttons wait", async () => {
  const root = document.createElement("main");
  document.body.replaceChildren(root);
  const host = new FakeHost(annexWorkbook());
  let answer: (wb: WorkbookSnapshot) => void = () => undefined;
  host.readActiveSheet = () => new Promise((resolve) => (answer = resolve));
  const pane = startPane(root, host, "pl", NOW);
  await new Promise((tick) => setTimeout(tick, 0));
  const status = root.querySelector('[role="status"]')!;
  expect(status.getAttribute("aria-live")).toBe("polite");
  expect(status.textContent).toBe("Odczytywanie arkusza…");
  expect(root.getAttribute("aria-busy")).toBe("true");
  expect([...root.querySelectorAll<HTMLButtonElement>("[data-action]")].every((b) => b.disabled)).toBe(true);
  answer(annexWorkbook());
  await pane.idle();
  expect(root.getAttribute("aria-busy")).toBe("false");
  expect([...root.querySelectorAll<HTMLButtonElement>("[data-action]")].some((b) => b.disabled)).toBe(false);
});

test("the legend shows every status with its colour, symbol and Polish label", async () => {
  const { root } = await open();
  const items = [...root.querySelectorAll(".legend__item")];
  expect(items.map((i) => i.textContent)).toEqual(
    STATUS_ORDER.map((s) => STATUS_STYLES[s].symbol + STATUS_STYLES[s].label.pl),
  );
  const swatch = items[0]!.querySelector<HTMLElement>(".legend__swatch")!;
  expect(swatch.style.backgroundColor).toBe(hexToRgb(STATUS_STYLES[STATUS_ORDER[0]!].fill));
});

test("Koloruj wg trendu previews the changes, and Zastosuj applies exactly that plan once", async () => {
  const { root, host, click, status } = await open();
  await click("color");
  const rows = root.querySelectorAll(".preview__table tbody tr");
  expect(rows.length).toBeGreaterThan(0);
  expect(host.applied).toEqual([]);
  const firstRow = [...rows[0]!.querySelectorAll("td")].map((td) => td.textContent);
  await click("apply");
  expect(host.applied).toHaveLength(1);
  const plan = host.applied[0];
  expect(plan!.action).toBe("color");
  expect(firstRow).toEqual([plan!.changes[0]!.address, plan!.changes[0]!.before.pl, plan!.changes[0]!.after.pl]);
  expect(Math.min(rows.length, 200)).toBe(Math.min(plan!.changes.length, 200));
  expect(status()).toContain(`Zastosowano: ${plan!.changes.length}`);
  expect((root.querySelector(".preview") as HTMLElement).hidden).toBe(true);
  expect(host.reads).toBe(2);
});

test("Wstaw podsumowanie previews the new sheet, applies it, and offers to go there", async () => {
  const { root, host, click } = await open();
  await click("summary");
  expect(host.applied).toEqual([]);
  expect(root.querySelector(".preview")!.textContent).toMatch(/Doda arkusz „Podsumowanie/);
  await click("apply");
  const [applied] = host.applied;
  expect(applied!.action).toBe("summary");
  expect(applied!.addSheets).toHaveLength(1);
  await click("go-to-sheet");
  expect(host.selected).toEqual([{ sheet: applied!.addSheets[0]!.name, address: "A1" }]);
});

test("Anuluj writes nothing", async () => {
  const { host, click, status } = await open();
  await click("color");
  await click("cancel");
  expect(host.applied).toEqual([]);
  expect(status()).toContain("nic nie zostało zmienione");
});

test("Przelicz wskaźniki writes formulas or values as chosen", async () => {
  const { root, host, click } = await open();
  await click("recalculate");
  await click("apply");
  root.querySelector<HTMLInputElement>('input[value="values"]')!.checked = true;
  await click("recalculate");
  await click("apply");
  const [asFormulas, asValues] = host.applied.map((p) => p.edits.flatMap((e) => e.cells));
  expect(asFormulas!.some((c) => c.formula?.startsWith("="))).toBe(true);
  expect(asValues!.length).toBeGreaterThan(0);
  expect(asValues!.every((c) => c.formula === undefined)).toBe(true);
});

test("Przelicz wskaźniki shows the three groups; by default only same figures are written; ticks choose per group and per row", async () => {
  const { root, host, click } = await open();
  await click("recalculate");
  const group = (name: string) => root.querySelector<HTMLElement>(`div[data-group="${name}"]`)!;
  expect(group("changed").querySelector("h3")!.textContent).toBe("Opublikowane wartości, które by się zmieniły (12)");
  expect(group("suspect").textContent).toMatch(/G48.*5,70%.*566,67%.*G50 \(6\)/);
  expect(group("same").querySelector("details")).not.toBeNull();
  expect(root.querySelector(".preview")!.textContent).toMatch(/zamienione na liczby wyglądające tak samo: \d+ komór/);
  // The figure that changes most comes first, and every row is there (no cap).
  const firstRow = group("changed").querySelector("tbody tr")!;
  expect(firstRow.textContent).toContain("C170");
  expect(root.querySelectorAll("div[data-group] input[data-cell]").length).toBe(97);
  expect(group("changed").querySelector(".review__reason")!.textContent).toContain(
    "nie zgadza się ze składowymi (dokładnie 21,02%)",
  );
  expect(root.querySelector(".button-row--sticky [data-action=apply]")).not.toBeNull();

  // Tick F70 (70 % → 71 %) alone, untick the whole "same" group, then take G48 too.
  const box = (cell: string) => root.querySelector<HTMLInputElement>(`input[data-cell="Załącznik 5!${cell}"]`)!;
  box("F70").focus();
  box("F70").click();
  expect(box("F70").checked).toBe(true);
  expect(document.activeElement).toBe(box("F70"));
  const sameAll = group("same").querySelector<HTMLInputElement>("label input[data-group=same]")!;
  sameAll.click();
  box("G48").click();
  await click("apply");
  const written = host.applied[0]!.edits.flatMap((e) => e.cells)
    .filter((c) => c.formula !== undefined)
    .map((c) => c.address);
  expect(written.sort()).toEqual(["F70", "G48"]);
});

test("the tolerance changes the statuses of 'utrzymanie wartości bazowej' indicators; a bad value is refused", async () => {
  const stableCount = async (percent: string) => {
    const { root, host, click } = await open();
    const input = root.querySelector<HTMLInputElement>("#tolerance")!;
    input.value = percent;
    input.dispatchEvent(new Event("change"));
    await click("color");
    await click("apply");
    return host.applied[0]!.changes.filter((c) => c.after.pl.includes(STATUS_STYLES.stable.label.pl)).length;
  };
  expect(await stableCount("100")).toBeGreaterThan(await stableCount("0"));

  const { root } = await open();
  const input = root.querySelector<HTMLInputElement>("#tolerance")!;
  input.value = "150";
  input.dispatchEvent(new Event("change"));
  expect(root.querySelector('[role="alert"]')!.textContent).toContain("od 0 do 100");
  expect(input.getAttribute("aria-invalid")).toBe("true");
});

test("a refusal of the host shows its Polish message and leaves the pane usable", async () => {
  const { root, host, click, button } = await open();
  host.failApply = new HostError("Arkusz „Załącznik 5” jest chroniony.", "Sheet is protected.");
  await click("color");
  await click("apply");
  const alert = root.querySelector<HTMLElement>('[role="alert"]')!;
  expect(alert.hidden).toBe(false);
  expect(alert.textContent).toContain("Arkusz „Załącznik 5” jest chroniony.");
  expect(button("color").disabled).toBe(false);
  expect(root.getAttribute("aria-busy")).toBe("false");
});

test("an Office error is shown with its code", async () => {
  const { root, host, click } = await open();
  host.failApply = Object.assign(new Error("The request payload size has exceeded the limit."), {
    code: "RequestPayloadSizeLimitExceeded",
  });
  await click("color");
  await click("apply");
  expect(root.querySelector('[role="alert"]')!.textContent).toContain(
    "Excel zgłosił błąd: The request payload size has exceeded the limit. (RequestPayloadSizeLimitExceeded)",
  );
});

test("Sprawdź arkusz lists the engine's findings by severity; a click and Enter select their cells", async () => {
  const { root, host, pane, click, status } = await open();
  await click("validate");
  const findings = analyzeWorkbook(annexWorkbook(), { tolerance: DEFAULT_TOLERANCE }).findings;
  expect(findings.length).toBeGreaterThan(0);
  const buttons = [...root.querySelectorAll<HTMLButtonElement>("button.finding")];
  expect(buttons).toHaveLength(findings.length);
  const counts = countBySeverity(findings);
  expect(status()).toContain(`Znaleziono: ${counts.error} `);
  const last = buttons[buttons.length - 1];
  last!.click();
  await pane.idle();
  buttons[0]!.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
  await pane.idle();
  const cellOf = (b: HTMLButtonElement) => b.querySelector(".finding__cell")!.textContent;
  expect(host.selected.map((s) => s.address)).toEqual([cellOf(last!), cellOf(buttons[0]!)]);
  expect(host.selected.every((s) => s.sheet === "Załącznik 5")).toBe(true);
  expect(host.selected.every((s) => findings.some((f) => f.address === s.address))).toBe(true);
});

test("markup in a sheet name or a cell stays text", async () => {
  const wb = annexWorkbook();
  const name = '<img src=x onerror="window.hacked=1">';
  wb.sheets[0]!.name = name;
  wb.sheetNames = [name];
  const { root } = await open(wb);
  expect(root.querySelector("img")).toBeNull();
  expect(root.querySelector(".pane__sheet")!.textContent).toBe(`Arkusz: ${name}`);
});

test("Cofnij zmiany dodatku on a workbook the add-in never changed says there is nothing to restore", async () => {
  const { root, host, click, status } = await open();
  await click("restore");
  expect(host.applied).toEqual([]);
  expect(status()).toBe("Nie ma nic do zmiany.");
  expect(root.querySelector(".preview")!.textContent).toContain("Nie ma nic do przywrócenia");
});

test("English when asked", async () => {
  const { root, button } = await open(annexWorkbook(), "en");
  expect(button("validate").textContent).toBe("Validate sheet");
  expect(root.querySelector(".recognition")!.textContent).toMatch(/\d+ indicators/);
  expect(root.getAttribute("lang")).toBe("en");
});

function hexToRgb(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
}
