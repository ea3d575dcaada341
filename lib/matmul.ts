/**
 * Chapter 3 (and 9): the matrix product, the one operation a neural network
 * spends nearly all of its time in. Element (i, j) of A·B is the dot product of
 * row i of A and column j of B; the loop chapter 3 writes is
 *
 *   for i, for j: sum = 0; for k: sum += A[i][k] · B[k][j]; C[i][j] = sum
 *
 * and `referenceMatmul` in lib/kernels/reference.ts is exactly that. The
 * functions here check the shapes, pick a kernel that computes the same sums
 * faster (lib/kernels/: register-blocked for dense A, zero-skipping for sparse
 * A, chapter 12 explains them, and WebAssembly ones once chapter 12's
 * `loadFastKernels` has filled the kernel slot), and refuse to return NaN or Infinity.
 */
import { Matrix, formatShape } from "./matrix.ts";
import type { SizesFit } from "./sizes.ts";
import { assertMatrix, outputMatrix } from "./check.ts";
import { finiteResult } from "./kernels/finite.ts";
import { SparseRows } from "./kernels/sparse-rows.ts";
import { SPARSE_ENOUGH, sparseKernel, sparseNarrowKernel, zeroFraction } from "./kernels/sparse.ts";
import { blockedKernel, narrowKernel, transBKernel } from "./kernels/blocked.ts";
import { kernelSlot } from "./kernels/slot.ts";

// Below this many columns of C, listing non-zeros costs more than it saves.
const NARROW = 16;

// Lists for a Matrix given to matmul or matmulTransA, reused from call to call.
const scratchRows = new SparseRows();
const scratchColumns = new SparseRows();

// The inputs of a product, for the guard to name a bad one: a SparseRows is
// checked through its flag (Dense.forward names the bad element of its input).
function inputs(A: Matrix | SparseRows, B: Matrix): Record<string, Matrix> {
  if (A instanceof SparseRows && !A.finite) throw new RangeError(`SparseRows ${formatShape(A)}: holds NaN or ±Infinity`);
  return A instanceof SparseRows ? { B } : { A, B };
}

function checkInner(op: string, shapes: string, a: number, b: number): void {
  if (a !== b) throw new RangeError(`${op}: ${shapes}: inner sizes ${a} and ${b} differ`);
}

/**
 * The matrix product `A·B`: element (i, j) is the dot product of row i of A and
 * column j of B. Pass `out` to write into an existing `[A.rows, B.cols]` matrix.
 * A may also be given as its list of non-zeros (`SparseRows`), with the same result.
 *
 * Where the code knows the sizes, so does the editor: `matmul(Matrix.zeros(3, 4),
 * Matrix.zeros(5, 2))` is underlined, "inner sizes differ: Matrix<3, 4> ·
 * Matrix<5, 2>", before it runs.
 *
 * @chapter 3
 * @example
 * const X = Matrix.from([[1, 2, 3, 2.5]]);            // [1, 4]
 * const W = Matrix.from([[0.2], [0.8], [-0.5], [1]]); // [4, 1]
 * matmul(X, W).toArray();                              // [[2.8]]
 */
