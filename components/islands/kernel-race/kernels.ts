/**
 * The kernel race's kernels: chapter 12's own, as the chapter writes them.
 * The first two work on arrays of rows (`number[][]`, 64-bit numbers), the
 * rest on flat row-major `Float32Array`s; every name in the hot loops is
 * local. Then the two measurements of the machine itself: the scalar
 * yardstick (running sums in registers, no memory) and a memory stream.
 */

/** C = A·B as chapter 3 wrote it: row i of A times column j of B. */
export function naive(A: number[][], B: number[][]): number[][] {
  const C: number[][] = [];
  for (let i = 0; i < A.length; i++) {
    const row: number[] = [];
    for (let j = 0; j < B[0].length; j++) {
      let sum = 0;
      for (let k = 0; k < B.length; k++) sum += A[i][k] * B[k][j];
      row.push(sum);
    }
    C.push(row);
  }
  return C;
}

/** C = A·B in the order i-k-j: C's row i += A[i][k] · B's row k. */
export function ikj(A: number[][], B: number[][]): number[][] {
  const C: number[][] = [];
  for (let i = 0; i < A.length; i++) {
    const row = new Array<number>(B[0].length).fill(0);
    for (let k = 0; k < B.length; k++) {
      const a = A[i][k];
      const Bk = B[k];
      for (let j = 0; j < row.length; j++) row[j] += a * Bk[j];
    }
    C.push(row);
  }
  return C;
}

type Flat = Float32Array;

/** c = a·b for n × n matrices in flat arrays, in the order i-k-j. */
export function ikjFlat(a: Flat, b: Flat, c: Flat, n: number): void {
  c.fill(0);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < n; k++) {
      const aik = a[i * n + k];
      for (let j = 0; j < n; j++) c[i * n + j] += aik * b[k * n + j];
    }
  }
}

/** c = a·b, 4 × 4 tiles of c in 16 locals (n a multiple of 4). */
export function blocked(a: Flat, b: Flat, c: Flat, n: number): void {
  for (let i = 0; i < n; i += 4) {
    const r0 = i * n, r1 = r0 + n, r2 = r1 + n, r3 = r2 + n;
    for (let j = 0; j < n; j += 4) {
      let c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0;
      let c20 = 0, c21 = 0, c22 = 0, c23 = 0, c30 = 0, c31 = 0, c32 = 0, c33 = 0;
      for (let k = 0; k < n; k++) {
        const a0 = a[r0 + k], a1 = a[r1 + k], a2 = a[r2 + k], a3 = a[r3 + k];
        const p = k * n + j;
        const b0 = b[p], b1 = b[p + 1], b2 = b[p + 2], b3 = b[p + 3];
        c00 += a0 * b0; c01 += a0 * b1; c02 += a0 * b2; c03 += a0 * b3;
        c10 += a1 * b0; c11 += a1 * b1; c12 += a1 * b2; c13 += a1 * b3;
        c20 += a2 * b0; c21 += a2 * b1; c22 += a2 * b2; c23 += a2 * b3;
        c30 += a3 * b0; c31 += a3 * b1; c32 += a3 * b2; c33 += a3 * b3;
      }
      c[r0 + j] = c00; c[r0 + j + 1] = c01; c[r0 + j + 2] = c02; c[r0 + j + 3] = c03;
      c[r1 + j] = c10; c[r1 + j + 1] = c11; c[r1 + j + 2] = c12; c[r1 + j + 3] = c13;
      c[r2 + j] = c20; c[r2 + j + 1] = c21; c[r2 + j + 2] = c22; c[r2 + j + 3] = c23;
      c[r3 + j] = c30; c[r3 + j + 1] = c31; c[r3 + j + 2] = c32; c[r3 + j + 3] = c33;
    }
  }
}

/** Columns in a panel of the tiled kernel. */
export const PANEL = 64;

