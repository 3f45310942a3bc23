/**
 * Text colour for a cell fill taken from the workbook: black or white, whichever contrasts more (WCAG relative
 * luminance). One of the two always reaches 4.5:1, so a user's own fills never make the grid unreadable.
 */
const BLACK = "#000000";
const WHITE = "#FFFFFF";

function luminance(hex: string): number {
  const channel = (i: number): number => {
    const v = parseInt(hex.slice(i, i + 2), 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

export function contrastRatio(a: string, b: string): number {
  const [hi = 0, lo = 0] = [luminance(a), luminance(b)].sort((x, y) => y - x); // two, always
  return (hi + 0.05) / (lo + 0.05);
}

export function readableTextColor(fill: string): string {
  return contrastRatio(fill, BLACK) >= contrastRatio(fill, WHITE) ? BLACK : WHITE;
}
