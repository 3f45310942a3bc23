import { analyzeWorkbook } from "../../src/core/analyze";
import { planSummary } from "../../src/core/plans/summary";
import { recognizeSheet } from "../../src/core/recognize";
import type { Indicator } from "../../src/core/model";
import { annex2023Typed, typedSheet } from "../helpers/typed-sheet";
import { noJournal } from "../../src/core/journal";

describe("the 2023 annex as typed (seed 000)", () => {
  const rec = recognizeSheet(annex2023Typed());
  const table = rec.tables[0];
  const byRow = (row: number): Indicator => {
    const found = table!.indicators.find((i) => i.row === row - 1);
    if (!found) throw new Error(`no indicator on row ${row}`);
    return found;
  };
  const cells = (ind: { values: Indicator["values"] }) =>
    Object.fromEntries(Object.entries(ind.values).map(([y, c]) => [y, c ? `${c.address}=${c.parsed.text}` : null]));

  test("one table, years 2021-2023, every numbered row of the seed is an indicator", () => {
    expect(rec.message).toBeUndefined();
    expect(rec.tables).toHaveLength(1);
    expect(table!.years).toEqual([2021, 2022, 2023]);
    // the seed has 99 lines that start with a number (Lp.): 21 + 6 + 6 + 11 in domain 1, 4 + 5 + 4 in domain 2,
    // 14 + 5 + 4 + 9 in domain 3, 7 + 3 in domain 4
    expect(table!.indicators).toHaveLength(99);
    const perDomain = new Map<string, number>();
    for (const i of table!.indicators) perDomain.set(i.domain ?? "", (perDomain.get(i.domain ?? "") ?? 0) + 1);
    expect([...perDomain]).toEqual([
      ["Aktywna polityka na rzecz rodzin", 44],
      ["Aktywna polityka senioralna", 13],
      ["Aktywna integracja osób i rodzin zagrożonych wykluczeniem", 32],
      ["Aktywne włączenie osób z niepełnosprawnościami", 10],
    ]);
  });

  test("domain 1: a ratio indicator with code, baseline, trend, values and both components", () => {
    const w19 = byRow(5);
    expect(w19).toMatchObject({
      number: "1",
      code: "W19_W",
      trend: "maintain",
      domain: "Aktywna polityka na rzecz rodzin",
    });
    expect(w19.direction).toMatch(/^Kierunek działań 1\. Zapewnienie warunków/);
    expect(w19.baseline?.parsed).toMatchObject({ kind: "percent", value: 0.8 });
    expect(w19.target?.parsed.kind).toBe("missing");
    expect(cells(w19)).toEqual({ 2021: "F5=89%", 2022: "G5=91%", 2023: "H5=62%" });
    expect(w19.components.map((c) => [c.row + 1, c.baseline?.parsed.value, c.values[2023]?.parsed.value])).toEqual([
      [6, 5120, 6138],
      [7, 6569, 9837],
    ]);
  });

  test("domain 1: the block shifted one column right still reads (row 48, W39_W, and its shifted components)", () => {
    const w39 = byRow(48);
    expect(w39).toMatchObject({ number: "17", code: "W39_W", trend: "decrease" });
    expect(w39.baseline?.address).toBe("D48");
    expect(w39.target?.parsed).toMatchObject({ kind: "percent", value: 0.05 });
    expect(cells(w39)).toEqual({ 2021: "G48=5,70%", 2022: "H48=5,29%", 2023: "I48=5,85%" });
    expect(w39.components.map((c) => [c.nameAddress, c.baseline?.address, c.values[2021]?.parsed.value])).toEqual([
      ["C49", "D49", 34],
      ["C50", "D50", 6],
    ]);
    expect(byRow(41)).toMatchObject({ code: "W6_W", trend: "increase" });
    expect(byRow(41).values[2021]?.parsed.value).toBe(-0.92);
  });

  test("district sub-rows stay with their indicator and inherit its trend", () => {
    const places = byRow(18);
    expect(places.components).toHaveLength(0);
    expect(places.subRows.map((s) => s.name)).toEqual(
      Array.from(
        { length: 18 },
        (_, i) =>
          `Dzielnica ${["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII", "XVIII"][i]}`,
      ),
    );
    expect(places.subRows[11]).toMatchObject({ trend: "increase" });
    expect(places.subRows[11]!.values[2021]?.parsed.value).toBeCloseTo(0.0495, 10);
  });

  test("benefit-type sub-rows keep their own trends, also the one after a blank row in another column", () => {
    const waiting = byRow(63);
    expect(waiting.trend).toBe("unknown");
    expect(waiting.subRows.map((s) => [s.name, s.trend, s.baseline?.address, s.values[2023]?.parsed.value])).toEqual([
      ["świadczenia rodzinne", "maintain", "D64", 24],
      ["świadczenia z pomocy społecznej", "maintain", "D65", 9],
      ["stypendia, zasiłki szkolne", "maintain", "D66", 21],
      ["świadczenia z funduszu alimentacyjnego", "maintain", "C68", 25],
    ]);
  });

  test("domain 2: a header naming only 2021 and 2022 still gets its 2023 column", () => {
    const w10 = byRow(105);
    expect(w10).toMatchObject({ code: "W10_W", trend: "increase", domain: "Aktywna polityka senioralna" });
    expect(cells(w10)).toEqual({ 2021: "F105=7,1", 2022: "G105=6,8", 2023: "H105=6,9" });
    expect(w10.components.map((c) => c.values[2022]?.parsed.value)).toEqual([682458, 1922]);
    const share = byRow(113);
    expect(share.components.map((c) => c.baseline?.parsed.kind)).toEqual(["missing", "missing"]);
  });

  test("domain 3: a header two columns right of its data, and rows drifting back and forth", () => {
    expect(byRow(128).baseline?.address).toBe("C128");
    expect(cells(byRow(128))).toEqual({ 2021: "F128=562", 2022: "G128=467", 2023: "H128=403" });
    const w11 = byRow(137);
    expect(w11).toMatchObject({ code: "W11_W", trend: "maintain" });
    expect(w11.baseline?.address).toBe("D137");
    const w14 = byRow(159);
    expect(
      w14.components.map((c) => [c.baseline?.parsed.value, c.values[2021]?.parsed.kind, c.values[2022]?.parsed.value]),
    ).toEqual([
      [462, "missing", 601],
      [2610, "missing", 2326],
    ]);
    expect(byRow(141).code).toBe("M13_M");
    expect(byRow(158).code).toBe("W9_G");
    // numbering in direction 4 goes 1, 2, 3, 5, 6, 7, 8, 6, 7: all nine are read
    expect(
      table!.indicators.filter((i) => i.direction?.startsWith("Kierunek działań 4. Ograniczenie")).map((i) => i.number),
    ).toEqual(["1", "2", "3", "5", "6", "7", "8", "6", "7"]);
  });

  test("domain 4: a title without 'Dziedzina', a lost percent sign and a two-value cell", () => {
    const w4 = byRow(185);
    expect(w4).toMatchObject({ code: "W4_W", domain: "Aktywne włączenie osób z niepełnosprawnościami" });
    expect(w4.values[2021]?.parsed).toMatchObject({ kind: "number", value: 4.5 });
    const counselling = byRow(196);
    expect(counselling.values[2021]?.parsed.kind).toBe("multiple");
    expect(counselling.values[2021]?.parsed.parts?.map((p) => p.label)).toEqual(["MOPS KIS", "GUP"]);
  });
});

