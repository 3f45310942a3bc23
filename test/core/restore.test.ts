import { parseA1 } from "../../src/core/address";
import { appendJournal, noJournal, parseJournal, serialiseJournal, type JournalRead } from "../../src/core/journal";
import type { CellBackup, JournalEntry } from "../../src/core/plan";
import { planRestore, USER_CHANGED } from "../../src/core/plans/restore";
import { verbatim } from "../../src/core/message";
import { emptySheet, type RawValue, type SheetSnapshot, type WorkbookSnapshot } from "../../src/core/snapshot";

/** Sheet "Arkusz1": indicator names in column B (rows 2-4), values in column C. */
function annex(shift = 0, name = "Arkusz1"): SheetSnapshot {
  const sheet = emptySheet(name, 8, 4);
  ["W1 Udział", "W2 Poziom", "W3 Wskaźnik"].forEach((label, i) => set(sheet, `B${2 + i + shift}`, label));
  return sheet;
}

function set(
  sheet: SheetSnapshot,
  address: string,
  value: RawValue,
  extra: { formula?: string; fill?: string | null; numberFormat?: string } = {},
): void {
  const { row, col } = parseA1(address);
  sheet.values[row]![col] = value;
  sheet.text[row]![col] = value === null ? "" : String(value);
  sheet.formulas[row]![col] = extra.formula ?? null;
  if (extra.fill !== undefined) sheet.fill[row]![col] = extra.fill;
  if (extra.numberFormat) sheet.numberFormat[row]![col] = extra.numberFormat;
}

/** A workbook with the given backup: as data, or as the chunks stored in the file (parsed as an adapter does). */
function workbook(
  sheets: SheetSnapshot[],
  journal: JournalRead | string[],
  extra: Partial<WorkbookSnapshot> = {},
): WorkbookSnapshot {
  const read = Array.isArray(journal) ? parseJournal(journal) : journal;
  return { sheetNames: [...sheets.map((s) => s.name), "MOPS_kopia_zapasowa"], sheets, journal: read, ...extra };
}

/** The recalculation of C3 ("W2 Poziom"): "89%" became =C5/C6. */
const recalcC3: CellBackup = {
  sheet: "Arkusz1",
  address: "C3",
  before: { value: "89%", formula: null, numberFormat: "General" },
  after: { value: 0.89, formula: "=C5/C6", numberFormat: "0%" },
  row: { col: 1, text: "W2 Poziom" },
};

const entry = (cells: CellBackup[], extra: Partial<JournalEntry> = {}): JournalEntry => ({
  action: "recalculate",
  at: "t1",
  cells,
  addedSheets: [],
  sheets: [{ name: "Arkusz1", fileId: 1 }],
  ...extra,
});

