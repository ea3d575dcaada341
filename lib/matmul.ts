/**
 * Chapter 3 (and 9): the matrix product, the one operation a neural network
 * spends nearly all of its time in.
 *
 * The textbook loop is three nested loops, `C[i][j] += A[i][k] * B[k][j]`. The
 * versions here compute exactly that, arranged for speed:
 *
 * - A dense A uses 4×4 register blocking: sixteen running sums for a 4×4 tile of C
 *   stay in local variables while k runs, so each number loaded from A or B is
 *   used four times; four columns of B at a time are copied into a contiguous
 *   strip that stays in the cache.
 * - A sparse A (MNIST digits are ~80 % black pixels, ReLU outputs ~50 % zeros)
 *   first lists the non-zero entries of each row (`SparseRows`), then adds eight
 *   rows of B at a time for them: zeros cost nothing. A dense layer lists its
 *   input once and passes the list to both of its products, `X·W` and `Xᵀ·dZ`.
 *
 * Sums run in 64-bit floats and are stored as 32-bit floats.
 */
import { Matrix, formatShape } from "./matrix.ts";
import { assertMatrix, outputMatrix } from "./check.ts";
import { finiteResult } from "./kernels/finite.ts";

// The sparse kernels pay once at least this fraction of A is zeros.
const SPARSE_ENOUGH = 0.25;

/**
 * A matrix kept as the list of its non-zero entries, row by row ("compressed
 * sparse rows"). A batch of digits is about 80 % zeros: listed once, its
 * non-zeros serve both products a dense layer needs, `X·W` forward and `Xᵀ·dZ`
 * backward, and neither product visits a zero. `matmul` and `matmulTransA`
 * accept one in place of the matrix it lists, with the same result.
 *
 * @chapter 9
 * @example
 * const S = SparseRows.from(Matrix.from([[0, 2], [3, 0]]));
 * S.nonZeros;                  // 2
 * S.start.subarray(0, 3);      // [0, 1, 2]: row r's entries are start[r] … start[r + 1] − 1
 * S.col.subarray(0, 2);        // [1, 0]: their columns
 * S.value.subarray(0, 2);      // [2, 3]: their values
 * matmul(S, W); // the same numbers as matmul(Matrix.from([[0, 2], [3, 0]]), W)
 */
export class SparseRows {
  /** Rows and columns of the matrix listed. */
  rows = 0;
  cols = 0;
  /**
   * Row r's entries sit at positions start[r] … start[r + 1] − 1 of `col` and
   * `value`. (The arrays may be longer than needed: room kept for reuse.)
   */
  start = new Int32Array(1);
  /** The column of each entry. */
  col = new Int32Array(0);
  /** The value of each entry. */
  value = new Float32Array(0);
  /** Whether every listed value is finite (false: A holds a NaN or ±Infinity). */
  finite = true;

  /**
   * Lists the non-zeros of `A`, row by row. Pass `out` (a `SparseRows` from
   * before) to reuse its memory.
   *
   * @example
   * SparseRows.from(X).nonZeros; // about 150 per digit
   */
  static from(A: Matrix, out?: SparseRows): SparseRows {
    assertMatrix("SparseRows.from", "A", A);
    const S = out ?? new SparseRows();
    const M = A.rows, K = A.cols, a = A.data;
    if (S.start.length < M + 1) S.start = new Int32Array(M + 1);
    const start = S.start;
    let n = 0;
    let finite = true;
    for (let i = 0; i < M; i++) {
      if (S.col.length < n + K) S.grow(n + K); // room for a row without zeros
      const col = S.col, value = S.value;
      const ai = i * K;
      for (let k = 0; k < K; k++) {
        // Written for every x, kept (n moves on) only if x ≠ 0: no branch to
        // mispredict when zeros and non-zeros alternate at random (ReLU outputs).
        const x = a[ai + k];
        col[n] = k;
        value[n] = x;
        n += +(x !== 0);
      }
      start[i + 1] = n;
    }
    for (let p = 0; p < n; p++) if (!Number.isFinite(S.value[p])) finite = false;
    S.rows = M;
    S.cols = K;
    S.finite = finite;
    return S;
  }

  // Makes room for `size` entries (at least twice the old room), keeping the first ones.
  private grow(size: number): void {
    const room = Math.max(size, 2 * this.col.length);
    const col = new Int32Array(room), value = new Float32Array(room);
    col.set(this.col);
    value.set(this.value);
    this.col = col;
    this.value = value;
  }

