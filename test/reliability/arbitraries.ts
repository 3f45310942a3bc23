/**
 * Random cells and sheets for the property tests: what MOPS staff may really point the add-in at (half-finished
 * annexes, pasted text, markup, Excel errors, extreme numbers, merged areas), mixed with the recogniser's own words
 * so that random grids reach past "no table here" into tables, ratios, statuses, findings and plans.
 */
import fc from "fast-check";
import { rangeA1 } from "../../src/core/address";
import { formatValue } from "../../src/core/format";
import { emptySheet, type RawValue, type SheetSnapshot } from "../../src/core/snapshot";

/** Header, trend and section words of the annex and declaration layouts, as staff type them. */
export const VOCABULARY = [
  "Lp.",
  "Lp",
  "wskaźnik",
  "Nazwa wskaźnika",
  "wartość bazowa",
  "Wartość bazowa",
  "zakładana wartość docelowa",
  "wartość docelowa",
  "Wartość znakomita",
  "trend",
  "Stan wskaźnika",
  "Tak, aby:",
  "Waga",
  "Przedział",
  "Min max",
  "rok 2021",
  "rok 2022",
  "2023",
  "Wartość za 2023",
  "rok 2024 wartość wskaźnika",
  "wartość wskaźnika",
  "wzrost",
  "spadek",
  "utrzymanie",
  "utrzymanie wartości bazowej",
  "b.d.",
  "brak danych",
  "x",
  "nie dotyczy",
  "Dziedzina - Aktywna polityka senioralna",
  "<b>Dziedzina - Rodzina</b>",
  "Kierunek działań 1. Wsparcie",
  "Dzielnica XII",
  "wskaźnik W19_W",
  "W14_ W",
  "miernik M13_M",
  "liczba rodzin",
  "1",
  "2.",
  "10",
  "wskaźnik jak najwyższy",
  "żeby spadał",
];

/** Numbers typed as Polish text, and text that almost reads as a number. */
export const POLISH_NUMBERS = [
  "5 120",
  "5\u00a0120",
  "9,54%",
  "-0,92",
  "−3",
  "1,3",
  "89%",
  "0,4 %",
  "2,10 %",
  "778.703,58zł",
  "26 asystentów",
  "1.234.567",
  "2.5",
  "1 234,5",
  "100%",
  "0",
  "-0",
  "+7",
  "12 34",
  "1,2,3",
  "5.531 porad",
  "3 58 120",
  "1e5",
  "MOPS KIS 17%\nGUP 4%",
  "2 226\n2 300",
  "9".repeat(400),
  "0,".padEnd(330, "0") + "1",
];

export const MARKUP = [
  "<img src=x onerror=alert(1)>",
  "<script>alert(1)</script>",
  '"><svg onload=alert(1)>',
  "javascript:alert(1)",
  '=HYPERLINK("http://example.com")',
  "<b>pogrubione</b>",
  "&lt;b&gt;",
  "{{constructor.constructor('x')()}}",
  "__proto__",
  "constructor",
  "toString",
];

export const ERRORS = ["#DIV/0!", "#N/A", "#REF!", "#VALUE!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!"];

/** Scripts and symbols that break naive string handling: emoji with joiners, right-to-left text, control characters. */
export const ODD_TEXT = [
  "👨‍👩‍👧‍👦 rodziny",
  "🇵🇱",
  "مؤشر الأسر",
  "שלום 5 120",
  "\u202eright-to-left override",
  "a\u0000b",
  "\t\r\n",
  "\ufeff",
  "ąćęłńóśźż ĄĆĘŁŃÓŚŹŻ",
  "\u00a0\u2007\u202f",
];

export const EXTREME_NUMBERS = [
  0,
  -0,
  1e308,
  -1e308,
  Number.MAX_VALUE,
  Number.MIN_VALUE,
  5e-324,
  1e-300,
  2 ** 53,
  -(2 ** 53),
  1e15 + 0.3,
  0.1 + 0.2,
];

export const FORMATS = [
  "General",
  "0",
  "0.0",
  "0.00",
  "0%",
  "0.0%",
  "0.00%",
  "#,##0",
  "# ##0",
  "#,##0.00",
  "@",
  '#,##0.00 "zł"',
  "0.00E+00",
  "yyyy-mm-dd",
  '0.00;-0.00;"-"',
  "#,##0;[Red]-#,##0",
  "[$-415]0.00",
  "\\",
  '"',
  ";;;",
];

