/**
 * One training job, as the worker runs it: for each configuration in turn,
 * build the network, train it on the 8,000 training digits with validation
 * after every epoch, then measure it once on the test digits. Progress goes
 * out through `emit` as protocol messages. No worker and no page here, so
 * the tests run it in Node on the same data.
 */
import { Matrix, argmax, defaultLoss, shiftImages, train, Sequential, type Mnist } from "nnfs";
import { WRONG_SHOWN, type FromWorker, type TestReport, type WrongDigit } from "./protocol.ts";
import { buildModel, buildOptimizer, checkSettings, describeSettings, trainedSettings, type Settings } from "./settings.ts";
import { pack } from "../shared/trained-store.ts";

/** Points per epoch on the training curves: batches are averaged in groups to about this many. */
export const POINTS_PER_EPOCH = 25;

/** How many batches each training-curve point averages. */
export function batchesPerPoint(batches: number): number {
  return Math.max(1, Math.ceil(batches / POINTS_PER_EPOCH));
}

/**
 * The network's test loss and accuracy, and the first digits it gets wrong:
 * one pass over the test digits, 1,000 at a time (as `evaluate` measures), so
 * that no product is as large as the whole test set (10,000 rows of all of
 * MNIST would not fit beside a second network in the kernels' memory).
 */
export function testReport(model: Sequential, test: { X: Matrix; y: readonly number[] }): TestReport {
  const loss = defaultLoss(model);
  const n = test.X.rows, size = test.X.cols;
  const wrong: WrongDigit[] = [];
  let wrongCount = 0, lossSum = 0;
  for (let from = 0; from < n; from += TEST_CHUNK) {
    const to = Math.min(n, from + TEST_CHUNK);
    const Xb = new Matrix(to - from, size, test.X.data.subarray(from * size, to * size)); // [chunk, 784]
    const yb = test.y.slice(from, to);
    const yHat = model.forward(Xb); // [chunk, 10]
    lossSum += loss.forward(yHat, yb) * (to - from);
    const predicted = argmax(yHat); // chunk answers
    for (let k = 0; k < predicted.length; k++) {
      const i = from + k;
      if (predicted[k] === test.y[i]) continue;
      wrongCount++;
      if (wrong.length < WRONG_SHOWN) {
        const pixels = new Uint8Array(size);
        for (let p = 0; p < size; p++) pixels[p] = Math.round(test.X.data[i * size + p] * 255);
        wrong.push({ index: i, label: test.y[i], predicted: predicted[k], pixels });
      }
    }
  }
  return { loss: lossSum / n, accuracy: (n - wrongCount) / n, wrong, wrongCount, total: n };
}

const TEST_CHUNK = 1000;

const lossText = (v: number): string => (Math.abs(v) >= 1e4 ? v.toExponential(2) : v.toFixed(2));

/**
 * A collapse warning (lib's `collapseWarning`) in the terms of the trainer's
 * loss chart. The library names the largest loss of any single batch ("the
 * loss jumped to 15.11 on the way"); the chart plots averages of `perPoint`
 * batches, whose highest, `chartPeak`, can be far lower, so the jump the
 * warning names would be nowhere on the chart. The warning gives the chart's
 * highest point first, then the single batch's jump as such. With one batch
 * a point the two are the same, and the warning stays as it is.
 *
 * @example
 * chartedWarning("… (the loss jumped to 15.11 on the way): …", 6.16, 10)
 * // "… (the loss chart's points, averages of 10 batches each, rose to 6.16 on the way; the worst single batch reached 15.11): …"
 */
export function chartedWarning(warning: string, chartPeak: number, perPoint: number): string {
  if (perPoint <= 1 || !Number.isFinite(chartPeak)) return warning;
  return warning.replace(
    /\(the loss jumped to ([^ ]+) on the way\)/,
    (_, batch: string) => `(the loss chart's points, averages of ${perPoint} batches each, rose to ${lossText(chartPeak)} on the way; the worst single batch reached ${batch})`,
  );
}

