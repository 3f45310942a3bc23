import {
  appendJournal,
  JOURNAL_CHUNK_SIZE,
  journalProblem,
  readJournal,
  readJournalChecked,
  writeJournal,
} from "../../src/core/journal";
import type { JournalEntry } from "../../src/core/plan";

const entry = (n: number, name = "Załącznik 5"): JournalEntry => ({
  action: "recalculate",
  at: `2026-11-23T18:0${n}:00Z`,
  cells: [
    { sheet: name, address: "F5", value: "89%", formula: null, numberFormat: "General", fill: null },
    { sheet: name, address: "G5", value: 0.91, formula: "=G6/G7", numberFormat: "0%", fill: "#FFEE00" },
  ],
  addedSheets: n % 2 ? ["Podsumowanie"] : [],
});

describe("journal", () => {
  test("no journal reads as no entries and no problem", () => {
    expect(readJournalChecked([])).toEqual({ entries: [] });
  });

  test("entries append in order and read back", () => {
    const chunks = appendJournal(appendJournal([], entry(1)), entry(2));
    expect(readJournal(chunks)).toEqual([entry(1), entry(2)]);
    expect(journalProblem(chunks)).toBeNull();
  });

  test.each(["", "a"])(
    "a big journal is split under the cell limit, never inside a surrogate pair, and reads back (pad %j)",
    (pad) => {
      // a value of emoji only: surrogate pairs everywhere, so chunk boundaries land inside one for either padding
      const big: JournalEntry = { ...entry(1), cells: [{ ...entry(1).cells[0], value: pad + "😀".repeat(40_000) }] };
      const chunks = writeJournal([big]);
      expect(chunks.length).toBeGreaterThan(2);
      for (const c of chunks) {
        expect(c.length).toBeLessThanOrEqual(32_767);
        expect(/^[a-z]/.test(c)).toBe(true);
        // a lone surrogate does not survive UTF-8 (it becomes U+FFFD), so this fails on a split pair
        expect(Buffer.from(c, "utf8").toString("utf8")).toBe(c);
      }
      expect(readJournal(chunks)).toEqual([big]);
    },
  );

  test("chunks hold at most JOURNAL_CHUNK_SIZE characters of JSON", () => {
    const big: JournalEntry = { ...entry(1), cells: [{ ...entry(1).cells[0], value: "z".repeat(100_000) }] };
    const pieces = writeJournal([big]).map((c) => c.replace(/^mops-journal:v1:\d+\/\d+:/, ""));
    expect(pieces.slice(0, -1).every((p) => p.length === JOURNAL_CHUNK_SIZE)).toBe(true);
    expect(pieces.join("")).toBe(JSON.stringify({ entries: [big] }));
  });

  test("an empty entry list is stored as no chunks", () => {
    expect(writeJournal([])).toEqual([]);
  });

  test.each([
    ["a chunk lost", (c: string[]) => c.slice(1)],
    ["chunks reordered", (c: string[]) => [...c].reverse()],
    ["a chunk edited by hand", (c: string[]) => [c[0].slice(0, -5), ...c.slice(1)]],
    ["foreign text", () => ["hello"]],
    ["valid JSON of the wrong shape", () => ['mops-journal:v1:0/1:{"entries":[{"action":"paint"}]}']],
  ])("%s reads as [] with a message", (_label, damage) => {
    const big = { ...entry(1), cells: Array.from({ length: 900 }, () => entry(1).cells[0]) };
    const chunks = damage(writeJournal([big, entry(2)]));
    const read = readJournalChecked(chunks);
    expect(read.entries).toEqual([]);
    expect(read.problem?.pl).toMatch(/uszkodzona/);
  });

  test("a journal from a newer version is not read and says so", () => {
    const read = readJournalChecked(['mops-journal:v2:0/1:{"entries":[]}']);
    expect(read.entries).toEqual([]);
    expect(read.problem?.en).toMatch(/newer version/);
  });
});

test("a backed-up -0 comes back as -0 (JSON alone would turn it into 0)", () => {
  const entry = { action: "color" as const, at: "2026-11-23T12:00:00Z", cells: [{ sheet: "S", address: "F5", value: -0, formula: null, numberFormat: "General", fill: null }], addedSheets: [] };
  expect(Object.is(readJournal(appendJournal([], entry))[0].cells[0].value, -0)).toBe(true);
});
