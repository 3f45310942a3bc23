import { appendJournal, JOURNAL_CHUNK_SIZE, noJournal, parseJournal, serialiseJournal } from "../../src/core/journal";
import type { JournalEntry } from "../../src/core/plan";

const entry = (n: number, name = "Załącznik 5"): JournalEntry => ({
  action: "recalculate",
  at: `2026-11-23T18:0${n}:00Z`,
  cells: [
    {
      sheet: name,
      address: "F5",
      before: { value: "89%", formula: null, numberFormat: "General" },
      after: { value: 0.89, formula: "=F6/F7", numberFormat: "0%" },
    },
    {
      sheet: name,
      address: `G${n}`,
      before: { fill: "#FFEE00" },
      after: { fill: null },
      row: { col: 1, text: "W19_W Udział" },
    },
  ],
  addedSheets: n % 2 ? ["Podsumowanie"] : [],
  sheets: [{ name, officeId: "{A-1}", fileId: 3 }],
});

describe("journal", () => {
  test("no journal reads as no entries and no problem", () => {
    expect(parseJournal([])).toEqual({ entries: [], generation: 0 });
  });

  test("entries append in order and read back, compacted to one record per cell", () => {
    const chunks = serialiseJournal(appendJournal(appendJournal(noJournal(), entry(1)), entry(2)));
    const [first, second] = parseJournal(chunks).entries;
    // F5 was backed up twice: one record, the first before-image and the last after-image.
    expect(first!.cells).toEqual([entry(1).cells[0], entry(1).cells[1]]);
    expect(second!.cells).toEqual([entry(2).cells[1]]);
    expect(parseJournal(chunks).problem).toBeUndefined();
    expect(chunks.every((c) => c.startsWith("mops-journal:v2:g2:"))).toBe(true);
  });

  test("a newer complete generation wins; an incomplete one (an interrupted write) leaves the older in force", () => {
    const old = serialiseJournal({ entries: [entry(1)], generation: 4 });
    const next = serialiseJournal({ entries: [entry(1), entry(2)], generation: 5 });
    expect(parseJournal([...old, ...next]).entries).toEqual([entry(1), entry(2)]);
    const big = serialiseJournal({
      entries: [{ ...entry(2), cells: Array.from({ length: 900 }, () => entry(2).cells[0]!) }],
      generation: 5,
    });
    expect(big.length).toBeGreaterThan(1);
    expect(parseJournal([...old, ...big.slice(0, 1)])).toEqual({ entries: [entry(1)], generation: 4 });
  });

  test("a version 1 journal is read: before-images, nothing known of what was written, colour as fills only", () => {
    const v1 = JSON.stringify({
      entries: [
        {
          action: "color",
          at: "t",
          addedSheets: [],
          cells: [{ sheet: "S", address: "B2", value: 5, formula: null, numberFormat: "0", fill: "#FF0000" }],
        },
        { action: "summary", at: "t", addedSheets: ["Podsumowanie"], cells: [], summaryOf: "S" },
      ],
    });
    const read = parseJournal([`mops-journal:v1:0/1:${v1}`]);
    expect(read.problem).toBeUndefined();
    expect(read.entries[0]!.cells).toEqual([{ sheet: "S", address: "B2", before: { fill: "#FF0000" }, after: {} }]);
    expect(read.entries[1]!.sheets).toEqual([{ name: "Podsumowanie", mark: "Podsumowanie wskaźników: S" }]);
  });

  test.each([
    ["an address past the last column", { address: "XFE1" }],
    ["an address past the last row", { address: "A1048577" }],
    ["a range for an address", { address: "A1:B2" }],
    ["a sheet name Excel refuses", { sheet: "a/b" }],
    ["the backup's own sheet", { sheet: "MOPS_kopia_zapasowa" }],
    ["a formula without =", { after: { formula: "SUM(A1)" } }],
    ["a fill that is not a colour", { before: { fill: "red" } }],
    ["a value that is an object", { before: { value: { x: 1 } } }],
  ])("a tampered journal (%s) is refused as damaged", (_label, patch) => {
    const cell = { ...entry(1).cells[0]!, ...patch };
    const json = JSON.stringify({ entries: [{ ...entry(1), cells: [cell] }] });
    const read = parseJournal([`mops-journal:v2:g1:0/1:${json}`]);
    expect(read.entries).toEqual([]);
    expect(read.problem?.en).toMatch(/damaged/);
  });

  test("addedSheets naming the backup's own sheet is refused as damaged", () => {
    const json = JSON.stringify({ entries: [{ ...entry(2), addedSheets: ["MOPS_kopia_zapasowa"] }] });
    expect(parseJournal([`mops-journal:v2:g1:0/1:${json}`]).problem?.en).toMatch(/damaged/);
  });

  test.each(["", "a"])(
    "a big journal is split under the cell limit, never inside a surrogate pair, and reads back (pad %j)",
    (pad) => {
      // a value of emoji only: surrogate pairs everywhere, so chunk boundaries land inside one for either padding
      const big: JournalEntry = {
        ...entry(1),
        cells: Array.from({ length: 3 }, () => ({
          ...entry(1).cells[0]!,
          before: { value: pad + "😀".repeat(15_000) },
        })),
      };
      const chunks = serialiseJournal({ entries: [big], generation: 1 });
      expect(chunks.length).toBeGreaterThan(2);
      for (const c of chunks) {
        expect(c.length).toBeLessThanOrEqual(32_767);
        expect(/^[a-z]/.test(c)).toBe(true);
        // a lone surrogate does not survive UTF-8 (it becomes U+FFFD), so this fails on a split pair
        expect(Buffer.from(c, "utf8").toString("utf8")).toBe(c);
      }
      expect(parseJournal(chunks).entries).toEqual([big]);
    },
  );

  test("chunks hold at most JOURNAL_CHUNK_SIZE characters of JSON", () => {
    const big: JournalEntry = {
      ...entry(1),
      cells: Array.from({ length: 5 }, () => ({ ...entry(1).cells[0]!, before: { value: "z".repeat(30_000) } })),
    };
    const pieces = serialiseJournal({ entries: [big], generation: 1 }).map((c) =>
      c.replace(/^mops-journal:v2:g1:\d+\/\d+:/, ""),
    );
    expect(pieces.slice(0, -1).every((p) => p.length === JOURNAL_CHUNK_SIZE)).toBe(true);
    expect(pieces.join("")).toBe(JSON.stringify({ entries: [big] }));
  });

  test("chunks in any order read the same (each carries its index): the Excel adapter reads two columns", () => {
    const big = { ...entry(1), cells: Array.from({ length: 900 }, () => entry(1).cells[0]!) };
    const chunks = serialiseJournal({ entries: [big], generation: 1 });
    expect(parseJournal([...chunks].reverse()).entries).toEqual([big]);
  });

  test("an empty entry list is stored as no chunks", () => {
    expect(serialiseJournal(noJournal())).toEqual([]);
  });

  test.each([
    ["a chunk lost", (c: string[]) => c.slice(1)],
    ["a chunk twice", (c: string[]) => [...c, c[0]!]],
    ["a chunk edited by hand", (c: string[]) => [c[0]!.slice(0, -5), ...c.slice(1)]],
    ["foreign text", () => ["hello"]],
    ["valid JSON of the wrong shape", () => ['mops-journal:v2:g1:0/1:{"entries":[{"action":"paint"}]}']],
  ])("%s reads as [] with a message", (_label, damage) => {
    const big = { ...entry(1), cells: Array.from({ length: 900 }, () => entry(1).cells[0]!) };
    const chunks = damage(serialiseJournal({ entries: [big, entry(2)], generation: 1 }));
    const read = parseJournal(chunks);
    expect(read.entries).toEqual([]);
    expect(read.problem?.pl).toMatch(/uszkodzona/);
  });

  test("a journal from a newer version is not read and says so", () => {
    const read = parseJournal(['mops-journal:v3:g1:0/1:{"entries":[]}']);
    expect(read.entries).toEqual([]);
    expect(read.problem?.en).toMatch(/newer version/);
  });
});

test("a backed-up -0 comes back as -0 (JSON alone would turn it into 0)", () => {
  const entry = {
    action: "recalculate" as const,
    at: "2026-11-23T12:00:00Z",
    cells: [{ sheet: "S", address: "F5", before: { value: -0, formula: null }, after: { value: 1, formula: null } }],
    addedSheets: [],
    sheets: [],
  };
  const chunks = serialiseJournal(appendJournal(noJournal(), entry));
  expect(Object.is(parseJournal(chunks).entries[0]!.cells[0]!.before.value, -0)).toBe(true);
});
