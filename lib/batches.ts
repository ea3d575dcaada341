/**
 * Chapter 10: cutting a training set into minibatches. An epoch visits the
 * samples in a shuffled order; a batch is the next `batchSize` of them, copied
 * into one matrix so that the whole batch goes through each layer as one product.
 */
import { Matrix, formatShape } from "./matrix.ts";
import { assertMatrix } from "./check.ts";
import type { Targets } from "./loss.ts";

/**
 * A minibatch: its inputs `Xb` ([batch, nIn]) and targets `yb`.
 *
 * @chapter 10
 * @example
 * const { Xb, yb } = gatherBatch(X, y, order, 0, 32); // the first 32 samples of this epoch's order
 */
export interface Batch {
  Xb: Matrix;
  yb: Targets;
}

/**
 * Throws unless `X` is a matrix and `y` has one target per row of `X`.
 *
 * @chapter 10
 * @example
 * checkSamples("train", mnist.train.X, mnist.train.y); // passes: 8,000 rows, 8,000 labels
 */
export function checkSamples(op: string, X: Matrix, y: Targets): void {
  assertMatrix(op, "X", X);
  const n = y instanceof Matrix ? y.rows : y.length;
  if (n !== X.rows) throw new RangeError(`${op}: X is ${formatShape(X)} but y has ${n} ${y instanceof Matrix ? "rows" : "labels"}`);
}

/**
 * Copies the samples `order[from…to)` of `X` and `y` into a batch. Pass the
 * previous batch as `into` to reuse its memory when the size is the same.
 *
 * @chapter 10
 * @example
 * let batch = gatherBatch(X, y, order, 0, 32);
 * batch = gatherBatch(X, y, order, 32, 64, batch); // the same memory, the next 32 samples
 */
export function gatherBatch(X: Matrix, y: Targets, order: Int32Array, from: number, to: number, into?: Batch): Batch {
  const n = to - from;
  const reuse = into !== undefined && into.Xb.rows === n;
  const Xb = reuse ? into.Xb : Matrix.zeros(n, X.cols); // [batch, nIn]
  for (let i = 0; i < n; i++) Xb.data.set(X.data.subarray(order[from + i] * X.cols, (order[from + i] + 1) * X.cols), i * X.cols);
  if (y instanceof Matrix) {
    const Yb = reuse ? (into.yb as Matrix) : Matrix.zeros(n, y.cols); // [batch, nOut]
    for (let i = 0; i < n; i++) Yb.data.set(y.data.subarray(order[from + i] * y.cols, (order[from + i] + 1) * y.cols), i * y.cols);
    return { Xb, yb: Yb };
  }
  const yb = reuse ? (into.yb as Int32Array) : new Int32Array(n);
  for (let i = 0; i < n; i++) yb[i] = y[order[from + i]];
  return { Xb, yb };
}

/**
 * The numbers 0…n−1 in order: the order of samples before any shuffling.
 *
 * @chapter 10
 * @example
 * identityOrder(4); // Int32Array [0, 1, 2, 3]
 */
export function identityOrder(n: number): Int32Array {
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  return order;
}
