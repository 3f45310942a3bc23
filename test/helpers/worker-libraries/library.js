const { KEY } = require("./key");

/** The worker's copy of a library (environment.js); a suite on another environment is told which to use. */
module.exports = (name) => {
  const libraries = globalThis[KEY];
  if (!libraries)
    throw new Error(
      `${name} is handed out by the test environment: give the suite test/helpers/worker-libraries/node.js or jsdom.js`,
    );
  return libraries[name];
};
