/** @type {import('jest').Config} */
module.exports = {
  // Node's, with JSZip, saxes and xmldom loaded once per worker: test/helpers/worker-libraries/environment.js.
  testEnvironment: "<rootDir>/test/helpers/worker-libraries/node.js",
  // Jest's, with modules compiled so that V8 reuses the compilation in the next file: test/helpers/runtime.js.
  runtime: "<rootDir>/test/helpers/runtime.js",
  // Every *.test.ts under test/ but the browser end-to-end suites (jest.e2e.config.js): new files need no listing.
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  testPathIgnorePatterns: ["/node_modules/", "/test/e2e/"],
  // `npm test` type-checks everything with tsc, so jest only strips the types: SWC (native) does that in a few
  // milliseconds a file where ts-jest loaded TypeScript in every worker. Options as tsconfig.json compiles: ES2020,
  // CommonJS with esModuleInterop's default import, class fields assigned (not defined) as TypeScript does below ES2022.
  transform: {
    "^.+\\.ts$": [
      "@swc/jest",
      {
        swcrc: false,
        jsc: { parser: { syntax: "typescript" }, target: "es2020", transform: { useDefineForClassFields: false } },
        module: { type: "commonjs" },
      },
    ],
  },
  // Jest's default is one worker fewer than the CPUs, which on a two-CPU machine means one process running every
  // file in turn; two workers there halve the wall time.
  maxWorkers: "100%",
  // A worker's event loop ends at once, but Node then frees its heap (0.4-0.8 GB after the workbook suites), which on
  // a loaded two-core machine takes longer than jest's 500 ms ("failed to exit gracefully"): give it 3 s. A real
  // leaked handle still keeps a worker alive past that and still warns.
  workerGracefulExitTimeout: 3000,
  // Several suites read and write real workbooks; on a loaded two-core CI machine they need more than 5 s.
  testTimeout: 120_000,
  moduleNameMapper: {
    // The Workbook without the streaming classes, which load on first use: test/helpers/exceljs.js says why.
    "^exceljs$": "<rootDir>/test/helpers/exceljs.js",
    "^jszip$": "<rootDir>/test/helpers/worker-libraries/jszip.js",
    "^saxes$": "<rootDir>/test/helpers/worker-libraries/saxes.js",
    "^@xmldom/xmldom$": "<rootDir>/test/helpers/worker-libraries/xmldom.js",
    // office-addin-mock needs office-addin-manifest, whose ESM-only dependencies jest cannot load on Node 20.
    "^office-addin-manifest$": "<rootDir>/node_modules/office-addin-manifest/lib/officeApp.js",
  },
  // The closing banner of skipped checks (a missing browser or LibreOffice): test/helpers/needs.ts.
  reporters: ["default", "<rootDir>/test/helpers/skip-reporter.js"],
};
