/**
 * Chapters 4–5: activation functions. Without them a stack of dense layers is
 * still one linear function; a non-linearity after each layer lets the network
 * bend. Each works on one number or element-wise on a matrix; softmax works on
 * an array or on each row of a matrix.
 */
import { Matrix, formatShape } from "./matrix.ts";
import { assertFinite, assertMatrix } from "./check.ts";

function checkScalar(op: string, x: number): void {
  if (typeof x !== "number" || !Number.isFinite(x)) {
    throw new RangeError(`${op}: input is ${String(x)}, not a finite number`);
  }
}

function elementwise(op: string, input: number | Matrix, f: (x: number) => number): number | Matrix {
  if (typeof input === "number") {
    checkScalar(op, input);
    return f(input);
  }
  assertMatrix(op, "X", input);
  assertFinite(op, input, "X");
  const Y = Matrix.zeros(input.rows, input.cols); // [rows, cols]
  const x = input.data, y = Y.data;
  for (let i = 0; i < y.length; i++) y[i] = f(x[i]);
  return Y;
}

const stepFn = (x: number): number => (x > 0 ? 1 : 0);
const reluFn = (x: number): number => (x > 0 ? x : 0);
// 1 / (1 + e^(−x)), written so that e^(…) never overflows for large |x|.
const sigmoidFn = (x: number): number => {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
};

/**
 * The step function of the first artificial neurons: 1 if x > 0, else 0.
 * Historical: its slope is 0 everywhere, so gradient descent cannot use it.
 *
 * @chapter 4
 * @example
 * step(0.3);                         // 1
 * step(Matrix.from([[-1, 0, 2]]));   // [[0, 0, 1]]
 */
export function step(x: number): number;
export function step<R extends number, C extends number>(X: Matrix<R, C>): Matrix<R, C>;
export function step(input: number | Matrix): number | Matrix {
  return elementwise("step", input, stepFn);
}

/**
 * The sigmoid (logistic) function 1 / (1 + e^(−x)): squashes any number into
 * (0, 1), smoothly.
 *
 * @chapter 4
 * @example
 * sigmoid(0);                        // 0.5
 * sigmoid(Matrix.from([[-2, 0, 2]])); // [[0.1192029, 0.5, 0.8807971]]
 */
export function sigmoid(x: number): number;
export function sigmoid<R extends number, C extends number>(X: Matrix<R, C>): Matrix<R, C>;
export function sigmoid(input: number | Matrix): number | Matrix {
  return elementwise("sigmoid", input, sigmoidFn);
}

/**
 * The rectified linear unit max(0, x): negative inputs become 0, the rest pass
 * unchanged. Cheap, and its slope is 1 wherever the neuron is active.
 *
 * @chapter 4
 * @example
 * relu(-3);                           // 0
 * relu(Matrix.from([[-1, 0.5, 2]]));  // [[0, 0.5, 2]]
 */
export function relu(x: number): number;
export function relu<R extends number, C extends number>(X: Matrix<R, C>): Matrix<R, C>;
export function relu(input: number | Matrix): number | Matrix {
  return elementwise("relu", input, reluFn);
}

// softmax of one row in place: subtract the row's maximum first, so that e^(…)
// sees only numbers ≤ 0 and cannot overflow (softmax is unchanged by a shift).
function softmaxRow(src: Float32Array | readonly number[], dst: Float32Array | number[], from: number, n: number): void {
  let max = -Infinity;
  for (let j = 0; j < n; j++) if (src[from + j] > max) max = src[from + j];
  let sum = 0;
  for (let j = 0; j < n; j++) {
    const e = Math.exp(src[from + j] - max);
    dst[from + j] = e;
    sum += e;
  }
  for (let j = 0; j < n; j++) dst[from + j] /= sum;
}

/**
 * Softmax: exponentiate, then divide by the sum, turning scores into
 * probabilities that are positive and add up to 1. On a matrix it works on each
 * row (each sample) separately. Numerically stable: the row's maximum is
 * subtracted first, so `softmax([1000, 1000])` is `[0.5, 0.5]`, not NaN.
 *
 * @chapter 4
 * @example
 * softmax([1, 2, 3]);                      // ≈ [0.0900, 0.2447, 0.6652]
 * softmax(Matrix.from([[1, 2], [5, 5]]));  // [[0.2689414, 0.7310586], [0.5, 0.5]]
 */
export function softmax(values: readonly number[]): number[];
export function softmax<R extends number, C extends number>(X: Matrix<R, C>): Matrix<R, C>;
export function softmax(input: readonly number[] | Matrix): number[] | Matrix {
  if (Array.isArray(input)) {
    const values = input as readonly number[];
    if (values.length === 0) throw new RangeError("softmax: the array is empty");
    values.forEach((v, i) => {
      if (typeof v !== "number" || !Number.isFinite(v)) {
        throw new RangeError(`softmax: value ${i} is ${String(v)}, not a finite number`);
      }
    });
    const out: number[] = new Array(values.length);
    softmaxRow(values, out, 0, values.length);
    return out;
  }
  assertMatrix("softmax", "X", input);
  const X = input as Matrix;
  if (X.cols === 0) throw new RangeError(`softmax: ${formatShape(X)} has no columns`);
  assertFinite("softmax", X, "X");
  const Y = Matrix.zeros(X.rows, X.cols); // [batch, nOut]
  for (let r = 0; r < X.rows; r++) softmaxRow(X.data, Y.data, r * X.cols, X.cols);
  return Y;
}