const FORMULAS = ["=F6/F7", "=ROUND(C6/C7,2)", "=#REF!/2", "=1/0", "=SUM(A:A)", "=A1", "='Arkusz 2'!B5*1000", "=NA()"];

/** Unicode's code points less the surrogates (U+D800-U+DFFF): the first below them, the rest above. */
const BELOW_SURROGATES = 0xd800;
const SURROGATES = 0x800;

/**
 * One code point, exactly as fast-check's `unit: "binary"` draws it (the same index, the same character), but taken
 * back by arithmetic: fast-check's own reverse lookup is a map of all 1 112 064 code points, built on import in every
 * test file (2.4 s each) while it splits its list of dangerous strings into characters.
 */
const codePoint: fc.Arbitrary<string> = fc.nat({ max: 0x10ffff - SURROGATES }).map(
  (i) => String.fromCodePoint(i < BELOW_SURROGATES ? i : i + SURROGATES),
  (value) => {
    const cp = typeof value === "string" ? value.codePointAt(0) : undefined;
    if (cp === undefined || String.fromCodePoint(cp) !== value || (cp >= BELOW_SURROGATES && cp < 0xe000))
      throw new Error("not one code point");
    return cp < BELOW_SURROGATES ? cp : cp - SURROGATES;
  },
);

/** Any text a cell may hold. */
export const cellText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...VOCABULARY) },
  { weight: 3, arbitrary: fc.constantFrom(...POLISH_NUMBERS) },
  { weight: 1, arbitrary: fc.constantFrom(...MARKUP) },
  { weight: 1, arbitrary: fc.constantFrom(...ERRORS) },
  { weight: 1, arbitrary: fc.constantFrom(...ODD_TEXT) },
  { weight: 2, arbitrary: fc.string({ maxLength: 30, unit: "grapheme" }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12, unit: codePoint }) },
);

export const anyNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(...EXTREME_NUMBERS),
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.double({ min: -1, max: 1, noNaN: true }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

export interface RandomCell {
  value: RawValue;
  text: string;
  numberFormat: string;
  formula: string | null;
  bold: boolean;
  fill: string | null;
}

/** One cell as an adapter reads it: a number's text is what its format displays, a string shows itself. */
export const cell: fc.Arbitrary<RandomCell> = fc
  .record({
    value: fc.oneof(
      { weight: 4, arbitrary: cellText },
      { weight: 3, arbitrary: anyNumber },
      { weight: 1, arbitrary: fc.boolean() },
      { weight: 2, arbitrary: fc.constant(null) },
    ),
    numberFormat: fc.constantFrom(...FORMATS),
    formula: fc.option(fc.constantFrom(...FORMULAS), { freq: 6 }),
    bold: fc.boolean(),
    fill: fc.option(fc.constantFrom("#1A9850", "#D73027", "#FFFFBF", "#ffaabb", "#FFFFFF"), { freq: 4 }),
    /** Excel sometimes shows something else than the value: "####" in a narrow column. */
    shownOtherwise: fc.option(fc.constantFrom("####", "", "1E+308"), { freq: 10 }),
  })
  .map(({ value, numberFormat, formula, bold, fill, shownOtherwise }) => ({
    value,
    text: shownOtherwise ?? formatValue(value, numberFormat),
    numberFormat,
    formula,
    bold,
    fill,
  }));

export function putCell(sheet: SheetSnapshot, r: number, c: number, x: RandomCell): void {
  sheet.values[r]![c] = x.value;
  sheet.text[r]![c] = x.text;
  sheet.numberFormat[r]![c] = x.numberFormat;
  sheet.formulas[r]![c] = x.formula;
  sheet.bold[r]![c] = x.bold;
  sheet.fill[r]![c] = x.fill;
}

interface Rect {
  r: number;
  c: number;
  h: number;
  w: number;
}

/** Up to three merged areas (maybe overlapping) from cells of a grid of the given size, in grid coordinates. */
function mergeRects(rows: number, cols: number): fc.Arbitrary<Rect[]> {
  if (rows === 0 || cols === 0) return fc.constant([]);
  const rect = fc
    .record({
      r: fc.nat(rows - 1),
      c: fc.nat(cols - 1),
      h: fc.integer({ min: 1, max: 3 }),
      w: fc.integer({ min: 1, max: 4 }),
    })
    .filter(({ h, w }) => h * w > 1);
  return fc.array(rect, { maxLength: 3 });
}

/**
 * Merge the areas (cut to the sheet) and blank the cells they hide, as Excel reports them (only the top-left cell holds
 * anything). Overlapping areas are left as drawn: the engine must survive them too.
 */
function merge(sheet: SheetSnapshot, rects: Rect[]): void {
  const blank = { ...textCell(""), value: null };
  const [rows, cols] = [sheet.values.length, sheet.values[0]?.length ?? 0];
  rects = rects
    .map(({ r, c, h, w }) => ({ r, c, h: Math.min(h, rows - r), w: Math.min(w, cols - c) }))
    .filter(({ h, w }) => h > 0 && w > 0 && h * w > 1);
  sheet.merges = rects.map(({ r, c, h, w }) =>
    rangeA1({ row: sheet.top + r, col: sheet.left + c }, { row: sheet.top + r + h - 1, col: sheet.left + c + w - 1 }),
  );
  for (const { r, c, h, w } of rects)
    for (let i = r; i < r + h; i++) for (let j = c; j < c + w; j++) if (i !== r || j !== c) putCell(sheet, i, j, blank);
}

const HEADER_WORDS = [
  "Lp.",
  "wskaźnik",
  "trend",
  "wartość docelowa",
  "rok 2021",
  "rok 2022",
  "2023",
  "Tak, aby:",
  "Waga",
];

const textCell = (text: string): RandomCell => ({
  value: text,
  text,
  numberFormat: "General",
  formula: null,
  bold: false,
  fill: null,
});

/** A random sheet: any size from empty, anywhere on the sheet (up to far from A1), with merges, maybe protected. */
export const randomSheet = (name = "Arkusz1"): fc.Arbitrary<SheetSnapshot> =>
  fc
    .record({
      rows: fc.integer({ min: 0, max: 14 }),
      cols: fc.integer({ min: 0, max: 10 }),
      top: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 1_048_000 })),
      left: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 16_384 - 10 })),
      protected: fc.boolean(),
    })
    .chain(({ rows, cols, top, left, protected: isProtected }) =>
      fc
        .record({
          cells: fc.array(fc.array(cell, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows }),
          merges: mergeRects(rows, cols),
          header: fc.option(fc.shuffledSubarray(HEADER_WORDS, { minLength: 2 }), { freq: 2 }),
        })
        .map(({ cells, merges, header }) => {
          const sheet = emptySheet(name, rows, cols, top, left);
          cells.forEach((row, r) => row.forEach((x, c) => putCell(sheet, r, c, x)));
          // Half the sheets get a header row (baseline first), so that random rows below it are read as indicators.
          if (header && rows > 0)
            ["wartość bazowa", ...header].slice(0, cols).forEach((word, c) => putCell(sheet, 0, c, textCell(word)));
          merge(sheet, merges);
          sheet.protected = isProtected;
          return sheet;
        }),
    );

