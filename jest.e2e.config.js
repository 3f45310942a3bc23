/**
 * The end-to-end tests (test/e2e): what drives another program. The development build served on 127.0.0.1 and
 * driven in Debian's Chromium through playwright-core, the packaged production site (packaged-site.test.ts builds
 * and serves its own), and LibreOffice opening, computing and printing what the CLI writes (test/e2e/libreoffice).
 * `npm run test:e2e`; E2E_SITE=<folder> reuses a development build instead of making one. The transform, the module
 * map and the skip banner are jest.config.js's.
 * @type {import('jest').Config}
 */
const base = require("./jest.config");

module.exports = {
  ...base,
  roots: ["<rootDir>/test/e2e"],
  testPathIgnorePatterns: ["/node_modules/"],
  globalSetup: "<rootDir>/test/e2e/global-setup.ts",
  globalTeardown: "<rootDir>/test/e2e/global-teardown.ts",
  // One suite at a time: they share the machine with the build, the server, the browser and LibreOffice.
  maxWorkers: 1,
};
