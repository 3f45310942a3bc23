/** Issue #16 through the CLI: the summary's table name avoids the file's table names and defined names. */
import { readFileSync, writeFileSync } from "fs";
import { join } from "path";
import type { Workbook } from "exceljs";
import { cliRunner, suiteFolder } from "../helpers/cli";
import { loadWorkbook, saveWorkbook } from "../../src/xlsx/load";
import { SEEDS } from "../xlsx/helpers";

jest.setTimeout(60_000);

const { tmp } = suiteFolder("mops-tables-");
const run = cliRunner("en_US.UTF-8", "2026-11-23T18:30:00Z");
const open = async (path: string): Promise<Workbook> => loadWorkbook(readFileSync(path));
const tableNames = (wb: Workbook) =>
  wb.worksheets.flatMap((ws) => (ws.getTables() as unknown as { name: string }[]).map((t) => `${ws.name}: ${t.name}`));

test("a table and a defined name holding the summary's table name are avoided; both stay as they were", async () => {
  const withNotes = async () => {
    const wb = await open(join(SEEDS, "annex-2023-typed.xlsx"));
    wb.addWorksheet("Notatki").getCell("E1").value = "notatka";
    return wb;
  };
  writeFileSync(tmp("plain.xlsx"), await saveWorkbook(await withNotes()));
  expect((await run("apply", tmp("plain.xlsx"), "--summary", "--out", tmp("plain-out.xlsx"))).code).toBe(0);
  const [summarySheet, wanted] = tableNames(await open(tmp("plain-out.xlsx")))[0]!.split(": ");

  const wb = await withNotes();
  const notes = wb.getWorksheet("Notatki")!;
  notes.addTable({ name: wanted!.toLowerCase(), ref: "A1", columns: [{ name: "Kol" }], rows: [["x"]] });
  wb.definedNames.add("Notatki!$C$1", `${wanted}_2`);
  writeFileSync(tmp("taken.xlsx"), await saveWorkbook(wb));

  const r = await run("apply", tmp("taken.xlsx"), "--summary", "--out", tmp("taken-out.xlsx"));
  expect(r.code).toBe(0);
  const out = await open(tmp("taken-out.xlsx"));
  expect(tableNames(out).sort()).toEqual([`Notatki: ${wanted!.toLowerCase()}`, `${summarySheet}: ${wanted}_3`].sort());
  expect((out.definedNames.model as { name: string }[]).map((d) => d.name)).toContain(`${wanted}_2`);
});
