/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  // Every *.test.ts under test/ but the browser end-to-end suites (jest.e2e.config.js): new files need no listing.
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  testPathIgnorePatterns: ["/node_modules/", "/test/e2e/"],
  // `npm test` type-checks everything with tsc first, so jest only transpiles (isolatedModules: transpileModule).
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.jest.json" }] },
  // Jest's default is one worker fewer than the CPUs, which on a two-CPU machine means one process running every
  // file in turn; two workers there halve the wall time.
  maxWorkers: "100%",
  // Several suites read and write real workbooks; on a loaded two-core CI machine they need more than 5 s.
  testTimeout: 120_000,
  moduleNameMapper: {
    // office-addin-mock needs office-addin-manifest, whose ESM-only dependencies jest cannot load on Node 20.
    "^office-addin-manifest$": "<rootDir>/node_modules/office-addin-manifest/lib/officeApp.js",
  },
  // The closing banner of skipped checks (a missing browser or LibreOffice): test/helpers/needs.ts.
  reporters: ["default", "<rootDir>/test/helpers/skip-reporter.js"],
};
