import { describe, expect, test } from "vitest";
import { assertFiniteNumbers, finiteResult, firstNonFinite, positionOf, shapeOf } from "../../../lib/kernels/finite.ts";

describe("the non-finite guard", () => {
  test.each([
    { data: new Float32Array([1, 2, 3, 4, 5]), first: -1 },
    { data: new Float32Array([1, 2, 3, 4, Number.NaN]), first: 4 },
    { data: new Float32Array([1, Number.NEGATIVE_INFINITY, Number.NaN]), first: 1 },
    { data: new Float32Array(0), first: -1 },
    { data: [0, 1e308, Number.POSITIVE_INFINITY], first: 2 },
    { data: [0, -0, 5e-324], first: -1 },
  ])("firstNonFinite($data) is $first", ({ data, first }) => {
    expect(firstNonFinite(data)).toBe(first);
  });

  test("every position of a long array is seen (the four running sums and the rest)", () => {
    for (let n = 1; n <= 9; n++) {
      for (let i = 0; i < n; i++) {
        const data = new Float32Array(n).fill(1);
        data[i] = Number.NaN;
        expect(firstNonFinite(data)).toBe(i);
      }
    }
  });

  test("shapes and positions: a matrix's (row, column), a vector's [index]", () => {
    const M = { rows: 2, cols: 3, data: new Float32Array(6) };
    expect(shapeOf(M)).toBe("[2×3]");
    expect(positionOf(M, 4)).toBe("(1, 1)");
    expect(shapeOf([1, 2])).toBe("[length 2]");
    expect(positionOf([1, 2], 1)).toBe("[1]");
  });

  test("assertFiniteNumbers names the operation, what, the shape and the position, and a hint", () => {
    expect(() => assertFiniteNumbers("op", { rows: 1, cols: 2, data: new Float32Array([1, Number.NaN]) }, "X", "try this")).toThrow(
      "op: X [1×2] has NaN at (0, 1); try this",
    );
    expect(() => assertFiniteNumbers("op", [1, 2], "x")).not.toThrow();
  });

  test("finiteResult: a finite result passes through; a bad input is named before the result", () => {
    const good = { rows: 1, cols: 1, data: new Float32Array([1]) };
    expect(finiteResult("op", good, {})).toBe(good);
    expect(finiteResult("op", 3, { a: 1 })).toBe(3);
    const bad = { rows: 1, cols: 1, data: new Float32Array([Number.NaN]) };
    expect(() => finiteResult("op", bad, { A: good, s: Number.NaN })).toThrow("op: s is NaN, not a finite number");
    expect(() => finiteResult("op", bad, { A: good })).toThrow("op: the result [1×1] is NaN at (0, 0): the inputs are finite");
    expect(() => finiteResult("op", Number.POSITIVE_INFINITY, {}, () => "because")).toThrow("op: the result is Infinity: because");
  });
});
