/**
 * Jest's runtime, with each module compiled so that V8 can reuse the compilation in the next test file. Jest compiles
 * every module of every test file with vm.compileFunction, which V8 never caches: each file parsed and compiled
 * again every module it loaded (ExcelJS's hundreds, our own, expect's), and each function again on its first call.
 * A vm.Script hits V8's compilation cache instead, so a worker compiles a module once, and the whole of `npm test`
 * takes about a tenth less CPU (docs/internals.md#test-timings).
 *
 * The script has no dynamic-import callback (that would make every compilation a new one): a module that calls
 * import() (SWC turns our own into require) and Node's core modules go through Jest's own compile.
 */
const { default: Runtime } = require("jest-runtime");
const { Script } = require("vm");

module.exports = class CachedCompileRuntime extends Runtime {
  constructor(...args) {
    super(...args);
    // Jest 30's module executor: checked, so that a Jest that moved it fails here rather than running slower unseen.
    const executor = this.executor;
    if (typeof executor?.compile !== "function" || !Array.isArray(executor.injectedModuleParameters))
      throw new Error("test/helpers/runtime.js: this Jest has no executor.compile; update it or remove it");
    const jestCompile = executor.compile.bind(executor);
    const parameters = executor.injectedModuleParameters.join(", ");
    executor.compile = (source, filename) => {
      const context = executor.environment.getVmContext();
      if (!context || executor.resolution.isCoreModule(filename) || /\bimport\s*\(/.test(source))
        return jestCompile(source, filename);
      // On the source's first line, so that line numbers (and the source maps) stay right.
      return new Script(`(function (${parameters}) {${source}\n})`, { filename }).runInContext(context);
    };
  }
};
