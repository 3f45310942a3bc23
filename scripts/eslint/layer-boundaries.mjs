/**
 * ESLint rule "layers/boundaries": keeps the dependency arrows of docs/ARCHITECTURE.md true
 * (taskpane/commands -> excel -> core; taskpane/commands/preview -> ui -> core; cli/preview -> xlsx -> core;
 * preview -> taskpane; never back).
 * Each import is resolved against the importing file, so "../excel/x" from src/core is caught at any depth.
 *
 * Options: { layers: { "<folder or file>": { forbid?, lazy?, selfOnly?, packages?, builtins? } } }
 *   forbid:   folders this layer may not import from;
 *   lazy:     forbidden folders it may still load with a dynamic import() (a chunk fetched when first needed);
 *   selfOnly: relative imports must stay inside the layer's own folder;
 *   packages: which bare imports (npm packages) it may use: any, none, or a list;
 *   builtins: whether Node's built-in modules ("fs", "node:path", ...) are allowed (default: no).
 */
import { builtinModules } from "node:module";
import path from "node:path";

const BUILTINS = new Set(builtinModules);
const isBuiltin = (source) => source.startsWith("node:") || BUILTINS.has(source.split("/")[0]);
const packageName = (source) =>
  source
    .split("/")
    .slice(0, source.startsWith("@") ? 2 : 1)
    .join("/");
const within = (file, folder) => file === folder || file.startsWith(folder + path.sep);

export default {
  meta: {
    type: "problem",
    docs: { description: "Imports must follow the layer boundaries of docs/ARCHITECTURE.md" },
    schema: [{ type: "object", properties: { layers: { type: "object" } }, additionalProperties: false }],
    messages: {
      folder:
        "{{layer}} must not import from {{target}} ({{source}}): dependencies point taskpane/commands -> excel -> core, taskpane/commands/preview -> ui -> core, cli/preview -> xlsx -> core.",
      outside: "{{layer}} may import only its own files ({{source}} leaves {{layer}}).",
      builtin: "{{layer}} must not use Node's built-in module {{source}}.",
      package: "{{layer}} must not import the package {{source}}.",
    },
  },
  create(context) {
    const root = context.cwd;
    const layers = Object.entries(context.options[0]?.layers ?? {}).map(([folder, rule]) => ({
      name: folder,
      dir: path.resolve(root, folder),
      ...rule,
    }));
    const file = path.resolve(root, context.filename);
    const layer = layers.find((l) => within(file, l.dir));

    function check(node, source, dynamic = false) {
      if (typeof source !== "string") return;
      if (source.startsWith(".")) {
        const target = path.resolve(path.dirname(file), source);
        const hit = (layer?.forbid ?? []).map((f) => path.resolve(root, f)).find((dir) => within(target, dir));
        const lazyAllowed = dynamic && (layer?.lazy ?? []).some((f) => path.resolve(root, f) === hit);
        if (hit && !lazyAllowed) {
          context.report({
            node,
            messageId: "folder",
            data: { layer: layer.name, target: path.relative(root, hit), source },
          });
        } else if (layer?.selfOnly && !within(target, layer.dir)) {
          context.report({ node, messageId: "outside", data: { layer: layer.name, source } });
        }
        return;
      }
      if (!layer) return;
      if (isBuiltin(source)) {
        if (!layer.builtins) context.report({ node, messageId: "builtin", data: { layer: layer.name, source } });
        return;
      }
      const allowed = layer.packages ?? "any";
      if (allowed === "none" || (Array.isArray(allowed) && !allowed.includes(packageName(source)))) {
        context.report({ node, messageId: "package", data: { layer: layer.name, source } });
      }
    }

    const fromSource = (node) => check(node.source, node.source?.value);
    return {
      ImportDeclaration: fromSource,
      ExportNamedDeclaration: fromSource,
      ExportAllDeclaration: fromSource,
      ImportExpression: (node) =>
        check(node.source, node.source.type === "Literal" ? node.source.value : undefined, true),
      TSImportEqualsDeclaration: (node) => check(node, node.moduleReference?.expression?.value),
      'CallExpression[callee.name="require"][arguments.0.type="Literal"]': (node) =>
        check(node, node.arguments[0].value),
    };
  },
};
