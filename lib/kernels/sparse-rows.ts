/**
 * The list of a matrix's non-zero entries, row by row, which lets the products
 * skip zeros. Kernels floor: no chapter teaches it; a dense layer (chapter 3)
 * makes one of its input and both of its products use it.
 */

import { SPARSE_ENOUGH } from "./sparse.ts";
import { firstNonFinite } from "./finite.ts";
import { floats, ints } from "./slot.ts";

/** A matrix as the kernels see it: rows, columns and its numbers row after row. */
type Matrix = { readonly rows: number; readonly cols: number; readonly data: Float32Array };


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
  start: Int32Array = new Int32Array(1);
  /** The column of each entry. */
  col: Int32Array = new Int32Array(0);
  /** The value of each entry. */
  value: Float32Array = new Float32Array(0);
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
    if (!(A !== null && typeof A === "object" && A.data instanceof Float32Array && Number.isInteger(A.rows) && Number.isInteger(A.cols))) {
      throw new TypeError("SparseRows.from: A must be a Matrix (use Matrix.from(…))");
    }
    const S = out ?? new SparseRows();
    const M = A.rows, K = A.cols, a = A.data;
    if (S.start.length < M + 1) S.start = ints(M + 1);
    const start = S.start;
    let n = 0;
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
    const finite = firstNonFinite(S.value.subarray(0, n)) < 0;
    S.rows = M;
    S.cols = K;
    S.finite = finite;
    return S;
  }

  // Makes room for `size` entries (at least twice the old room), keeping the first ones.
  private grow(size: number): void {
    const room = Math.max(size, 2 * this.col.length);
    const col = ints(room), value = floats(room);
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
    if (T.start.length < K + 1) T.start = ints(K + 1);
    if (T.col.length < n) {
      T.col = ints(n);
      T.value = floats(n);
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