describe("planRestore: compare-and-swap", () => {
  test("a cell still holding what the add-in wrote goes back; the journal empties", () => {
    const sheet = annex();
    set(sheet, "C3", 0.89, { formula: "=C5/C6", numberFormat: "0%" });
    const plan = planRestore(workbook([sheet], appendJournal(noJournal(), entry([recalcC3]))));
    expect(plan.refusal).toBeUndefined();
    expect(plan.edits).toEqual([
      { sheet: "Arkusz1", cells: [{ address: "C3", value: "89%", numberFormat: "General" }], fills: [] },
    ]);
    expect(plan.journal.entries).toEqual([]);
    expect(plan.expect).toEqual([{ sheet: "Arkusz1", address: "C3", formula: "=C5/C6" }]);
  });

  test("a figure the user typed over the add-in's formula is theirs: listed, left alone, kept in the backup; --force restores it", () => {
    const sheet = annex();
    set(sheet, "C3", 0.93, { numberFormat: "0%" });
    const wb = workbook([sheet], appendJournal(noJournal(), entry([recalcC3])));
    const plan = planRestore(wb);
    expect(plan.edits).toEqual([]);
    expect(plan.changes).toEqual([{ sheet: "Arkusz1", address: "C3", before: verbatim("0.93"), after: USER_CHANGED }]);
    expect(plan.journal.entries[0]!.cells).toEqual([recalcC3]);
    expect(plan.notes.map((n) => n.en).join(" ")).toMatch(
      /changed after the add-in's change are left as they are \(1\)/,
    );

    const forced = planRestore(wb, { force: true });
    expect(forced.edits[0]!.cells).toEqual([{ address: "C3", value: "89%", numberFormat: "General" }]);
    expect(forced.journal.entries).toEqual([]);
  });

  test("two rows inserted above the table: the cell is found by its row's name and written there, not at the old address", () => {
    const sheet = annex(2);
    set(sheet, "C5", 0.89, { formula: "=C7/C8", numberFormat: "0%" });
    const plan = planRestore(workbook([sheet], appendJournal(noJournal(), entry([recalcC3]))));
    // =C5/C6 moved with its row reads =C7/C8: Excel adjusts references, so the formula still matches after shifting
    expect(plan.edits[0]!.cells).toEqual([{ address: "C5", value: "89%", numberFormat: "General" }]);
    expect(plan.journal.entries).toEqual([]);
  });

  test("a row that cannot be found again (or is found twice) is refused with a message, never written at its old address", () => {
    const sheet = annex();
    set(sheet, "B3", "Inny wskaźnik");
    set(sheet, "C3", 0.89, { formula: "=C5/C6", numberFormat: "0%" });
    const gone = planRestore(workbook([sheet], appendJournal(noJournal(), entry([recalcC3]))));
    expect(gone.edits).toEqual([]);
    expect(gone.notes.map((n) => n.en).join(" ")).toMatch(/cannot be found again/);
    expect(gone.journal.entries[0]!.cells).toEqual([recalcC3]);

    const twice = annex(3);
    set(twice, "B2", "W2 Poziom");
    expect(planRestore(workbook([twice], appendJournal(noJournal(), entry([recalcC3])))).edits).toEqual([]);
  });

  test("a renamed sheet is found by its id; a new sheet with the old name but another id is not it", () => {
    const renamed = annex(0, "Załącznik 2023");
    set(renamed, "C3", 0.89, { formula: "=C5/C6", numberFormat: "0%" });
    const impostor = annex(0, "Arkusz1");
    set(impostor, "C3", 0.89, { formula: "=C5/C6", numberFormat: "0%" });
    const wb = workbook([impostor, renamed], appendJournal(noJournal(), entry([recalcC3])), {
      sheetIds: { Arkusz1: { fileId: 7 }, "Załącznik 2023": { fileId: 1 } },
    });
    const plan = planRestore(wb);
    expect(plan.edits.map((e) => e.sheet)).toEqual(["Załącznik 2023"]);
  });

  test("colouring is undone as fills only: a value the user typed into a coloured cell stays", () => {
    const sheet = annex();
    set(sheet, "C2", 123, { fill: "#D73027" });
    const colour: CellBackup = {
      sheet: "Arkusz1",
      address: "C2",
      before: { fill: "#FFEE00" },
      after: { fill: "#D73027" },
      row: { col: 1, text: "W1 Udział" },
    };
    const plan = planRestore(workbook([sheet], appendJournal(noJournal(), entry([colour], { action: "color" }))));
    expect(plan.edits).toEqual([{ sheet: "Arkusz1", cells: [], fills: [{ color: "#FFEE00", addresses: ["C2"] }] }]);
  });

  test("several records of one cell are undone newest first: recalculate, then colour", () => {
    const sheet = annex();
    set(sheet, "C3", 0.89, { formula: "=C5/C6", numberFormat: "0%", fill: "#1A9850" });
    let journal = appendJournal(noJournal(), entry([recalcC3]));
    journal = appendJournal(
      journal,
      entry([{ ...recalcC3, before: { fill: null }, after: { fill: "#1A9850" } }], { action: "color" }),
    );
    const plan = planRestore(workbook([sheet], journal));
    expect(plan.edits).toEqual([
      {
        sheet: "Arkusz1",
        cells: [{ address: "C3", value: "89%", numberFormat: "General" }],
        fills: [{ color: null, addresses: ["C3"] }],
      },
    ]);
    expect(plan.journal.entries).toEqual([]);
  });

  test("cells already holding their before-image (an apply that failed half-way) need nothing and leave the backup", () => {
    const sheet = annex();
    set(sheet, "C3", "89%");
    const plan = planRestore(workbook([sheet], appendJournal(noJournal(), entry([recalcC3]))));
    expect(plan.edits).toEqual([]);
    expect(plan.journal.entries).toEqual([]);
  });

  test("a version 1 backup says nothing of what was written: its cells are refused with a reason unless forced", () => {
    const sheet = annex();
    set(sheet, "C3", 0.89, { formula: "=C5/C6", numberFormat: "0%" });
    const v1 = JSON.stringify({
      entries: [
        {
          action: "recalculate",
          at: "t",
          addedSheets: [],
          cells: [
            { sheet: "Arkusz1", address: "C3", value: "89%", formula: null, numberFormat: "General", fill: null },
          ],
        },
      ],
    });
    const wb = workbook([sheet], [`mops-journal:v1:0/1:${v1}`]);
    const plan = planRestore(wb);
    expect(plan.edits).toEqual([]);
    expect(plan.notes.map((n) => n.en).join(" ")).toMatch(/older version.*--force/);
    expect(planRestore(wb, { force: true }).edits[0]!.cells).toEqual([
      { address: "C3", value: "89%", numberFormat: "General" },
    ]);
  });
});

