/**
 * npm run serve:dist [folder]: serves a production build (or an unpacked package) with the plain static server on
 * http://127.0.0.1:8080, to look at the pages and their headers. Office itself needs the HTTPS host.
 */
import { resolve } from "path";
import { serveStatic } from "./lib/static-server";

const dir = resolve(process.argv[2] ?? "dist");
const port = Number(process.env.PORT ?? 8080);
serveStatic(dir, port).then(
  (server) => console.log(`Serving ${dir} at ${server.url}taskpane.html (Ctrl+C to stop)`),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
