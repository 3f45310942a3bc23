/** A plain text table: a header row, then rows, every column padded to its widest cell. */
export function table(header: string[], rows: (string | number)[][]): string {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, j) => Math.max(...cells.map((r) => (r[j] ?? "").length)));
  const line = (r: string[]): string =>
    r.map((c, j) => (j === 0 ? c.padEnd(widths[j]!) : c.padStart(widths[j]!))).join("  ");
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...cells.slice(1).map(line)].join("\n");
}

/** Milliseconds to one decimal below 10, whole above: enough to compare, no false precision. */
export function ms(x: number): number {
  return x < 10 ? Math.round(x * 10) / 10 : Math.round(x);
}