export function matmul<R extends number, K extends number, K2 extends number, C extends number>(
  A: Matrix<R, K> | SparseRows,
  B: SizesFit<K, K2> extends true ? Matrix<K2, C> : `inner sizes differ: Matrix<${R}, ${K}> · Matrix<${K2}, ${C}>`,
  out?: NoInfer<Matrix<R, C>>,
): Matrix<R, C>;
export function matmul(A: Matrix | SparseRows, B: Matrix, out?: Matrix): Matrix {
  if (!(A instanceof SparseRows)) assertMatrix("matmul", "A", A);
  assertMatrix("matmul", "B", B);
  const shapes = `${formatShape(A)}·${formatShape(B)}`;
  checkInner("matmul", shapes, A.cols, B.rows);
  const C = outputMatrix("matmul", A.rows, B.cols, out); // [A.rows, B.cols]
  const N = B.cols;
  const fast = kernelSlot.fast; // null: the TypeScript kernels
  if (A instanceof SparseRows) {
    if (fast?.sparse(A, B.data, C.data, N)) return finiteResult(`matmul: ${shapes}`, C, inputs(A, B));
    if (N < NARROW) sparseNarrowKernel(A, B.data, C.data, N);
    else sparseKernel(A, B.data, C.data, N);
  } else if (N < NARROW) narrowKernel(A.data, B.data, C.data, A.rows, A.cols, N);
  else if (fast?.dense(A.data, B.data, C.data, A.rows, A.cols, N)) return finiteResult(`matmul: ${shapes}`, C, { A, B });
  else if (zeroFraction(A.data) >= SPARSE_ENOUGH) sparseKernel(SparseRows.from(A, scratchRows), B.data, C.data, N);
  else blockedKernel(A.data, B.data, C.data, A.rows, A.cols, N);
  return finiteResult(`matmul: ${shapes}`, C, inputs(A, B));
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
export function matmulTransA<M extends number, K extends number, M2 extends number, N extends number>(
  A: Matrix<M, K> | SparseRows,
  B: SizesFit<M, M2> extends true ? Matrix<M2, N> : `inner sizes differ: Matrix<${M}, ${K}>ᵀ · Matrix<${M2}, ${N}>`,
  out?: NoInfer<Matrix<K, N>>,
): Matrix<K, N>;
export function matmulTransA(A: Matrix | SparseRows, B: Matrix, out?: Matrix): Matrix {
  if (!(A instanceof SparseRows)) assertMatrix("matmulTransA", "A", A);
  assertMatrix("matmulTransA", "B", B);
  const shapes = `${formatShape(A)}ᵀ·${formatShape(B)}`;
  checkInner("matmulTransA", shapes, A.rows, B.rows);
  const C = outputMatrix("matmulTransA", A.cols, B.cols, out); // [A.cols, B.cols]
  const S = A instanceof SparseRows ? A : SparseRows.from(A, scratchRows); // [M, K]: A's non-zeros, row by row
  const T = S.transpose(scratchColumns); // [K, M]: Aᵀ's non-zeros, row by row
  const done = kernelSlot.fast?.sparse(T, B.data, C.data, B.cols) ?? false; // WebAssembly, any width
  if (!done && B.cols < NARROW) sparseNarrowKernel(T, B.data, C.data, B.cols);
  else if (!done) sparseKernel(T, B.data, C.data, B.cols);
  return finiteResult(`matmulTransA: ${shapes}`, C, inputs(A, B));
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
export function matmulTransB<M extends number, K extends number, N extends number, K2 extends number>(
  A: Matrix<M, K>,
  B: SizesFit<K, K2> extends true ? Matrix<N, K2> : `inner sizes differ: Matrix<${M}, ${K}> · Matrix<${N}, ${K2}>ᵀ`,
  out?: NoInfer<Matrix<M, N>>,
): Matrix<M, N>;
export function matmulTransB(A: Matrix, B: Matrix, out?: Matrix): Matrix {
  assertMatrix("matmulTransB", "A", A);
  assertMatrix("matmulTransB", "B", B);
  const shapes = `${formatShape(A)}·${formatShape(B)}ᵀ`;
  checkInner("matmulTransB", shapes, A.cols, B.cols);
  const C = outputMatrix("matmulTransB", A.rows, B.rows, out); // [A.rows, B.rows]
  // Small products stay in TypeScript; a thin inner size does not make one small:
  // dZ·Wᵀ of a 10-neuron output layer ([128×10]·[512×10]ᵀ) runs 7× faster in WebAssembly.
  const fast = B.rows >= NARROW && A.rows * A.cols * B.rows >= NARROW ** 3 ? kernelSlot.fast : null;
  if (!fast?.transB(A.data, B.data, C.data, A.rows, A.cols, B.rows)) transBKernel(A.data, B.data, C.data, A.rows, A.cols, B.rows);
  return finiteResult(`matmulTransB: ${shapes}`, C, { A, B });
}
