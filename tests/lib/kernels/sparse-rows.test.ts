import { describe, expect, test } from "vitest";
import { Matrix, SparseRows } from "nnfs";

describe("SparseRows", () => {
  test("lists the non-zeros row by row", () => {
    const S = SparseRows.from(Matrix.from([[0, 2, 0], [0, 0, 0], [3, 0, 4]]));
    expect([S.rows, S.cols, S.nonZeros]).toEqual([3, 3, 3]);
    expect(Array.from(S.start.subarray(0, 4))).toEqual([0, 1, 1, 3]);
    expect(Array.from(S.col.subarray(0, 3))).toEqual([1, 0, 2]);
    expect(Array.from(S.value.subarray(0, 3))).toEqual([2, 3, 4]);
    expect(S.zeroFraction).toBeCloseTo(6 / 9, 10);
    expect(S.finite).toBe(true);
  });

  test("the transpose lists the columns", () => {
    const T = SparseRows.from(Matrix.from([[0, 2], [3, 4], [5, 0]])).transpose();
    expect([T.rows, T.cols, T.nonZeros]).toEqual([2, 3, 4]);
    expect(Array.from(T.start.subarray(0, 3))).toEqual([0, 2, 4]);
    expect(Array.from(T.col.subarray(0, 4))).toEqual([1, 2, 0, 1]);
    expect(Array.from(T.value.subarray(0, 4))).toEqual([3, 5, 2, 4]);
  });

  test("reuses out, growing it, and notices a non-finite value", () => {
    const S = SparseRows.from(Matrix.from([[1]]));
    const X = Matrix.from([[1, 0, 2], [3, 4, 5]]);
    X.data[1] = NaN;
    expect(SparseRows.from(X, S)).toBe(S);
    expect([S.rows, S.cols, S.nonZeros, S.finite]).toEqual([2, 3, 6, false]);
    SparseRows.from(Matrix.zeros(4, 2), S);
    expect([S.rows, S.nonZeros, S.zeroFraction, S.finite]).toEqual([4, 0, 1, true]);
  });

  test("a non-matrix is refused", () => {
    expect(() => SparseRows.from([[1]] as unknown as Matrix)).toThrow("SparseRows.from: A must be a Matrix (use Matrix.from(…))");
  });

  test("an empty matrix lists nothing", () => {
    const S = SparseRows.from(Matrix.zeros(0, 3));
    expect([S.rows, S.cols, S.nonZeros, S.zeroFraction, S.sparseEnough]).toEqual([0, 3, 0, 0, false]);
    expect(S.transpose().rows).toBe(3);
  });

  test.each([
    { values: [[0, 0, 0, 1]], enough: true },
    { values: [[0, 1, 1, 1]], enough: true },
    { values: [[1, 1, 1, 1]], enough: false },
  ])("sparseEnough for $values: $enough (a quarter of zeros or more)", ({ values, enough }) => {
    expect(SparseRows.from(Matrix.from(values)).sparseEnough).toBe(enough);
  });
});
