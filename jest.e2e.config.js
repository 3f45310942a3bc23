/**
 * Browser end-to-end tests (test/e2e): the development build served on 127.0.0.1 and driven in Debian's Chromium
 * through playwright-core, and the packaged production site (packaged-site.test.ts builds and serves its own).
 * `npm run test:e2e`; E2E_SITE=<folder> reuses a development build instead of making one.
 * @type {import('jest').Config}
 */
module.exports = {
  preset: "ts-jest",
  testEnvironment: "node",
  roots: ["<rootDir>/test/e2e"],
  testMatch: ["**/*.test.ts"],
  globalSetup: "<rootDir>/test/e2e/global-setup.ts",
  globalTeardown: "<rootDir>/test/e2e/global-teardown.ts",
  // One browser at a time: the suites share the machine with the build and the server.
  maxWorkers: 1,
  testTimeout: 120000,
};
