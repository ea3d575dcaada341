import { describe, expect, test } from "vitest";
import {
  Dense, Matrix, ReLU, Random, SGD, Sequential, Softmax, crossEntropy, crossEntropyBackward, crossEntropyLoss, mse,
  mseBackward, mseLoss, oneHot, softmax, softmaxCrossEntropy, trainStep,
} from "nnfs";

const random = (rows: number, cols: number, seed: number): Matrix => {
  const rng = new Random(seed);
  return Matrix.from(Array.from({ length: rows }, () => Array.from({ length: cols }, () => rng.normal())));
};

describe("loss objects", () => {
  test.each([
    { loss: mseLoss, forward: mse, backward: mseBackward },
    { loss: crossEntropyLoss, forward: crossEntropy, backward: crossEntropyBackward },
  ])("$loss.name is its two functions", ({ loss, forward, backward }) => {
    const yHat = softmax(random(4, 3, 1));
    const y = [0, 2, 1, 1];
    expect(loss.forward(yHat, y)).toBe(forward(yHat, y));
    expect(loss.backward(yHat, y).data).toEqual(backward(yHat, y).data);
    expect(loss.includesSoftmax).toBeFalsy();
  });

  test("softmaxCrossEntropy: forward is cross-entropy, backward is (ŷ − y) / batch", () => {
    const yHat = softmax(random(4, 3, 2)); // [4, 3]
    const y = [0, 2, 1, 1];
    expect(softmaxCrossEntropy.forward(yHat, y)).toBe(crossEntropy(yHat, y));
    const dZ = softmaxCrossEntropy.backward(yHat, y);
    const Y = oneHot(y, 3);
    dZ.data.forEach((d, i) => expect(d).toBeCloseTo((yHat.data[i] - Y.data[i]) / 4, 7));
    expect(softmaxCrossEntropy.includesSoftmax).toBe(true);
  });

  test("softmaxCrossEntropy's backward equals Softmax's backward after cross-entropy's", () => {
    const Z = random(5, 4, 3); // [batch, nOut]
    const y = oneHot([3, 0, 1, 2, 2], 4);
    const layer = new Softmax();
    const yHat = layer.forward(Z);
    const chained = layer.backward(crossEntropyBackward(yHat, y)); // [batch, nOut]
    const combined = softmaxCrossEntropy.backward(yHat, y);
    combined.data.forEach((d, i) => expect(d).toBeCloseTo(chained.data[i], 6));
  });

  test("a loss that includes the softmax needs a model that ends in one", () => {
    const model = new Sequential([new Dense(3, 2), new ReLU()]);
    expect(() => trainStep(model, random(2, 3, 4), [0, 1], softmaxCrossEntropy, new SGD())).toThrow(
      "softmaxCrossEntropy: the model must end in a Softmax layer, but its last layer is ReLU",
    );
  });

  test("trainStep with softmaxCrossEntropy skips the Softmax layer's backward", () => {
    const make = () => new Sequential([new Dense(3, 4, { seed: 1 }), new Softmax()]);
    const X = random(6, 3, 5), y = [0, 1, 2, 3, 0, 1];
    const viaStep = make();
    trainStep(viaStep, X, y, softmaxCrossEntropy, new SGD({ lr: 0.5 }));
    const byHand = make();
    const dZ = softmaxCrossEntropy.backward(byHand.forward(X), y); // [6, 4]
    byHand.backward(dZ, { from: 0 });
    new SGD({ lr: 0.5 }).step(byHand.params());
    expect(viaStep.params()[0].value.data).toEqual(byHand.params()[0].value.data);
  });
});
