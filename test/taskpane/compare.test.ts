/**
 * @jest-environment ./test/helpers/worker-libraries/jsdom.js
 */
/** "Porównaj z poprzednią edycją" in the pane: the 2022 edition as another sheet or as a file, against the 2023 annex. */
import { readFileSync } from "fs";
import { join } from "path";
import { analyzeWorkbook } from "../../src/core/analyze";
import type { WorkbookHost } from "../../src/core/host";
import type { EditPlan } from "../../src/core/plan";
import type { WorkbookSnapshot } from "../../src/core/snapshot";
import { countBySeverity } from "../helpers/count";
import { startPane } from "../../src/taskpane/pane";
import { snapshotFromFile } from "../../src/xlsx/edition-file";
import { annex2023Typed, SEEDS } from "../helpers/typed-sheet";
import { noJournal } from "../../src/core/journal";

const SHEET = "Załącznik 5";

class FakeHost implements WorkbookHost {
  selected: { sheet: string; address: string }[] = [];
  sheetReads: string[] = [];
  constructor(private readonly wb: WorkbookSnapshot) {}
  async readActiveSheet(): Promise<WorkbookSnapshot> {
    return { ...this.wb, sheets: this.wb.sheets.filter((s) => s.name === SHEET) };
  }
  async readSheet(name: string): Promise<WorkbookSnapshot> {
    this.sheetReads.push(name);
    return { ...this.wb, sheets: this.wb.sheets.filter((s) => s.name === name) };
  }
  async apply(_plan: EditPlan): Promise<void> {}
  async select(sheet: string, address: string): Promise<void> {
    this.selected.push({ sheet, address });
  }
}

/** Only the active sheet: a host that cannot read another one. */
class ActiveOnlyHost implements WorkbookHost {
  constructor(private readonly wb: WorkbookSnapshot) {}
  readActiveSheet = async () => this.wb;
  apply = async () => undefined;
  select = async () => undefined;
}

const E2022_BYTES = readFileSync(join(SEEDS, "annex-2022.xlsx"));
let e2022: WorkbookSnapshot;
beforeAll(async () => {
  e2022 = await snapshotFromFile(E2022_BYTES);
});

/** The 2023 annex, and the 2022 edition beside it as the sheet "2022". */
function workbook(): WorkbookSnapshot {
  const old = { ...e2022.sheets[0]!, name: "2022" };
  return { sheetNames: [SHEET, "2022"], sheets: [annex2023Typed(), old], journal: noJournal() };
}

async function open(host: WorkbookHost, readWorkbookFile?: (bytes: ArrayBuffer) => Promise<WorkbookSnapshot>) {
  const root = document.createElement("main");
  document.body.replaceChildren(root);
  const pane = startPane(root, host, "pl", () => new Date("2026-11-30T01:00:00Z"), { readWorkbookFile });
  await pane.idle();
  const compare = async () => {
    root.querySelector<HTMLButtonElement>('[data-action="compare"]')!.click();
    await pane.idle();
  };
  const groups = () => [...root.querySelectorAll(".findings__group h3")].map((h) => h.textContent);
  const items = () => [...root.querySelectorAll<HTMLButtonElement>("button.finding")];
  return {
    root,
    pane,
    compare,
    groups,
    items,
    status: () => root.querySelector('[role="status"]')!.textContent ?? "",
    error: () => root.querySelector('[role="alert"]')!.textContent ?? "",
  };
}

test("asks for the previous edition when none is chosen", async () => {
  const { compare, error, root } = await open(new FakeHost(workbook()));
  await compare();
  expect(error()).toContain("Wybierz plik .xlsx poprzedniej edycji albo jej arkusz w tym skoroszycie.");
  expect(root.querySelector<HTMLElement>(".findings")!.hidden).toBe(true);
});

