/**
 * What a cell may use besides the language and `nnfs`: the worker's console,
 * timers and clock, and `check` for exercises' checks. Declared here rather
 * than taken from TypeScript's DOM library (2 MB), so the editor's language
 * service and the chapter tests see the same small world.
 */
export const CELL_GLOBALS_FILE = "/book/globals.d.ts";

export const CELL_GLOBALS = `
interface Console {
  log(...data: any[]): void;
  info(...data: any[]): void;
  warn(...data: any[]): void;
  error(...data: any[]): void;
  debug(...data: any[]): void;
}
declare var console: Console;
declare function setTimeout(handler: (...args: any[]) => void, timeout?: number, ...args: any[]): number;
declare function clearTimeout(id: number | undefined): void;
declare function setInterval(handler: (...args: any[]) => void, timeout?: number, ...args: any[]): number;
declare function clearInterval(id: number | undefined): void;
declare function queueMicrotask(callback: () => void): void;
declare function structuredClone<T>(value: T): T;
declare var performance: { now(): number };
declare class URL {
  constructor(url: string | URL, base?: string | URL);
  href: string;
  toString(): string;
}
/** An exercise's check: compares numbers within \`tolerance\`, arrays and objects entry by entry. */
declare function check(name: string, actual: () => unknown, expected: unknown, tolerance?: number): void;
`;