  /**
   * The non-zeros of the transpose `Aᵀ`, row by row: those of A, column by
   * column. Counts the entries of each column, then places each entry, rows in
   * order, in the next free slot of its column. Pass `out` to reuse its memory.
   *
   * @example
   * const T = SparseRows.from(Matrix.from([[0, 2], [3, 4]])).transpose();
   * T.col.subarray(0, T.nonZeros); // [1, 0, 1]: column 0 has row 1; column 1 has rows 0 and 1
   */
  transpose(out?: SparseRows): SparseRows {
    const T = out ?? new SparseRows();
    const n = this.nonZeros, K = this.cols;
    if (T.start.length < K + 1) T.start = new Int32Array(K + 1);
    if (T.col.length < n) {
      T.col = new Int32Array(n);
      T.value = new Float32Array(n);
    }
    const { start, col, value } = this;
    const next = T.start, tCol = T.col, tValue = T.value;
    next.fill(0, 0, K + 1);
    for (let p = 0; p < n; p++) next[col[p] + 1]++;
    for (let k = 0; k < K; k++) next[k + 1] += next[k]; // next[k]: where column k's list begins
    for (let i = 0; i < this.rows; i++) {
      for (let p = start[i]; p < start[i + 1]; p++) {
        const q = next[col[p]]++;
        tCol[q] = i;
        tValue[q] = value[p];
      }
    }
    // Each next[k] has moved to the end of column k, where column k + 1 begins.
    for (let k = K; k > 0; k--) next[k] = next[k - 1];
    next[0] = 0;
    T.rows = K;
    T.cols = this.rows;
    T.finite = this.finite;
    return T;
  }

  /** How many entries are listed. */
  get nonZeros(): number {
    return this.start[this.rows];
  }

  /** Whether the sparse kernels pay: at least a quarter of the matrix is zeros (matmul's own rule). */
  get sparseEnough(): boolean {
    return this.zeroFraction >= SPARSE_ENOUGH;
  }

  /** The fraction of the matrix's elements that are 0. */
  get zeroFraction(): number {
    const size = this.rows * this.cols;
    return size === 0 ? 0 : 1 - this.nonZeros / size;
  }
}

// Lists for a Matrix given to matmul or matmulTransA, reused from call to call.
const scratchRows = new SparseRows();
const scratchColumns = new SparseRows();

