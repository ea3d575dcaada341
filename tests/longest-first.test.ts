// The test files' starting order (tests/longest-first.ts): the named files first, in their order.
import { describe, expect, test } from "vitest";
import type { TestSpecification, Vitest } from "vitest/node";
import { fileURLToPath } from "node:url";
import { longestFirst } from "./longest-first.ts";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const project = { name: "", config: { sequence: { groupOrder: 0 }, isolate: true } };
/** A file Vitest timed last time at `duration` ms. */
const spec = (file: string, duration: number) => ({ moduleId: ROOT + file, project, duration }) as unknown as TestSpecification & { duration: number };
const ctx = { cache: { getTestSpecificationResult: (s: { duration: number }) => ({ duration: s.duration, failed: false }) } } as unknown as Vitest;

describe("longestFirst", () => {
  test("starts the named files first, in the list's order, then the rest in Vitest's order (longest last time first)", async () => {
    const files = [spec("tests/lib/matrix.test.ts", 50), spec("tests/chapters/cells.test.ts", 10), spec("tests/lib/dense.test.ts", 90), spec("tests/site/chapter-file.test.ts", 5)];
    const Sequencer = longestFirst(["tests/site/chapter-file.test.ts", "tests/chapters/cells.test.ts"]);
    const sorted = await new Sequencer(ctx).sort(files);
    expect(sorted.map((s) => s.moduleId.slice(ROOT.length))).toEqual([
      "tests/site/chapter-file.test.ts",
      "tests/chapters/cells.test.ts",
      "tests/lib/dense.test.ts",
      "tests/lib/matrix.test.ts",
    ]);
  });

  test("a name that is not a test file is an error that names it", () => {
    expect(() => longestFirst(["tests/chapters/cells.test.ts", "tests/no-such.test.ts"])).toThrow(/no such test file: tests\/no-such\.test\.ts/);
  });
});
