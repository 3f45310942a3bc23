/**
 * npm test: the type check (one incremental `tsc -b` over the pure core, the app and the CLI configs; the CLI's
 * also emits build/cli, as `npm run build` does) and jest with the arguments given (`npm test -- --json
 * --outputFile=x`, `npm test -- test/core`), side by side: on two CPUs the run is bound by CPU time, and jest's
 * first and last files would otherwise leave a CPU idle while the check ends and while the slowest file ends. Jest's
 * output is shown live, the check's when it ends; each stage says how long it took, and a failed stage fails the
 * run. Lint and the format check are `npm run lint` (CI runs it too): they test no behaviour, and on a fresh clone
 * they cost about 33 s of CPU, a fifth of the run. tsc's cache lives in build/ (git-ignored), so a second run checks
 * only what changed.
 */
import { spawn } from "child_process";
import { readFileSync } from "fs";
import { dirname, join } from "path";

interface Stage {
  name: string;
  /** The package and its command (package.json "bin"), run with this Node: no shell, so Windows too. */
  pkg: string;
  bin: string;
  args: string[];
  /** Options for that Node (jest's workers inherit them). */
  node?: string[];
}

// TypeScript 7 (native) checks in about a fifth of 5.9's CPU time; 5.9 stays for what needs its JavaScript API
// (ts-loader, typescript-eslint, scripts/lib/api-sets.ts) and for `npm run build`. On one thread: jest keeps every
// CPU busy, and from a clean build/ the check took 4.6 s of CPU on one thread against 5.8 s on several.
const TYPE_CHECK: Stage = {
  name: "type check",
  pkg: "typescript-7",
  bin: "tsc",
  args: ["-b", "tsconfig.core.json", "tsconfig.json", "tsconfig.cli.json", "--singleThreaded"],
};
// Jest runs one worker per CPU, so V8's background threads (concurrent garbage collection and compilation) in each
// worker can only take CPU from the other workers: single-threaded V8 did the same run with 5-9 % less CPU
// time and wall time on two CPUs.
const JEST: Stage = {
  name: "jest",
  pkg: "jest",
  bin: "jest",
  args: process.argv.slice(2),
  node: ["--single-threaded"],
};

const seconds = (since: number): string => `${((performance.now() - since) / 1000).toFixed(1)} s`;
const timings: string[] = [];

/** Where a package's command is (some packages export no path to their bin, so it is read from package.json). */
function binPath({ pkg, bin }: Stage): string {
  const manifest = require.resolve(`${pkg}/package.json`);
  const { bin: bins } = JSON.parse(readFileSync(manifest, "utf8")) as { bin: string | Record<string, string> };
  return join(dirname(manifest), (typeof bins === "string" ? bins : bins[bin])!);
}

/** Runs a stage; its output is kept until it ends (the stages run side by side) unless it is shown live. */
function run(stage: Stage, live: boolean): Promise<boolean> {
  console.log(`\n▶ ${stage.name}: ${stage.bin} ${stage.args.join(" ")}`);
  const started = performance.now();
  const child = spawn(process.execPath, [...(stage.node ?? []), binPath(stage), ...stage.args], {
    stdio: live ? "inherit" : "pipe",
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) => {
    child.on("error", (error) => {
      output += `${error.message}\n`;
    });
    child.on("close", (code) => {
      const ok = code === 0;
      if (output.trim()) process.stdout.write(`\n${output.trimEnd()}\n`);
      console.log(`${ok ? "✔" : "✖"} ${stage.name} ${ok ? "passed" : `FAILED (exit ${code})`} in ${seconds(started)}`);
      timings.push(`${stage.name} ${seconds(started)}`);
      resolve(ok);
    });
  });
}

async function main(): Promise<number> {
  const started = performance.now();
  const stages = await Promise.all([run(TYPE_CHECK, false), run(JEST, true)]);
  const ok = stages.every(Boolean);
  console.log(`\nnpm test ${ok ? "passed" : "FAILED"} in ${seconds(started)} (${timings.join(", ")})`);
  return ok ? 0 : 1;
}

main().then((status) => process.exit(status));
