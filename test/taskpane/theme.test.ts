/** @jest-environment ./test/helpers/worker-libraries/jsdom.js */
import { followTheme, isDark } from "../../src/taskpane/theme";

test("Office's body background decides the theme", () => {
  followTheme("#1F1F1F");
  expect(document.documentElement.dataset.theme).toBe("dark");
  followTheme("#FFFFFF");
  expect(document.documentElement.dataset.theme).toBe("light");
});

test("without Office's word, the system's preference decides", () => {
  const listeners: (() => void)[] = [];
  let dark = true;
  window.matchMedia = ((query: string) => ({
    get matches() {
      return dark && query.includes("dark");
    },
    addEventListener: (_: string, f: () => void) => listeners.push(f),
  })) as unknown as typeof window.matchMedia;
  followTheme(undefined);
  expect(document.documentElement.dataset.theme).toBe("dark");
  dark = false;
  listeners.forEach((f) => f());
  expect(document.documentElement.dataset.theme).toBe("light");
});

test("isDark by relative luminance", () => {
  expect(isDark("#292929")).toBe(true);
  expect(isDark("#E6E6E6")).toBe(false);
  expect(isDark("not a colour")).toBeNull();
});
