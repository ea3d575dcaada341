import { describe, expect, test } from "vitest";
import { approxEqual, compare, createChecker } from "../../components/cell/worker/checks.ts";
import { checkLine } from "../../components/cell/page/texts.ts";

describe("compare", () => {
  test.each([
    { actual: 26, expected: 26, same: true },
    { actual: 0.1 + 0.2, expected: 0.3, same: true },
    { actual: 1.001, expected: 1, same: false },
    { actual: 1e9 + 1, expected: 1e9, same: true }, // relative for large numbers
    { actual: NaN, expected: NaN, same: true },
    { actual: Infinity, expected: Infinity, same: true },
    { actual: -Infinity, expected: Infinity, same: false },
    { actual: [1, 2, 3], expected: [1, 2, 3], same: true },
    { actual: [1, 2], expected: [1, 2, 3], same: false },
    { actual: new Float32Array([0.1, 0.2]), expected: [0.1, 0.2], same: true },
    { actual: [[1, 2], [3, 4]], expected: [[1, 2], [3, 4.0000001]], same: true },
    { actual: { a: 1, b: [2] }, expected: { a: 1, b: [2] }, same: true },
    { actual: { a: 1, b: 2 }, expected: { a: 1 }, same: false },
    { actual: { a: 1 }, expected: { a: 1, b: 2 }, same: false },
    { actual: "x", expected: "x", same: true },
    { actual: 1, expected: "1", same: false },
    { actual: null, expected: [1], same: false },
  ])("$actual vs $expected → $same", ({ actual, expected, same }) => {
    expect(compare(actual, expected) === null).toBe(same);
    expect(approxEqual(actual, expected)).toBe(same);
  });

  test("the tolerance is adjustable", () => {
    expect(approxEqual(1.05, 1, 0.1)).toBe(true);
    expect(approxEqual(1.05, 1, 0.01)).toBe(false);
  });

  test("says where lists differ", () => {
    expect(compare([1, [2, 5]], [1, [2, 6]])).toBe("at [1][1]: 5 is not 6 (within 0.000001)");
    expect(compare({ w: [1] }, { w: [2] })).toMatch(/^at \.w\[0\]: 1 is not 2/);
  });
});

describe("createChecker", () => {
  test("collects every check in order, sync and async, and a throw fails its check only", async () => {
    const { check, results } = createChecker();
    check("sum", () => 1 + 2, 3);
    check("async", async () => [1, 2], [1, 2]);
    check("wrong", () => 4, 5);
    check("throws", () => {
      throw new TypeError("boom");
    }, 1);
    const r = await results();
    expect(r.map((x) => [x.name, x.pass])).toEqual([["sum", true], ["async", true], ["wrong", false], ["throws", false]]);
    expect(r[2]).toMatchObject({ expected: "5", actual: "4" });
    expect(r[3]).toMatchObject({ actual: "(threw)", error: "TypeError: boom" });
    expect(r.map(checkLine)).toEqual(["✓ sum: 3", "✓ async: [1, 2]", "✗ wrong: expected 5, got 4", "✗ throws: expected 1, but it threw TypeError: boom"]);
  });

  test("check without a function is a mistake in the checks, said at once", () => {
    const { check } = createChecker();
    expect(() => check("x", 3 as unknown as () => unknown, 3)).toThrow(/must be a function/);
  });
});