/**
 * Trains each configuration of `runs` in turn and reports through `emit`.
 * Aborting `signal` stops after the current batch: the run reports itself
 * stopped, and later runs do not start. Its network is the one of its last
 * full epoch (the last dot of the validation curve), described with the
 * epochs it finished, so that its settings train the same network again; a
 * run stopped in its first epoch has none, and nothing is measured. Returns
 * the last network trained, as it ended (one stopped in its first epoch too:
 * bench/preset.ts measures the preset's first batches with it).
 */
export async function runJob(
  mnist: Mnist,
  runs: Partial<Settings>[],
  emit: (message: FromWorker) => void,
  signal?: AbortSignal,
): Promise<Sequential | null> {
  let last: Sequential | null = null;
  const all = runs.map(checkSettings);
  for (let r = 0; r < all.length; r++) {
    if (signal?.aborted) break;
    const s = all[r];
    const model = buildModel(s);
    const optimizer = buildOptimizer(s);
    const batches = Math.ceil(mnist.train.X.rows / s.batchSize);
    const group = batchesPerPoint(batches);
    emit({ type: "start", run: r, runs: all.length, batches });
    let sumLoss = 0, sumAcc = 0, n = 0;
    let chartPeak = -Infinity; // the highest point of the loss chart: a group's average
    let lastEpoch: Float32Array[] = []; // the weights and biases at the end of the last full epoch
    const history = await train(model, mnist.train.X, mnist.train.y, {
      epochs: s.epochs,
      batchSize: s.batchSize,
      optimizer,
      seed: s.seed,
      validation: mnist.validation,
      signal,
      onWarning: () => {}, // said with the run's test report (`tested`), not in the console
      augment: s.shift ? (Xb, rng) => shiftImages(Xb, { rng }) : undefined,
      onBatch: (p) => {
        sumLoss += p.loss;
        sumAcc += p.accuracy;
        n++;
        if (n === group || p.batch === p.batches) {
          emit({ type: "batches", run: r, epoch: p.epoch, batch: p.batch, batches: p.batches, loss: sumLoss / n, accuracy: sumAcc / n, seconds: p.seconds });
          chartPeak = Math.max(chartPeak, sumLoss / n);
          sumLoss = sumAcc = n = 0;
        }
      },
      onEpoch: (e) => {
        emit({
          type: "epoch", run: r, epoch: e.epoch, loss: e.loss, accuracy: e.accuracy,
          valLoss: e.validation!.loss, valAccuracy: e.validation!.accuracy, seconds: e.seconds,
        });
        optimizer.lr *= s.lrDecay;
        lastEpoch = model.params().map((p) => p.value.data.slice());
      },
    });
    const finished = history.epochs.length;
    if (history.stopped && finished === 0) {
      emit({ type: "finished", run: r, stopped: true, seconds: history.seconds });
      last = model;
      break;
    }
    emit({ type: "finished", run: r, stopped: history.stopped, seconds: history.seconds, testDigits: mnist.test.X.rows });
    // A run stopped mid-epoch goes back to its last full epoch, whose
    // validation accuracy (what the keep rule compares) the chart shows.
    if (history.stopped) model.params().forEach((p, i) => p.value.data.set(lastEpoch[i]));
    const validation = history.epochs.at(-1)!.validation!.accuracy;
    const test = testReport(model, mnist.test);
    const about = describeSettings(trainedSettings(s, finished, history.stopped));
    const packed = pack({ model: model.toJSON(), about, testAccuracy: test.accuracy, validationAccuracy: validation });
    const tested = { type: "tested", run: r, test, packed, about, validation } as const;
    emit(history.warning ? { ...tested, warning: chartedWarning(history.warning, chartPeak, group) } : tested);
    last = model;
    if (history.stopped) break;
  }
  return last;
}
