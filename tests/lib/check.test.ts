import { describe, expect, test } from "vitest";
import { Matrix, assertFinite, assertMatrix, assertSameShape, outputMatrix } from "nnfs";

describe("the guards", () => {
  test.each([
    { value: [[1]], got: "an array" },
    { value: null, got: "null" },
    { value: 3, got: "number" },
  ])("assertMatrix names what it got: $got", ({ value, got }) => {
    expect(() => assertMatrix("op", "A", value)).toThrow(`op: A must be a Matrix (use Matrix.from(…)), got ${got}`);
    expect(() => assertMatrix("op", "A", Matrix.zeros(1, 1))).not.toThrow();
  });

  test("assertSameShape", () => {
    expect(() => assertSameShape("add", Matrix.zeros(2, 3), Matrix.zeros(3, 2))).toThrow("add: [2×3] and [3×2]: shapes differ");
    expect(() => assertSameShape("add", Matrix.zeros(2, 3), Matrix.zeros(2, 3))).not.toThrow();
  });

  test("outputMatrix: a new one, the given one, or an error", () => {
    expect(outputMatrix("op", 2, 3).shape).toEqual([2, 3]);
    const out = Matrix.zeros(2, 3);
    expect(outputMatrix("op", 2, 3, out)).toBe(out);
    expect(() => outputMatrix("op", 3, 2, out)).toThrow("op: out is [2×3] but the result is [3×2]");
  });

  test("assertFinite names the first bad element", () => {
    const A = Matrix.zeros(2, 2);
    expect(() => assertFinite("op", A)).not.toThrow();
    A.data[3] = Number.NEGATIVE_INFINITY;
    expect(() => assertFinite("op", A, "X")).toThrow("op: X [2×2] has -Infinity at (1, 1)");
  });
});
