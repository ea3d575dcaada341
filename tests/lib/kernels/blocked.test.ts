// The dense kernels against the reference loop on random shapes: the blocked
// kernel and the A·Bᵀ kernel add the same products in the same order in 64
// bits, so they agree to the last bit; the narrow kernel sums in 32 bits.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { blockedKernel, narrowKernel, transBKernel } from "../../../lib/kernels/blocked.ts";
import { referenceMatmul, referenceMatmulTransB } from "../../../lib/kernels/reference.ts";
import { close, product, type Case } from "./helpers.ts";

const run = (kernel: (A: Float32Array, B: Float32Array, C: Float32Array, M: number, K: number, N: number) => void, c: Case) => {
  const C = new Float32Array(c.M * c.N).fill(Number.NaN); // every element must be written
  kernel(c.A, c.B, C, c.M, c.K, c.N);
  return C;
};

describe("dense kernels against the reference loop", () => {
  test("blockedKernel: bit for bit, any shape (empty, 1×1, odd)", () => {
    fc.assert(fc.property(product(23), (c) => {
      expect(run(blockedKernel, c)).toEqual(run(referenceMatmul, c));
    }), { numRuns: 200 });
  });

  test("blockedKernel past one panel of 128 rows", () => {
    fc.assert(
      fc.property(product(6).filter((c) => c.K > 0), (small) => {
        const M = 131, A = new Float32Array(M * small.K).map((_, i) => ((i * 7) % 11) - 5);
        const c = { ...small, M, A };
        expect(run(blockedKernel, c)).toEqual(run(referenceMatmul, c));
      }),
      { numRuns: 20 },
    );
  });

  test("narrowKernel: equal within float32 rounding", () => {
    fc.assert(fc.property(product(17), (c) => {
      expect(close(run(narrowKernel, c), run(referenceMatmul, c), 4 * (c.K + 1))).toBe(true);
    }), { numRuns: 200 });
  });

  test("transBKernel: bit for bit", () => {
    fc.assert(
      fc.property(product(19, (_, K, N) => [N, K]), (c) => {
        expect(run(transBKernel, c)).toEqual(run(referenceMatmulTransB, c));
      }),
      { numRuns: 200 },
    );
  });
});
