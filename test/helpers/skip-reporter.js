/**
 * Ends a jest run with a banner listing every check it skipped, and why (a skipped block's title carries the reason
 * and the install command: test/helpers/needs.ts), so that a machine without a browser or LibreOffice never looks
 * green without saying what it did not check; and saying when the LibreOffice checks ran the slow way
 * (test/helpers/libreoffice.ts). Plain JavaScript: jest loads reporters untransformed.
 */
const { existsSync, readFileSync } = require("fs");
const { join, relative } = require("path");

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
    const notes = [];
    if (blocks.size > 0) {
      const total = [...blocks.values()].reduce((a, b) => a + b, 0);
      const lines = [...blocks].map(([block, n]) => `  ${block} [${n} ${n === 1 ? "test" : "tests"}]`);
      notes.push(
        `${total} ${total === 1 ? "CHECK WAS" : "CHECKS WERE"} SKIPPED on this machine (CI=true fails instead):\n` +
          lines.join("\n"),
      );
    }
    if (ranWithoutUno())
      notes.push(
        "The LibreOffice checks ran, slower: one soffice start per conversion, as no Python here can `import uno`\n" +
          "  (Debian: apt-get install -y python3-uno; macOS: LibreOffice's own python has it; Windows: always so).",
      );
    if (notes.length === 0) return;
    const rule = "=".repeat(100);
    process.stderr.write(`\n${rule}\n${notes.join("\n\n")}\n${rule}\n`);
  }
}

/** test/helpers/libreoffice.ts notes it in the run's folder, which jest's globalTeardown removes after this report. */
function ranWithoutUno() {
  const state = process.env.MOPS_LO_RUN && join(process.env.MOPS_LO_RUN, "service.json");
  return !!state && existsSync(state) && JSON.parse(readFileSync(state, "utf8")).cli === true;
}

module.exports = SkipReporter;
