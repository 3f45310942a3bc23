/** Runs a package's Node CLI with this Node, without a shell, so that the npm scripts work on Windows too. */
import { spawnSync } from "child_process";

export function runNodeCli(script: string, args: string[], env: NodeJS.ProcessEnv = process.env): number {
  const result = spawnSync(process.execPath, [require.resolve(script), ...args], { stdio: "inherit", env });
  if (result.error) throw result.error;
  return result.status ?? 1;
}
