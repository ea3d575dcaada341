import { describe, expect, test } from "vitest";
import { Dense, Matrix, matmul, neuron } from "nnfs";

// The seed example of chapter 3: three neurons, four inputs.
const inputs = [1, 2, 3, 2.5];
const weights = [
  [0.2, 0.8, -0.5, 1.0],
  [0.5, -0.91, 0.26, -0.5],
  [-0.26, -0.27, 0.17, 0.87],
];
const biases = [2, 3, 0.5];

describe("Dense forward", () => {
  test("the seed example gives [4.8, 1.21, 2.385]", () => {
    const out = Dense.fromNeurons(weights, biases).forward(inputs);
    expect(out).toEqual([4.8, 1.21, 2.385]);
  });

  test("each output is one neuron of chapter 2", () => {
    const out = Dense.fromNeurons(weights, biases).forward(inputs);
    weights.forEach((w, i) => expect(out[i]).toBeCloseTo(neuron(inputs, w, biases[i]), 5));
  });

  test.each([
    { batch: [inputs] },
    { batch: [inputs, [2, 5, -1, 2], [-1.5, 2.7, 3.3, -0.8]] },
  ])("a batch of $batch.length gives one row per sample", ({ batch }) => {
    const layer = Dense.fromNeurons(weights, biases);
    const Y = layer.forward(Matrix.from(batch));
    expect(Y.shape).toEqual([batch.length, 3]);
    batch.forEach((x, r) => weights.forEach((w, j) => expect(Y.get(r, j)).toBeCloseTo(neuron(x, w, biases[j]), 5)));
  });

  test("two layers chained", () => {
    const layer1 = Dense.fromNeurons(weights, biases);
    const layer2 = Dense.fromNeurons([[0.1, -0.14, 0.5], [-0.5, 0.12, -0.33], [-0.44, 0.73, -0.13]], [-1, 2, -0.5]);
    const X = Matrix.from([inputs, [2, 5, -1, 2]]);
    const Y = layer2.forward(layer1.forward(X));
    const hidden = [inputs, [2, 5, -1, 2]].map((x) => weights.map((w, j) => neuron(x, w, biases[j])));
    expect(Y.shape).toEqual([2, 3]);
    hidden.forEach((h, r) => [0, 1, 2].forEach((j) => expect(Y.get(r, j)).toBeCloseTo(layer2.forward(h)[j], 4)));
  });

  test("W is stored [nIn, nOut], the transpose of one neuron per row", () => {
    const layer = Dense.fromNeurons(weights, biases);
    expect(layer.W.shape).toEqual([4, 3]);
    expect(layer.b.shape).toEqual([1, 3]);
    expect([layer.nIn, layer.nOut]).toEqual([4, 3]);
    expect(layer.W.get(1, 0)).toBeCloseTo(weights[0][1], 6);
  });

  test("new Dense(nIn, nOut) is random, seeded, and the batch pass is X·W + b", () => {
    const a = new Dense(5, 4, { seed: 3 });
    const b = new Dense(5, 4, { seed: 3 });
    expect(a.W.toArray()).toEqual(b.W.toArray());
    expect(new Set(a.W.data).size).toBeGreaterThan(1);
    const X = Matrix.from([[1, 0, -1, 2, 0.5]]);
    expect(a.forward(X).toArray()).toEqual(matmul(X, a.W).toArray());
  });
});

describe("Dense errors", () => {
  test.each([
    { name: "wrong sample length", run: () => Dense.fromNeurons(weights, biases).forward([1, 2, 3]), message: "Dense.forward: the layer has 4 inputs but the sample has 3 values" },
    { name: "wrong batch width", run: () => Dense.fromNeurons(weights, biases).forward(Matrix.zeros(2, 5)), message: "Dense.forward: X is [2×5] but the layer has 4 inputs; X must be [batch×4]" },
    { name: "NaN input", run: () => Dense.fromNeurons(weights, biases).forward([1, NaN, 3, 4]), message: "Matrix.from: value at (0, 1) is NaN" },
    { name: "biases of the wrong length", run: () => Dense.fromNeurons(weights, [1, 2]), message: "Dense.fromNeurons: 3 neurons (rows of weights) but 2 biases" },
    { name: "zero neurons", run: () => new Dense(3, 0), message: "Dense: nOut must be a whole number > 0, got 0" },
    { name: "backward before forward", run: () => new Dense(2, 2).backward(Matrix.zeros(1, 2)), message: "Dense.backward: call forward first" },
  ])("$name", ({ run, message }) => {
    expect(run).toThrow(message);
  });
});
