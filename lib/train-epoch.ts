/**
 * Chapter 10: one training step and one epoch. A step is the whole of
 * learning in four lines: forward, loss, backward, update. An epoch repeats it
 * for each minibatch of a shuffled pass over the training set.
 */
import type { Matrix } from "./matrix.ts";
import { Random } from "./random.ts";
import { accuracy, type Targets } from "./loss.ts";
import type { Loss } from "./losses.ts";
import { Softmax } from "./activation-layers.ts";
import type { Optimizer } from "./optimizers.ts";
import { checkSamples, gatherBatch, identityOrder, type Batch } from "./batches.ts";
import type { Sequential } from "./sequential.ts";
import { collapseWarning } from "./collapse.ts";

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
 * One step of learning on one batch: forward, loss, backward (every parameter
 * gets its gradient), and the optimiser's update. Returns the batch's loss
 * and accuracy, measured before the update.
 *
 * @chapter 10
 * @example
 * trainStep(model, Xb, yb, softmaxCrossEntropy, new SGD({ lr: 0.1 })); // { loss: 2.3, accuracy: 0.09 }
 */
export function trainStep(
  model: Sequential, Xb: Matrix, yb: Targets, loss: Loss, optimizer: Optimizer,
): { loss: number; accuracy: number } {
  const yHat = model.forward(Xb); // [batch, nOut]
  const value = loss.forward(yHat, yb);
  const right = accuracy(yHat, yb);
  const dYHat = loss.backward(yHat, yb); // [batch, nOut]
  model.backward(dYHat, { from: lastLayerToBackward(model, loss), inputGradient: false }); // fills every dW, db
  optimizer.step(model.params());
  return { loss: value, accuracy: right };
}

// A loss that includes the softmax already gave the gradient before it.
function lastLayerToBackward(model: Sequential, loss: Loss): number {
  const last = model.layers.length - 1;
  if (!loss.includesSoftmax) return last;
  if (!(model.layers[last] instanceof Softmax)) {
    throw new TypeError(`${loss.name}: the model must end in a Softmax layer, but its last layer is ${model.layers[last].name}`);
  }
  return last - 1;
}

/**
 * Options for `trainEpoch`. `rng` shuffles (and is passed to `augment`);
 * `order` is the sample order, shuffled in place, kept from epoch to epoch.
 * `lrSchedule(step)` sets the learning rate before each step (chapter 11).
 *
 * @chapter 10
 * @example
 * { loss: softmaxCrossEntropy, optimizer: new SGD({ lr: 0.1 }), batchSize: 32, rng: new Random(0) }
 */
export interface EpochOptions {
  loss: Loss;
  optimizer: Optimizer;
  batchSize?: number;
  rng?: Random;
  order?: Int32Array;
  shuffle?: boolean;
  epoch?: number;
  epochs?: number;
  /** The number of steps taken before this epoch (for `lrSchedule`). */
  firstStep?: number;
  lrSchedule?: (step: number) => number;
  augment?: (Xb: Matrix, rng: Random) => Matrix;
  onBatch?: (progress: BatchProgress) => boolean | void;
  signal?: AbortSignal;
  /** When training started (`performance.now()`), for `BatchProgress.seconds`. */
  start?: number;
  /** Hears a warning that training collapsed (see `collapseWarning`); by default `console.warn` says it. */
  onWarning?: (message: string) => void;
}

/**
 * The result of one epoch: the mean loss and accuracy over its batches,
 * how many samples it saw, and whether it was stopped before the end; the
 * first batch's loss and the largest, and `warning` when the epoch left the
 * network worse than it found it (`collapseWarning`).
 *
 * @chapter 10
 * @example
 * { loss: 0.45, accuracy: 0.87, samples: 8000, steps: 250, stopped: false, firstLoss: 2.35, peakLoss: 2.41 }
 */
export interface EpochSummary {
  loss: number;
  accuracy: number;
  samples: number;
  steps: number;
  stopped: boolean;
  firstLoss: number;
  peakLoss: number;
  warning?: string;
}

/**
 * How many classes a model's answers choose among, judged from the targets:
 * a one-hot matrix's columns, or the largest class index + 1.
 *
 * @chapter 10
 * @example
 * classCount([3, 0, 9]); // 10
 */
export function classCount(y: Targets): number {
  if (!Array.isArray(y) && !(y instanceof Int32Array)) return (y as Matrix).cols;
  let max = -1;
  const labels = y as ArrayLike<number>;
  for (let i = 0; i < labels.length; i++) if (labels[i] > max) max = labels[i];
  return max + 1;
}

/**
 * Milliseconds since some fixed moment (`performance.now()` where there is one),
 * for the seconds that progress reports.
 *
 * @chapter 10
 * @example
 * const t0 = now(); await trainEpoch(model, X, y, options); (now() - t0) / 1000; // seconds
 */
export const now = (): number => (typeof performance !== "undefined" ? performance.now() : Date.now());

