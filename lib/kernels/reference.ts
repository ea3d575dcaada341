/**
 * The plain loops: the matrix product exactly as chapter 3 writes it, one dot
 * product per element of the result, each summed in order k = 0, 1, 2, … in
 * 64-bit floats and stored as a 32-bit float. The fast kernels compute the same
 * sums arranged for speed; the tests compare every one of them with these.
 * Arrays are row-major: element (i, j) of an R×C matrix is at i·C + j.
 */

/** C = A·B, with A [M, K], B [K, N] and C [M, N]. */
export function referenceMatmul(A: Float32Array, B: Float32Array, C: Float32Array, M: number, K: number, N: number): void {
  for (let i = 0; i < M; i++) {
    for (let j = 0; j < N; j++) {
      let sum = 0;
      for (let k = 0; k < K; k++) sum += A[i * K + k] * B[k * N + j];
      C[i * N + j] = sum;
    }
  }
}

/** C = Aᵀ·B, with A [M, K], B [M, N] and C [K, N]. */
export function referenceMatmulTransA(A: Float32Array, B: Float32Array, C: Float32Array, M: number, K: number, N: number): void {
  for (let k = 0; k < K; k++) {
    for (let j = 0; j < N; j++) {
      let sum = 0;
      for (let i = 0; i < M; i++) sum += A[i * K + k] * B[i * N + j];
      C[k * N + j] = sum;
    }
  }
}

/** C = A·Bᵀ, with A [M, K], B [N, K] and C [M, N]. */
export function referenceMatmulTransB(A: Float32Array, B: Float32Array, C: Float32Array, M: number, K: number, N: number): void {
  for (let i = 0; i < M; i++) {
    for (let j = 0; j < N; j++) {
      let sum = 0;
      for (let k = 0; k < K; k++) sum += A[i * K + k] * B[j * K + k];
      C[i * N + j] = sum;
    }
  }
}
