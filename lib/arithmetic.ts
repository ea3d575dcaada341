/**
 * Chapter 3: element-wise arithmetic on matrices of the same shape, and adding
 * one row (a layer's biases) to every row of a batch, and its mirror image,
 * adding up the rows (a bias gradient, chapter 9).
 */
import { Matrix, formatShape } from "./matrix.ts";
import type { SameShape } from "./shapes.ts";
import type { SizesFit } from "./sizes.ts";
import { assertMatrix, assertSameShape, outputMatrix } from "./check.ts";
import { finiteResult } from "./kernels/finite.ts";

/**
 * `A` with the single row `row` added to each of its rows: how a layer adds its
 * biases `b` ([1, nOut]) to every sample's weighted sums ([batch, nOut]).
 *
 * @chapter 3
 * @example
 * addRow(Matrix.from([[1, 2], [3, 4]]), Matrix.from([[10, 20]])).toArray(); // [[11, 22], [13, 24]]
 */
export function addRow<R extends number, C extends number, R1 extends number, C1 extends number>(
  A: Matrix<R, C>,
  row: [SizesFit<R1, 1>, SizesFit<C1, C>] extends [true, true] ? Matrix<R1, C1> : `the row must be Matrix<1, ${C}>, not Matrix<${R1}, ${C1}>`,
  out?: NoInfer<Matrix<R, C>>,
): Matrix<R, C>;
export function addRow(A: Matrix, row: Matrix, out?: Matrix): Matrix {
  assertMatrix("addRow", "A", A);
  assertMatrix("addRow", "row", row);
  if (row.rows !== 1 || row.cols !== A.cols) {
    throw new RangeError(
      `addRow: ${formatShape(A)} + ${formatShape(row)}: the row must be [1×${A.cols}]`,
    );
  }
  const C = outputMatrix("addRow", A.rows, A.cols, out); // [A.rows, A.cols]
  const a = A.data, r = row.data, c = C.data, n = A.cols;
  for (let i = 0; i < A.rows; i++) {
    const o = i * n;
    for (let j = 0; j < n; j++) c[o + j] = a[o + j] + r[j];
  }
  return finiteResult(`addRow: ${formatShape(A)} + ${formatShape(row)}`, C, { A, row });
}

/**
 * The sum of the rows: a `[1, cols]` matrix whose element j adds up column j.
 * Backpropagation uses it for a layer's bias gradient, `db = sumRows(dZ)`.
 *
 * @chapter 9
 * @example
 * sumRows(Matrix.from([[1, 2], [3, 4]])).toArray(); // [[4, 6]]
 */
export function sumRows<R extends number, C extends number>(A: Matrix<R, C>, out?: NoInfer<Matrix<1, C>>): Matrix<1, C>;
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
  return finiteResult(`sumRows: ${formatShape(A)}`, S, { A });
}

function zip(op: string, A: Matrix, B: Matrix, f: (x: number, y: number) => number): Matrix {
  assertSameShape(op, A, B);
  const C = Matrix.zeros(A.rows, A.cols); // [A.rows, A.cols]
  const a = A.data, b = B.data, c = C.data;
  for (let i = 0; i < c.length; i++) c[i] = f(a[i], b[i]);
  return finiteResult(`${op}: ${formatShape(A)} and ${formatShape(B)}`, C, { A, B });
}

/**
 * Element-wise sum `A + B` of two matrices of the same shape.
 *
 * @chapter 3
 * @example
 * add(Matrix.from([[1, 2]]), Matrix.from([[3, 4]])).toArray(); // [[4, 6]]
 */
export function add<R extends number, C extends number, R2 extends number, C2 extends number>(A: Matrix<R, C>, B: SameShape<R, C, R2, C2>): Matrix<R, C>;
export function add(A: Matrix, B: Matrix): Matrix {
  return zip("add", A, B, (x, y) => x + y);
}

/**
 * Element-wise difference `A − B` of two matrices of the same shape.
 *
 * @chapter 3
 * @example
 * subtract(Matrix.from([[5, 5]]), Matrix.from([[1, 2]])).toArray(); // [[4, 3]]
 */
export function subtract<R extends number, C extends number, R2 extends number, C2 extends number>(A: Matrix<R, C>, B: SameShape<R, C, R2, C2>): Matrix<R, C>;
export function subtract(A: Matrix, B: Matrix): Matrix {
  return zip("subtract", A, B, (x, y) => x - y);
}

/**
 * Element-wise (Hadamard) product `A ⊙ B` of two matrices of the same shape;
 * not the matrix product, which is `matmul`.
 *
 * @chapter 3
 * @example
 * multiply(Matrix.from([[2, 3]]), Matrix.from([[4, 5]])).toArray(); // [[8, 15]]
 */
export function multiply<R extends number, C extends number, R2 extends number, C2 extends number>(A: Matrix<R, C>, B: SameShape<R, C, R2, C2>): Matrix<R, C>;
export function multiply(A: Matrix, B: Matrix): Matrix {
  return zip("multiply", A, B, (x, y) => x * y);
}

/**
 * Every element of `A` times the number `s`.
 *
 * @chapter 3
 * @example
 * scale(Matrix.from([[1, -2]]), 3).toArray(); // [[3, -6]]
 */
export function scale<R extends number, C extends number>(A: Matrix<R, C>, s: number): Matrix<R, C>;
export function scale(A: Matrix, s: number): Matrix {
  assertMatrix("scale", "A", A);
  if (typeof s !== "number" || !Number.isFinite(s)) {
    throw new RangeError(`scale: factor is ${String(s)}, not a finite number`);
  }
  const C = Matrix.zeros(A.rows, A.cols); // [A.rows, A.cols]
  for (let i = 0; i < C.data.length; i++) C.data[i] = A.data[i] * s;
  return finiteResult(`scale: ${formatShape(A)} · ${s}`, C, { A });
}

/**
 * A new matrix with `f` applied to every element of `A`. Throws if `f` returns
 * NaN or ±Infinity anywhere (say `Math.log` of a negative number).
 *
 * @chapter 3
 * @example
 * map(Matrix.from([[1, 4, 9]]), Math.sqrt).toArray(); // [[1, 2, 3]]
 */
export function map<R extends number, C extends number>(A: Matrix<R, C>, f: (x: number) => number): Matrix<R, C>;
export function map(A: Matrix, f: (x: number) => number): Matrix {
  assertMatrix("map", "A", A);
  if (typeof f !== "function") throw new TypeError(`map: f must be a function, got ${typeof f}`);
  const C = Matrix.zeros(A.rows, A.cols); // [A.rows, A.cols]
  for (let i = 0; i < C.data.length; i++) C.data[i] = f(A.data[i]);
  return finiteResult(`map: ${formatShape(A)}`, C, { A }, (i) => `f(${A.data[i]}) is not a finite number`);
}