function zeroFraction(A: Float32Array): number {
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
function sparseKernel(S: SparseRows, B: Float32Array, C: Float32Array, N: number): void {
  for (let i = 0; i < S.rows; i++) sumScaledRows(S.col, S.value, S.start[i], S.start[i + 1], B, N, C, i * N);
}

// The same for narrow C (N < 16): the i-k-j loop over the listed non-zeros,
// summing in C, exactly as narrowKernel does for a dense A: each addition is
// rounded to 32 bits (Math.fround, as storing into C would), four non-zeros a pass.
function sparseNarrowKernel(S: SparseRows, B: Float32Array, C: Float32Array, N: number): void {
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

// C = A·B when C is narrow (N < 16, say 10 classes): rows of B are too short for
// the list-of-non-zeros bookkeeping to pay; the plain i-k-j loop, skipping zeros.
function narrowKernel(A: Float32Array, B: Float32Array, C: Float32Array, M: number, K: number, N: number): void {
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

// C = A·B for dense A: 4×4 tiles of C, each held in sixteen locals while k runs.
// Columns j…j+3 of B are first copied into one contiguous strip, which stays in
// cache while every block of four rows of A passes over it.
let scratchStrip = new Float64Array(4096);
const ROW_PANEL = 128; // a multiple of 4

function blockedKernel(A: Float32Array, B: Float32Array, C: Float32Array, M: number, K: number, N: number): void {
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

// The inputs of a product, for the guard to name a bad one: a SparseRows is
// checked through its flag (Dense.forward names the bad element of its input).
function inputs(A: Matrix | SparseRows, B: Matrix): Record<string, Matrix> {
  if (A instanceof SparseRows && !A.finite) throw new RangeError(`SparseRows ${formatShape(A)}: holds NaN or ±Infinity`);
  return A instanceof SparseRows ? { B } : { A, B };
}

/**
 * The matrix product `A·B`: element (i, j) is the dot product of row i of A and
 * column j of B. Pass `out` to write into an existing `[A.rows, B.cols]` matrix.
 *
 * @chapter 3
 * @example
 * const X = Matrix.from([[1, 2, 3, 2.5]]);            // [1, 4]
 * const W = Matrix.from([[0.2], [0.8], [-0.5], [1]]); // [4, 1]
 * matmul(X, W).toArray();                              // [[2.8]]
 */
export function matmul(A: Matrix | SparseRows, B: Matrix, out?: Matrix): Matrix {
  if (!(A instanceof SparseRows)) assertMatrix("matmul", "A", A);
  assertMatrix("matmul", "B", B);
  if (A.cols !== B.rows) {
    throw new RangeError(
      `matmul: ${formatShape(A)}·${formatShape(B)}: inner sizes ${A.cols} and ${B.rows} differ`,
    );
  }
  const C = outputMatrix("matmul", A.rows, B.cols, out); // [A.rows, B.cols]
  if (A instanceof SparseRows) {
    if (B.cols < 16) sparseNarrowKernel(A, B.data, C.data, B.cols);
    else sparseKernel(A, B.data, C.data, B.cols);
  } else if (B.cols < 16) narrowKernel(A.data, B.data, C.data, A.rows, A.cols, B.cols);
  else if (zeroFraction(A.data) >= SPARSE_ENOUGH) sparseKernel(SparseRows.from(A, scratchRows), B.data, C.data, B.cols);
  else blockedKernel(A.data, B.data, C.data, A.rows, A.cols, B.cols);
  return finiteResult(`matmul: ${formatShape(A)}·${formatShape(B)}`, C, inputs(A, B));
}

/**
 * `Aᵀ·B` without building `Aᵀ`: A is [M, K], B is [M, N], the result [K, N].
 * Backpropagation uses it for a layer's weight gradient, `dW = Xᵀ·dZ`. Row k
 * of the result adds up A[i][k] · (row i of B) over the non-zeros of column k
 * of A: the product of Aᵀ's non-zeros, listed row by row, with B. A may be
 * given as its `SparseRows`.
 *
 * @chapter 9
 * @example
 * const X = Matrix.from([[1, 2], [3, 4]]);  // [2, 2]
 * const dZ = Matrix.from([[1], [1]]);       // [2, 1]
 * matmulTransA(X, dZ).toArray();            // [[4], [6]]
 */
export function matmulTransA(A: Matrix | SparseRows, B: Matrix, out?: Matrix): Matrix {
  if (!(A instanceof SparseRows)) assertMatrix("matmulTransA", "A", A);
  assertMatrix("matmulTransA", "B", B);
  if (A.rows !== B.rows) {
    throw new RangeError(
      `matmulTransA: ${formatShape(A)}ᵀ·${formatShape(B)}: inner sizes ${A.rows} and ${B.rows} differ`,
    );
  }
  const C = outputMatrix("matmulTransA", A.cols, B.cols, out); // [A.cols, B.cols]
  const S = A instanceof SparseRows ? A : SparseRows.from(A, scratchRows); // [M, K]: A's non-zeros, row by row
  const T = S.transpose(scratchColumns); // [K, M]: Aᵀ's non-zeros, row by row
  if (B.cols < 16) sparseNarrowKernel(T, B.data, C.data, B.cols);
  else sparseKernel(T, B.data, C.data, B.cols);
  return finiteResult(`matmulTransA: ${formatShape(A)}ᵀ·${formatShape(B)}`, C, inputs(A, B));
}

/**
 * `A·Bᵀ` without building `Bᵀ`: A is [M, K], B is [N, K], the result [M, N].
 * Backpropagation uses it to pass the gradient back through a layer, `dX = dZ·Wᵀ`.
 *
 * @chapter 9
 * @example
 * const dZ = Matrix.from([[1, 2]]);          // [1, 2]
 * const W = Matrix.from([[1, 0], [0, 1]]);   // [2, 2]
 * matmulTransB(dZ, W).toArray();             // [[1, 2]]
 */
export function matmulTransB(A: Matrix, B: Matrix, out?: Matrix): Matrix {
  assertMatrix("matmulTransB", "A", A);
  assertMatrix("matmulTransB", "B", B);
  if (A.cols !== B.cols) {
    throw new RangeError(
      `matmulTransB: ${formatShape(A)}·${formatShape(B)}ᵀ: inner sizes ${A.cols} and ${B.cols} differ`,
    );
  }
  const M = A.rows, K = A.cols, N = B.rows;
  const C = outputMatrix("matmulTransB", M, N, out); // [A.rows, B.rows]
  const a = A.data, b = B.data, c = C.data;
  // Element (i, j) is the dot product of row i of A and row j of B, both contiguous.
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
  return finiteResult(`matmulTransB: ${formatShape(A)}·${formatShape(B)}ᵀ`, C, { A, B });
}
