/**
 * Chapter 10: training. Repeat for each epoch: shuffle the training samples,
 * cut them into minibatches, and for each batch run forward, measure the loss,
 * run backward, and let the optimiser update the parameters (`trainEpoch`,
 * `trainStep`). After each epoch, measure the model on the validation samples
 * it never trains on (`evaluate`).
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
import type { Matrix } from "./matrix.ts";
import { Random } from "./random.ts";
import { softmaxCrossEntropy, crossEntropyLoss, type Loss } from "./losses.ts";
import type { Targets } from "./loss.ts";
import { SGD } from "./optimizers.ts";
import { checkSamples, identityOrder } from "./batches.ts";
import { defaultLoss, evaluate } from "./evaluate.ts";
import { now, trainEpoch, type BatchProgress } from "./train-epoch.ts";
import type { Sequential } from "./sequential.ts";
import type { Optimizer } from "./optimizers.ts";
import { collapseWarning } from "./collapse.ts";
import { classCount } from "./train-epoch.ts";

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
 * if (history.warning) console.log(history.warning); // a run that collapsed
 */
export interface History {
  epochs: EpochResult[];
  stopped: boolean;
  seconds: number;
  /** Set when training collapsed without a NaN (`collapseWarning`): the network is no good, though nothing threw. */
  warning?: string;
}

/**
 * Options for `train`. Only `epochs` is required. Defaults: batches of 32,
 * `new SGD({ lr: 0.1 })`, `softmaxCrossEntropy` if the model ends in `Softmax`
 * (else MSE; `crossEntropyLoss` after a `Softmax` trains as `softmaxCrossEntropy`),
 * shuffling with seed 0. Return `false` from `onBatch` or `onEpoch`, or
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
  /** The learning rate for each step, counted from 0 (chapter 11), e.g. `inverseTimeDecay(0.1, 1e-3)`. */
  lrSchedule?: (step: number) => number;
  /** Hears, once at the end, that training collapsed (`History.warning`); by default `console.warn` says it. */
  onWarning?: (message: string) => void;
}

function checkOptions(X: Matrix, y: Targets, options: TrainOptions): void {
  checkSamples("train", X, y);
  const { epochs } = options;
  const batchSize = options.batchSize ?? 32;
  if (!Number.isInteger(epochs) || epochs < 0) throw new RangeError(`train: epochs must be a whole number ≥ 0, got ${String(epochs)}`);
  if (!Number.isInteger(batchSize) || batchSize <= 0) throw new RangeError(`train: batchSize must be a whole number > 0, got ${String(batchSize)}`);
  if (X.rows === 0) throw new RangeError("train: X has no samples");
  if (options.validation) checkSamples("train: validation", options.validation.X, options.validation.y);
}

/**
 * Trains `model` on `X` ([n, nIn]) and `y` (class indices or [n, nOut]) with
 * shuffled minibatches for `options.epochs` epochs (`trainEpoch` each), measuring
 * on `options.validation` after each; see `TrainOptions`. Returns the history.
 * Asynchronous so that a page stays responsive and an abort signal can arrive.
 * If the numbers become NaN or infinite it throws, naming the epoch and batch
 * and the likely cause (too large a learning rate, unscaled inputs). If it
 * collapsed without a NaN (the loss ended above where it started, or the
 * accuracy fell to a guess's), `History.warning` says so, and `onWarning`
 * (by default `console.warn`) hears it once. The same seed gives the same
 * weights, to the last bit.
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
  checkOptions(X, y, options);
  const { epochs } = options;
  const optimizer = options.optimizer ?? new SGD({ lr: 0.1 });
  const loss = chooseLoss(model, options.loss);
  const rng = new Random(options.seed ?? 0);
  const order = identityOrder(X.rows); // shuffled in place, epoch after epoch
  const start = now();
  const history: History = { epochs: [], stopped: false, seconds: 0 };
  let steps = 0;
  let startLoss = NaN, peakLoss = -Infinity;
  for (let epoch = 1; epoch <= epochs && !history.stopped; epoch++) {
    const epochStart = now();
    const summary = await trainEpoch(model, X, y, {
      ...options, loss, optimizer, rng, order, epoch, epochs, firstStep: steps, start, onWarning: () => {},
    });
    steps += summary.steps;
    if (epoch === 1) startLoss = summary.firstLoss;
    peakLoss = Math.max(peakLoss, summary.peakLoss);
    history.stopped = summary.stopped;
    if (summary.stopped && summary.samples < X.rows) break; // a partial epoch is not reported
    const result: EpochResult = { epoch, epochs, loss: summary.loss, accuracy: summary.accuracy, seconds: 0 };
    if (options.validation) result.validation = evaluate(model, options.validation.X, options.validation.y, loss);
    result.seconds = (now() - epochStart) / 1000;
    history.epochs.push(result);
    if (options.onEpoch?.(result) === false) history.stopped = true;
  }
  history.seconds = (now() - start) / 1000;
  history.warning = judge(history, startLoss, peakLoss, classCount(y));
  if (history.warning) (options.onWarning ?? console.warn)(history.warning);
  else delete history.warning;
  return history;
}

// The run as a whole: its first batch, its last epoch, its best accuracy (validation's when measured).
function judge(history: History, startLoss: number, peakLoss: number, classes: number): string | undefined {
  const last = history.epochs.at(-1);
  if (!last) return undefined;
  const acc = (e: EpochResult) => e.validation?.accuracy ?? e.accuracy;
  const best = history.epochs.reduce((b, e) => (acc(e) > acc(b) ? e : b));
  const warning = collapseWarning({
    startLoss, endLoss: last.loss, peakLoss, endAccuracy: acc(last), bestAccuracy: acc(best), bestEpoch: best.epoch, classes,
  });
  return warning && `train: ${warning}`;
}

/**
 * `train` under the name other libraries use: the same function.
 *
 * @chapter 10
 * @example
 * await fit(model, mnist.train.X, mnist.train.y, { epochs: 5 });
 */
export const fit = train;

// The loss to train with: the given one, or the default for the model. Plain
// cross-entropy after a Softmax layer trains with the combined loss: the same
// values, and a gradient that does not divide by tiny probabilities.
function chooseLoss(model: Sequential, loss: Loss | undefined): Loss {
  if (loss === undefined) return defaultLoss(model);
  if (loss === crossEntropyLoss && defaultLoss(model) === softmaxCrossEntropy) return softmaxCrossEntropy;
  return loss;
}
