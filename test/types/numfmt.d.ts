/**
 * numfmt 3.2.5 ships a declaration file that does not parse (a debug dump precedes it); tsconfig.json's "paths"
 * points the type check here, to the one function the reference test (test/core/format-reference.test.ts) uses.
 */
export declare function format(pattern: string, value: unknown, options?: Record<string, unknown>): string;
