/**
 * Chapter 10: training. Repeat for each epoch: shuffle the training samples,
 * cut them into minibatches, and for each batch run forward, measure the loss,
 * run backward, and let the optimiser update the parameters. After each epoch,
 * measure the model on the validation samples it never trains on.
 *
 * Measured on the book's MNIST split (8,000 training digits; see `loadMnist`)
 * with 784-128-10 (`Dense(784, 128, { init: "he" })`, `ReLU`, `Dense(128, 10)`,
 * `Softmax`), batches of 32:
 * - `new SGD({ lr: 0.1 })`, 3 epochs: about 92 % test accuracy (a few seconds);
 * - plain SGD, momentum, Adam or L2 alone level off at 93–95 % test accuracy
 *   (validation 95–96 %): 8,000 digits are too few for more;
 * - the recipe for ≥ 95 %: `new SGD({ lr: 0.02, momentum: 0.9 })` with every
 *   batch shifted by up to one pixel (`augment: (Xb, rng) => shiftImages(Xb, { rng })`)
 *   for 15 epochs: 96–97 % test accuracy (`new Adam({ lr: 0.001 })` instead: 96 %).
 */
import { Matrix, formatShape } from "./matrix.ts";
import { assertMatrix } from "./check.ts";
import { Random } from "./random.ts";
import { Softmax } from "./activation-layers.ts";
import { accuracy, crossEntropyLoss, mseLoss, softmaxCrossEntropyBackward, type Loss, type Targets } from "./loss.ts";
import { SGD, type Optimizer } from "./optimizers.ts";
import type { Param } from "./layer.ts";
import type { Sequential } from "./sequential.ts";

/**
 * What `onBatch` receives after each minibatch: where training is, and that
 * batch's loss and accuracy.
 *
 * @chapter 10
 * @example
 * { epoch: 1, epochs: 5, batch: 100, batches: 250, loss: 0.41, accuracy: 0.875, seconds: 0.21 }
 */
export interface BatchProgress {
  epoch: number;
  epochs: number;
  batch: number;
  batches: number;
  loss: number;
  accuracy: number;
  /** Seconds since training started. */
  seconds: number;
}

/**
 * What `onEpoch` receives, and `train` returns one of per epoch: the mean
 * training loss and accuracy over the epoch's batches, and the validation loss
 * and accuracy measured after it.
 *
 * @chapter 10
 * @example
 * { epoch: 1, epochs: 5, loss: 0.45, accuracy: 0.87, validation: { loss: 0.29, accuracy: 0.92 }, seconds: 0.3 }
 */
export interface EpochResult {
  epoch: number;
  epochs: number;
  loss: number;
  accuracy: number;
  validation?: { loss: number; accuracy: number };
  /** Seconds this epoch took (training and validation). */
  seconds: number;
}

/**
 * The result of `train`: one entry per finished epoch, whether training was
 * stopped early (by a callback returning false or by the abort signal), and the
 * total time.
 *
 * @chapter 10
 * @example
 * history.epochs.at(-1).validation.accuracy; // e.g. 0.95
 */
export interface History {
  epochs: EpochResult[];
  stopped: boolean;
  seconds: number;
}

/**
 * Options for `train`. Only `epochs` is required. Defaults: batches of 32,
 * `new SGD({ lr: 0.1 })`, cross-entropy if the model ends in `Softmax` (else
 * MSE), shuffling with seed 0. Return `false` from `onBatch` or `onEpoch`, or
 * abort `signal`, to stop after the current batch.
 *
 * @chapter 10
 * @example
 * { epochs: 5, batchSize: 32, optimizer: new SGD({ lr: 0.1 }), validation: mnist.validation,
 *   onEpoch: (e) => console.log(e.epoch, e.loss, e.validation?.accuracy) }
 */
export interface TrainOptions {
  epochs: number;
  batchSize?: number;
  optimizer?: Optimizer;
  loss?: Loss;
  validation?: { X: Matrix; y: Targets };
  seed?: number;
  shuffle?: boolean;
  onBatch?: (progress: BatchProgress) => boolean | void;
  onEpoch?: (result: EpochResult) => boolean | void;
  signal?: AbortSignal;
  /** Transforms each training batch before it is used (chapter 11), e.g. `shiftImages`. */
  augment?: (Xb: Matrix, rng: Random) => Matrix;
}

