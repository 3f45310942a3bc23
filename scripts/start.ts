/**
 * npm start: serve the add-in over HTTPS on port 3000 and sideload it. Where desktop Excel exists (Windows, macOS)
 * office-addin-debugging starts the dev server and opens Excel with the add-in; on Linux the dev server runs here
 * and the console says how to sideload manifest.xml into Excel on the web.
 */
import { spawn } from "child_process";
import { mkdirSync, rmSync, writeFileSync } from "fs";
import { get } from "https";
import { dirname, join } from "path";
import {
  DEV_PORT,
  PID_FILE,
  ROOT,
  hasDesktopExcel,
  portInUseMessage,
  portIsFree,
  webSideloadInstructions,
} from "./lib/dev-server";
import { runNodeCli } from "./lib/run";

const MANIFEST = join(ROOT, "manifest.xml");
const PAGE = `https://localhost:${DEV_PORT}/taskpane.html`;

/** Resolves with the status once the page answers; the certificate may be self-signed, so it is not checked here. */
function status(url: string): Promise<number | undefined> {
  return new Promise((resolve) => {
    const request = get(url, { rejectUnauthorized: false, timeout: 2000 }, (response) => {
      response.resume();
      resolve(response.statusCode);
    });
    request.on("error", () => resolve(undefined));
    request.on("timeout", () => request.destroy());
  });
}

async function serveHere(): Promise<number> {
  const server = spawn(
    process.execPath,
    [require.resolve("webpack-cli/bin/cli.js"), "serve", "--mode", "development"],
    {
      cwd: ROOT,
      stdio: "inherit",
    },
  );
  mkdirSync(dirname(PID_FILE), { recursive: true });
  writeFileSync(PID_FILE, String(process.pid));
  const stop = (): void => {
    server.kill("SIGTERM");
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  const exited = new Promise<number>((resolve) => server.on("exit", (code) => resolve(code ?? 0)));

  // Wait for the first compile, then say what to do; give up quietly if the server died meanwhile.
  let running = true;
  void exited.then(() => (running = false));
  while (running) {
    if ((await status(PAGE)) === 200) {
      console.log(`\n${webSideloadInstructions(MANIFEST)}\n`);
      break;
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  const code = await exited;
  rmSync(PID_FILE, { force: true });
  return code;
}

async function main(): Promise<number> {
  if (!(await portIsFree(DEV_PORT))) {
    console.error(portInUseMessage(DEV_PORT));
    return 1;
  }
  if (hasDesktopExcel()) {
    return runNodeCli("office-addin-debugging/cli.js", [
      "start",
      MANIFEST,
      "desktop",
      "--app",
      "excel",
      "--dev-server",
      "npm run dev-server",
      "--dev-server-port",
      String(DEV_PORT),
    ]);
  }
  return serveHere();
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
