/** Node's test environment with the worker's libraries (environment.js): jest.config.js's default. */
module.exports = require("./environment")(require("jest-environment-node").TestEnvironment);
