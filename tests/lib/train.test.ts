import { beforeAll, describe, expect, test } from "vitest";
import {
  Dense, type Mnist, Matrix, ReLU, SGD, Sequential, Sigmoid, Softmax, accuracy, evaluate, loadMnist, mseLoss, shiftImages, train,
} from "nnfs";

let mnist: Mnist;
beforeAll(async () => {
  mnist = await loadMnist();
});

const digitModel = () =>
  new Sequential([new Dense(784, 128, { init: "he", seed: 1 }), new ReLU(), new Dense(128, 10, { seed: 2 }), new Softmax()]);

// A small slice of the training digits, for the quick tests.
const slice = (n: number) => ({ X: new Matrix(n, 784, mnist.train.X.data.slice(0, n * 784)), y: mnist.train.y.slice(0, n) });

describe("training on MNIST", () => {
  test("784-128-10, SGD lr 0.1, 3 epochs: ≥ 90 % on the test digits", { timeout: 300_000 }, async () => {
    const model = digitModel();
    const history = await train(model, mnist.train.X, mnist.train.y, {
      epochs: 3, optimizer: new SGD({ lr: 0.1 }), validation: mnist.validation,
    });
    expect(history.epochs).toHaveLength(3);
    expect(history.stopped).toBe(false);
    const { accuracy: testAccuracy, loss } = evaluate(model, mnist.test.X, mnist.test.y);
    expect(testAccuracy).toBeGreaterThanOrEqual(0.9);
    expect(loss).toBeLessThan(0.4);
    // The loss goes down from epoch to epoch.
    expect(history.epochs[2].loss).toBeLessThan(history.epochs[0].loss);
  });

  // About 5 s alone and up to a minute under coverage on a busy machine: its own
  // time limit, far above that, so that load cannot fail it.
  test("the ≥ 95 % recipe: SGD lr 0.02, momentum 0.9, one-pixel shifts, 15 epochs", { timeout: 600_000 }, async () => {
    const model = digitModel();
    await train(model, mnist.train.X, mnist.train.y, {
      epochs: 15, optimizer: new SGD({ lr: 0.02, momentum: 0.9 }), augment: (Xb, rng) => shiftImages(Xb, { rng }),
    });
    expect(evaluate(model, mnist.test.X, mnist.test.y).accuracy).toBeGreaterThanOrEqual(0.95);
  });

  test("evaluate agrees with predict and accuracy", async () => {
    const model = digitModel();
    await train(model, slice(500).X, slice(500).y, { epochs: 1 });
    const { X, y } = mnist.validation;
    expect(evaluate(model, X, y).accuracy).toBeCloseTo(accuracy(model.predict(X), y), 12);
  });

  test("the same seed gives the same history; another seed another", async () => {
    const { X, y } = slice(300);
    const run = async (seed: number) =>
      (await train(digitModel(), X, y, { epochs: 2, seed })).epochs.map((e) => e.loss);
    expect(await run(5)).toEqual(await run(5));
    expect(await run(5)).not.toEqual(await run(6));
  });

  test("a trained model saved as JSON and loaded predicts the same", async () => {
    const model = digitModel();
    await train(model, slice(300).X, slice(300).y, { epochs: 1 });
    const copy = Sequential.fromJSON(JSON.stringify(model));
    expect(copy.predict(mnist.test.X)).toEqual(model.predict(mnist.test.X));
  });
});

describe("progress and stopping", () => {
  test("onBatch sees every batch in order, onEpoch every epoch with validation", async () => {
    const { X, y } = slice(100);
    const batches: string[] = [];
    const epochs: number[] = [];
    await train(digitModel(), X, y, {
      epochs: 2, batchSize: 32, validation: mnist.validation,
      onBatch: (p) => {
        batches.push(`${p.epoch}.${p.batch}/${p.batches}`);
        expect(Number.isFinite(p.loss)).toBe(true);
        expect(p.accuracy).toBeGreaterThanOrEqual(0);
      },
      onEpoch: (e) => {
        epochs.push(e.epoch);
        expect(e.validation?.accuracy).toBeGreaterThan(0);
      },
    });
    expect(batches).toEqual(["1.1/4", "1.2/4", "1.3/4", "1.4/4", "2.1/4", "2.2/4", "2.3/4", "2.4/4"]);
    expect(epochs).toEqual([1, 2]);
  });

  test.each([
    { name: "onBatch returns false", options: { onBatch: (p: { batch: number }) => p.batch < 3 }, epochs: 0 },
    { name: "onEpoch returns false", options: { onEpoch: () => false }, epochs: 1 },
  ])("stops when $name", async ({ options, epochs }) => {
    const { X, y } = slice(200);
    const history = await train(digitModel(), X, y, { epochs: 5, ...options });
    expect(history.stopped).toBe(true);
    expect(history.epochs).toHaveLength(epochs);
  });

  test("stops when the abort signal fires", async () => {
    const { X, y } = slice(200);
    const controller = new AbortController();
    let seen = 0;
    const history = await train(digitModel(), X, y, {
      epochs: 5, signal: controller.signal,
      onBatch: () => {
        if (++seen === 2) controller.abort();
      },
    });
    expect(history.stopped).toBe(true);
    expect(seen).toBe(2);
  });
});