const now = (): number => (typeof performance !== "undefined" ? performance.now() : Date.now());

// Lets the event loop run (a page's events, a timer that aborts), then goes on.
// Node's setImmediate does that without setTimeout's minimum wait of 1 ms.
const pause = (): Promise<void> =>
  new Promise((resolve) => (typeof setImmediate === "function" ? setImmediate(resolve) : setTimeout(resolve, 0)));

function checkTargets(op: string, X: Matrix, y: Targets): void {
  const n = y instanceof Matrix ? y.rows : y.length;
  if (n !== X.rows) throw new RangeError(`${op}: X is ${formatShape(X)} but y has ${n} ${y instanceof Matrix ? "rows" : "labels"}`);
}

// Copies the rows order[from…to) of X and y into a batch. Pass the last batch
// back as `into` to reuse its memory when the size is the same.
function gather(
  X: Matrix, y: Targets, order: Int32Array, from: number, to: number, into?: { Xb: Matrix; yb: Targets },
): { Xb: Matrix; yb: Targets } {
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

function firstNonFinite(params: readonly Param[]): string | null {
  for (const p of params) {
    for (const v of p.value.data) if (!Number.isFinite(v)) return p.name;
    for (const v of p.grad.data) if (!Number.isFinite(v)) return `gradient of ${p.name}`;
  }
  return null;
}

function divergence(where: string, detail: string, optimizer: Optimizer, cause?: unknown): Error {
  return new Error(
    `train: ${where}: ${detail}. Training diverged: the updates grew until the numbers overflowed. ` +
      `The learning rate (${optimizer.name}) is probably too large; try one 3–10 times smaller.`,
    cause === undefined ? undefined : { cause },
  );
}

/**
 * The loss and accuracy of `model` on `X`, `y`, computed 1,000 samples at a
 * time. No training.
 *
 * @chapter 10
 * @example
 * evaluate(model, mnist.test.X, mnist.test.y); // { loss: 0.16, accuracy: 0.953 }
 */
export function evaluate(model: Sequential, X: Matrix, y: Targets, loss?: Loss): { loss: number; accuracy: number } {
  assertMatrix("evaluate", "X", X);
  checkTargets("evaluate", X, y);
  if (X.rows === 0) throw new RangeError("evaluate: X has no samples");
  const lossFn = loss ?? (model.layers[model.layers.length - 1] instanceof Softmax ? crossEntropyLoss : mseLoss);
  const chunk = 1000;
  let lossSum = 0;
  let right = 0;
  const all = new Int32Array(X.rows).map((_, i) => i);
  for (let from = 0; from < X.rows; from += chunk) {
    const to = Math.min(X.rows, from + chunk);
    const { Xb, yb } = gather(X, y, all, from, to);
    const yHat = model.forward(Xb); // [chunk, nOut]
    lossSum += lossFn.forward(yHat, yb) * (to - from);
    right += accuracy(yHat, yb) * (to - from);
  }
  return { loss: lossSum / X.rows, accuracy: right / X.rows };
}

/**
 * Trains `model` on `X` ([n, nIn]) and `y` (class indices or [n, nOut]) with
 * shuffled minibatches for `options.epochs` epochs; see `TrainOptions`. Returns
 * the history. Asynchronous so that a page stays responsive and an abort signal
 * can arrive: it yields to the event loop every 50 ms or so. If the numbers
 * become NaN or infinite it throws, naming the epoch and batch and the likely
 * cause (too large a learning rate).
 *
 * @chapter 10
 * @example
 * const model = new Sequential([new Dense(784, 128, { init: "he" }), new ReLU(), new Dense(128, 10), new Softmax()]);
 * const history = await train(model, mnist.train.X, mnist.train.y, {
 *   epochs: 5, optimizer: new SGD({ lr: 0.1 }), validation: mnist.validation,
 *   onEpoch: (e) => console.log(`epoch ${e.epoch}: loss ${e.loss.toFixed(3)}`),
 * });
 */
export async function train(model: Sequential, X: Matrix, y: Targets, options: TrainOptions): Promise<History> {
  assertMatrix("train", "X", X);
  checkTargets("train", X, y);
  const { epochs } = options;
  const batchSize = options.batchSize ?? 32;
  if (!Number.isInteger(epochs) || epochs < 0) throw new RangeError(`train: epochs must be a whole number ≥ 0, got ${String(epochs)}`);
  if (!Number.isInteger(batchSize) || batchSize <= 0) throw new RangeError(`train: batchSize must be a whole number > 0, got ${String(batchSize)}`);
  if (X.rows === 0) throw new RangeError("train: X has no samples");
  if (options.validation) {
    assertMatrix("train", "validation.X", options.validation.X);
    checkTargets("train: validation", options.validation.X, options.validation.y);
  }
  const optimizer = options.optimizer ?? new SGD({ lr: 0.1 });
  const last = model.layers.length - 1;
  const endsInSoftmax = model.layers[last] instanceof Softmax;
  const loss = options.loss ?? (endsInSoftmax ? crossEntropyLoss : mseLoss);
  // Softmax followed by cross-entropy: use their combined, simpler gradient.
  const combined = endsInSoftmax && loss === crossEntropyLoss;
  const params = model.params();
  const rng = new Random(options.seed ?? 0);
  const order = new Int32Array(X.rows).map((_, i) => i);
  const batches = Math.ceil(X.rows / batchSize);
  const start = now();
  let lastYield = start;
  const history: History = { epochs: [], stopped: false, seconds: 0 };
  let gathered: { Xb: Matrix; yb: Targets } | undefined;

  for (let epoch = 1; epoch <= epochs && !history.stopped; epoch++) {
    const epochStart = now();
    if (options.shuffle ?? true) rng.shuffle(order);
    let lossSum = 0;
    let right = 0;
    let seen = 0;
    for (let batch = 1; batch <= batches; batch++) {
      const from = (batch - 1) * batchSize;
      const to = Math.min(X.rows, from + batchSize);
      gathered = gather(X, y, order, from, to, gathered); // the same memory, batch after batch
      const yb = gathered.yb;
      const Xb = options.augment ? options.augment(gathered.Xb, rng) : gathered.Xb; // [batch, nIn]
      const where = `epoch ${epoch}, batch ${batch} of ${batches}`;
      let batchLoss: number;
      let batchAccuracy: number;
      try {
        const yHat = model.forward(Xb); // [batch, nOut]
        batchLoss = loss.forward(yHat, yb);
        batchAccuracy = accuracy(yHat, yb);
        // dZ of the last dense layer, [batch, nOut]; backward fills every dW and db.
        if (combined) model.backward(softmaxCrossEntropyBackward(yHat, yb), { from: last - 1, inputGradient: false });
        else model.backward(loss.backward(yHat, yb), { inputGradient: false }); // dYHat [batch, nOut]
        // A NaN in the weights shows up in the next forward pass (activations and
        // losses refuse non-finite input), so no need to scan them here.
        optimizer.step(params);
      } catch (error) {
        if ((error as Error).message.startsWith("train:")) throw error;
        const bad = firstNonFinite(params);
        if (bad !== null || /NaN|Infinity/.test((error as Error).message)) {
          throw divergence(where, (error as Error).message, optimizer, error);
        }
        throw new Error(`train: ${where}: ${(error as Error).message}`, { cause: error });
      }
      lossSum += batchLoss * (to - from);
      right += batchAccuracy * (to - from);
      seen += to - from;
      if (options.onBatch) {
        const more = options.onBatch({
          epoch, epochs, batch, batches, loss: batchLoss, accuracy: batchAccuracy, seconds: (now() - start) / 1000,
        });
        if (more === false) history.stopped = true;
      }
      if (options.signal?.aborted) history.stopped = true;
      if (now() - lastYield > 50) {
        await pause();
        lastYield = now();
        if (options.signal?.aborted) history.stopped = true;
      }
      if (history.stopped) break;
    }
    if (history.stopped && seen < X.rows) break; // a partial epoch is not reported
    const result: EpochResult = { epoch, epochs, loss: lossSum / seen, accuracy: right / seen, seconds: 0 };
    if (options.validation) result.validation = evaluate(model, options.validation.X, options.validation.y, loss);
    result.seconds = (now() - epochStart) / 1000;
    history.epochs.push(result);
    if (options.onEpoch?.(result) === false) history.stopped = true;
  }
  history.seconds = (now() - start) / 1000;
  return history;
}
