/**
 * Chapter 7: how wrong is the network? A loss turns predictions `yHat`
 * ([batch, nOut]) and targets `y` into one number to make smaller. Targets are
 * either class indices (one per sample, like MNIST's labels) or a matrix of the
 * same shape as `yHat` (one-hot rows, or any real targets for MSE).
 *
 * Chapter 9 adds each loss's backward pass, next to its forward pass: the
 * gradient of the loss with respect to `yHat`; losses.ts makes them objects.
 */
import { Matrix, formatShape } from "./matrix.ts";
import { assertFinite, assertMatrix } from "./check.ts";
import { finiteResult } from "./kernels/finite.ts";

/**
 * Targets: class indices (`number[]` or `Int32Array`, one per sample) or a
 * `[batch, nOut]` matrix (one-hot rows, or real values).
 *
 * @chapter 7
 * @example
 * const y: Targets = [3, 0, 9];               // three samples' classes
 * const Y: Targets = oneHot([3, 0, 9], 10);   // the same, one-hot [3, 10]
 */
export type Targets = readonly number[] | Int32Array | Matrix;

/**
 * Class indices as one-hot rows: row i is all zeros except a 1 in column y[i].
 *
 * @chapter 7
 * @example
 * oneHot([2, 0], 3).toArray(); // [[0, 0, 1], [1, 0, 0]]
 */
export function oneHot(y: readonly number[] | Int32Array, nClasses: number): Matrix {
  if (!Number.isInteger(nClasses) || nClasses <= 0) {
    throw new RangeError(`oneHot: nClasses must be a whole number > 0, got ${String(nClasses)}`);
  }
  const Y = Matrix.zeros(y.length, nClasses); // [batch, nClasses]
  for (let i = 0; i < y.length; i++) {
    const c = y[i];
    if (!Number.isInteger(c) || c < 0 || c >= nClasses) {
      throw new RangeError(`oneHot: y[${i}] is ${c}, not a class index in 0…${nClasses - 1}`);
    }
    Y.data[i * nClasses + c] = 1;
  }
  return Y;
}

// Checks yHat and y agree in size; returns y as class indices, or null if y is a matrix.
function classIndices(op: string, yHat: Matrix, y: Targets): readonly number[] | Int32Array | null {
  assertMatrix(op, "yHat", yHat);
  if (y instanceof Matrix) {
    if (y.rows !== yHat.rows || y.cols !== yHat.cols) {
      throw new RangeError(`${op}: yHat is ${formatShape(yHat)} but y is ${formatShape(y)}; they must match`);
    }
    return null;
  }
  if (!Array.isArray(y) && !(y instanceof Int32Array)) {
    throw new TypeError(`${op}: y must be class indices (number[]) or a Matrix`);
  }
  if (y.length !== yHat.rows) {
    throw new RangeError(`${op}: yHat has ${yHat.rows} rows (samples) but y has ${y.length} labels`);
  }
  for (let i = 0; i < y.length; i++) {
    const c = y[i];
    if (!Number.isInteger(c) || c < 0 || c >= yHat.cols) {
      throw new RangeError(`${op}: y[${i}] is ${c}, not a class index in 0…${yHat.cols - 1}`);
    }
  }
  return y;
}

function targetMatrix(op: string, yHat: Matrix, y: Targets): Matrix {
  const idx = classIndices(op, yHat, y);
  return idx === null ? (y as Matrix) : oneHot(idx, yHat.cols); // [batch, nOut]
}

function checkBatch(op: string, yHat: Matrix): void {
  if (yHat.rows === 0) throw new RangeError(`${op}: yHat ${formatShape(yHat)} has no samples`);
}

function finite(op: string, value: number, yHat: Matrix, y: Targets): number {
  return finiteResult(op, value, y instanceof Matrix ? { yHat, y } : { yHat });
}

/**
 * Mean squared error: the mean over all samples and outputs of (yHat − y)².
 *
 * @chapter 7
 * @example
 * mse(Matrix.from([[0.5, 1]]), Matrix.from([[0, 1]])); // 0.125
 */
export function mse(yHat: Matrix, y: Targets): number {
  const Y = targetMatrix("mse", yHat, y); // [batch, nOut]
  checkBatch("mse", yHat);
  const a = yHat.data, b = Y.data;
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i] - b[i]) ** 2;
  return finite("mse", sum / a.length, yHat, y);
}

/**
 * The gradient of `mse` with respect to `yHat`: 2·(yHat − y) / (batch·nOut).
 *
 * @chapter 9
 * @example
 * mseBackward(Matrix.from([[0.5, 1]]), Matrix.from([[0, 1]])).toArray(); // [[0.5, 0]]
 */
export function mseBackward(yHat: Matrix, y: Targets): Matrix {
  const Y = targetMatrix("mseBackward", yHat, y); // [batch, nOut]
  checkBatch("mseBackward", yHat);
  const dYHat = Matrix.zeros(yHat.rows, yHat.cols); // [batch, nOut]
  const n = yHat.data.length;
  for (let i = 0; i < n; i++) dYHat.data[i] = (2 * (yHat.data[i] - Y.data[i])) / n;
  return finiteResult("mseBackward", dYHat, { yHat, y: Y });
}

/**
 * Probabilities are clipped to [EPSILON, 1 − EPSILON] before the logarithm, so a
 * confident wrong answer costs −log(1e-7) ≈ 16.1 rather than Infinity.
 *
 * @chapter 7
 * @example
 * crossEntropy(Matrix.from([[0, 1]]), [0]); // −log(1e-7) ≈ 16.118
 */
