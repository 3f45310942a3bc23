/** Which browser the browser checks use (scripts/lib/browser.ts), and when a missing one fails the run. */
import { DEBIAN_CHROMIUM, findBrowser, type Machine } from "../../scripts/lib/browser";
import { inCi } from "../helpers/needs";

const CHROME_WIN = "C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe";
const EDGE_MAC = "/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge";

function machine(over: Partial<Machine> & { files?: string[]; channels?: Record<string, string> }): Machine {
  const files = new Set(over.files ?? []);
  return {
    env: over.env ?? {},
    platform: over.platform ?? "linux",
    exists: (path) => files.has(path),
    channelPath: (channel) => over.channels?.[channel],
  };
}

describe("findBrowser", () => {
  it("takes CHROMIUM_PATH when set, and only it: a wrong path is reported, not replaced by another browser", () => {
    expect(
      findBrowser(
        machine({ env: { CHROMIUM_PATH: "/opt/chromium/chrome" }, files: ["/opt/chromium/chrome", DEBIAN_CHROMIUM] }),
      ),
    ).toEqual({
      found: true,
      name: "/opt/chromium/chrome",
      launch: { executablePath: "/opt/chromium/chrome" },
    });
    const wrong = findBrowser(machine({ env: { CHROMIUM_PATH: "/nonexistent" }, files: [DEBIAN_CHROMIUM] }));
    expect(wrong).toEqual({
      found: false,
      why: expect.stringMatching(/^CHROMIUM_PATH=\/nonexistent does not exist: .*apt-get install -y chromium/),
    });
  });

  it("else Debian's chromium", () => {
    expect(findBrowser(machine({ files: [DEBIAN_CHROMIUM] }))).toMatchObject({
      found: true,
      launch: { executablePath: DEBIAN_CHROMIUM },
    });
  });

  it("else, on Windows and macOS, Chrome, then Edge, through playwright-core's channels", () => {
    expect(findBrowser(machine({ platform: "win32", channels: { chrome: CHROME_WIN } }))).toEqual({
      found: true,
      name: `chrome (${CHROME_WIN})`,
      launch: { channel: "chrome" },
    });
    expect(findBrowser(machine({ platform: "darwin", channels: { msedge: EDGE_MAC } }))).toMatchObject({
      found: true,
      launch: { channel: "msedge" },
    });
    expect(findBrowser(machine({ platform: "darwin", channels: {} }))).toEqual({
      found: false,
      why: expect.stringMatching(/neither Chrome nor Edge is installed.*CHROMIUM_PATH/),
    });
  });

  it("on Linux without Chromium, names the install command", () => {
    expect(findBrowser(machine({ channels: { chrome: "/opt/google/chrome/chrome" } }))).toEqual({
      found: false,
      why: expect.stringContaining("apt-get install -y chromium"),
    });
  });

  it("finds channels with playwright-core's own lookup, which this version still has where we look", () => {
    const { registry } = require("playwright-core/lib/coreBundle"); // eslint-disable-line @typescript-eslint/no-require-imports
    for (const channel of ["chrome", "msedge"])
      expect(typeof registry.registry.findExecutable(channel).executablePath).toBe("function");
  });
});

describe("inCi", () => {
  it.each([
    [{ CI: "true" }, true],
    [{ CI: "1" }, true],
    [{ CI: "false" }, false],
    [{ CI: "0" }, false],
    [{ CI: "" }, false],
    [{}, false],
  ])("%j gives %s", (env, expected) => {
    expect(inCi(env)).toBe(expected);
  });
});