describe("training errors", () => {
  test("too large a learning rate: the error names the step and the cause", async () => {
    const { X, y } = slice(200);
    // Linear regression on the pixels with a far too large step: each update
    // overshoots further than the last, until the numbers overflow.
    const model = new Sequential([new Dense(784, 10, { seed: 1 })]);
    await expect(train(model, X, y, { epochs: 20, loss: mseLoss, optimizer: new SGD({ lr: 10 }) })).rejects.toThrow(
      /^train: epoch \d+, batch \d+ of 7: .*(NaN|Infinity).*The learning rate \(SGD\(lr=10\)\) is probably too large/,
    );
  });

  test("MSE with sigmoid outputs trains too", async () => {
    const { X, y } = slice(300);
    const model = new Sequential([new Dense(784, 16, { seed: 1 }), new Sigmoid(), new Dense(16, 10, { seed: 2 }), new Sigmoid()]);
    const history = await train(model, X, y, { epochs: 3, loss: mseLoss, optimizer: new SGD({ lr: 1 }) });
    expect(history.epochs[2].loss).toBeLessThan(history.epochs[0].loss);
  });

  test.each([
    { name: "labels and samples differ", run: () => train(digitModel(), slice(10).X, [1, 2], { epochs: 1 }), message: "train: X is [10×784] but y has 2 labels" },
    { name: "bad epochs", run: () => train(digitModel(), slice(10).X, slice(10).y, { epochs: 1.5 }), message: "train: epochs must be a whole number ≥ 0, got 1.5" },
    { name: "bad batch size", run: () => train(digitModel(), slice(10).X, slice(10).y, { epochs: 1, batchSize: 0 }), message: "train: batchSize must be a whole number > 0, got 0" },
    { name: "wrong width", run: () => train(digitModel(), Matrix.zeros(4, 10), [0, 1, 2, 3], { epochs: 1 }), message: "train: epoch 1, batch 1 of 1: Dense.forward: X is [4×10] but the layer has 784 inputs" },
  ])("$name", async ({ run, message }) => {
    await expect(run()).rejects.toThrow(message);
  });
});

describe("a run that collapses without a NaN is named", () => {
  test.each([
    { lr: 3, sign: /no better than a guess among 10 classes \(the loss jumped to/ },
    { lr: 1e6, sign: /the loss ended at .*, above where it started/ },
  ])("SGD lr $lr: History.warning and onWarning say so, once", { timeout: 120_000 }, async ({ lr, sign }) => {
    const { X, y } = slice(2000);
    const heard: string[] = [];
    const history = await train(digitModel(), X, y, {
      epochs: 2, optimizer: new SGD({ lr }), validation: mnist.validation, onWarning: (m) => heard.push(m),
    });
    expect(history.warning).toMatch(sign);
    expect(history.warning).toMatch(/^train: .*training collapsed/);
    expect(heard).toEqual([history.warning]);
  });

  test.each([0.1, 1e-6])("SGD lr %s (learning, or too slow to learn yet): no warning", { timeout: 120_000 }, async (lr) => {
    const { X, y } = slice(2000);
    const heard: string[] = [];
    const history = await train(digitModel(), X, y, { epochs: 1, optimizer: new SGD({ lr }), onWarning: (m) => heard.push(m) });
    expect(history.warning).toBeUndefined();
    expect(heard).toEqual([]);
  });

  test("by default the warning goes to console.warn", { timeout: 120_000 }, async () => {
    const { X, y } = slice(1000);
    const seen: unknown[][] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void seen.push(args);
    try {
      await train(digitModel(), X, y, { epochs: 1, optimizer: new SGD({ lr: 1e6 }) });
    } finally {
      console.warn = warn;
    }
    expect(seen).toHaveLength(1);
    expect(String(seen[0][0])).toMatch(/^train: the loss ended/);
  });
});