export const EPSILON = 1e-7;

const clip = (p: number): number => (p < EPSILON ? EPSILON : p > 1 - EPSILON ? 1 - EPSILON : p);

/**
 * Categorical cross-entropy: the mean over samples of −Σ y·log(yHat), which for
 * class labels is −log of the probability given to the right class. `yHat`
 * should be probabilities (the output of softmax), clipped as `EPSILON` says.
 *
 * @chapter 7
 * @example
 * crossEntropy(Matrix.from([[0.7, 0.1, 0.2]]), [0]); // −log(0.7) ≈ 0.3567
 */
export function crossEntropy(yHat: Matrix, y: Targets): number {
  const idx = classIndices("crossEntropy", yHat, y);
  checkBatch("crossEntropy", yHat);
  const p = yHat.data, n = yHat.cols;
  let sum = 0;
  if (idx !== null) {
    for (let i = 0; i < yHat.rows; i++) sum -= Math.log(clip(p[i * n + idx[i]]));
  } else {
    const t = (y as Matrix).data;
    for (let i = 0; i < p.length; i++) if (t[i] !== 0) sum -= t[i] * Math.log(clip(p[i]));
  }
  return finite("crossEntropy", sum / yHat.rows, yHat, y);
}

/**
 * The gradient of `crossEntropy` with respect to `yHat`: −y / yHat / batch
 * (with yHat kept ≥ EPSILON, so there is no division by zero).
 *
 * @chapter 9
 * @example
 * crossEntropyBackward(Matrix.from([[0.5, 0.5]]), [1]).toArray(); // [[0, -2]]
 */
export function crossEntropyBackward(yHat: Matrix, y: Targets): Matrix {
  const Y = targetMatrix("crossEntropyBackward", yHat, y); // [batch, nOut]
  checkBatch("crossEntropyBackward", yHat);
  const dYHat = Matrix.zeros(yHat.rows, yHat.cols); // [batch, nOut]
  const p = yHat.data, t = Y.data, batch = yHat.rows;
  for (let i = 0; i < p.length; i++) {
    if (t[i] !== 0) dYHat.data[i] = -t[i] / Math.max(p[i], EPSILON) / batch;
  }
  return finiteResult("crossEntropyBackward", dYHat, { yHat, y: Y });
}

/**
 * The gradient of cross-entropy after softmax, with respect to the scores `Z`
 * that went into the softmax, given its output `yHat`: (yHat − y) / batch. The
 * two backward passes chained give the same, but this is simpler and faster.
 *
 * @chapter 9
 * @example
 * softmaxCrossEntropyBackward(Matrix.from([[0.7, 0.1, 0.2]]), [0]).toArray(); // [[-0.3, 0.1, 0.2]]
 */
export function softmaxCrossEntropyBackward(yHat: Matrix, y: Targets): Matrix {
  const idx = classIndices("softmaxCrossEntropyBackward", yHat, y);
  checkBatch("softmaxCrossEntropyBackward", yHat);
  const dZ = Matrix.zeros(yHat.rows, yHat.cols); // [batch, nOut]
  const p = yHat.data, d = dZ.data, n = yHat.cols, batch = yHat.rows;
  if (idx !== null) {
    for (let i = 0; i < p.length; i++) d[i] = p[i] / batch;
    for (let i = 0; i < batch; i++) d[i * n + idx[i]] -= 1 / batch;
  } else {
    const t = (y as Matrix).data;
    for (let i = 0; i < p.length; i++) d[i] = (p[i] - t[i]) / batch;
  }
  return finiteResult("softmaxCrossEntropyBackward", dZ, y instanceof Matrix ? { yHat, y } : { yHat });
}

/**
 * The fraction of samples whose predicted class (the argmax of their row of
 * `yHat`, or the given class indices) is the right one.
 *
 * @chapter 7
 * @example
 * accuracy(Matrix.from([[0.9, 0.1], [0.4, 0.6]]), [0, 0]); // 0.5
 */
export function accuracy(yHat: Matrix | readonly number[], y: Targets): number {
  if (!(yHat instanceof Matrix)) {
    const predictions = yHat;
    const labels = y instanceof Matrix ? null : y;
    if (labels === null || labels.length !== predictions.length) {
      throw new RangeError(`accuracy: ${predictions.length} predictions but ${labels === null ? "a matrix of" : labels.length} labels`);
    }
    if (labels.length === 0) throw new RangeError("accuracy: no samples");
    let right = 0;
    for (let i = 0; i < labels.length; i++) if (predictions[i] === labels[i]) right++;
    return right / labels.length;
  }
  const idx = classIndices("accuracy", yHat, y);
  checkBatch("accuracy", yHat);
  assertFinite("accuracy", yHat, "yHat");
  const n = yHat.cols, p = yHat.data;
  let right = 0;
  for (let i = 0; i < yHat.rows; i++) {
    let best = 0;
    for (let j = 1; j < n; j++) if (p[i * n + j] > p[i * n + best]) best = j;
    let target: number;
    if (idx !== null) target = idx[i];
    else {
      const t = (y as Matrix).data;
      target = 0;
      for (let j = 1; j < n; j++) if (t[i * n + j] > t[i * n + target]) target = j;
    }
    if (best === target) right++;
  }
  return right / yHat.rows;
}
