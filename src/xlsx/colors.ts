/** ExcelJS colours ({argb}, {theme, tint}, {indexed}) to "#RRGGBB" and back. */
import type { Color, Fill } from "exceljs";

/** The default Office theme (2013+), in Excel's theme index order: lt1, dk1, lt2, dk2, accent1..6. */
const THEME = ["FFFFFF", "000000", "E7E6E6", "44546A", "4472C4", "ED7D31", "A5A5A5", "FFC000", "5B9BD5", "70AD47"];

/** The start of the legacy indexed palette, enough for the colours files actually use. */
const INDEXED = [
  "000000",
  "FFFFFF",
  "FF0000",
  "00FF00",
  "0000FF",
  "FFFF00",
  "FF00FF",
  "00FFFF",
  "000000",
  "FFFFFF",
  "FF0000",
  "00FF00",
  "0000FF",
  "FFFF00",
  "FF00FF",
  "00FFFF",
  "800000",
  "008000",
  "000080",
  "808000",
  "800080",
  "008080",
  "C0C0C0",
  "808080",
  "9999FF",
  "993366",
  "FFFFCC",
  "CCFFFF",
  "660066",
  "FF8080",
  "0066CC",
  "CCCCFF",
  "000080",
  "FF00FF",
  "FFFF00",
  "00FFFF",
  "800080",
  "800000",
  "008080",
  "0000FF",
  "00CCFF",
  "CCFFFF",
  "CCFFCC",
  "FFFF99",
  "99CCFF",
  "FF99CC",
  "CC99FF",
  "FFCC99",
  "3366FF",
  "33CCCC",
  "99CC00",
  "FFCC00",
  "FF9900",
  "FF6600",
  "666699",
  "969696",
  "003366",
  "339966",
  "003300",
  "333300",
  "993300",
  "993366",
  "333399",
  "333333",
];

/** A solid fill's colour as "#RRGGBB", or null for no fill (or a pattern/gradient we do not read as a colour). */
export function fillColor(fill: Fill | undefined): string | null {
  if (!fill || fill.type !== "pattern" || fill.pattern !== "solid") return null;
  return colorHex(fill.fgColor);
}

export function colorHex(color: (Partial<Color> & { indexed?: number; tint?: number }) | undefined): string | null {
  if (!color) return null;
  if (typeof color.argb === "string" && /^[0-9A-Fa-f]{6,8}$/.test(color.argb)) {
    return "#" + color.argb.slice(-6).toUpperCase();
  }
  // Indices from the file: one outside the theme's or the indexed palette has no colour.
  const themed = typeof color.theme === "number" ? THEME[color.theme] : undefined;
  if (themed) return "#" + tint(themed, color.tint ?? 0);
  const indexed = typeof color.indexed === "number" ? INDEXED[color.indexed] : undefined;
  return indexed ? "#" + indexed : null;
}

/** A solid fill of "#RRGGBB". */
export function solidFill(hex: string): Fill {
  return { type: "pattern", pattern: "solid", fgColor: { argb: "FF" + hex.replace("#", "").toUpperCase() } };
}

/** Excel's tint: towards white for a positive tint, towards black for a negative one (on lightness). */
function tint(rgb: string, t: number): string {
  if (t === 0) return rgb;
  const [h, s, l] = rgbToHsl(rgb);
  const l2 = t < 0 ? l * (1 + t) : l * (1 - t) + t;
  return hslToRgb(h, s, l2);
}

function rgbToHsl(rgb: string): [number, number, number] {
  const [r = 0, g = 0, b = 0] = [0, 2, 4].map((i) => parseInt(rgb.slice(i, i + 2), 16) / 255); // three, always
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const l = (max + min) / 2;
  if (max === min) return [0, 0, l];
  const d = max - min;
  const s = l > 0.5 ? d / (2 - max - min) : d / (max + min);
  const h = max === r ? ((g - b) / d + (g < b ? 6 : 0)) / 6 : max === g ? ((b - r) / d + 2) / 6 : ((r - g) / d + 4) / 6;
  return [h, s, l];
}

function hslToRgb(h: number, s: number, l: number): string {
  const hue = (p: number, q: number, t: number): number => {
    const u = t < 0 ? t + 1 : t > 1 ? t - 1 : t;
    if (u < 1 / 6) return p + (q - p) * 6 * u;
    if (u < 1 / 2) return q;
    if (u < 2 / 3) return p + (q - p) * (2 / 3 - u) * 6;
    return p;
  };
  const q = l < 0.5 ? l * (1 + s) : l + s - l * s;
  const p = 2 * l - q;
  const channels = s === 0 ? [l, l, l] : [hue(p, q, h + 1 / 3), hue(p, q, h), hue(p, q, h - 1 / 3)];
  return channels
    .map((c) =>
      Math.round(c * 255)
        .toString(16)
        .padStart(2, "0")
        .toUpperCase(),
    )
    .join("");
}