/**
 * A real annex sheet, cut and damaged: a window of its rows under its first header, a few cells overwritten with
 * random ones, maybe merges, maybe protected, maybe moved far from A1. Most of these still hold tables, so every
 * stage of the engine runs on them.
 */
export function damagedSheet(source: SheetSnapshot): fc.Arbitrary<SheetSnapshot> {
  const height = source.values.length;
  const width = source.values[0]?.length ?? 0;
  return fc
    .record({
      start: fc.nat(Math.max(0, height - 20)),
      length: fc.integer({ min: 8, max: 40 }),
      damage: fc.array(fc.record({ r: fc.nat(43), c: fc.nat(width), x: cell }), { maxLength: 12 }),
      merges: mergeRects(8, width),
      protected: fc.boolean(),
      moveDown: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 100_000 })),
      moveRight: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 200 })),
    })
    .map(({ start, length, damage, merges, protected: isProtected, moveDown, moveRight }) => {
      // the header rows stay (the first four), then the window
      const keep = [
        ...Array(Math.min(4, height)).keys(),
        ...Array.from({ length }, (_, i) => start + i).filter((r) => r >= 4 && r < height),
      ];
      const sheet = emptySheet(source.name, keep.length, width + 1, source.top + moveDown, source.left + moveRight);
      keep.forEach((from, r) => {
        for (let c = 0; c < width; c++) {
          putCell(sheet, r, c, {
            value: source.values[from]![c]!,
            text: source.text[from]![c]!,
            numberFormat: source.numberFormat[from]![c]!,
            formula: source.formulas[from]![c]!,
            bold: source.bold[from]![c]!,
            fill: source.fill[from]![c]!,
          });
        }
      });
      for (const { r, c, x } of damage) if (r < keep.length) putCell(sheet, r, c, x);
      merge(sheet, merges);
      sheet.protected = isProtected;
      return sheet;
    });
}
