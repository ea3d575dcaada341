/**
 * Kernels for dense matrices: the matrix product arranged so that each number
 * loaded from memory serves several sums. Each element of C is still the sum of
 * its products in order k = 0, 1, 2, …, in 64 bits, as in the reference loop
 * (narrowKernel sums in 32 bits, as storing into C after each product would).
 */

// C = A·B for dense A: 4×4 tiles of C, each held in sixteen locals while k runs.
// Columns j…j+3 of B are first copied into one contiguous strip, which stays in
// cache while every block of four rows of A passes over it.
let scratchStrip = new Float64Array(4096);
const ROW_PANEL = 128; // a multiple of 4

export function blockedKernel(A: Float32Array, B: Float32Array, C: Float32Array, M: number, K: number, N: number): void {
  if (scratchStrip.length < 4 * K) scratchStrip = new Float64Array(4 * K);
  const P = scratchStrip;
  const M4 = M - (M % 4);
  const N4 = N - (N % 4);
  // Rows of A in panels of ROW_PANEL, so that a panel stays in cache while
  // every strip of B passes over it.
  for (let i0 = 0; i0 < M; i0 += ROW_PANEL) {
    const iEnd = Math.min(M, i0 + ROW_PANEL);
    const i4End = Math.min(M4, iEnd);
    for (let j = 0; j < N4; j += 4) {
      for (let k = 0, s = j, p = 0; k < K; k++, s += N, p += 4) {
        P[p] = B[s]; P[p + 1] = B[s + 1]; P[p + 2] = B[s + 2]; P[p + 3] = B[s + 3];
      }
      for (let i = i0; i < i4End; i += 4) {
        const a0 = i * K, a1 = a0 + K, a2 = a1 + K, a3 = a2 + K;
        let c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0;
        let c20 = 0, c21 = 0, c22 = 0, c23 = 0, c30 = 0, c31 = 0, c32 = 0, c33 = 0;
        for (let k = 0, p = 0; k < K; k++, p += 4) {
          const x0 = A[a0 + k], x1 = A[a1 + k], x2 = A[a2 + k], x3 = A[a3 + k];
          const b0 = P[p], b1 = P[p + 1], b2 = P[p + 2], b3 = P[p + 3];
          c00 += x0 * b0; c01 += x0 * b1; c02 += x0 * b2; c03 += x0 * b3;
          c10 += x1 * b0; c11 += x1 * b1; c12 += x1 * b2; c13 += x1 * b3;
          c20 += x2 * b0; c21 += x2 * b1; c22 += x2 * b2; c23 += x2 * b3;
          c30 += x3 * b0; c31 += x3 * b1; c32 += x3 * b2; c33 += x3 * b3;
        }
        let c = i * N + j;
        C[c] = c00; C[c + 1] = c01; C[c + 2] = c02; C[c + 3] = c03; c += N;
        C[c] = c10; C[c + 1] = c11; C[c + 2] = c12; C[c + 3] = c13; c += N;
        C[c] = c20; C[c + 1] = c21; C[c + 2] = c22; C[c + 3] = c23; c += N;
        C[c] = c30; C[c + 1] = c31; C[c + 2] = c32; C[c + 3] = c33;
      }
      // Leftover rows (M not a multiple of 4), against the same strip.
      for (let i = Math.max(i0, M4); i < iEnd; i++) {
        let c0 = 0, c1 = 0, c2 = 0, c3 = 0;
        for (let k = 0, p = 0; k < K; k++, p += 4) {
          const x = A[i * K + k];
          c0 += x * P[p]; c1 += x * P[p + 1]; c2 += x * P[p + 2]; c3 += x * P[p + 3];
        }
        const c = i * N + j;
        C[c] = c0; C[c + 1] = c1; C[c + 2] = c2; C[c + 3] = c3;
      }
    }
  }
  // Leftover columns (N not a multiple of 4): one dot product each.
  for (let j = N4; j < N; j++) {
    for (let i = 0; i < M; i++) {
      let s = 0;
      for (let k = 0; k < K; k++) s += A[i * K + k] * B[k * N + j];
      C[i * N + j] = s;
    }
  }
}

// C = A·B when C is narrow (N < 16, say 10 classes): rows of B are too short for
// the list-of-non-zeros bookkeeping to pay; the plain i-k-j loop, skipping zeros.
export function narrowKernel(A: Float32Array, B: Float32Array, C: Float32Array, M: number, K: number, N: number): void {
  C.fill(0);
  for (let i = 0; i < M; i++) {
    const ci = i * N;
    for (let k = 0; k < K; k++) {
      const a = A[i * K + k];
      if (a === 0) continue;
      const bk = k * N;
      for (let j = 0; j < N; j++) C[ci + j] += a * B[bk + j];
    }
  }
}

// C = A·Bᵀ, with A [M, K], B [N, K] and C [M, N]: element (i, j) is the dot
// product of row i of A and row j of B, both contiguous.
export function transBKernel(a: Float32Array, b: Float32Array, c: Float32Array, M: number, K: number, N: number): void {
  // Two rows of A and four rows of B at a time: eight sums, and each number
  // loaded serves two or four of them. An odd last row of A pairs with itself.
  const N4 = N - (N % 4);
  for (let i = 0; i < M; i += 2) {
    const a0 = i * K, a1 = i + 1 < M ? a0 + K : a0;
    const c0 = i * N, c1 = i + 1 < M ? c0 + N : c0;
    for (let j = 0; j < N4; j += 4) {
      const p0 = j * K, p1 = p0 + K, p2 = p1 + K, p3 = p2 + K;
      let s00 = 0, s01 = 0, s02 = 0, s03 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0;
      for (let k = 0; k < K; k++) {
        const x0 = a[a0 + k], x1 = a[a1 + k];
        const b0 = b[p0 + k], b1 = b[p1 + k], b2 = b[p2 + k], b3 = b[p3 + k];
        s00 += x0 * b0; s01 += x0 * b1; s02 += x0 * b2; s03 += x0 * b3;
        s10 += x1 * b0; s11 += x1 * b1; s12 += x1 * b2; s13 += x1 * b3;
      }
      c[c0 + j] = s00; c[c0 + j + 1] = s01; c[c0 + j + 2] = s02; c[c0 + j + 3] = s03;
      c[c1 + j] = s10; c[c1 + j + 1] = s11; c[c1 + j + 2] = s12; c[c1 + j + 3] = s13;
    }
    for (let j = N4; j < N; j++) {
      let s0 = 0, s1 = 0;
      for (let k = 0; k < K; k++) {
        s0 += a[a0 + k] * b[j * K + k];
        s1 += a[a1 + k] * b[j * K + k];
      }
      c[c0 + j] = s0;
      c[c1 + j] = s1;
    }
  }
}
