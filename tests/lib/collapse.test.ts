import { describe, expect, test } from "vitest";
import { Dense, Matrix, ReLU, SGD, Sequential, Softmax, classCount, collapseWarning, softmaxCrossEntropy, trainEpoch } from "nnfs";

describe("collapseWarning", () => {
  test("a loss that ended above where it started", () => {
    expect(collapseWarning({ startLoss: 2.3, endLoss: 9.1, classes: 1 })).toMatch(/^the loss ended at 9\.10, above where it started \(2\.30\): training collapsed/);
  });

  test("an accuracy that fell to a guess's after being better names the epoch it was best", () => {
    const w = collapseWarning({ startLoss: 2.3, endLoss: 2.3, endAccuracy: 0.098, bestAccuracy: 0.62, bestEpoch: 1, classes: 10 });
    expect(w).toMatch(/the accuracy ended at 9\.8 % after reaching 62\.0 % in epoch 1, no better than a guess among 10 classes/);
  });

  test("an accuracy at a guess's after a jump in the loss", () => {
    expect(collapseWarning({ startLoss: 2.3, endLoss: 2.3, peakLoss: 13.6, endAccuracy: 0.1, classes: 10 })).toMatch(/the loss jumped to 13\.60 on the way/);
  });

  test.each([
    { title: "a run that learned", run: { startLoss: 2.3, endLoss: 0.3, peakLoss: 2.4, endAccuracy: 0.93, classes: 10 } },
    { title: "a learning rate too small to learn yet (no jump, no fall)", run: { startLoss: 2.3, endLoss: 2.3, peakLoss: 2.4, endAccuracy: 0.09, bestAccuracy: 0.09, classes: 10 } },
    { title: "a regression (one output: accuracy is not judged)", run: { startLoss: 1, endLoss: 1, peakLoss: 5, endAccuracy: 0, classes: 1 } },
  ])("$title: no warning", ({ run }) => {
    expect(collapseWarning(run)).toBeUndefined();
  });

  test("classCount reads class indices and one-hot rows", () => {
    expect(classCount([3, 0, 9])).toBe(10);
    expect(classCount(new Int32Array([1, 0]))).toBe(2);
    expect(classCount(new Matrix(2, 4))).toBe(4);
  });
});

describe("trainEpoch names an epoch that collapsed", () => {
  // Two separable blobs of points, two classes.
  const X = new Matrix(64, 2, Float32Array.from({ length: 128 }, (_, i) => ((i >> 1) % 2 ? 1 : -1) + (i % 2 ? 0.1 : -0.1))); // [64, 2]
  const y = Array.from({ length: 64 }, (_, i) => i % 2);
  const model = () => new Sequential([new Dense(2, 8, { seed: 1 }), new ReLU(), new Dense(8, 2, { seed: 2 }), new Softmax()]);

  test("lr 100: the summary's warning, heard once", async () => {
    const heard: string[] = [];
    const s = await trainEpoch(model(), X, y, { loss: softmaxCrossEntropy, optimizer: new SGD({ lr: 100 }), batchSize: 8, onWarning: (m) => heard.push(m) });
    expect(s.warning).toMatch(/^trainEpoch: epoch 1: .*training collapsed/);
    expect(heard).toEqual([s.warning]);
    expect(s.firstLoss).toBeGreaterThan(0);
    expect(s.peakLoss).toBeGreaterThanOrEqual(s.firstLoss);
  });

  test("lr 0.1: no warning", async () => {
    const s = await trainEpoch(model(), X, y, { loss: softmaxCrossEntropy, optimizer: new SGD({ lr: 0.1 }), batchSize: 8, onWarning: () => { throw new Error("heard"); } });
    expect(s.warning).toBeUndefined();
  });
});
