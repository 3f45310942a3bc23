/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  testPathIgnorePatterns: ["/node_modules/", "/test/e2e/"],
  // `npm test` type-checks everything with tsc first, so jest only transpiles (much faster on two cores).
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.jest.json" }] },
  // Several suites read and write real workbooks; on a loaded two-core CI machine they need more than 5 s.
  testTimeout: 120_000,
  moduleNameMapper: {
    // office-addin-mock needs office-addin-manifest, whose ESM-only dependencies jest cannot load on Node 20.
    "^office-addin-manifest$": "<rootDir>/node_modules/office-addin-manifest/lib/officeApp.js",
  },
};
