import { appendJournal, writeJournal } from "../../src/core/journal";
import type { JournalEntry } from "../../src/core/plan";
import { planRestore } from "../../src/core/plans/restore";
import { emptySheet, type WorkbookSnapshot } from "../../src/core/snapshot";

const NOW = "2026-11-23T19:00:00Z";

function workbook(journal: string[], sheetNames = ["Arkusz1", "Podsumowanie"]): WorkbookSnapshot {
  const sheet = emptySheet("Arkusz1", 3, 3);
  sheet.values[1][1] = 0.5;
  sheet.text[1][1] = "50%";
  return { sheetNames, sheets: [sheet], journal };
}

const entry = (at: string, cells: JournalEntry["cells"], addedSheets: string[] = []): JournalEntry => ({
  action: "recalculate",
  at,
  cells,
  addedSheets,
});

describe("planRestore", () => {
  test("each cell goes back to its earliest backup; added sheets go; the journal is emptied", () => {
    let journal = appendJournal([], entry("t1", [
      { sheet: "Arkusz1", address: "B2", value: "89%", formula: null, numberFormat: "General", fill: null },
    ]));
    journal = appendJournal(journal, entry("t2", [
      // a later backup of the same cell holds what t1 wrote: it must not win
      { sheet: "Arkusz1", address: "B2", value: 0.89, formula: "=B3/B4", numberFormat: "0%", fill: "#1A9850" },
      { sheet: "Arkusz1", address: "C2", value: 7, formula: "=C3+1", numberFormat: "0", fill: "#FFFFBF" },
    ], ["Podsumowanie"]));
    // a backup of a cell on a sheet the add-in added goes with that sheet
    journal = appendJournal(journal, entry("t3", [
      { sheet: "Podsumowanie", address: "A1", value: "x", formula: null, numberFormat: "General", fill: null },
    ], ["Podsumowanie"]));

    const plan = planRestore(workbook(journal), NOW);
    expect(plan.action).toBe("restore");
    expect(plan.deleteSheets).toEqual(["Podsumowanie"]);
    expect(plan.journal).toEqual([]);
    expect(plan.edits).toEqual([
      {
        sheet: "Arkusz1",
        cells: [
          { address: "B2", value: "89%", numberFormat: "General" },
          { address: "C2", formula: "=C3+1", value: 7, numberFormat: "0" },
        ],
        fills: [
          { color: null, addresses: ["B2"] },
          { color: "#FFFFBF", addresses: ["C2"] },
        ],
      },
    ]);
    expect(plan.changes).toContainEqual({ sheet: "Arkusz1", address: "B2", before: "50%", after: "89%" });
    expect(plan.notes.at(-1)?.pl).toContain("t1");
  });

  test("an empty journal: nothing to do, and a note", () => {
    const plan = planRestore(workbook([]), NOW);
    expect([plan.edits, plan.deleteSheets, plan.addSheets, plan.journal]).toEqual([[], [], [], []]);
    expect(plan.notes).toHaveLength(1);
    expect(plan.notes[0].pl).toMatch(/Nie ma nic do przywrócenia/);
  });

  test("a damaged journal is kept, nothing is written, and the user is told", () => {
    const damaged = writeJournal([entry("t1", [])]).map((c) => c.slice(0, -3));
    const plan = planRestore(workbook(damaged), NOW);
    expect(plan.edits).toEqual([]);
    expect(plan.deleteSheets).toEqual([]);
    expect(plan.journal).toEqual(damaged);
    expect(plan.notes[0].pl).toMatch(/uszkodzona/);
  });

  test("a sheet that has since been deleted: its cells are skipped with a note, an added sheet already gone is not deleted", () => {
    const journal = appendJournal([], entry("t1", [
      { sheet: "Stary", address: "A1", value: 1, formula: null, numberFormat: "General", fill: null },
    ], ["Podsumowanie"]));
    const plan = planRestore(workbook(journal, ["Arkusz1"]), NOW);
    expect(plan.edits).toEqual([]);
    expect(plan.deleteSheets).toEqual([]);
    expect(plan.notes.map((n) => n.en).join(" ")).toMatch(/"Stary" is no longer in the workbook/);
  });
});
