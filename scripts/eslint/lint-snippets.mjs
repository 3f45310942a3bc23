/**
 * Lints source snippets as if they lived at given paths, with the project's eslint.config.mjs.
 * stdin: [{ "code": "...", "path": "src/core/x.ts" }, ...]; stdout: [[{ ruleId, message }, ...], ...].
 * Jest cannot load the ESM config in-process (no --experimental-vm-modules), so test/build runs this in a child.
 */
import { ESLint } from "eslint";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const eslint = new ESLint({ cwd: root });
const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const snippets = JSON.parse(Buffer.concat(chunks).toString("utf8"));
const results = [];
for (const { code, path: file } of snippets) {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  results.push(result.messages.map(({ ruleId, message }) => ({ ruleId, message })));
}
process.stdout.write(JSON.stringify(results));
