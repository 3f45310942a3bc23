/** Build the site once and serve it for every suite; the address goes to the suites through the environment. */
import { buildSite } from "./site";
import { serveStatic } from "../../scripts/lib/static-server";

export default async function globalSetup(): Promise<void> {
  const site = await serveStatic(buildSite());
  process.env.E2E_BASE_URL = site.url;
  (globalThis as { e2eSite?: { close(): Promise<void> } }).e2eSite = site;
}
