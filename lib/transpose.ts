/** Chapter 3: the transpose, rows become columns. */
import { Matrix } from "./matrix.ts";
import { assertFinite, assertMatrix } from "./check.ts";

/**
 * The transpose `Aᵀ`: element (i, j) of the result is element (j, i) of A.
 * Chapter 3 uses it to turn weights written one neuron per row, `[nOut, nIn]`,
 * into the library's `[nIn, nOut]`. A `Matrix<3, 4>` becomes a `Matrix<4, 3>`.
 *
 * @chapter 3
 * @example
 * transpose(Matrix.from([[1, 2, 3], [4, 5, 6]])).toArray(); // [[1, 4], [2, 5], [3, 6]]
 */
export function transpose<R extends number, C extends number>(A: Matrix<R, C>): Matrix<C, R> {
  assertMatrix("transpose", "A", A);
  assertFinite("transpose", A, "A");
  const T = Matrix.zeros(A.cols, A.rows); // [A.cols, A.rows]
  const a = A.data, t = T.data, R = A.rows, C = A.cols;
  for (let r = 0; r < R; r++) {
    for (let c = 0; c < C; c++) t[c * R + r] = a[r * C + c];
  }
  return T;
}
