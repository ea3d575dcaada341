// Random matrices for the kernels' property tests: shapes from empty to odd
// sizes, and entries that are zero with a chosen probability (digits are mostly zeros).
import fc from "fast-check";

export interface Case {
  M: number;
  K: number;
  N: number;
  A: Float32Array;
  B: Float32Array;
}

const entry = (zeros: number) =>
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: -4, max: 4, noNaN: true })).map(([u, x]) =>
    u < zeros ? 0 : Math.fround(x),
  );

/** A [M, K] and B [bRows(M, K, N), bCols(M, K, N)] with sizes up to `max`; half the cases are mostly zeros. */
export function product(max: number, bShape: (M: number, K: number, N: number) => [number, number] = (_, K, N) => [K, N]) {
  return fc
    .record({ M: fc.integer({ min: 0, max }), K: fc.integer({ min: 0, max }), N: fc.integer({ min: 0, max }), zeros: fc.constantFrom(0, 0.8) })
    .chain(({ M, K, N, zeros }) => {
      const [r, c] = bShape(M, K, N);
      return fc
        .record({
          A: fc.array(entry(zeros), { minLength: M * K, maxLength: M * K }),
          B: fc.array(entry(zeros), { minLength: r * c, maxLength: r * c }),
        })
        .map(({ A, B }): Case => ({ M, K, N, A: Float32Array.from(A), B: Float32Array.from(B) }));
    });
}

/** Whether x and y agree to float32 rounding, relative to the size of the terms that were summed. */
export function close(x: Float32Array, y: Float32Array, scale = 1): boolean {
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (Math.abs(x[i] - y[i]) > 1e-5 * scale * (1 + Math.abs(y[i]))) return false;
  return true;
}
