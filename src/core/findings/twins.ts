/**
 * One quantity in two rows under different names (rows under the same name are consistency.ts's).
 *
 * same_quantity_two_names (warning): two rows of one direction whose names are related (one contains the other, or
 * they share more than half of their content words) and whose figures agree in most columns but not all. In the 2023
 * annex the indicator "Liczba miejsc w mieszkaniach chronionych wspieranych dla osób w podeszłym wieku" (17 | 23,
 * 24, 24) and the next indicator's component "liczba miejsc w mieszkaniach chronionych" (17 | 24, 24, 24) are the
 * same places, and 2021 reads 23 in one and 24 in the other. Reported once per differing column, at the upper row's
 * cell, naming the other.
 *
 * identical_figures (info): two rows with unrelated names and the same figures in every column both fill, at least
 * two distinct non-zero numbers among them: "Liczba osób w rodzinach uchodźców objętych pomocą MOPS" and "Liczba
 * uchodźców objętych pomocą w formie świadczeń" both read 0, –, 49 132, 6 994. Either one row was copied from the
 * other, or they are one quantity under two names.
 *
 * Not compared: the components of one indicator with each other (a numerator and its denominator are different
 * quantities, and a share of 100 % has them equal), sub-rows (districts), a percentage with a count. Agreeing zeros
 * do not count as agreement: "none" agrees with everything that has not started.
 */
import type { Message } from "../message";
import type { Finding, IndicatorTable } from "../model";
import { sameNumber } from "../status";
import { nameKey } from "./consistency";
import { columnLabel, finding, nameCell, rowLabel, type RowRef } from "./rows";
import { type Figure, inPercent, reportedFigures } from "./series";

/**
 * Words that say nothing about what a row counts: nearly every annex name has them. Words of one or two letters
 * (w, z, i, na, do, ...) are dropped anyway.
 */
const GENERIC = new Set([
  "liczba",
  "liczby",
  "osób",
  "osoby",
  "objętych",
  "objęte",
  "pomocą",
  "korzystających",
  "roku",
  "danym",
  "gminie",
  "gminy",
  "miejskiej",
  "krakowa",
  "krakowie",
  "kraków",
  "dla",
  "oraz",
  "lub",
  "przez",
  "tym",
  "którym",
  "które",
  "który",
  "których",
  "się",
  "ich",
  "jest",
]);

/** Stem length: Polish inflects word endings ("usług", "usługami"; "indywidualne", "indywidualnych"). */
const STEM = 5;

/**
 * A value shared by more rows than this in one column says nothing about which rows are one quantity; in the seeds no
 * non-zero value is shared by more than 5 (a baseline of 17). It also keeps a huge sheet of repeated rows linear.
 */
const MAX_BUCKET = 16;

interface Row {
  ref: RowRef;
  index: number;
  figures: Map<string, Figure>;
}

/** A row's name as compared: made only for rows that share figures with another, a few in a big sheet. */
interface Name {
  key: string;
  stems: Set<string>;
}

export function contentStems(key: string): Set<string> {
  const words = key.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 3 && !GENERIC.has(w));
  return new Set(words.map((w) => w.slice(0, STEM)));
}

/** One name contains the other word for word, or they share more than half of the shorter one's content words. */
export function relatedNames(a: Name, b: Name): boolean {
  const contains = (x: Name, y: Name): boolean => y.stems.size >= 2 && ` ${x.key} `.includes(` ${y.key} `);
  if (contains(a, b) || contains(b, a)) return true;
  const [shorter, longer] = a.stems.size <= b.stems.size ? [a, b] : [b, a];
  if (shorter.stems.size === 0) return false;
  const shared = [...shorter.stems].filter((s) => longer.stems.has(s)).length;
  return shared * 2 > shorter.stems.size;
}

function rowOf(ref: RowRef, index: number): Row {
  const figures = new Map<string, Figure>();
  for (const f of reportedFigures(ref)) if (f && f.value !== 0) figures.set(f.column, f);
  return { ref, index, figures };
}

/** Pairs of rows of one table that share at least two non-zero figures in the same columns. */
function candidatePairs(rows: Row[]): [Row, Row][] {
  const buckets = new Map<IndicatorTable, Map<string, Map<number, Row[]>>>();
  for (const r of rows) {
    let byColumn = buckets.get(r.ref.table);
    if (!byColumn) buckets.set(r.ref.table, (byColumn = new Map()));
    for (const f of r.figures.values()) {
      let byValue = byColumn.get(f.column);
      if (!byValue) byColumn.set(f.column, (byValue = new Map()));
      const bucket = byValue.get(f.value);
      if (bucket) bucket.push(r);
      else byValue.set(f.value, [r]);
    }
  }
  const shared = new Map<number, { pair: [Row, Row]; n: number }>();
  for (const byColumn of buckets.values()) {
    for (const byValue of byColumn.values()) {
      for (const bucket of byValue.values()) {
        if (bucket.length < 2 || bucket.length > MAX_BUCKET) continue;
        for (const [i, a] of bucket.entries()) {
          for (const b of bucket.slice(i + 1)) {
            const k = a.index * rows.length + b.index;
            const entry = shared.get(k);
            if (entry) entry.n++;
            else shared.set(k, { pair: [a, b], n: 1 });
          }
        }
      }
    }
  }
  return [...shared.values()].filter((e) => e.n >= 2).map((e) => e.pair);
}

