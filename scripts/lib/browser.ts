/**
 * The one place that finds the browser for the browser tests, the bench and the icon renderer: CHROMIUM_PATH when
 * it is set (and then only it), else Debian's /usr/bin/chromium, else, on Windows and macOS, an installed Chrome or
 * Edge as playwright-core's channels find them. Nothing is downloaded: these machines reach only npm and Debian.
 */
import { existsSync } from "fs";
import { chromium, type Browser, type LaunchOptions } from "playwright-core";

export const DEBIAN_CHROMIUM = "/usr/bin/chromium";
export const INSTALL_CHROMIUM = "apt-get install -y chromium";
const CHANNELS = ["chrome", "msedge"] as const;
type Channel = (typeof CHANNELS)[number];

/** Headless, and nothing that reaches out to the network or needs a GPU or a sandbox this machine lacks. */
const FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export type BrowserChoice =
  | { found: true; name: string; launch: Pick<LaunchOptions, "executablePath" | "channel"> }
  | { found: false; why: string };

export interface Machine {
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  exists(path: string): boolean;
  /** Where a channel's browser is installed, if it is. */
  channelPath(channel: Channel): string | undefined;
}

/**
 * playwright-core's own lookup of Chrome's and Edge's install folders (registry.findExecutable), so that the list of
 * places is not copied here. It is internal API: if an upgrade moves it, no channel is found and the message says
 * to set CHROMIUM_PATH (test/build/browser.test.ts notices the move).
 */
export function playwrightChannelPath(channel: Channel): string | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- untyped internal module, loaded only here
    const { registry } = require("playwright-core/lib/coreBundle") as {
      registry: {
        registry: {
          findExecutable(name: string): { executablePath(language: string): string | undefined } | undefined;
        };
      };
    };
    return registry.registry.findExecutable(channel)?.executablePath("javascript") ?? undefined;
  } catch {
    return undefined;
  }
}

const THIS_MACHINE: Machine = {
  env: process.env,
  platform: process.platform,
  exists: existsSync,
  channelPath: playwrightChannelPath,
};

export function findBrowser(machine: Machine = THIS_MACHINE): BrowserChoice {
  const configured = machine.env.CHROMIUM_PATH;
  if (configured) {
    return machine.exists(configured)
      ? { found: true, name: configured, launch: { executablePath: configured } }
      : {
          found: false,
          why: `CHROMIUM_PATH=${configured} does not exist: point it at a Chromium, Chrome or Edge, or unset it to use Debian's (${INSTALL_CHROMIUM})`,
        };
  }
  if (machine.exists(DEBIAN_CHROMIUM))
    return { found: true, name: DEBIAN_CHROMIUM, launch: { executablePath: DEBIAN_CHROMIUM } };
  const desktop = machine.platform === "win32" || machine.platform === "darwin";
  if (desktop) {
    for (const channel of CHANNELS) {
      const path = machine.channelPath(channel);
      if (path) return { found: true, name: `${channel} (${path})`, launch: { channel } };
    }
  }
  return {
    found: false,
    why: desktop
      ? "neither Chrome nor Edge is installed: install one, or set CHROMIUM_PATH to a Chromium, Chrome or Edge"
      : `no Chromium at ${DEBIAN_CHROMIUM}: ${INSTALL_CHROMIUM}, or set CHROMIUM_PATH to a Chromium, Chrome or Edge`,
  };
}

/** The browser, headless; a clear error when there is none. */
export function launchBrowser(choice: BrowserChoice = findBrowser()): Promise<Browser> {
  if (!choice.found) return Promise.reject(new Error(`No browser for the browser checks: ${choice.why}.`));
  return chromium.launch({ ...choice.launch, headless: true, args: FLAGS });
}
