/**
 * What a downloaded chapter file (src/code/chapter-file.ts) needs besides
 * `nnfs`: a console that prints values the way the book's pages do (so the
 * file prints what the page prints), and the exercises' `check`. A chapter
 * file imports it as "nnfs/book", which the repository's package.json maps
 * here, so it works from anywhere inside a clone.
 */
import { checkLine, createChecker, formatArgs, type CheckFn } from "../lib/cells.ts";

const write = (...args: unknown[]) => void process.stdout.write(`${formatArgs(args)}\n`);
for (const method of ["log", "info", "warn", "error", "debug"] as const) console[method] = write;

/**
 * The `check` an exercise's checks call, and `done()`, which prints each
 * result as the page's Check button lists it, then how many passed.
 */
export function exerciseChecks(title: string): { check: CheckFn; done(): Promise<void> } {
  const checker = createChecker();
  return {
    check: checker.check,
    async done() {
      const results = await checker.results();
      for (const r of results) write(checkLine(r));
      const passed = results.filter((r) => r.pass).length;
      write(`${title}: ${passed} of ${results.length} checks pass${passed === results.length ? " — solved" : ""}`);
    },
  };
}
