import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import FlakyReporter from "./tests/e2e/flaky-reporter.ts";
import { longestFirst } from "./tests/longest-first.ts";

// Browser tests: tests/e2e/setup.ts builds the site once and serves it on
// 127.0.0.1; every test file drives Debian's Chromium against it. They import
// island logic (components/islands/**/*.ts), which imports `nnfs`: the same alias as
// vitest.config.ts.
//
// Files run two at a time (a browser each; they mostly wait on pages, so two
// share a 2-core machine well). No test asserts on time: "never blocks the
// page" is measured by the CPU time of the page's tasks (main-thread.ts),
// which a busy machine does not stretch; speed is the benchmarks' business.
export default defineConfig({
  resolve: {
    alias: { nnfs: fileURLToPath(new URL("./lib/index.ts", import.meta.url)) },
  },
  test: {
    globalSetup: ["tests/e2e/setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // One more try for a test that fails: a loaded machine can delay a page past what a
    // test waits for. A test that fails twice fails the run, and FlakyReporter lists every
    // test that needed the second try at the end, so a flake stays visible.
    retry: 1,
    reporters: ["default", new FlakyReporter()],
    include: ["tests/e2e/**/*.test.ts"],
    maxWorkers: 2,
    // The longest files first (half a minute to two minutes each), so that the short ones fill
    // in at the end; from a clean clone Vitest would start the short a11y-later.test.ts last.
    sequence: {
      sequencer: longestFirst([
        "tests/e2e/cells.test.ts",
        "tests/e2e/a11y-later.test.ts",
        "tests/e2e/a11y.test.ts",
        "tests/e2e/exercises.test.ts",
        "tests/e2e/predict.test.ts",
        "tests/e2e/notebook.test.ts",
        "tests/e2e/cell-safety.test.ts",
        "tests/e2e/layout.test.ts",
        "tests/e2e/islands-10-11.test.ts",
        "tests/e2e/site.test.ts",
        "tests/e2e/islands-07-09.test.ts",
      ]),
    },
  },
});
