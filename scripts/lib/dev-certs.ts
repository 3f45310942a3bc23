/**
 * HTTPS for the dev server, on any machine. Office only loads add-ins over HTTPS, and the usual route
 * (office-addin-dev-certs' getHttpsServerOptions) installs a CA into the system store, which needs sudo on Linux.
 * So: the trusted Office developer certificate on Windows/macOS; else a CA and localhost certificate generated
 * offline into .certs/; else webpack-dev-server's own self-signed certificate.
 */
import { existsSync, readFileSync, statSync } from "fs";
import { join } from "path";
import { generateCertificates, getHttpsServerOptions } from "office-addin-dev-certs";

export const CERT_DIR = join(__dirname, "..", "..", ".certs");
export const CA_PATH = join(CERT_DIR, "ca.crt");
const CERT_PATH = join(CERT_DIR, "localhost.crt");
const KEY_PATH = join(CERT_DIR, "localhost.key");
const VALID_DAYS = 30;
/** Regenerate a few days before expiry rather than serve a certificate that lapses mid-session. */
const RENEW_AFTER_MS = (VALID_DAYS - 3) * 24 * 3600 * 1000;

export interface HttpsOptions {
  ca?: Buffer;
  cert: Buffer;
  key: Buffer;
}

export interface HttpsChoice {
  /** webpack-dev-server's `server` option. */
  server: "https" | { type: "https"; options: HttpsOptions };
  /** One line for the console: which certificate is in use and what the user may have to do. */
  note: string;
}

function fresh(path: string): boolean {
  return existsSync(path) && Date.now() - statSync(path).mtimeMs < RENEW_AFTER_MS;
}

/** The .certs/ pair, generated when missing or old; no system store, no sudo, no network. */
export async function localCertificates(): Promise<HttpsOptions> {
  if (![CA_PATH, CERT_PATH, KEY_PATH].every(fresh)) {
    await generateCertificates(CA_PATH, CERT_PATH, KEY_PATH, VALID_DAYS, ["localhost", "127.0.0.1"]);
  }
  return { ca: readFileSync(CA_PATH), cert: readFileSync(CERT_PATH), key: readFileSync(KEY_PATH) };
}

const message = (error: unknown): string => (error instanceof Error ? error.message.split("\n")[0]! : String(error));

export async function devServerHttps(platform: NodeJS.Platform = process.platform): Promise<HttpsChoice> {
  const reasons: string[] = [];
  // Only where desktop Excel runs: elsewhere it would ask for a sudo password in the middle of the build.
  if (platform === "win32" || platform === "darwin") {
    try {
      const options = (await getHttpsServerOptions(VALID_DAYS)) as HttpsOptions;
      return {
        server: { type: "https", options },
        note: "HTTPS: Office developer certificate (trusted by this system)",
      };
    } catch (error) {
      reasons.push(`Office developer certificate not installed (${message(error)})`);
    }
  }
  try {
    const options = await localCertificates();
    return {
      server: { type: "https", options },
      note: `HTTPS: .certs/localhost.crt, signed by .certs/ca.crt; a browser trusts it once ca.crt is imported as an authority (README, Troubleshooting)`,
    };
  } catch (error) {
    reasons.push(`could not generate .certs/ (${message(error)})`);
  }
  return { server: "https", note: `HTTPS: webpack-dev-server's self-signed certificate (${reasons.join("; ")})` };
}
