/** What npm start and npm stop share: the port the manifest names, and where the running server leaves its pid. */
import { createServer } from "net";
import { join } from "path";

export const DEV_PORT = 3000;
export const ROOT = join(__dirname, "..", "..");
export const PID_FILE = join(ROOT, "build", "dev-server.pid");

/** True when nothing listens on the port, on any interface (webpack-dev-server binds "localhost", v4 or v6). */
export function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, () => probe.close(() => resolve(true)));
  });
}

export function portInUseMessage(port: number): string {
  return [
    `Port ${port} is already in use, and the add-in must be served there (manifest.xml points at https://localhost:${port}/).`,
    "  Another `npm start` may still be running: stop it with `npm stop`, or Ctrl+C in its terminal.",
    `  To see what holds the port: \`lsof -i :${port}\` or \`ss -ltnp 'sport = :${port}'\` (Linux, macOS), \`netstat -ano | findstr :${port}\` (Windows).`,
  ].join("\n");
}

/** Office (desktop and web) on these platforms; Linux has only Excel on the web. */
export const hasDesktopExcel = (platform: NodeJS.Platform = process.platform): boolean =>
  platform === "win32" || platform === "darwin";

export function webSideloadInstructions(manifestPath: string, port: number = DEV_PORT): string {
  return [
    `The add-in is served at https://localhost:${port}/taskpane.html.`,
    "There is no desktop Excel here: sideload it into Excel on the web.",
    `  1. Let the browser trust the dev certificate: import ${join(ROOT, ".certs", "ca.crt")} as a certificate authority`,
    `     (Chrome/Edge: Settings > Privacy and security > Security > Manage certificates > Authorities > Import;`,
    `      Firefox: Settings > Privacy & Security > Certificates > View Certificates > Authorities > Import),`,
    `     or open https://localhost:${port}/taskpane.html once and accept the warning.`,
    "  2. Open a workbook in Excel on the web (https://www.office.com, OneDrive or SharePoint).",
    "  3. Home > Add-ins > More Add-ins (Office Add-ins) > My Add-ins > Upload My Add-in.",
    `  4. Choose ${manifestPath} and click Upload.`,
    '  5. The Home tab now has a "MOPS" group: "Otwórz panel" opens the pane, "Sprawdź arkusz" checks the sheet.',
    `Without Excel at all, the preview runs the same pane on the sample workbooks: https://localhost:${port}/preview.html`,
    "Stop with Ctrl+C here, or `npm stop` in another terminal.",
  ].join("\n");
}
