/**
 * The manifest for production: the same file as the development manifest.xml, with the dev server's address
 * replaced by the hosting address and <Version> taken from package.json, so the two can never drift apart.
 */
export const DEV_URL = "https://localhost:3000/";

/** Office wants up to four numeric parts ("1.2.3.0"); npm versions have three and maybe a pre-release tag. */
export function manifestVersion(packageVersion: string): string {
  const match = /^(\d{1,5})\.(\d{1,5})\.(\d{1,5})(?:[-+].*)?$/.exec(packageVersion);
  if (!match) {
    throw new Error(`package.json version "${packageVersion}" is not MAJOR.MINOR.PATCH; Office needs numbers only`);
  }
  return `${match[1]}.${match[2]}.${match[3]}.0`;
}

/** A hosting address is an https URL of a folder (it ends in "/") on a host other than this machine. */
export function checkProductionUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`production address "${url}" is not a URL`);
  }
  if (parsed.protocol !== "https:") throw new Error(`production address "${url}" must use https (Office requires it)`);
  if (["localhost", "127.0.0.1", "[::1]"].includes(parsed.hostname)) {
    throw new Error(`production address "${url}" points at this machine; set MOPS_ADDIN_URL or config/production.json`);
  }
  if (parsed.search || parsed.hash) throw new Error(`production address "${url}" must not have a query or a fragment`);
  return parsed.href.endsWith("/") ? parsed.href : `${parsed.href}/`;
}

/** The environment variable wins over the config file, so IT can build for a test host without editing files. */
export function productionUrl(env: Record<string, string | undefined>, configJson: string | undefined): string {
  const fromEnv = env.MOPS_ADDIN_URL?.trim();
  if (fromEnv) return checkProductionUrl(fromEnv);
  if (configJson === undefined)
    throw new Error("no production address: set MOPS_ADDIN_URL or create config/production.json");
  const config = JSON.parse(configJson) as { url?: unknown };
  if (typeof config.url !== "string") throw new Error('config/production.json needs {"url": "https://..."}');
  return checkProductionUrl(config.url);
}

export function productionManifest(devManifest: string, options: { url: string; version: string }): string {
  const url = checkProductionUrl(options.url);
  if (!/<Version>[^<]*<\/Version>/.test(devManifest)) throw new Error("manifest has no <Version> element");
  const rewritten = devManifest
    .split(DEV_URL)
    .join(url)
    .replace(/<Version>[^<]*<\/Version>/, `<Version>${manifestVersion(options.version)}</Version>`);
  // Anything still on localhost was written another way (http://, port 3001...) and would break for every user.
  const leftover = /https?:\/\/(localhost|127\.0\.0\.1)[^"<\s]*/.exec(rewritten);
  if (leftover) throw new Error(`manifest still points at this machine after the rewrite: ${leftover[0]}`);
  return rewritten;
}
