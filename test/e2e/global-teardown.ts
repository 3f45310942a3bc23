import { stopLibreOffice } from "../helpers/libreoffice";

/** Stop the server, and the run's LibreOffice if a suite started it. */
export default async function globalTeardown(): Promise<void> {
  await (globalThis as { e2eSite?: { close(): Promise<void> } }).e2eSite?.close();
  await stopLibreOffice();
}
