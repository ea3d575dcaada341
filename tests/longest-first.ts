/**
 * The order test files start in, for vitest.config.ts and vitest.e2e.config.ts.
 *
 * Vitest starts the files that took longest last time first, which keeps
 * both workers busy to the end. From a clean clone it has no timings yet and
 * falls back on file size, largest first; but this project's longest files
 * are short (a11y-later.test.ts is 22 lines and takes a minute and a half;
 * the chapters' cells are a short loop over every chapter), so they started
 * last and ran on while the other worker had nothing left to do. The files
 * named here start first, in this order; the rest follow in Vitest's order.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { BaseSequencer, type TestSpecification } from "vitest/node";

const ROOT = fileURLToPath(new URL("../", import.meta.url));

/** A sequencer that starts `longest` (paths from the repository's root) first, in that order. */
export function longestFirst(longest: readonly string[]): typeof BaseSequencer {
  const missing = longest.filter((file) => !existsSync(ROOT + file));
  if (missing.length) throw new Error(`longestFirst: no such test file: ${missing.join(", ")} (renamed? update the list in the Vitest config)`);
  const rank = new Map(longest.map((file, i) => [ROOT + file, i]));
  return class LongestFirst extends BaseSequencer {
    override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
      const order = await super.sort(files);
      const at = (spec: TestSpecification) => rank.get(spec.moduleId) ?? longest.length;
      return order.map((spec, i) => ({ spec, i })).sort((a, b) => at(a.spec) - at(b.spec) || a.i - b.i).map(({ spec }) => spec);
    }
  };
}
