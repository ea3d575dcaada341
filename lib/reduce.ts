/** Reductions along the rows of a matrix: sums (chapter 9) and argmax (chapter 6). */
import { Matrix } from "./matrix.ts";
import { assertMatrix } from "./check.ts";

/**
 * The sum of the rows: a `[1, cols]` matrix whose element j adds up column j.
 * Backpropagation uses it for a layer's bias gradient, `db = sumRows(dZ)`.
 *
 * @chapter 9
 * @example
 * sumRows(Matrix.from([[1, 2], [3, 4]])).toArray(); // [[4, 6]]
 */
export function sumRows(A: Matrix, out?: Matrix): Matrix {
  assertMatrix("sumRows", "A", A);
  const S = out ?? Matrix.zeros(1, A.cols); // [1, cols]
  if (S.rows !== 1 || S.cols !== A.cols) {
    throw new RangeError(`sumRows: out is [${S.rows}×${S.cols}] but the result is [1×${A.cols}]`);
  }
  const a = A.data, s = S.data, n = A.cols;
  s.fill(0);
  for (let i = 0; i < A.rows; i++) {
    const o = i * n;
    for (let j = 0; j < n; j++) s[j] += a[o + j];
  }
  return S;
}

/**
 * The index of the largest value: of an array, a number; of a matrix, one index
 * per row (the predicted class of each sample). Ties go to the first.
 *
 * @chapter 6
 * @example
 * argmax([0.1, 0.7, 0.2]);                          // 1
 * argmax(Matrix.from([[0.1, 0.9], [0.8, 0.2]]));   // [1, 0]
 */
export function argmax(values: readonly number[]): number;
export function argmax(A: Matrix): number[];
export function argmax(A: Matrix | readonly number[]): number | number[] {
  if (Array.isArray(A)) {
    if (A.length === 0) throw new RangeError("argmax: the array is empty");
    let best = 0;
    for (let i = 1; i < A.length; i++) {
      if (Number.isNaN(A[i])) throw new RangeError(`argmax: value ${i} is NaN`);
      if (A[i] > A[best]) best = i;
    }
    if (Number.isNaN(A[0])) throw new RangeError("argmax: value 0 is NaN");
    return best;
  }
  assertMatrix("argmax", "A", A);
  const M = A as Matrix;
  if (M.cols === 0) throw new RangeError(`argmax: [${M.rows}×0] has no columns`);
  const out: number[] = new Array(M.rows);
  const d = M.data, n = M.cols;
  for (let r = 0; r < M.rows; r++) {
    const o = r * n;
    let best = 0;
    let bestValue = d[o];
    for (let j = 1; j < n; j++) {
      if (d[o + j] > bestValue) {
        bestValue = d[o + j];
        best = j;
      }
    }
    if (Number.isNaN(bestValue)) throw new RangeError(`argmax: row ${r} contains NaN`);
    out[r] = best;
  }
  return out;
}