describe("what is not an indicator table", () => {
  test("a plain data table gives no table and says why", () => {
    const rec = recognizeSheet(
      typedSheet("Dane", [
        ["Dzielnica", "Liczba mieszkańców"],
        ["I", "56 000"],
        ["II", "30 000"],
      ]),
    );
    expect(rec.tables).toEqual([]);
    expect(rec.message?.pl).toMatch(/Nie znaleziono tabeli wskaźników/);
  });
  test("the county layout (Wskaźniki / Stan wskaźnika) is declined with a message naming what it saw", () => {
    const rec = recognizeSheet(
      typedSheet("PCPR", [
        ["", "Kierunki działań", "Wskaźniki", "Stan wskaźnika (wzrost - spadek) 2023", "Stan realizacji"],
        ["", "1. Promocja", "Liczba kampanii", "spadek\n10", "Wskaźnik zrealizowany"],
      ]),
    );
    expect(rec.tables).toEqual([]);
    expect(rec.message?.en).toMatch(/not an indicator table/);
  });
  test("an empty sheet", () => {
    expect(recognizeSheet(typedSheet("Pusty", [])).tables).toEqual([]);
  });
});

describe("analyzeWorkbook", () => {
  test("a summary sheet the add-in added is not read as an annex", () => {
    const annex = annex2023Typed();
    const wb = { sheetNames: [annex.name], sheets: [annex], journal: noJournal() };
    const summary = planSummary(wb, analyzeWorkbook(wb), { sheet: annex.name, now: "2026-11-23T12:00:00Z" });
    const added = summary.addSheets[0];
    const summarySheet = typedSheet(added!.name, [
      ["Wskaźnik", "wartość bazowa", "trend", "rok 2023"],
      ["1", "Liczba", "5", "wzrost", "6"],
    ]);
    const after = analyzeWorkbook({
      sheetNames: [annex.name, added!.name],
      sheets: [annex, summarySheet],
      journal: summary.journal,
    });
    expect(after.sheets[1]).toMatchObject({ sheet: added!.name, tables: [] });
    expect(after.sheets[1]!.message?.pl).toMatch(/dodał dodatek/);
    expect(after.findings.filter((f) => f.sheet === added!.name)).toEqual([]);
    // without the journal the same sheet would be read as a table
    expect(
      analyzeWorkbook({ sheetNames: [added!.name], sheets: [summarySheet], journal: noJournal() }).sheets[0]!.tables,
    ).toHaveLength(1);
  });
});

describe("two tables side by side", () => {
  test("each header gets its own columns, and each table its own values", () => {
    const seed = annex2023Typed();
    const rows = seed.text.slice(0, 30);
    // the first 30 rows of the annex, and beside them (from column M) the same rows with every 2021 value doubled
    const beside = rows.map((r, i) => [
      ...r.slice(0, 12),
      ...Array(12 - Math.min(12, r.length)).fill(""),
      ...r.map((t, j) => (i >= 4 && j === 5 && /^\d+$/.test(t) ? String(Number(t) * 2) : t)),
    ]);
    const rec = recognizeSheet(typedSheet("Obok", beside));
    expect(rec.tables.map((t) => [t.range, t.indicators.length])).toEqual([
      ["A3:H30", 8],
      ["M3:T30", 8],
    ]);
    const third = (col: number) => rec.tables[col]!.indicators.find((i) => i.number === "3");
    expect(third(0)?.values[2021]?.parsed.value).toBe(132);
    expect(third(1)?.values[2021]?.parsed.value).toBe(264);
    expect(third(1)?.values[2021]?.address).toBe("R11");
  });
});
