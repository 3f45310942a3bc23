/**
 * Jest's environments, with the libraries under the package reader and writer (JSZip, with pako; saxes; xmldom)
 * loaded once per worker instead of once per test file. Jest gives every file its own modules, so every file ran
 * these libraries cold, in the interpreter, and they were a seventh of jest's CPU time; kept warm, the whole of
 * `npm test` takes about a fifth less (docs/internals.md#test-timings). The modules next to this file hand them to
 * a file that imports them (jest.config.js's moduleNameMapper).
 *
 * Only libraries that take and give plain data are shared. What they make belongs to the worker's realm, not the
 * test file's: Array.isArray and toEqual do not mind, `instanceof Array` and toStrictEqual do. ExcelJS tests
 * `instanceof Array` and `instanceof Date` on the values a test gives it, so it stays per file.
 */
const { KEY } = require("./key");

const libraries = {};
for (const name of ["jszip", "saxes", "@xmldom/xmldom"])
  Object.defineProperty(libraries, name, { enumerable: true, get: () => require(name) });

/** `Base` (jest-environment-node's or jest-environment-jsdom's TestEnvironment) that hands out the libraries. */
module.exports = (Base) =>
  class WithWorkerLibraries extends Base {
    constructor(config, context) {
      super(config, context);
      this.global[KEY] = libraries;
    }
  };
