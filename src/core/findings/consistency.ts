/**
 * The same quantity reported twice must agree. Rows are the same quantity when they carry the same name (an
 * indicator's or a component's, its STRADOM code left out) and agree in at least one column: the city's
 * population under several indicators, or "Liczba osób w rodzinach objętych pomocą MOPS", an indicator in
 * domain 1 and in domain 3 of the 2023 annex and a component of W1_W. Two rows that share a name but agree
 * nowhere ("liczba miejsc w mieszkaniach chronionych" for seniors and for people with disabilities) are
 * different things that happen to be named alike, and are left alone.
 *
 * Where the copies disagree, the value most of them give is taken as right and the others are reported; with
 * no majority, every copy is.
 */
import type { Finding } from "../model";
import { numberInRow, sameNumber } from "../status";
import { columnLabel, finding, relativeGap, rowLabel, type RowRef } from "./rows";

/** A name as a key: lower case, one space, no STRADOM code and no final full stop. */
export function nameKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/[\s,–-]*(wskaźnik|miernik)\s+[a-z]\d+\s*_\s*[a-z]\b[\s\S]*$/u, "")
    .replace(/\(system stradom umk\)/gu, "")
    .replace(/\s+/gu, " ")
    .replace(/[\s.,;:]+$/u, "")
    .trim();
}

interface Reading {
  ref: RowRef;
  values: Map<string, { value: number; address: string; row: number; text: string }>;
}

function readingOf(ref: RowRef): Reading {
  const values: Reading["values"] = new Map();
  const cells = [["baseline", ref.row.baseline] as const, ...Object.entries(ref.row.values)];
  for (const [column, cell] of cells) {
    const value = numberInRow(cell, ref.row);
    if (cell && value !== null)
      values.set(column, { value, address: cell.address, row: cell.row, text: cell.parsed.text });
  }
  return { ref, values };
}

/** Other copies a message names before it just counts the rest. */
const MAX_LISTED = 3;

function agreeSomewhere(a: Reading, b: Reading): boolean {
  for (const [column, x] of a.values) {
    const y = b.values.get(column);
    if (y && sameNumber(x.value, y.value)) return true;
  }
  return false;
}

/** Readings linked by agreeing somewhere, transitively: each cluster is one quantity. */
function clusters(readings: Reading[]): Reading[][] {
  const out: Reading[][] = [];
  let left = [...readings];
  while (left.length > 0) {
    const cluster = [left.shift() as Reading];
    // `for…of` visits the readings pushed during the loop too: the cluster grows until nothing more agrees.
    for (const member of cluster) {
      const joining = left.filter((r) => agreeSomewhere(member, r)).reverse();
      left = left.filter((r) => !joining.includes(r));
      cluster.push(...joining);
    }
    if (cluster.length > 1) out.push(cluster);
  }
  return out;
}

export function consistencyFindings(refs: RowRef[]): Finding[] {
  const byName = new Map<string, RowRef[]>();
  for (const ref of refs) {
    if (ref.kind === "sub_row") continue;
    const key = nameKey(ref.row.name);
    if (key === "") continue;
    const group = byName.get(key);
    if (group) group.push(ref);
    else byName.set(key, [ref]);
  }
  const out: Finding[] = [];
  // most names are met once: only rows sharing a name are read
  for (const group of byName.values()) {
    if (group.length < 2) continue;
    for (const cluster of clusters(group.map(readingOf))) for (const f of clusterFindings(cluster)) out.push(f);
  }
  return out;
}

function clusterFindings(cluster: Reading[]): Finding[] {
  const out: Finding[] = [];
  const columns = new Set(cluster.flatMap((r) => [...r.values.keys()]));
  for (const column of columns) {
    const present = cluster.filter((r) => r.values.has(column));
    const value = (r: Reading): number => r.values.get(column)!.value;
    // Compared by distinct number, not copy by copy: a big workbook repeats a quantity hundreds of times,
    // nearly always with one or two numbers, and comparing every copy with every other is quadratic.
    const numbers = new Map<number, number>();
    for (const r of present) numbers.set(value(r), (numbers.get(value(r)) ?? 0) + 1);
    const agreeing = new Map<number, number>();
    for (const v of numbers.keys())
      agreeing.set(
        v,
        [...numbers].reduce((n, [u, k]) => (sameNumber(u, v) ? n + k : n), 0),
      );
    const othersOf = new Map<number, Reading[]>();
    const disagreeing = (v: number): Reading[] => {
      if (!othersOf.has(v))
        othersOf.set(
          v,
          present.filter((o) => !sameNumber(value(o), v)),
        );
      return othersOf.get(v)!;
    };
    const counts = present.map((r) => agreeing.get(value(r))!);
    const top = Math.max(...counts);
    if (top === present.length) continue;
    const leader = present.find((r) => agreeing.get(value(r)) === top);
    const majority = leader && counts.filter((c) => c === top).length === top ? value(leader) : null;
    for (const r of present) {
      if (majority !== null && sameNumber(value(r), majority)) continue;
      const others = disagreeing(value(r));
      const cell = r.values.get(column)!;
      const code =
        r.ref.kind === "indicator" && others.some((o) => o.ref.kind === "indicator")
          ? "duplicate_indicator"
          : "component_conflict";
      const what = rowLabel(r.ref);
      const col = columnLabel(column);
      const list = (lang: "pl" | "en"): string => {
        const named = others.slice(0, MAX_LISTED).map((o) => {
          const c = o.values.get(column)!;
          return lang === "pl"
            ? `${c.text} w wierszu ${c.row + 1} (${rowLabel(o.ref).pl})`
            : `${c.text} in row ${c.row + 1} (${rowLabel(o.ref).en})`;
        });
        const rest = others.length - named.length;
        if (rest > 0) named.push(lang === "pl" ? `${rest} innych` : `${rest} more`);
        return named.join(lang === "pl" ? " oraz " : " and ");
      };
      const gap = Math.max(...others.map((o) => relativeGap(value(r), value(o))));
      out.push({
        ...finding(code, "error", r.ref, cell, column, {
          pl: `${what.pl}, ${col.pl}: ${cell.text} tutaj, a ${list("pl")}. To ta sama wielkość (ta sama nazwa, zgodne wartości w innych kolumnach), więc liczby powinny być równe.`,
          en: `${what.en}, ${col.en}: ${cell.text} here, but ${list("en")}. It is the same quantity (same name, agreeing values in other columns), so the numbers should be equal.`,
        }),
        size: gap,
      });
    }
  }
  return out;
}
