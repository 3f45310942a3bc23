/** jsdom's test environment with the worker's libraries (environment.js), for the pane's suites. */
module.exports = require("./environment")(require("jest-environment-jsdom").TestEnvironment);
