import {
  differenceCiede2000,
  filterDeficiencyDeuter,
  filterDeficiencyProt,
  filterDeficiencyTrit,
  parse,
  type Color,
} from "culori";
import { STATUS_ORDER, STATUS_STYLES, statusOfFill, statusText } from "../../src/core/palette";
import type { Status } from "../../src/core/model";

/** WCAG 2 relative luminance of "#RRGGBB". */
function channels(hex: string): number[] {
  return [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
}
const luminance = ([r, g, b]: number[]): number => 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;

/** Dichromacy simulation in linear RGB (Machado, Oliveira & Fernandes 2009, severity 1). */
const VISION: Record<string, number[][]> = {
  normal: [
    [1, 0, 0],
    [0, 1, 0],
    [0, 0, 1],
  ],
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};

function lab([r, g, b]: number[]): number[] {
  const f = (t: number): number => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  const x = f((0.4124 * r! + 0.3576 * g! + 0.1805 * b!) / 0.95047);
  const y = f(0.2126 * r! + 0.7152 * g! + 0.0722 * b!);
  const z = f((0.0193 * r! + 0.1192 * g! + 0.9505 * b!) / 1.08883);
  return [116 * y - 16, 500 * (x - y), 200 * (y - z)];
}

function seen(hex: string, m: number[][]): number[] {
  const c = channels(hex);
  return lab(m.map((row) => Math.min(1, Math.max(0, row[0]! * c[0]! + row[1]! * c[1]! + row[2]! * c[2]!))));
}

const statuses = Object.keys(STATUS_STYLES) as Status[];

describe("status palette", () => {
  test.each(statuses)("%s keeps black text at a contrast of at least 4.5:1", (s) => {
    const contrast = (luminance(channels(STATUS_STYLES[s].fill)) + 0.05) / 0.05;
    expect(contrast).toBeGreaterThanOrEqual(4.5);
  });

  test.each(Object.keys(VISION))("every two statuses stay apart (CIE76 ΔE >= 10) with %s vision", (vision) => {
    for (const [i, a] of statuses.entries()) {
      for (const b of statuses.slice(i + 1)) {
        const [p, q] = [seen(STATUS_STYLES[a].fill, VISION[vision]!), seen(STATUS_STYLES[b].fill, VISION[vision]!)];
        const deltaE = Math.hypot(p[0]! - q[0]!, p[1]! - q[1]!, p[2]! - q[2]!);
        expect({ pair: `${a}/${b}`, far: deltaE >= 10 }).toEqual({ pair: `${a}/${b}`, far: true });
      }
    }
  });

  test.each([
    ["normal vision: 14", (c: Color) => c, 14],
    ["deuteranopia: 14", filterDeficiencyDeuter(1), 14],
    ["protanopia: 14", filterDeficiencyProt(1), 14],
    ["tritanopia (rare): 10", filterDeficiencyTrit(1), 10],
  ])(
    "every two statuses differ by at least a CIEDE2000 distance of %s (culori's simulation)",
    (_vision, simulate, least) => {
      const distance = differenceCiede2000();
      const close: string[] = [];
      for (const [i, a] of statuses.entries())
        for (const b of statuses.slice(i + 1)) {
          const d = distance(simulate(parse(STATUS_STYLES[a].fill)!), simulate(parse(STATUS_STYLES[b].fill)!));
          if (d < least) close.push(`${a}/${b} ${d.toFixed(1)}`);
        }
      expect(close).toEqual([]);
    },
  );

  test("symbols tell every status apart without colour", () => {
    expect(new Set(statuses.map((s) => STATUS_STYLES[s].symbol)).size).toBe(statuses.length);
  });

  test("Polish labels are the ones the workbook uses", () => {
    expect(STATUS_ORDER.map((s) => STATUS_STYLES[s].label.pl)).toEqual([
      "cel osiągnięty",
      "poprawa",
      "stabilnie",
      "bez zmian",
      "odchylenie",
      "pogorszenie",
      "brak danych",
      "nieznany trend",
    ]);
    expect([...STATUS_ORDER].sort()).toEqual([...statuses].sort());
  });

  test("a fill of the palette reads back as its status, any other fill as none", () => {
    for (const s of statuses) expect(statusOfFill(STATUS_STYLES[s].fill.toLowerCase())).toBe(s);
    expect(statusOfFill("#FFFF00")).toBeNull();
    // A static colouring of an older version is still known for what it was.
    expect(statusOfFill("#77aadd")).toBe("stable");
    expect(statusOfFill(null)).toBeNull();
  });

  test("status text pairs the symbol with the label", () => {
    expect(statusText("worsened", "pl")).toBe("− pogorszenie");
    expect(statusText("target_met", "en")).toBe("✔ target met");
  });
});
