// The zero-skipping kernels against the reference loop on random shapes, dense
// and mostly zeros: equal within float32 rounding (they group the sums differently).
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { SPARSE_ENOUGH, sparseKernel, sparseNarrowKernel, zeroFraction } from "../../../lib/kernels/sparse.ts";
import { SparseRows } from "../../../lib/kernels/sparse-rows.ts";
import { referenceMatmul, referenceMatmulTransA } from "../../../lib/kernels/reference.ts";
import { close, product, type Case } from "./helpers.ts";

const listed = (c: Case, rows = c.M, cols = c.K) => SparseRows.from({ rows, cols, data: c.A });

function viaSparse(kernel: typeof sparseKernel, S: SparseRows, B: Float32Array, rows: number, N: number): Float32Array {
  const C = new Float32Array(rows * N).fill(Number.NaN);
  kernel(S, B, C, N);
  return C;
}
function reference(kernel: typeof referenceMatmul, c: Case, rows: number): Float32Array {
  const C = new Float32Array(rows * c.N);
  kernel(c.A, c.B, C, c.M, c.K, c.N);
  return C;
}

describe("sparse kernels against the reference loop", () => {
  test.each([
    { name: "sparseKernel", kernel: sparseKernel },
    { name: "sparseNarrowKernel", kernel: sparseNarrowKernel },
  ])("$name: A·B from A's non-zeros", ({ kernel }) => {
    fc.assert(
      fc.property(product(21), (c) => {
        expect(close(viaSparse(kernel, listed(c), c.B, c.M, c.N), reference(referenceMatmul, c, c.M), 4 * (c.K + 1))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  test.each([
    { name: "sparseKernel", kernel: sparseKernel },
    { name: "sparseNarrowKernel", kernel: sparseNarrowKernel },
  ])("$name: Aᵀ·B from the transposed list", ({ kernel }) => {
    fc.assert(
      fc.property(product(21, (M, _, N) => [M, N]), (c) => {
        const T = listed(c).transpose();
        expect(close(viaSparse(kernel, T, c.B, c.K, c.N), reference(referenceMatmulTransA, c, c.K), 4 * (c.M + 1))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  test.each([
    { data: [], fraction: 0 },
    { data: [0, 0, 1, 2], fraction: 0.5 },
    { data: [0, 0, 0], fraction: 1 },
  ])("zeroFraction($data) is $fraction", ({ data, fraction }) => {
    expect(zeroFraction(Float32Array.from(data))).toBe(fraction);
  });

  test("the sparse kernels pay from a quarter of zeros", () => {
    expect(SPARSE_ENOUGH).toBe(0.25);
  });
});
