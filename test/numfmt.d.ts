/**
 * numfmt 3.2.5 ships a declaration file that does not parse (a debug dump precedes it), so the one function the
 * reference test uses is declared here; an ambient module is taken before node_modules.
 */
declare module "numfmt" {
  export function format(pattern: string, value: unknown, options?: Record<string, unknown>): string;
}
