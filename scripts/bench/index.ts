/**
 * npm run bench: the engine's time per action against the time to read the same workbook, the Office round trips
 * and calls per action, the task pane's script size and the time until the pane is ready. A readable table,
 * then, as the last line, one JSON object to compare run to run. See docs/performance.md.
 */
import { cpus, loadavg } from "os";
import { taskpaneBytes } from "./bundle";
import { ACTIONS, engineTimes, type Action } from "./engine";
import { officeCounts, type OfficeCounts } from "./office";
import { paneReadyTime } from "./pane";
import { readTime, xlsxBytes } from "./read";
import { ms, table } from "./table";
import { generated, seedAnnex, type BenchWorkbook } from "./workbooks";

/** Generated sheet sizes and how many timed runs each gets (fewer where one run takes seconds). */
const ENGINE_SIZES: [number, number][] = [
  [1_000, 5],
  [10_000, 3],
  [100_000, 1],
];
const SEED_RUNS = 7;
const OFFICE_SIZES = [100, 1_000, 10_000];
const PANE_RUNS = 3;
const BUNDLE_GOAL = 250 * 1024;
const RATIO_GOAL = 0.1;

type PerAction = Record<Action, number>;

/** "1k", "10k": readable, and kept in insertion order as JSON keys (numeric keys would be sorted first). */
function sizeLabel(rows: number): string {
  return rows >= 1000 ? `${rows / 1000}k` : String(rows);
}

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

async function engineAndRead(): Promise<{
  engine: Record<string, PerAction>;
  read: Record<string, number>;
  rows: Record<string, number>;
}> {
  const engine: Record<string, PerAction> = {};
  const read: Record<string, number> = {};
  const rows: Record<string, number> = {};
  const measure = async (wb: BenchWorkbook, runs: number): Promise<void> => {
    log(`engine and read: ${wb.label} (${wb.rows} rows, ${runs} runs)`);
    const label = wb.label === "seed" ? "seed" : sizeLabel(wb.rows);
    rows[label] = wb.rows;
    engine[label] = engineTimes(wb.snapshot, runs);
    read[label] = await readTime(await xlsxBytes(wb.snapshot.sheets), runs);
  };
  await measure(await seedAnnex(), SEED_RUNS);
  for (const [size, runs] of ENGINE_SIZES) await measure(generated(size), runs);
  return { engine, read, rows };
}

async function main(): Promise<void> {
  const { engine, read, rows } = await engineAndRead();
  const ratio: Record<string, PerAction> = {};
  for (const label of Object.keys(engine)) {
    ratio[label] = Object.fromEntries(
      ACTIONS.map((a) => [a, Math.round((engine[label]![a] / read[label]!) * 1000) / 1000]),
    ) as PerAction;
  }

  const office: Record<string, Record<Action, OfficeCounts>> = {};
  for (const size of OFFICE_SIZES) {
    log(`Office calls: ${size} rows`);
    office[sizeLabel(size)] = await officeCounts(size);
  }

  const bundle = taskpaneBytes();
  log("pane ready: building the preview site and opening it in Chromium");
  // No browser or no development build should not cost the other figures: say why and report null.
  const paneReady = await paneReadyTime(PANE_RUNS).catch((error: unknown) => {
    log(`pane ready not measured: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
    return null;
  });

  const labels = Object.keys(engine);
  console.log(
    `\nMachine: ${cpus().length} CPUs, load average ${loadavg()[0]!.toFixed(1)} (times are wall clock: a busy machine inflates them)`,
  );
  console.log(
    "\nEngine: median ms per action (analyze + plan), file read (ExcelJS load + snapshot), ratio engine/read",
  );
  console.log(
    table(
      ["sheet", "rows", ...ACTIONS, "read", "worst ratio"],
      labels.map((l) => {
        const worst = Math.max(...ACTIONS.map((a) => ratio[l]![a]!));
        return [
          l,
          rows[l]!,
          ...ACTIONS.map((a) => ms(engine[l]![a]!)),
          ms(read[l]!),
          `${worst.toFixed(3)}${worst <= RATIO_GOAL ? "" : " (goal ≤ 0.1)"}`,
        ];
      }),
    ),
  );
  console.log(
    "\nOffice: syncs / all calls / fill calls (distinct colours) per action through ExcelHost on the recording fake",
  );
  console.log(
    table(
      ["rows", ...ACTIONS],
      Object.keys(office).map((n) => [
        n,
        ...ACTIONS.map((a) => {
          const c = office[n]![a];
          return `${c.syncs} / ${c.calls} / ${c.fillCalls} (${c.colours})`;
        }),
      ]),
    ),
  );
  console.log("\nOffice: largest request or response per action in bytes (refused over 5 MB, then split)");
  console.log(
    table(
      ["rows", ...ACTIONS],
      Object.keys(office).map((n) => [
        n,
        ...ACTIONS.map((a) => {
          const c = office[n]![a];
          return `${c.largestBytes}${c.refused > 0 ? ` (${c.refused} refused)` : ""}`;
        }),
      ]),
    ),
  );
  console.log(
    "\nOffice: colouring's live rules: conditional formats, characters of their formulas, largest request sent",
  );
  console.log(
    table(
      ["rows", "rules", "formula chars", "largest request sent (bytes)", "syncs"],
      Object.keys(office).map((n) => {
        const c = office[n]!.color;
        return [n, c.rules, c.ruleChars, c.largestSentBytes, c.syncs];
      }),
    ),
  );
  console.log(
    `\nTask-pane script: ${bundle === null ? "no production build in dist/: run npm run build" : `${(bundle / 1024).toFixed(1)} KB minified (goal ≤ 250 KB)${bundle <= BUNDLE_GOAL ? "" : " OVER"}`}`,
  );
  console.log(
    `Preview page to pane ready (headless Chromium, development build, median of ${PANE_RUNS}): ${paneReady === null ? "not measured (see above)" : `${ms(paneReady)} ms`}\n`,
  );

  const perSize = (pick: (c: OfficeCounts) => number) =>
    Object.fromEntries(
      Object.keys(office).map((n) => [n, Object.fromEntries(ACTIONS.map((a) => [a, pick(office[n]![a])]))]),
    );
  const round = (o: Record<string, PerAction>) =>
    Object.fromEntries(Object.entries(o).map(([k, v]) => [k, Object.fromEntries(ACTIONS.map((a) => [a, ms(v[a])]))]));
  console.log(
    JSON.stringify({
      engine_ms: round(engine),
      read_ms: Object.fromEntries(Object.entries(read).map(([k, v]) => [k, ms(v)])),
      ratio,
      syncs: perSize((c) => c.syncs),
      fill_calls: perSize((c) => c.fillCalls),
      largest_request_bytes: perSize((c) => c.largestBytes),
      largest_sent_bytes: perSize((c) => c.largestSentBytes),
      color_rules: Object.fromEntries(
        Object.keys(office).map((n) => [n, { rules: office[n]!.color.rules, chars: office[n]!.color.ruleChars }]),
      ),
      bundle_bytes: bundle,
      pane_ready_ms: paneReady === null ? null : ms(paneReady),
    }),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