test("compares with another sheet of the workbook: grouped results, each selecting its cell in the current sheet", async () => {
  const host = new FakeHost(workbook());
  const { root, compare, groups, items, status } = await open(host);
  const select = root.querySelector<HTMLSelectElement>("#edition-sheet")!;
  // the other sheets of the workbook are offered, not the current one
  expect([...select.options].map((o) => o.value)).toEqual(["", "2022"]);
  select.value = "2022";
  select.dispatchEvent(new Event("change"));
  await compare();
  expect(host.sheetReads).toEqual(["2022"]);
  expect(status()).toBe(
    "Porównano: 6 zmienionych liczb, 3 dodane wskaźniki, 0 usuniętych wskaźników, 5 zmian nazw lub numerów.",
  );
  expect(groups()).toEqual(["Zmienione liczby (6)", "Dodane wskaźniki (3)", "Zmienione nazwy i numery (5)"]);
  expect(
    items()
      .slice(0, 6)
      .map((b) => b.querySelector(".finding__cell")!.textContent),
  ).toEqual(["F5", "H57", "H59", "H60", "H150", "H151"]);
  expect(items()[0]!.textContent).toContain("wskaźnik W19_W, rok 2021: było 80%, jest 89%.");
  expect(root.querySelector(".findings")!.textContent).toContain("Porównano z: arkusz „2022” tego skoroszytu.");
  items()[2]!.click();
  await new Promise((r) => setTimeout(r, 0));
  expect(host.selected).toEqual([{ sheet: SHEET, address: "H59" }]);
});

test("compares with a file read by the injected reader; the findings of Sprawdź arkusz stay beside it", async () => {
  const read: ArrayBuffer[] = [];
  const reader = async (bytes: ArrayBuffer) => {
    read.push(bytes);
    return snapshotFromFile(bytes);
  };
  const { root, compare, groups } = await open(
    new ActiveOnlyHost({ sheetNames: [SHEET], sheets: [annex2023Typed()], journal: noJournal() }),
    reader,
  );
  // this host reads no other sheet: only the file is offered
  expect(root.querySelector("#edition-sheet")).toBeNull();
  root.querySelector<HTMLButtonElement>('[data-action="validate"]')!.click();
  const input = root.querySelector<HTMLInputElement>("#edition-file")!;
  const bytes = E2022_BYTES.buffer.slice(E2022_BYTES.byteOffset, E2022_BYTES.byteOffset + E2022_BYTES.byteLength);
  Object.defineProperty(input, "files", { value: [{ name: "zalacznik-2022.xlsx", arrayBuffer: async () => bytes }] });
  await compare();
  expect(read).toHaveLength(1);
  const counts = countBySeverity(
    analyzeWorkbook({ sheetNames: [SHEET], sheets: [annex2023Typed()], journal: noJournal() }).findings,
  );
  const severity = [`Błędy (${counts.error})`, `Ostrzeżenia (${counts.warning})`, `Informacje (${counts.info})`].filter(
    (g) => !g.endsWith("(0)"),
  );
  expect(groups()).toEqual([
    ...severity,
    "Zmienione liczby (6)",
    "Dodane wskaźniki (3)",
    "Zmienione nazwy i numery (5)",
  ]);
  expect(root.querySelector(".findings")!.textContent).toContain(
    "Porównano z: plik „zalacznik-2022.xlsx”, arkusz „Załącznik 5”.",
  );
});

test("a previous edition without an indicator table is refused with a message", async () => {
  const wb = workbook();
  wb.sheets[1] = {
    ...wb.sheets[1]!,
    values: [[null]],
    text: [[""]],
    numberFormat: [["General"]],
    formulas: [[null]],
    bold: [[false]],
    fill: [[null]],
  };
  const { root, compare, error } = await open(new FakeHost(wb));
  const select = root.querySelector<HTMLSelectElement>("#edition-sheet")!;
  select.value = "2022";
  await compare();
  expect(error()).toContain("W poprzedniej edycji (arkusz „2022” tego skoroszytu) nie rozpoznano tabeli wskaźników.");
});

test("without a file reader and a host that reads only the active sheet, the action is not offered", async () => {
  const { root } = await open(
    new ActiveOnlyHost({ sheetNames: [SHEET], sheets: [annex2023Typed()], journal: noJournal() }),
  );
  expect(root.querySelector('[data-action="compare"]')).toBeNull();
});
