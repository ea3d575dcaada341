/**
 * Chapter 3: small guards shared by the library's operations, so that every error names the
 * operation and the shapes involved. Not part of the book's story; exported for
 * readers who write their own operations.
 */
import { Matrix, formatShape } from "./matrix.ts";
import { assertFiniteNumbers } from "./kernels/finite.ts";

/**
 * Throws unless `value` is a `Matrix`, naming the operation and the argument.
 *
 * @chapter 3
 * @example
 * assertMatrix("matmul", "A", [[1, 2]]); // throws: matmul: A must be a Matrix (use Matrix.from(…)), got an array
 */
export function assertMatrix(op: string, name: string, value: unknown): asserts value is Matrix {
  if (!(value instanceof Matrix)) {
    const got = Array.isArray(value) ? "an array" : value === null ? "null" : typeof value;
    throw new TypeError(`${op}: ${name} must be a Matrix (use Matrix.from(…)), got ${got}`);
  }
}

/**
 * Throws unless `A` and `B` have the same shape.
 *
 * @chapter 3
 * @example
 * assertSameShape("add", Matrix.zeros(2, 3), Matrix.zeros(3, 2)); // throws: add: [2×3] and [3×2]: shapes differ
 */
export function assertSameShape(op: string, A: Matrix, B: Matrix): void {
  assertMatrix(op, "first argument", A);
  assertMatrix(op, "second argument", B);
  if (A.rows !== B.rows || A.cols !== B.cols) {
    throw new RangeError(`${op}: ${formatShape(A)} and ${formatShape(B)}: shapes differ`);
  }
}

/**
 * Returns `out` if it has the wanted shape, or a new zero matrix if `out` is
 * undefined; throws otherwise. Lets hot loops reuse memory.
 *
 * @chapter 3
 * @example
 * const C = outputMatrix("matmul", 2, 4); // [2, 4], zeros
 */
export function outputMatrix<R extends number, C extends number>(op: string, rows: R, cols: C, out?: Matrix): Matrix<R, C> {
  if (out === undefined) return Matrix.zeros(rows, cols); // [rows, cols]
  assertMatrix(op, "out", out);
  if (out.rows !== rows || out.cols !== cols) {
    throw new RangeError(`${op}: out is ${formatShape(out)} but the result is [${rows}×${cols}]`);
  }
  return out;
}

/**
 * Throws if any element of `A` is NaN or ±Infinity, naming the operation,
 * `A`'s shape and the first bad position. Operations whose results could
 * overflow pass them through the same guard (`finiteResult`, lib/kernels/finite.ts).
 *
 * @chapter 3
 * @example
 * assertFinite("softmax", Matrix.from([[1, 2]])); // passes
 */
export function assertFinite(op: string, A: Matrix, what = "input"): void {
  assertFiniteNumbers(op, A, what);
}