// Lets the event loop run (a page's events, a timer that aborts), then goes on.
// Node's setImmediate does that without setTimeout's minimum wait of 1 ms.
const pause = (): Promise<void> =>
  new Promise((resolve) => (typeof setImmediate === "function" ? setImmediate(resolve) : setTimeout(resolve, 0)));

/**
 * One epoch: shuffles the samples, then runs `trainStep` on each minibatch,
 * calling `onBatch` after each. Stops between batches when `onBatch` returns
 * false or `signal` is aborted. Yields to the event loop every 50 ms or so,
 * so a page stays responsive. An error names the epoch and batch; if the
 * numbers overflowed, it says what to try (a smaller learning rate, inputs
 * scaled to 0…1). An epoch that ends worse than it began, or at the accuracy
 * of a guess after a jump in the loss, gets a `warning` in its summary, said
 * through `onWarning` (by default `console.warn`).
 *
 * @chapter 10
 * @example
 * const summary = await trainEpoch(model, mnist.train.X, mnist.train.y, {
 *   loss: softmaxCrossEntropy, optimizer: new SGD({ lr: 0.1 }),
 * }); // { loss: 0.45, accuracy: 0.87, samples: 8000, steps: 250, stopped: false }
 */
export async function trainEpoch(model: Sequential, X: Matrix, y: Targets, options: EpochOptions): Promise<EpochSummary> {
  checkSamples("trainEpoch", X, y);
  const { loss, optimizer } = options;
  const batchSize = options.batchSize ?? 32;
  if (!Number.isInteger(batchSize) || batchSize <= 0) throw new RangeError(`trainEpoch: batchSize must be a whole number > 0, got ${String(batchSize)}`);
  const rng = options.rng ?? new Random(0);
  const order = options.order ?? identityOrder(X.rows);
  const epoch = options.epoch ?? 1, epochs = options.epochs ?? 1, firstStep = options.firstStep ?? 0;
  const start = options.start ?? now();
  const batches = Math.ceil(X.rows / batchSize);
  if (options.shuffle ?? true) rng.shuffle(order);
  const summary: EpochSummary = { loss: 0, accuracy: 0, samples: 0, steps: 0, stopped: false, firstLoss: NaN, peakLoss: -Infinity };
  let lastYield = now();
  let batch: Batch | undefined;
  model.setTraining(true);
  try {
    for (let b = 1; b <= batches && !summary.stopped; b++) {
      const from = (b - 1) * batchSize, to = Math.min(X.rows, from + batchSize);
      batch = gatherBatch(X, y, order, from, to, batch); // the same memory, batch after batch
      const Xb = options.augment ? options.augment(batch.Xb, rng) : batch.Xb; // [batch, nIn]
      if (options.lrSchedule) optimizer.lr = options.lrSchedule(firstStep + summary.steps);
      const result = withPlace(`epoch ${epoch}, batch ${b} of ${batches}`, optimizer, () =>
        trainStep(model, Xb, batch!.yb, loss, optimizer));
      if (b === 1) summary.firstLoss = result.loss;
      if (result.loss > summary.peakLoss) summary.peakLoss = result.loss;
      summary.loss += result.loss * (to - from);
      summary.accuracy += result.accuracy * (to - from);
      summary.samples += to - from;
      summary.steps++;
      const progress = { epoch, epochs, batch: b, batches, ...result, seconds: (now() - start) / 1000 };
      if (options.onBatch?.(progress) === false || options.signal?.aborted) summary.stopped = true;
      if (now() - lastYield > 50) {
        await pause();
        lastYield = now();
        if (options.signal?.aborted) summary.stopped = true;
      }
    }
  } finally {
    model.setTraining(false);
  }
  summary.loss /= summary.samples;
  summary.accuracy /= summary.samples;
  const warning = collapseWarning({
    startLoss: summary.firstLoss, endLoss: summary.loss, peakLoss: summary.peakLoss, endAccuracy: summary.accuracy, classes: classCount(y),
  });
  if (warning) {
    summary.warning = `trainEpoch: epoch ${epoch}: ${warning}`;
    (options.onWarning ?? console.warn)(summary.warning);
  }
  return summary;
}

// Runs one step; an error gets the place (epoch, batch) and, if a number
// overflowed or became NaN, the likely causes.
function withPlace<T>(where: string, optimizer: Optimizer, step: () => T): T {
  try {
    return step();
  } catch (error) {
    const message = (error as Error).message;
    if (/NaN|Infinity/.test(message)) {
      throw new Error(
        `train: ${where}: ${message}. Training diverged: the updates grew until the numbers overflowed. ` +
          `The learning rate (${optimizer.name}) is probably too large; try one 3–10 times smaller. ` +
          "If the inputs are not scaled to about 0…1 (pixels 0–255, say), scale them first.",
        { cause: error },
      );
    }
    throw new Error(`train: ${where}: ${message}`, { cause: error });
  }
}