/** `blocked`, one panel of PANEL columns of c (and b) at a time, so that the panel of b stays in the cache. */
export function tiled(a: Flat, b: Flat, c: Flat, n: number): void {
  const T = PANEL;
  for (let jj = 0; jj < n; jj += T) {
    const jEnd = Math.min(jj + T, n);
    for (let i = 0; i < n; i += 4) {
      const r0 = i * n, r1 = r0 + n, r2 = r1 + n, r3 = r2 + n;
      for (let j = jj; j < jEnd; j += 4) {
        let c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0;
        let c20 = 0, c21 = 0, c22 = 0, c23 = 0, c30 = 0, c31 = 0, c32 = 0, c33 = 0;
        for (let k = 0; k < n; k++) {
          const a0 = a[r0 + k], a1 = a[r1 + k], a2 = a[r2 + k], a3 = a[r3 + k];
          const p = k * n + j;
          const b0 = b[p], b1 = b[p + 1], b2 = b[p + 2], b3 = b[p + 3];
          c00 += a0 * b0; c01 += a0 * b1; c02 += a0 * b2; c03 += a0 * b3;
          c10 += a1 * b0; c11 += a1 * b1; c12 += a1 * b2; c13 += a1 * b3;
          c20 += a2 * b0; c21 += a2 * b1; c22 += a2 * b2; c23 += a2 * b3;
          c30 += a3 * b0; c31 += a3 * b1; c32 += a3 * b2; c33 += a3 * b3;
        }
        c[r0 + j] = c00; c[r0 + j + 1] = c01; c[r0 + j + 2] = c02; c[r0 + j + 3] = c03;
        c[r1 + j] = c10; c[r1 + j + 1] = c11; c[r1 + j + 2] = c12; c[r1 + j + 3] = c13;
        c[r2 + j] = c20; c[r2 + j + 1] = c21; c[r2 + j + 2] = c22; c[r2 + j + 3] = c23;
        c[r3 + j] = c30; c[r3 + j + 1] = c31; c[r3 + j + 2] = c32; c[r3 + j + 3] = c33;
      }
    }
  }
}

/** The counts of running sums the yardstick tries. */
export const SUM_COUNTS = [4, 8, 12, 16] as const;

/** Multiply-adds on `count` running sums (4, 8, 12 or 16), t times each, no memory: 2·count·t flops. */
export function sums(count: (typeof SUM_COUNTS)[number], t: number): number {
  const x = 0.999999, y = 1e-6;
  if (count === 4) {
    let s0 = 1, s1 = 1, s2 = 1, s3 = 1;
    for (let i = 0; i < t; i++) {
      s0 = s0 * x + y; s1 = s1 * x + y; s2 = s2 * x + y; s3 = s3 * x + y;
    }
    return s0 + s1 + s2 + s3;
  }
  if (count === 8) {
    let s0 = 1, s1 = 1, s2 = 1, s3 = 1, s4 = 1, s5 = 1, s6 = 1, s7 = 1;
    for (let i = 0; i < t; i++) {
      s0 = s0 * x + y; s1 = s1 * x + y; s2 = s2 * x + y; s3 = s3 * x + y;
      s4 = s4 * x + y; s5 = s5 * x + y; s6 = s6 * x + y; s7 = s7 * x + y;
    }
    return s0 + s1 + s2 + s3 + s4 + s5 + s6 + s7;
  }
  if (count === 12) {
    let s0 = 1, s1 = 1, s2 = 1, s3 = 1, s4 = 1, s5 = 1, s6 = 1, s7 = 1, s8 = 1, s9 = 1, s10 = 1, s11 = 1;
    for (let i = 0; i < t; i++) {
      s0 = s0 * x + y; s1 = s1 * x + y; s2 = s2 * x + y; s3 = s3 * x + y;
      s4 = s4 * x + y; s5 = s5 * x + y; s6 = s6 * x + y; s7 = s7 * x + y;
      s8 = s8 * x + y; s9 = s9 * x + y; s10 = s10 * x + y; s11 = s11 * x + y;
    }
    return s0 + s1 + s2 + s3 + s4 + s5 + s6 + s7 + s8 + s9 + s10 + s11;
  }
  if (count === 16) {
    let s0 = 1, s1 = 1, s2 = 1, s3 = 1, s4 = 1, s5 = 1, s6 = 1, s7 = 1;
    let s8 = 1, s9 = 1, s10 = 1, s11 = 1, s12 = 1, s13 = 1, s14 = 1, s15 = 1;
    for (let i = 0; i < t; i++) {
      s0 = s0 * x + y; s1 = s1 * x + y; s2 = s2 * x + y; s3 = s3 * x + y;
      s4 = s4 * x + y; s5 = s5 * x + y; s6 = s6 * x + y; s7 = s7 * x + y;
      s8 = s8 * x + y; s9 = s9 * x + y; s10 = s10 * x + y; s11 = s11 * x + y;
      s12 = s12 * x + y; s13 = s13 * x + y; s14 = s14 * x + y; s15 = s15 * x + y;
    }
    return s0 + s1 + s2 + s3 + s4 + s5 + s6 + s7 + s8 + s9 + s10 + s11 + s12 + s13 + s14 + s15;
  }
  throw new RangeError(`sums: count is ${String(count)}; it must be one of ${SUM_COUNTS.join(", ")}`);
}

/** y += a·x over whole arrays: 2 flops for every 12 bytes moved (x read, y read and written). */
export function stream(a: number, x: Flat, y: Flat): void {
  for (let i = 0; i < y.length; i++) y[i] += a * x[i];
}

/** Bytes the stream moves for each flop: 4 + 4 + 4 bytes for 2 flops. */
export const STREAM_BYTES_PER_FLOP = 6;
