/**
 * Light or dark: Office says which theme it shows (its body background colour); elsewhere, and in Office versions that
 * do not say, the system's preference decides. The choice goes to <html data-theme>, where ui/styles.css reads it.
 */
export function followTheme(officeBackground: string | undefined): void {
  const root = document.documentElement;
  const fromOffice = officeBackground ? isDark(officeBackground) : null;
  if (fromOffice !== null) {
    root.dataset.theme = fromOffice ? "dark" : "light";
    return;
  }
  const query = window.matchMedia?.("(prefers-color-scheme: dark)");
  const apply = (): void => {
    root.dataset.theme = query?.matches ? "dark" : "light";
  };
  apply();
  query?.addEventListener?.("change", apply);
}

/** A background darker than mid-grey (relative luminance below 0.2) is a dark theme; null when it is no #RRGGBB. */
export function isDark(color: string): boolean | null {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color.trim());
  if (!m) return null;
  const channel = (hex: string): number => {
    const c = parseInt(hex, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const [, r = "", g = "", b = ""] = m; // the three groups are required by the pattern
  const luminance = 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  return luminance < 0.2;
}
