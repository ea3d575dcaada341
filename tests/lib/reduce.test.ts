import { describe, expect, test } from "vitest";
import { Matrix, argmax } from "nnfs";

describe("argmax", () => {
  test.each([
    { values: [0.1, 0.7, 0.2], want: 1 },
    { values: [5], want: 0 },
    { values: [2, 2, 1], want: 0 }, // ties go to the first
    { values: [-3, -1, -2], want: 1 },
  ])("argmax($values) is $want", ({ values, want }) => {
    expect(argmax(values)).toBe(want);
  });

  test("of a matrix: one index per row", () => {
    expect(argmax(Matrix.from([[0.1, 0.9], [0.8, 0.2], [0.5, 0.5]]))).toEqual([1, 0, 0]);
  });

  test("empty input is an error", () => {
    expect(() => argmax([])).toThrow("argmax: the array is empty");
    expect(() => argmax(Matrix.zeros(2, 0))).toThrow("argmax: [2×0] has no columns");
  });
});
