/**
 * Builds the add-in as a plain static site in dist/: taskpane.html and commands.html with their scripts,
 * assets/, and manifest.xml (production address and version in production mode).
 * Development mode adds the preview page and serves everything over HTTPS on https://localhost:3000.
 */
const fs = require("fs");
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
// webpack's own minimizer plugin (the version webpack depends on), here for its SWC minify function.
const MinimizerPlugin = require("minimizer-webpack-plugin");
// The helpers are TypeScript (tested by jest); tsx loads them here without a compile step.
const { require: tsxRequire } = require("tsx/cjs/api");
const { productionManifest, productionUrl } = tsxRequire("./scripts/lib/manifest.ts", __filename);
const { CONTENT_SECURITY_POLICY, PREVIEW_CONTENT_SECURITY_POLICY, withCspMeta, policyProblems } = tsxRequire(
  "./scripts/lib/csp.ts",
  __filename,
);
const { devServerHttps } = tsxRequire("./scripts/lib/dev-certs.ts", __filename);
const { DEV_PORT, portIsFree, portInUseMessage } = tsxRequire("./scripts/lib/dev-server.ts", __filename);
const root = __dirname;
const pkg = require("./package.json");

/** Each page: its entry script, its template, and whether it runs inside Office (loads office.js). */
const pages = [
  { name: "taskpane", entry: "./src/taskpane/index.ts", template: "./src/taskpane/taskpane.html", office: true },
  { name: "commands", entry: "./src/commands/commands.ts", template: "./src/commands/commands.html", office: true },
];
const previewPage = {
  name: "preview",
  entry: "./src/preview/index.ts",
  template: "./src/preview/preview.html",
  office: false,
};

/** Writes the CSP meta into every page and refuses a page that would break it (inline script, foreign script). */
class ContentSecurityPolicyPlugin {
  apply(compiler) {
    compiler.hooks.compilation.tap("ContentSecurityPolicyPlugin", (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).beforeEmit.tap("ContentSecurityPolicyPlugin", (data) => {
        const page = [...pages, previewPage].find((p) => `${p.name}.html` === data.outputName);
        const problems = policyProblems(data.html, { office: page ? page.office : true });
        for (const problem of problems) {
          compilation.errors.push(new Error(`${data.outputName}: ${problem}`));
        }
        data.html = withCspMeta(
          data.html,
          page && !page.office ? PREVIEW_CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY,
        );
        return data;
      });
    });
  }
}

function readProductionConfig() {
  const file = path.join(root, "config", "production.json");
  return fs.existsSync(file) ? fs.readFileSync(file, "utf8") : undefined;
}

module.exports = async (env, argv) => {
  const dev = argv.mode !== "production";
  const all = dev ? [...pages, previewPage] : pages;
  const url = dev ? undefined : productionUrl(process.env, readProductionConfig());
  if (url)
    console.log(
      `Production address: ${url}${/example\.(org|com)/.test(url) ? "  (placeholder: set MOPS_ADDIN_URL or config/production.json)" : ""}`,
    );

  const config = {
    mode: dev ? "development" : "production",
    // No eval-based source maps: the pages' CSP forbids eval, in development too.
    devtool: "source-map",
    entry: Object.fromEntries(all.map((p) => [p.name, p.entry])),
    output: {
      path: path.join(root, "dist"),
      // Relative URLs, so that the site works from any folder of any host.
      publicPath: "",
      filename: dev ? "[name].js" : "[name].[contenthash:8].js",
      cssFilename: dev ? "[name].css" : "[name].[contenthash:8].css",
      assetModuleFilename: "assets/[name].[contenthash:8][ext]",
      clean: true,
    },
    resolve: { extensions: [".ts", ".js"] },
    // Native CSS: `import "./x.css"` emits a stylesheet that the page links (no inline <style>, which the CSP forbids).
    experiments: { css: true },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              // The test that builds the site sets MOPS_TYPES_CHECKED: npm test's `tsc -b` has checked these files, and
              // the emitted code is the same either way (isolated modules; same hashes).
              transpileOnly: process.env.MOPS_TYPES_CHECKED === "1",
              configFile: path.join(root, "tsconfig.json"),
              onlyCompileBundledFiles: true,
              // tsconfig.json is the type check's (noEmit, incremental: npm test); webpack emits.
              compilerOptions: { module: "es2020", sourceMap: true, noEmit: false, incremental: false },
            },
          },
        },
      ],
    },
    plugins: [
      ...all.map(
        (p) =>
          new HtmlWebpackPlugin({
            filename: `${p.name}.html`,
            template: p.template,
            chunks: [p.name],
            minify: false,
          }),
      ),
      new ContentSecurityPolicyPlugin(),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "assets/help.html", to: "assets/help.html" },
          // The preview page opens the sample workbooks from its own origin (development only).
          ...(dev ? [{ from: "seeds/*.xlsx", to: "seeds/[name][ext]" }] : []),
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) =>
              dev ? content : productionManifest(content.toString(), { url, version: pkg.version }),
          },
        ],
      }),
    ],
    optimization: {
      // JavaScript is minified by SWC (@swc/core, native) instead of webpack's default terser: the same kind of output
      // (a little smaller here) for far less CPU (terser took about 34 s, most of it on ExcelJS's chunk; SWC about
      // 3 s), which `npm run build` and the packaged-site test (test/e2e/packaged-site.test.ts) both pay.
      minimizer: [new MinimizerPlugin({ test: /\.[cm]?js$/, minify: MinimizerPlugin.swcMinify }), "..."],
      // The default minimizer ("...") keeps CSS; readable HTML for whoever checks the hosted pages.
      minimizeOptions: { javascript: false, html: false },
    },
    performance: { hints: false },
  };

  // Only `webpack serve` needs the port and a certificate; a development build needs neither.
  if (env.WEBPACK_SERVE) {
    if (!(await portIsFree(DEV_PORT))) throw new Error(portInUseMessage(DEV_PORT));
    const https = await devServerHttps();
    console.log(https.note);
    config.devServer = {
      host: "localhost",
      port: DEV_PORT,
      server: https.server,
      static: false,
      hot: true,
      client: { overlay: { warnings: false } },
    };
  }
  return config;
};
