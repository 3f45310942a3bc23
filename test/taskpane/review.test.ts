/**
 * @jest-environment ./test/helpers/worker-libraries/jsdom.js
 */
/**
 * The reviewer's loop in the task pane, over the ExcelJS host the preview runs (the typed 2023 annex): "Wstaw raport
 * uwag", a finding marked "Zaakceptowane" on the Uwagi sheet, "Sprawdź arkusz" again.
 */
import { analyzeWorkbook } from "../../src/core/analyze";
import { countBySeverity } from "../helpers/count";
import { startPane } from "../../src/taskpane/pane";
import { XlsxHost } from "../../src/xlsx/host";
import { openSeed } from "../xlsx/helpers";

// A whole workbook is read and written several times: slow on a busy machine, not a timing check.
jest.setTimeout(120_000);

const NOW = () => new Date("2026-11-30T02:00:00Z");

test("a finding accepted on the Uwagi sheet is shown apart and no longer counted", async () => {
  const wb = await openSeed("annex-2023-typed.xlsx");
  const host = new XlsxHost(wb);
  const root = document.createElement("main");
  document.body.replaceChildren(root);
  const pane = startPane(root, host, "pl", NOW);
  await pane.idle();
  const click = async (action: string) => {
    root.querySelector<HTMLButtonElement>(`[data-action="${action}"]`)!.click();
    await pane.idle();
  };
  const status = () => root.querySelector('[role="status"]')!.textContent ?? "";

  await click("findings");
  expect(root.querySelector(".preview")!.textContent).toContain("Doda arkusz „Uwagi”.");
  await click("apply");
  expect(wb.worksheets.map((s) => s.name)).toContain("Uwagi");
  expect(root.querySelector('[data-action="go-to-sheet"]')!.textContent).toBe("Przejdź do arkusza „Uwagi”");

  await click("validate");
  const before = analyzeWorkbook((await host.readActiveSheet()) as never).findings;
  const counts = countBySeverity(before);
  expect(status()).toContain(`Znaleziono: ${counts.error} `);
  expect(root.querySelectorAll(".findings__accepted")).toHaveLength(0);

  // The reviewer marks the W39_W 2021 ratio error (G48) "Zaakceptowane" on the Uwagi sheet.
  const ws = wb.getWorksheet("Uwagi")!;
  const col: Record<string, number> = {};
  ws.getRow(5).eachCell((c, i) => (col[String(c.value)] = i));
  const row = [...Array(ws.rowCount).keys()]
    .map((i) => ws.getRow(i + 1))
    .find((r) => r.getCell(col.Komórka!).text === "G48")!;
  expect(row.getCell(col.Waga!).value).toBe("Błąd");
  row.getCell(col.Decyzja!).value = "Zaakceptowane";

  await click("validate");
  expect(status()).toContain(`Znaleziono: ${counts.error - 1} `);
  expect(status()).toContain("Zaakceptowane w arkuszu uwag (nie liczą się): 1.");
  const accepted = root.querySelector(".findings__accepted")!;
  expect(accepted.querySelector("h3")!.textContent).toBe("Zaakceptowane w arkuszu uwag (1)");
  const item = accepted.querySelector<HTMLButtonElement>("button.finding")!;
  expect(item.querySelector(".finding__cell")!.textContent).toBe("G48");
  // Number and name beside the code.
  expect(item.querySelector(".finding__indicator")!.textContent).toMatch(
    /^17\. W39_W · Poziom umieszczania dzieci w pieczy zastępczej wśród rodzin.*…$/,
  );
  expect(item.querySelector(".finding__decision")!.textContent).toBe("zaakceptowane");
  const openButtons = [...root.querySelectorAll(".findings__list > .findings__group button.finding")];
  expect(openButtons).toHaveLength(before.length - 1);

  // Filters: only the accepted; only warnings; grouped by indicator.
  const choose = (id: string, value: string) => {
    const select = root.querySelector<HTMLSelectElement>(`#${id}`)!;
    select.value = value;
    select.dispatchEvent(new Event("change"));
  };
  choose("filter-decision", "accepted");
  expect(
    [...root.querySelectorAll("button.finding")].map((b) => b.querySelector(".finding__cell")!.textContent),
  ).toEqual(["G48"]);
  choose("filter-decision", "all");
  choose("filter-severity", "warning");
  expect(root.querySelectorAll("button.finding")).toHaveLength(counts.warning);
  choose("filter-severity", "all");
  choose("group-by", "indicator");
  const headings = [...root.querySelectorAll(".findings__list > .findings__group h3")].map((h) => h.textContent);
  expect(headings.filter((h) => /^17\. W39_W · Poziom umieszczania dzieci/.test(h ?? ""))).toEqual([
    `${item.querySelector(".finding__indicator")!.textContent} (1)`,
  ]);
  expect(new Set(headings).size).toBe(headings.length);

  // A click on the accepted finding still selects its cell.
  root.querySelector<HTMLButtonElement>(".findings__accepted button.finding")!.click();
  await pane.idle();
  expect(host.activeSheet).toBe("Załącznik 5");
});
