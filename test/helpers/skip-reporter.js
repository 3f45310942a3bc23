/**
 * Ends a jest run with a banner listing every check it skipped, and why (a skipped block's title carries the reason
 * and the install command: test/helpers/needs.ts), so that a machine without a browser or LibreOffice never looks
 * green without saying what it did not check. Plain JavaScript: jest loads reporters untransformed.
 */
const { relative } = require("path");

const SKIPPED = new Set(["pending", "skipped", "todo"]);

class SkipReporter {
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir;
    // With -t the rest is skipped on purpose: no banner then.
    this.filtered = Boolean(globalConfig.testNamePattern);
  }

  onRunComplete(_contexts, results) {
    if (this.filtered) return;
    const blocks = new Map();
    for (const file of results.testResults) {
      for (const test of file.testResults) {
        if (!SKIPPED.has(test.status)) continue;
        const block = `${relative(this.rootDir, file.testFilePath)} › ${test.ancestorTitles[0] ?? test.title}`;
        blocks.set(block, (blocks.get(block) ?? 0) + 1);
      }
    }
    if (blocks.size === 0) return;
    const total = [...blocks.values()].reduce((a, b) => a + b, 0);
    const rule = "=".repeat(100);
    const lines = [...blocks].map(([block, n]) => `  ${block} [${n} ${n === 1 ? "test" : "tests"}]`);
    process.stderr.write(
      `\n${rule}\n${total} ${total === 1 ? "CHECK WAS" : "CHECKS WERE"} SKIPPED on this machine (CI=true fails instead):\n` +
        `${lines.join("\n")}\n${rule}\n`,
    );
  }
}

module.exports = SkipReporter;
