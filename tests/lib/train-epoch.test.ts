import { describe, expect, test } from "vitest";
import {
  Dense, Matrix, Random, ReLU, SGD, Sequential, Softmax, mseLoss, softmaxCrossEntropy, train, trainEpoch, trainStep,
} from "nnfs";

// Two blobs of points, class 0 around (−1, −1) and class 1 around (1, 1).
function blobs(n: number, seed: number): { X: Matrix; y: number[] } {
  const rng = new Random(seed);
  const rows: number[][] = [], y: number[] = [];
  for (let i = 0; i < n; i++) {
    const c = i % 2;
    rows.push([rng.normal(c ? 1 : -1, 0.5), rng.normal(c ? 1 : -1, 0.5)]);
    y.push(c);
  }
  return { X: Matrix.from(rows), y };
}
const model = (seed = 1) => new Sequential([new Dense(2, 8, { seed }), new ReLU(), new Dense(8, 2, { seed: seed + 1 }), new Softmax()]);
const weights = (m: Sequential) => m.params().map((p) => Array.from(p.value.data));

describe("trainStep", () => {
  test("one step makes the loss on that batch smaller", () => {
    const { X, y } = blobs(32, 1);
    const m = model();
    const optimizer = new SGD({ lr: 0.5 });
    const first = trainStep(m, X, y, softmaxCrossEntropy, optimizer).loss;
    const second = trainStep(m, X, y, softmaxCrossEntropy, optimizer).loss;
    expect(second).toBeLessThan(first);
  });
});

describe("trainEpoch", () => {
  test("visits every sample once, in batches, and reports the means", async () => {
    const { X, y } = blobs(100, 2);
    const seen: number[] = [];
    const summary = await trainEpoch(model(), X, y, {
      loss: softmaxCrossEntropy, optimizer: new SGD({ lr: 0.3 }), batchSize: 32, onBatch: (p) => void seen.push(p.batch),
    });
    expect(seen).toEqual([1, 2, 3, 4]);
    expect(summary).toMatchObject({ samples: 100, steps: 4, stopped: false });
    expect(summary.loss).toBeGreaterThan(0);
    expect(summary.accuracy).toBeGreaterThan(0.5);
  });

  test("an aborted signal stops it between batches", async () => {
    const { X, y } = blobs(100, 3);
    const controller = new AbortController();
    const summary = await trainEpoch(model(), X, y, {
      loss: softmaxCrossEntropy, optimizer: new SGD(), batchSize: 10,
      onBatch: (p) => { if (p.batch === 3) controller.abort(); }, signal: controller.signal,
    });
    expect(summary).toMatchObject({ samples: 30, steps: 3, stopped: true });
  });

  test("an error names the place and, for a number out of range, what to try", async () => {
    const { X, y } = blobs(64, 4);
    const linear = new Sequential([new Dense(2, 2, { seed: 1 })]);
    const Y = Matrix.from(y.map((c) => [1 - c, c])); // [64, 2]
    await expect(trainEpoch(linear, X, Y, { loss: mseLoss, optimizer: new SGD({ lr: 1e38 }), batchSize: 32 })).rejects.toThrow(
      /^train: epoch 1, batch [12] of 2: .*(NaN|Infinity).*learning rate \(SGD\(lr=1e\+38\)\) is probably too large.*scale them first/s,
    );
    await expect(trainEpoch(model(), X, y.slice(1), { loss: mseLoss, optimizer: new SGD() })).rejects.toThrow(
      "trainEpoch: X is [64×2] but y has 63 labels",
    );
  });
});

describe("train", () => {
  test("the same seed gives bit-identical weights; another seed, others", async () => {
    const { X, y } = blobs(120, 5);
    const run = async (seed: number) => {
      const m = model(3);
      await train(m, X, y, { epochs: 3, batchSize: 16, seed, optimizer: new SGD({ lr: 0.2, momentum: 0.9 }) });
      return weights(m);
    };
    const a = await run(7);
    expect(await run(7)).toEqual(a); // every float32, exactly
    expect(await run(8)).not.toEqual(a);
  });

  test("fit is train", async () => {
    const { fit } = await import("nnfs");
    expect(fit).toBe(train);
  });
});
