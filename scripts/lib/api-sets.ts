/**
 * Requirement sets, checked by test/build/api-sets.test.ts: every Office.js member the add-in uses is resolved
 * (TypeScript compiler API) to its declaration in @types/office-js, whose JSDoc says "[Api set: ExcelApi 1.x]". A
 * member above the set the manifest asks for is a violation unless it sits inside an
 * `Office.context.requirements.isSetSupported` guard for that set (the then-branch of an `if`, or of a `?:`).
 */
import { readFileSync } from "fs";
import ts from "typescript";

export interface Violation {
  file: string;
  line: number;
  member: string;
  needs: string;
}

/** The ExcelApi MinVersion of a manifest's <Requirements>. */
export function manifestExcelApi(manifestXml: string): string {
  const m = /<Set\s+Name="ExcelApi"\s+MinVersion="([\d.]+)"/.exec(manifestXml);
  if (!m) throw new Error("the manifest names no ExcelApi requirement set");
  return m[1]!;
}

/** 1.13 > 1.9: compared number by number. */
export function compareVersions(a: string, b: string): number {
  const [x, y] = [a.split(".").map(Number), b.split(".").map(Number)];
  for (let i = 0; i < Math.max(x.length, y.length); i++)
    if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
  return 0;
}

/** The ExcelApi set a declaration's JSDoc names, or null. */
function apiSetOf(decl: ts.Declaration): string | null {
  const source = decl.getSourceFile();
  const comments = ts.getLeadingCommentRanges(source.text, decl.getFullStart()) ?? [];
  for (const c of comments) {
    const m = /\[Api set: ExcelApi ([\d.]+)/.exec(source.text.slice(c.pos, c.end));
    if (m) return m[1]!;
  }
  return null;
}

/** The ExcelApi version an enclosing isSetSupported guard grants `node`, or null. */
function guardedVersion(node: ts.Node): string | null {
  let best: string | null = null;
  for (let child = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
    const condition =
      ts.isIfStatement(parent) && parent.thenStatement === child
        ? parent.expression
        : ts.isConditionalExpression(parent) && parent.whenTrue === child
          ? parent.condition
          : null;
    if (!condition) continue;
    const m = /isSetSupported\(\s*["']ExcelApi["']\s*,\s*["']([\d.]+)["']\s*\)/.exec(condition.getText());
    if (m && (best === null || compareVersions(m[1]!, best) > 0)) best = m[1]!;
  }
  return best;
}

/** An Office.js member with an ExcelApi set, where it is used: the set it needs and the guard around it, if any. */
export interface Use extends Violation {
  guard: string | null;
}

/**
 * Every use in `files` of an Office.js member that names its ExcelApi set (one program, however many sets are
 * asked).
 */
export function apiSetUses(files: string[], options: ts.CompilerOptions): Use[] {
  const programOptions = { ...options, noEmit: true };
  const program = ts.createProgram(files, programOptions);
  const checker = program.getTypeChecker();
  const wanted = new Set(files.map((f) => ts.sys.resolvePath(f)));
  const out: Use[] = [];
  for (const source of program.getSourceFiles()) {
    if (!wanted.has(ts.sys.resolvePath(source.fileName))) continue;
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAccessExpression(node)) {
        const symbol = checker.getSymbolAtLocation(node.name);
        const decls = (symbol?.declarations ?? []).filter((d) =>
          d.getSourceFile().fileName.includes("@types/office-js"),
        );
        // Overloads may name different sets: the oldest one is what the call needs.
        const sets = decls
          .map(apiSetOf)
          .filter((s): s is string => s !== null)
          .sort(compareVersions);
        const needs = sets[0];
        if (needs) {
          const { line } = source.getLineAndCharacterOfPosition(node.name.getStart());
          out.push({
            file: source.fileName,
            line: line + 1,
            member: node.name.text,
            needs,
            guard: guardedVersion(node),
          });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return out;
}

/** The uses that need a newer ExcelApi set than `allowed` without a guard for that set. */
export function violationsOf(uses: Use[], allowed: string): Violation[] {
  return uses
    .filter(
      ({ needs, guard }) =>
        compareVersions(needs, allowed) > 0 && (guard === null || compareVersions(guard, needs) < 0),
    )
    .map(({ file, line, member, needs }) => ({ file, line, member, needs }));
}

/** Compiler options of a tsconfig file. */
export function compilerOptions(tsconfigPath: string): ts.CompilerOptions {
  const config = ts.readConfigFile(tsconfigPath, (p) => readFileSync(p, "utf8"));
  return ts.parseJsonConfigFileContent(config.config, ts.sys, tsconfigPath.replace(/[^/\\]+$/, "")).options;
}