interface Comparison {
  agree: { column: string; a: Figure; b: Figure }[];
  differ: { column: string; a: Figure; b: Figure }[];
}

function compare(a: Row, b: Row): Comparison {
  const out: Comparison = { agree: [], differ: [] };
  const columns = new Set([...a.figures.keys(), ...b.figures.keys()]);
  for (const column of columns) {
    const fa = a.figures.get(column) ?? numberOnly(a.ref, column);
    const fb = b.figures.get(column) ?? numberOnly(b.ref, column);
    // Both must hold a number; a zero facing a number is a difference, two zeros say nothing.
    if (!fa || !fb || (fa.value === 0 && fb.value === 0)) continue;
    (sameNumber(fa.value, fb.value) ? out.agree : out.differ).push({ column, a: fa, b: fb });
  }
  return out;
}

/** A zero the candidate search left out. */
function numberOnly(ref: RowRef, column: string): Figure | null {
  return reportedFigures(ref).find((f) => f?.column === column) ?? null;
}

export function twinFindings(refs: RowRef[]): Finding[] {
  const rows = refs.filter((r) => r.kind !== "sub_row").map(rowOf);
  const names = new Map<Row, Name>();
  const nameOf = (r: Row): Name => {
    let n = names.get(r);
    if (!n) {
      const key = nameKey(r.ref.row.name);
      names.set(r, (n = { key, stems: contentStems(key) }));
    }
    return n;
  };
  const out: Finding[] = [];
  for (const [x, y] of candidatePairs(rows)) {
    const [a, b] = x.ref.row.row <= y.ref.row.row ? [x, y] : [y, x];
    if (a.ref.indicator === b.ref.indicator || inPercent(a.ref) !== inPercent(b.ref)) continue;
    const [na, nb] = [nameOf(a), nameOf(b)];
    if (na.key === nb.key) continue;
    const { agree, differ } = compare(a, b);
    const related = relatedNames(na, nb);
    const sameDirection =
      a.ref.indicator.domain === b.ref.indicator.domain && a.ref.indicator.direction === b.ref.indicator.direction;
    if (related && sameDirection && differ.length > 0 && agree.length >= 2 && agree.length > differ.length) {
      for (const d of differ)
        out.push(finding("same_quantity_two_names", "warning", a.ref, d.a.cell, d.column, twoNames(a, b, agree, d)));
    } else if (!related && differ.length === 0 && new Set(agree.map((g) => g.a.value)).size >= 2) {
      out.push(finding("identical_figures", "info", b.ref, nameCell(b.ref), null, identical(a, b, agree)));
    }
  }
  return out;
}

const listed = (figures: Comparison["agree"], lang: "pl" | "en"): string =>
  figures.map((g) => `${columnLabel(g.column)[lang]}: ${g.a.cell.parsed.text}`).join(", ");

function twoNames(a: Row, b: Row, agree: Comparison["agree"], d: Comparison["differ"][number]): Message {
  const [wa, wb] = [rowLabel(a.ref), rowLabel(b.ref)];
  const col = columnLabel(d.column);
  const n = agree.length + 1;
  return {
    pl: `${wa.pl} i ${wb.pl} w wierszu ${b.ref.row.row + 1} to chyba ta sama wielkość pod dwiema nazwami: zgadzają się w ${agree.length} z ${n} kolumn (${listed(agree, "pl")}), a w kolumnie „${col.pl}” jest ${d.a.cell.parsed.text} tutaj i ${d.b.cell.parsed.text} w ${d.b.cell.address}. Jedna z tych liczb jest chyba błędna.`,
    en: `${wa.en} and ${wb.en} in row ${b.ref.row.row + 1} look like one quantity under two names: they agree in ${agree.length} of ${n} columns (${listed(agree, "en")}), but ${col.en} reads ${d.a.cell.parsed.text} here and ${d.b.cell.parsed.text} in ${d.b.cell.address}. One of the two is probably wrong.`,
  };
}

function identical(a: Row, b: Row, agree: Comparison["agree"]): Message {
  const [wa, wb] = [rowLabel(a.ref), rowLabel(b.ref)];
  return {
    pl: `${wb.pl} ma te same liczby co ${wa.pl} w wierszu ${a.ref.row.row + 1} (${listed(agree, "pl")}), choć nazwy mówią o czym innym. Jeśli to różne wielkości, jeden wiersz skopiowano chyba z drugiego; jeśli ta sama, warto ujednolicić nazwy.`,
    en: `${wb.en} has the same figures as ${wa.en} in row ${a.ref.row.row + 1} (${listed(agree, "en")}), although the names say different things. If they are different quantities, one row was probably copied from the other; if the same, the names should agree.`,
  };
}
