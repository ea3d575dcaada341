import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Browser tests: tests/e2e/setup.ts builds the site once and serves it on
// 127.0.0.1; every test file drives Debian's Chromium against it. They import
// island logic (components/*.ts), which imports `nnfs`: the same alias as
// vitest.config.ts.
export default defineConfig({
  resolve: {
    alias: { nnfs: fileURLToPath(new URL("./lib/index.ts", import.meta.url)) },
  },
  test: {
    include: ["tests/e2e/**/*.test.ts"],
    globalSetup: ["tests/e2e/setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
