import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { longestFirst } from "./tests/longest-first.ts";

// The same alias as astro.config.mjs and tsconfig.json: `nnfs` is lib/.
export default defineConfig({
  resolve: {
    alias: { nnfs: fileURLToPath(new URL("./lib/index.ts", import.meta.url)) },
  },
  test: {
    include: ["tests/**/*.test.ts"],
    exclude: ["tests/e2e/**"],
    testTimeout: 60_000,
    // Two files at a time. Vitest's default for `vitest run` is one worker fewer than the
    // cores, which on a 2-core machine is one: the chapters' training cells
    // (tests/chapters/cells.test.ts) waited for every other file, chapter 11's
    // downloaded file (tests/site/chapter-file.test.ts) among them.
    maxWorkers: 2,
    // The longest files first (each takes a minute or more of the unit tests' two minutes), so
    // that the rest fill in beside them; from a clean clone Vitest would start them last.
    sequence: {
      sequencer: longestFirst([
        "tests/chapters/cells.test.ts",
        "tests/site/chapter-file.test.ts",
        "tests/lib/train.test.ts",
        "tests/lib/fast.test.ts",
        "tests/components/islands/trainer-run.test.ts",
        "tests/chapters/types.test.ts",
      ]),
    },
    // npm run coverage: how much of lib/ the tests run (text summary, and coverage/ as HTML).
    coverage: {
      provider: "v8",
      include: ["lib/**/*.ts"],
      reporter: ["text-summary", "text", "html"],
      thresholds: { lines: 95, branches: 90 },
    },
  },
});