describe("planRestore: sheets the add-in added", () => {
  const summary = (extra: Partial<JournalEntry> = {}) =>
    entry([], {
      action: "summary",
      addedSheets: ["Podsumowanie"],
      sheets: [{ name: "Podsumowanie", mark: "Podsumowanie wskaźników: Arkusz1" }],
      summaryOf: "Arkusz1",
      ...extra,
    });

  test("deleted while its A1 carries the add-in's mark", () => {
    const wb = workbook([annex()], appendJournal(noJournal(), summary()), {
      sheetNames: ["Arkusz1", "Podsumowanie", "MOPS_kopia_zapasowa"],
      firstCells: { Arkusz1: "", Podsumowanie: "Podsumowanie wskaźników: Arkusz1" },
    });
    expect(planRestore(wb).deleteSheets).toEqual(["Podsumowanie"]);
  });

  test("the user renamed the summary and made their own Podsumowanie: theirs stays, the renamed summary goes", () => {
    const wb = workbook([annex()], appendJournal(noJournal(), summary()), {
      sheetNames: ["Arkusz1", "Stare podsumowanie", "Podsumowanie", "MOPS_kopia_zapasowa"],
      firstCells: {
        Arkusz1: "",
        "Stare podsumowanie": "Podsumowanie wskaźników: Arkusz1",
        Podsumowanie: "Moje notatki",
      },
    });
    expect(planRestore(wb).deleteSheets).toEqual(["Stare podsumowanie"]);
  });

  test("where A1 is not known (Excel), the deletion expects the mark, which the adapter checks", () => {
    const wb = workbook([annex()], appendJournal(noJournal(), summary()), {
      sheetNames: ["Arkusz1", "Podsumowanie", "MOPS_kopia_zapasowa"],
    });
    const plan = planRestore(wb);
    expect(plan.deleteSheets).toEqual(["Podsumowanie"]);
    expect(plan.expect).toContainEqual({
      sheet: "Podsumowanie",
      address: "A1",
      formula: "Podsumowanie wskaźników: Arkusz1",
    });
  });

  test("a tampered backup naming the annex as added: the annex is not the add-in's and is never deleted", () => {
    const wb = workbook(
      [annex()],
      appendJournal(
        noJournal(),
        summary({ addedSheets: ["Arkusz1"], sheets: [{ name: "Arkusz1", mark: "Podsumowanie wskaźników: Arkusz1" }] }),
      ),
      {
        firstCells: { Arkusz1: "" },
      },
    );
    expect(planRestore(wb).deleteSheets).toEqual([]);
    // Without marks to check, deleting every sheet is refused outright.
    const blind = planRestore(workbook([annex()], wb.journal));
    expect(blind.refusal?.en).toMatch(/delete every sheet/);
  });
});

describe("planRestore: a backup that cannot be trusted is never lost", () => {
  test("damaged: refused, kept as it is", () => {
    const damaged = serialiseJournal(appendJournal(noJournal(), entry([recalcC3]))).map((c) => c.slice(0, -3));
    const wb = workbook([annex()], damaged);
    const plan = planRestore(wb);
    expect(plan.refusal?.pl).toMatch(/uszkodzona/);
    expect(plan.journal).toBe(wb.journal);
    expect([plan.edits, plan.deleteSheets]).toEqual([[], []]);
  });

  test("from a newer version: refused", () => {
    const plan = planRestore(workbook([annex()], ['mops-journal:v9:g1:0/1:{"entries":[]}']));
    expect(plan.refusal?.en).toMatch(/newer version/);
  });

  test("a user's own sheet named like the backup, holding their text: refused, never overwritten", () => {
    const plan = planRestore(workbook([annex()], ["moje dane"]));
    expect(plan.refusal?.en).toMatch(/MOPS_kopia_zapasowa.*something other than the add-in's backup/);
  });

  test("an empty sheet named like the backup (a first write interrupted) holds nothing: restore removes it", () => {
    const plan = planRestore(workbook([annex()], []));
    expect(plan.refusal).toBeUndefined();
    expect(plan.changes).toEqual([
      {
        sheet: "MOPS_kopia_zapasowa",
        address: "",
        before: { pl: "pusta kopia zapasowa", en: "an empty backup" },
        after: { pl: "usunięta", en: "deleted" },
      },
    ]);
    expect(plan.journal.entries).toEqual([]);
  });

  test("an empty journal: nothing to do, and a note", () => {
    const plan = planRestore({ sheetNames: ["Arkusz1"], sheets: [annex()], journal: noJournal() });
    expect([plan.edits, plan.deleteSheets, plan.addSheets, plan.journal.entries]).toEqual([[], [], [], []]);
    expect(plan.notes[0]!.pl).toMatch(/Nie ma nic do przywrócenia/);
  });

  test("a sheet deleted since: its cells are kept in the backup with a note", () => {
    const plan = planRestore({
      sheetNames: ["Inny", "MOPS_kopia_zapasowa"],
      sheets: [annex(0, "Inny")],
      journal: appendJournal(noJournal(), entry([recalcC3])),
    });
    expect(plan.edits).toEqual([]);
    expect(plan.notes.map((n) => n.en).join(" ")).toMatch(/"Arkusz1" is no longer in the workbook/);
    expect(plan.journal.entries).toHaveLength(1);
  });
});
