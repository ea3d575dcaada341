import { describe, expect, test } from "vitest";
import { Dense, Matrix, Random, matmul, neuron, scaledNormal } from "nnfs";

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

describe("Dense starting weights", () => {
  test.each([
    { nIn: 400, nOut: 50 },
    { nIn: 16, nOut: 1000 },
  ])("by default normal with mean 0 and spread 1/√nIn: [$nIn, $nOut]", ({ nIn, nOut }) => {
    const W = new Dense(nIn, nOut, { seed: 3 }).W;
    expect(W.shape).toEqual([nIn, nOut]);
    const d = Array.from(W.data);
    const mean = d.reduce((s, x) => s + x, 0) / d.length;
    const std = Math.sqrt(d.reduce((s, x) => s + (x - mean) ** 2, 0) / d.length);
    expect(Math.abs(mean)).toBeLessThan(0.05 / Math.sqrt(nIn));
    expect(std).toBeGreaterThan(0.95 / Math.sqrt(nIn));
    expect(std).toBeLessThan(1.05 / Math.sqrt(nIn));
  });

  test("the default is scaledNormal, also known as \"normal\"", () => {
    const a = new Dense(30, 7, { seed: 5 }).W;
    expect(new Dense(30, 7, { seed: 5, init: "normal" }).W.data).toEqual(a.data);
    expect(new Dense(30, 7, { seed: 5, init: scaledNormal }).W.data).toEqual(a.data);
    expect(scaledNormal(30, 7, new Random(5)).data).toEqual(a.data);
  });

  test("the same seed gives the same weights; another seed, others", () => {
    expect(new Dense(5, 4, { seed: 9 }).W.data).toEqual(new Dense(5, 4, { seed: 9 }).W.data);
    expect(new Dense(5, 4, { seed: 9 }).W.data).not.toEqual(new Dense(5, 4, { seed: 10 }).W.data);
    expect(new Dense(5, 4, { rng: new Random(9) }).W.data).toEqual(new Dense(5, 4, { seed: 9 }).W.data);
  });

  test("init may be any function of (nIn, nOut, rng)", () => {
    const seen: number[] = [];
    const ones = (nIn: number, nOut: number): Matrix => {
      seen.push(nIn, nOut);
      return Matrix.from(Array.from({ length: nIn }, () => new Array(nOut).fill(1)));
    };
    const layer = new Dense(3, 2, { init: ones });
    expect(seen).toEqual([3, 2]);
    expect(layer.forward([1, 2, 3])).toEqual([6, 6]);
  });

  test("an unknown init name is an error listing the known ones", () => {
    expect(() => new Dense(3, 2, { init: "lecun" })).toThrow(/Dense: unknown init "lecun"; use a function or one of "normal", /);
  });

  test("biases start at zero", () => {
    expect(Array.from(new Dense(6, 5).b.data)).toEqual([0, 0, 0, 0, 0]);
  });
});
