/**
 * Kernels for a sparse A, given as its non-zeros (`SparseRows`): row i of C is
 * the sum of A[i][k] · (row k of B) over the listed non-zeros of row i, so zeros
 * cost nothing. MNIST digits are about 80 % black pixels and ReLU outputs about
 * half zeros. Sums run in 64 bits (sparseNarrowKernel: 32, as narrowKernel).
 */
import type { NonZeroRows } from "./slot.ts";

/** The sparse kernels pay once at least this fraction of A is zeros. */
export const SPARSE_ENOUGH = 0.25;

/** The fraction of the numbers in A that are 0. */
export function zeroFraction(A: Float32Array): number {
  let zeros = 0;
  for (let i = 0; i < A.length; i++) if (A[i] === 0) zeros++;
  return A.length === 0 ? 0 : zeros / A.length;
}

// A 64-bit row of running sums for sumScaledRows.
let scratchRow = new Float64Array(1024);

// out[o…o+N) = Σ over the listed pairs p in [from, to) of
// value[p] · (row index[p] of B), in 64 bits: eight pairs at a time, then four,
// then the last one to three one at a time, in the pass that writes out.
function sumScaledRows(
  index: Int32Array, value: Float32Array, from: number, to: number,
  B: Float32Array, N: number, out: Float32Array, o: number,
): void {
  if (from === to) {
    out.fill(0, o, o + N); // an empty list (a pixel black in the whole batch)
    return;
  }
  if (scratchRow.length < N) scratchRow = new Float64Array(N);
  const acc = scratchRow;
  acc.fill(0, 0, N);
  let p = from;
  for (; p + 8 <= to; p += 8) {
    const a0 = value[p], a1 = value[p + 1], a2 = value[p + 2], a3 = value[p + 3];
    const a4 = value[p + 4], a5 = value[p + 5], a6 = value[p + 6], a7 = value[p + 7];
    const b0 = index[p] * N, b1 = index[p + 1] * N, b2 = index[p + 2] * N, b3 = index[p + 3] * N;
    const b4 = index[p + 4] * N, b5 = index[p + 5] * N, b6 = index[p + 6] * N, b7 = index[p + 7] * N;
    for (let j = 0; j < N; j++) {
      acc[j] += a0 * B[b0 + j] + a1 * B[b1 + j] + a2 * B[b2 + j] + a3 * B[b3 + j] +
        a4 * B[b4 + j] + a5 * B[b5 + j] + a6 * B[b6 + j] + a7 * B[b7 + j];
    }
  }
  if (p + 4 <= to) {
    const a0 = value[p], a1 = value[p + 1], a2 = value[p + 2], a3 = value[p + 3];
    const b0 = index[p] * N, b1 = index[p + 1] * N, b2 = index[p + 2] * N, b3 = index[p + 3] * N;
    for (let j = 0; j < N; j++) acc[j] += a0 * B[b0 + j] + a1 * B[b1 + j] + a2 * B[b2 + j] + a3 * B[b3 + j];
    p += 4;
  }
  if (p === to) {
    for (let j = 0; j < N; j++) out[o + j] = acc[j];
    return;
  }
  // One to three pairs left, added one at a time; missing ones are 0 · (the
  // first one's row). Adding that zero changes no bit: acc started at +0, so it
  // is never −0, and x + (±0) is x for every other x. (If that row holds an
  // infinity, the sum was not finite anyway.)
  const a0 = value[p], b0 = index[p] * N;
  const a1 = p + 1 < to ? value[p + 1] : 0, b1 = p + 1 < to ? index[p + 1] * N : b0;
  const a2 = p + 2 < to ? value[p + 2] : 0, b2 = p + 2 < to ? index[p + 2] * N : b0;
  for (let j = 0; j < N; j++) out[o + j] = acc[j] + a0 * B[b0 + j] + a1 * B[b1 + j] + a2 * B[b2 + j];
}

// C = A·B for sparse A: row i of C is the sum of A[i][k] · (row k of B) over
// the listed non-zeros of row i.
export function sparseKernel(S: NonZeroRows, B: Float32Array, C: Float32Array, N: number): void {
  for (let i = 0; i < S.rows; i++) sumScaledRows(S.col, S.value, S.start[i], S.start[i + 1], B, N, C, i * N);
}

// The same for narrow C (N < 16): the i-k-j loop over the listed non-zeros,
// summing in C, exactly as narrowKernel does for a dense A: each addition is
// rounded to 32 bits (Math.fround, as storing into C would), four non-zeros a pass.
export function sparseNarrowKernel(S: NonZeroRows, B: Float32Array, C: Float32Array, N: number): void {
  C.fill(0);
  const { start, col, value } = S;
  const round = Math.fround;
  for (let i = 0; i < S.rows; i++) {
    const ci = i * N, end = start[i + 1];
    let p = start[i];
    for (; p + 4 <= end; p += 4) {
      const a0 = value[p], a1 = value[p + 1], a2 = value[p + 2], a3 = value[p + 3];
      const b0 = col[p] * N, b1 = col[p + 1] * N, b2 = col[p + 2] * N, b3 = col[p + 3] * N;
      for (let j = 0; j < N; j++) {
        C[ci + j] = round(round(round(C[ci + j] + a0 * B[b0 + j]) + a1 * B[b1 + j]) + a2 * B[b2 + j]) + a3 * B[b3 + j];
      }
    }
    for (; p < end; p++) {
      const a = value[p], b = col[p] * N;
      for (let j = 0; j < N; j++) C[ci + j] += a * B[b + j];
    }
  }
}
