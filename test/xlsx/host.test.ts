import { analyzeWorkbook } from "../../src/core/analyze";
import { HostError } from "../../src/core/host";
import { planColor } from "../../src/core/plans/color";
import { planRestore } from "../../src/core/plans/restore";
import { ruleCells } from "../../src/core/rules";
import { XlsxHost, type Selection } from "../../src/xlsx/host";
import { openSeed } from "./helpers";
import { noJournal } from "../../src/core/journal";
import { expectEqual } from "../helpers/equal";

// Whole workbooks are read, written and reopened: slow on a busy machine, not a timing check.
jest.setTimeout(60_000);

const NOW = "2026-11-23T18:40:00Z";

describe("XlsxHost", () => {
  test("reads the active sheet, applies and restores plans, reports selections", async () => {
    const wb = await openSeed("plain-data.xlsx");
    const selections: Selection[] = [];
    const host = new XlsxHost(wb, (s) => selections.push(s));
    expect(host.activeSheet).toBe("Arkusz1");
    const plain = await host.readActiveSheet();
    expect(plain.sheets.map((s) => s.name)).toEqual(["Arkusz1"]);
    expect(plain.sheetNames).toEqual(["Arkusz1", "Arkusz2"]);

    const annex = new XlsxHost(await openSeed("annex-2023-typed.xlsx"));
    const before = await annex.readActiveSheet();
    await annex.apply(planColor(before, analyzeWorkbook(before), { now: NOW }));
    const coloured = await annex.readActiveSheet();
    expect(coloured.sheets[0]!.fill).toEqual(before.sheets[0]!.fill);
    expect(new Set(coloured.sheets[0]!.ownRules!.flatMap(ruleCells)).size).toBeGreaterThan(300);
    expect(coloured.journal.entries.length).toBeGreaterThan(0);
    await annex.apply(planRestore(coloured));
    const restored = await annex.readActiveSheet();
    expect(restored.sheets[0]!.fill).toEqual(before.sheets[0]!.fill);
    expect(restored.sheets[0]!.ownRules).toBeUndefined();
    expect(restored.journal.entries).toEqual([]);

    await host.select("Arkusz2", "B3");
    expect(selections).toEqual([{ sheet: "Arkusz2", address: "B3" }]);
    expect(host.activeSheet).toBe("Arkusz2");
    expect((await host.readActiveSheet()).sheets[0]!.name).toBe("Arkusz2");
  });

  test("a refused plan rejects with the HostError and changes nothing", async () => {
    const host = new XlsxHost(await openSeed("annex-2023-typed.xlsx"));
    const before = await host.readActiveSheet();
    await expect(
      host.apply({
        action: "color",
        edits: [{ sheet: "Nie ma", cells: [], fills: [{ color: "#44BB99", addresses: ["F5"] }] }],
        addSheets: [],
        deleteSheets: [],
        changes: [],
        journal: noJournal(),
        notes: [],
      }),
    ).rejects.toBeInstanceOf(HostError);
    expectEqual(await host.readActiveSheet(), before);
  });
});
