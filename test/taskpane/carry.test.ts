/**
 * @jest-environment ./test/helpers/worker-libraries/jsdom.js
 */
/**
 * "Wstaw raport uwag" carrying last year's decisions in the pane, over the ExcelJS host the preview runs: the 2022
 * edition (its Uwagi sheet with the W39_W 2021 error accepted) picked as a file, as "Porównaj z poprzednią edycją"
 * picks it, and the 2023 annex's new findings sheet carrying the decision.
 */
import { analyzeWorkbook } from "../../src/core/analyze";
import { planFindings } from "../../src/core/review/sheet";
import { reviewFindings } from "../../src/core/review/reviewed";
import { startPane } from "../../src/taskpane/pane";
import { snapshotFromFile } from "../../src/xlsx/edition-file";
import { XlsxHost } from "../../src/xlsx/host";
import { saveWorkbook } from "../../src/xlsx/load";
import { openSeed, reopen } from "../xlsx/helpers";

// Whole workbooks are read and written: slow on a busy machine, not a timing check.
jest.setTimeout(120_000);

const SHEET = "Załącznik 5";
const NOW = () => new Date("2026-11-30T02:00:00Z");

/**
 * The 2022 edition with its findings sheet, the W39_W 2021 error (F44) marked "Zaakceptowane", as saved bytes: built
 * once for the file (two loads and two saves of a whole workbook); the tests only read the bytes.
 */
let lastYearBytes: Promise<Uint8Array> | undefined;
const lastYear = (): Promise<Uint8Array> => (lastYearBytes ??= decidedLastYear());

async function decidedLastYear(): Promise<Uint8Array> {
  const wb = await openSeed("annex-2022.xlsx");
  const host = new XlsxHost(wb);
  host.activate(SHEET);
  const snap = await host.readActiveSheet();
  await host.apply(planFindings(snap, analyzeWorkbook(snap), { sheet: SHEET, now: NOW().toISOString() }));
  const saved = await reopen(wb);
  const ws = saved.getWorksheet("Uwagi")!;
  const col: Record<string, number> = {};
  ws.getRow(5).eachCell((c, i) => (col[String(c.value)] = i));
  const row = [...Array(ws.rowCount).keys()]
    .map((i) => ws.getRow(i + 1))
    .find((r) => r.getCell(col.Komórka!).text === "F44" && r.getCell(col.Waga!).text === "Błąd")!;
  row.getCell(col.Decyzja!).value = "Zaakceptowane";
  row.getCell(col.Komentarz!).value = "G50: literówka";
  return saveWorkbook(saved);
}

async function open() {
  const wb = await openSeed("annex-2023-typed.xlsx");
  const host = new XlsxHost(wb);
  host.activate(SHEET);
  const root = document.createElement("main");
  document.body.replaceChildren(root);
  const pane = startPane(root, host, "pl", NOW, { readWorkbookFile: snapshotFromFile });
  await pane.idle();
  const click = async (action: string) => {
    root.querySelector<HTMLButtonElement>(`[data-action="${action}"]`)!.click();
    await pane.idle();
  };
  const error = () => root.querySelector('[role="alert"]')!.textContent ?? "";
  return { wb, host, root, click, error };
}

test("with the previous edition's file chosen and the tick set, the findings sheet carries its decisions", async () => {
  const { wb, host, root, click } = await open();
  const bytes = await lastYear();
  const input = root.querySelector<HTMLInputElement>("#edition-file")!;
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  Object.defineProperty(input, "files", { value: [{ name: "zalacznik-2022.xlsx", arrayBuffer: async () => buffer }] });
  root.querySelector<HTMLInputElement>("#edition-carry")!.click();

  await click("findings");
  const preview = root.querySelector(".preview")!.textContent ?? "";
  expect(preview).toContain(
    "Decyzje z poprzedniej edycji („zalacznik-2022.xlsx”, arkusz „Załącznik 5”): przeniesiono 1 decyzję na te same uwagi; 0 uwag zaczyna od nowa",
  );
  await click("apply");
  expect(wb.worksheets.map((s) => s.name)).toContain("Uwagi");

  const snap = await host.readActiveSheet();
  const decided = reviewFindings(snap, analyzeWorkbook(snap)).filter((r) => r.decision !== "open");
  expect(decided.map((r) => [r.finding.address, r.finding.code, r.decision, r.comment])).toEqual([
    ["G48", "ratio_mismatch", "accepted", "G50: literówka"],
  ]);
});

test("the tick without a chosen edition asks for one and writes nothing", async () => {
  const { wb, root, click, error } = await open();
  root.querySelector<HTMLInputElement>("#edition-carry")!.click();
  await click("findings");
  expect(error()).toContain("Wybierz plik .xlsx poprzedniej edycji albo jej arkusz w tym skoroszycie.");
  expect(root.querySelector<HTMLElement>(".preview")!.hidden).toBe(true);
  expect(wb.worksheets.map((s) => s.name)).not.toContain("Uwagi");
});

test("without the tick, a chosen edition is only for comparing: nothing is carried", async () => {
  const { root, click } = await open();
  const bytes = await lastYear();
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  Object.defineProperty(root.querySelector<HTMLInputElement>("#edition-file")!, "files", {
    value: [{ name: "zalacznik-2022.xlsx", arrayBuffer: async () => buffer }],
  });
  await click("findings");
  expect(root.querySelector(".preview")!.textContent).toContain("Doda arkusz „Uwagi”.");
  expect(root.querySelector(".preview")!.textContent).not.toContain("poprzedniej edycji");
});
