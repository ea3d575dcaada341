import { defineConfig } from "vitest/config";

// Browser tests: tests/e2e/setup.ts builds the site once and serves it on
// 127.0.0.1; every test file drives Debian's Chromium against it.
export default defineConfig({
  test: {
    include: ["tests/e2e/**/*.test.ts"],
    globalSetup: ["tests/e2e/setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
