/** Chapter 6: `argmax`, the index of the largest value: which class a network picks. */
import { Matrix } from "./matrix.ts";
import { assertMatrix } from "./check.ts";

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
