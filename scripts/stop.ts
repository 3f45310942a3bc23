/**
 * npm stop: undo npm start. Where desktop Excel exists, office-addin-debugging removes the sideloaded add-in and
 * stops its dev server; everywhere, a dev server started by npm start (its pid in build/dev-server.pid) is stopped.
 */
import { existsSync, readFileSync, rmSync } from "fs";
import { join } from "path";
import { DEV_PORT, PID_FILE, ROOT, hasDesktopExcel } from "./lib/dev-server";
import { runNodeCli } from "./lib/run";

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function main(): Promise<number> {
  let status = 0;
  if (hasDesktopExcel()) status = runNodeCli("office-addin-debugging/cli.js", ["stop", join(ROOT, "manifest.xml")]);
  const pid = existsSync(PID_FILE) ? Number(readFileSync(PID_FILE, "utf8")) : NaN;
  if (!Number.isInteger(pid) || !alive(pid)) {
    rmSync(PID_FILE, { force: true });
    if (!hasDesktopExcel()) console.log(`No dev server started by npm start is running (port ${DEV_PORT}).`);
    return status;
  }
  process.kill(pid, "SIGTERM");
  for (let waited = 0; alive(pid) && waited < 10_000; waited += 200) await new Promise((r) => setTimeout(r, 200));
  if (alive(pid)) {
    console.error(`The dev server (pid ${pid}) did not stop; end it yourself.`);
    return 1;
  }
  rmSync(PID_FILE, { force: true });
  console.log(`Stopped the dev server (pid ${pid}).`);
  return status;
}

main().then((code) => process.exit(code));
