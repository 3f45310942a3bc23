/** Where environment.js leaves the worker's libraries on a test file's global. */
exports.KEY = Symbol.for("mops.workerLibraries");
