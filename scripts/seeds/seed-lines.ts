/**
 * Cells taken from a seed text by line numbers, so that every character (no-break spaces included) is the seed's
 * own: the lines first..last (1-based, inclusive), each trimmed, empty ones dropped, joined by line breaks.
 */
export type LineRange = [first: number, last: number];

export function seedCell(lines: string[], [first, last]: LineRange): string {
  return lines
    .slice(first - 1, last)
    .map((line) => line.trim())
    .filter((line) => line !== "")
    .join("\n");
}

export function seedLinesOf(text: string): string[] {
  return text.replace(/\r\n?/g, "\n").split("\n");
}
