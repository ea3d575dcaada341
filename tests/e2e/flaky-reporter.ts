/**
 * Names every browser test that passed only when tried again. A browser test gets a
 * second try (vitest.e2e.config.ts: `retry: 1`) because a loaded machine can delay a
 * page past what a test waits for; a test that fails twice still fails the run. A pass
 * on the second try is not hidden: this reporter lists each one at the end of the run,
 * so a flake is seen and can be mended rather than forgotten.
 */
import type { Reporter, TestCase } from "vitest/node";

export default class FlakyReporter implements Reporter {
  private readonly flaky: string[] = [];

  onTestCaseResult(test: TestCase): void {
    const d = test.diagnostic();
    if (d?.flaky) this.flaky.push(`${test.module.relativeModuleId} > ${test.fullName} (passed on try ${d.retryCount + 1})`);
  }

  onTestRunEnd(): void {
    if (this.flaky.length === 0) return;
    console.log(`\nFLAKY: ${this.flaky.length} browser test(s) failed once and passed when tried again:`);
    for (const line of this.flaky) console.log(`  - ${line}`);
  }
}
