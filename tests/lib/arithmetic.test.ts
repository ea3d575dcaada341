import { describe, expect, test } from "vitest";
import { Matrix, add, addRow, map, multiply, scale, subtract, transpose } from "nnfs";

const A = [[1, 2, 3], [4, 5, 6]];
const B = [[0.5, -1, 2], [3, 0, -2]];

describe("element-wise operations", () => {
  test.each([
    { name: "add", run: () => add(Matrix.from(A), Matrix.from(B)), f: (a: number, b: number) => a + b },
    { name: "subtract", run: () => subtract(Matrix.from(A), Matrix.from(B)), f: (a: number, b: number) => a - b },
    { name: "multiply", run: () => multiply(Matrix.from(A), Matrix.from(B)), f: (a: number, b: number) => a * b },
    { name: "scale by 3", run: () => scale(Matrix.from(A), 3), f: (a: number) => a * 3 },
    { name: "map square", run: () => map(Matrix.from(A), (x) => x * x), f: (a: number) => a * a },
  ])("$name", ({ run, f }) => {
    expect(run().toArray()).toEqual(A.map((row, i) => row.map((a, j) => f(a, B[i][j]))));
  });

  test.each([
    // @ts-expect-error: the editor underlines it too; the run-time check is under test
    { name: "add", run: () => add(Matrix.zeros(2, 3), Matrix.zeros(3, 2)), message: "add: [2×3] and [3×2]: shapes differ" },
    // @ts-expect-error: the editor underlines it too; the run-time check is under test
    { name: "multiply", run: () => multiply(Matrix.zeros(1, 3), Matrix.zeros(1, 4)), message: "multiply: [1×3] and [1×4]: shapes differ" },
    { name: "scale", run: () => scale(Matrix.zeros(1, 1), NaN), message: "scale: factor is NaN, not a finite number" },
    { name: "map to NaN", run: () => map(Matrix.from([[1, -1]]), Math.log), message: "map: [1×2]: the result [1×2] is NaN at (0, 1): f(-1) is not a finite number" },
    { name: "overflow", run: () => multiply(Matrix.from([[3e38]]), Matrix.from([[10]])), message: "multiply: [1×1] and [1×1]: the result [1×1] is Infinity at (0, 0): the inputs are finite but the numbers grew beyond ±3.4·10³⁸ (float32)" },
  ])("$name rejects bad input", ({ run, message }) => {
    expect(run).toThrow(message);
  });
});

describe("addRow", () => {
  test.each([
    { X: A, b: [10, 20, 30] },
    { X: [[0, 0]], b: [-1, 1] },
  ])("adds $b to every row of $X", ({ X, b }) => {
    expect(addRow(Matrix.from(X), Matrix.from([b])).toArray()).toEqual(X.map((row) => row.map((x, j) => x + b[j])));
  });

  test.each([
    { row: [1, 2], message: "addRow: [2×3] + [1×2]: the row must be [1×3]" },
    { row: [1, 2, 3, 4], message: "addRow: [2×3] + [1×4]: the row must be [1×3]" },
  ])("rejects a row of length $row.length", ({ row, message }) => {
    expect(() => addRow(Matrix.from(A), Matrix.from([row]))).toThrow(message);
  });
});

describe("transpose", () => {
  test.each([{ M: A }, { M: [[1]] }, { M: [[1, 2, 3]] }])("transpose($M)", ({ M }) => {
    const T = transpose(Matrix.from(M));
    expect(T.shape).toEqual([M[0].length, M.length]);
    for (let i = 0; i < M.length; i++) for (let j = 0; j < M[0].length; j++) expect(T.get(j, i)).toBe(M[i][j]);
  });
});
