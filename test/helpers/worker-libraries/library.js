const { KEY } = require("./key");

/**
 * The worker's copy of a library (environment.js), or, in a suite with another environment (the pane's jsdom), a
 * copy of its own from `entry`, the file the package name resolves to.
 */
module.exports = (name, entry) => globalThis[KEY]?.[name] ?? require(entry);
