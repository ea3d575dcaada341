// Every backward pass of the library, checked against finite differences.
import { describe, expect, test } from "vitest";
import {
  Dense, type GradcheckTarget, type Layer, Matrix, Random, ReLU, Sequential, Sigmoid, Softmax, Step,
  crossEntropy, crossEntropyBackward, gradcheck, mse, mseBackward, multiply, oneHot,
  softmax, softmaxCrossEntropyBackward,
} from "nnfs";

// Random values in ±1, none closer to 0 than `gap` (so ReLU's and step's kinks
// are not crossed by the finite-difference step).
function random(rows: number, cols: number, seed: number, gap = 0): Matrix {
  const rng = new Random(seed);
  const m = Matrix.zeros(rows, cols);
  for (let i = 0; i < m.data.length; i++) {
    const v = rng.uniform(gap, 1);
    m.data[i] = rng.next() < 0.5 ? -v : v;
  }
  return m;
}

function sum(A: Matrix): number {
  let s = 0;
  for (const v of A.data) s += v;
  return s;
}

// A layer, checked with the loss L = Σ Y ⊙ R for a fixed random R, so dY = R.
describe.each([
  { name: "Dense(4→3)", make: (): Layer => new Dense(4, 3, { seed: 1 }), nIn: 4, nOut: 3, gap: 0 },
  { name: "Dense(7→5), He init", make: (): Layer => new Dense(7, 5, { init: "he", seed: 2 }), nIn: 7, nOut: 5, gap: 0 },
  { name: "ReLU", make: (): Layer => new ReLU(), nIn: 6, nOut: 6, gap: 0.05 },
  { name: "Sigmoid", make: (): Layer => new Sigmoid(), nIn: 6, nOut: 6, gap: 0 },
  { name: "Softmax", make: (): Layer => new Softmax(), nIn: 5, nOut: 5, gap: 0 },
  { name: "Step", make: (): Layer => new Step(), nIn: 4, nOut: 4, gap: 0.05 },
])("$name backward matches finite differences", ({ make, nIn, nOut, gap }) => {
  const layer = make();
  const X = random(5, nIn, 10, gap); // [batch, nIn]
  const R = random(5, nOut, 11); // [batch, nOut]
  const loss = () => sum(multiply(layer.forward(X), R));

  test("with respect to its input and its parameters", () => {
    layer.forward(X);
    const dX = layer.backward(R); // [batch, nIn]
    const targets: GradcheckTarget[] = [{ name: "X", value: X, grad: dX }, ...layer.params()];
    const result = gradcheck(loss, targets);
    expect(result.checked).toBe(X.data.length + layer.params().reduce((s, p) => s + p.value.data.length, 0));
    expect(result.maxError).toBeLessThan(1e-2);
    expect(result.ok).toBe(true);
  });
});

describe.each([
  { name: "mse with a target matrix", loss: mse, backward: mseBackward, yHat: random(4, 3, 20), y: random(4, 3, 21) },
  { name: "mse with class indices", loss: mse, backward: mseBackward, yHat: random(4, 3, 22), y: [0, 2, 1, 1] },
  { name: "crossEntropy with class indices", loss: crossEntropy, backward: crossEntropyBackward, yHat: softmax(random(4, 3, 23)), y: [0, 2, 1, 1] },
  { name: "crossEntropy with one-hot rows", loss: crossEntropy, backward: crossEntropyBackward, yHat: softmax(random(3, 5, 24)), y: oneHot([4, 0, 2], 5) },
])("$name: backward matches finite differences", ({ loss, backward, yHat, y }) => {
  test("with respect to yHat", () => {
    const result = gradcheck(() => loss(yHat, y), [{ name: "yHat", value: yHat, grad: backward(yHat, y) }], { h: 1e-3 });
    expect(result.maxError).toBeLessThan(1e-2);
  });
});

describe.each([
  { name: "class indices", y: [1, 0, 3, 3, 2] as number[] | Matrix },
  { name: "one-hot rows", y: oneHot([1, 0, 3, 3, 2], 4) },
])("softmax + cross-entropy combined gradient, $name", ({ y }) => {
  test("equals the finite-difference gradient with respect to the scores Z", () => {
    const Z = random(5, 4, 30); // [batch, nOut]
    const dZ = softmaxCrossEntropyBackward(softmax(Z), y); // [batch, nOut]
    expect(gradcheck(() => crossEntropy(softmax(Z), y), [{ name: "Z", value: Z, grad: dZ }]).maxError).toBeLessThan(1e-2);
  });

  test("equals Softmax.backward of crossEntropyBackward", () => {
    const Z = random(5, 4, 31);
    const layer = new Softmax();
    const yHat = layer.forward(Z);
    const chained = layer.backward(crossEntropyBackward(yHat, y));
    const combined = softmaxCrossEntropyBackward(yHat, y);
    combined.data.forEach((v, i) => expect(chained.data[i]).toBeCloseTo(v, 5));
  });
});

describe.each([
  {
    name: "Dense-ReLU-Dense-Softmax with cross-entropy (combined gradient)",
    layers: () => [new Dense(6, 8, { seed: 1, init: "he" }), new ReLU(), new Dense(8, 3, { seed: 2 }), new Softmax()],
    loss: crossEntropy,
    grad: (model: Sequential, yHat: Matrix, y: number[]) => model.backward(softmaxCrossEntropyBackward(yHat, y), { from: 2 }),
  },
  {
    name: "Dense-Sigmoid-Dense-Softmax with cross-entropy (chained)",
    layers: () => [new Dense(6, 5, { seed: 3 }), new Sigmoid(), new Dense(5, 3, { seed: 4 }), new Softmax()],
    loss: crossEntropy,
    grad: (model: Sequential, yHat: Matrix, y: number[]) => model.backward(crossEntropyBackward(yHat, y)),
  },
  {
    name: "Dense-Sigmoid-Dense-Sigmoid with MSE",
    layers: () => [new Dense(6, 5, { seed: 5 }), new Sigmoid(), new Dense(5, 3, { seed: 6 }), new Sigmoid()],
    loss: mse,
    grad: (model: Sequential, yHat: Matrix, y: number[]) => model.backward(mseBackward(yHat, y)),
  },
])("a whole model: $name", ({ layers, loss, grad }) => {
  test("every parameter's gradient matches finite differences", () => {
    const model = new Sequential(layers());
    const X = random(7, 6, 40); // [batch, nIn]
    const y = [0, 1, 2, 2, 1, 0, 1];
    grad(model, model.forward(X), y);
    const result = gradcheck(() => loss(model.forward(X), y), model.params());
    expect(result.checked).toBe(model.params().reduce((s, p) => s + p.value.data.length, 0));
    expect(result.maxError).toBeLessThan(1e-2);
  });
});

// Mostly-zero inputs, like digits, and layers of ≥ 16 neurons: the dense layers
// multiply by the listed non-zeros of X (SparseRows), forward and backward.
describe("a whole model on mostly-zero inputs, wide layers", () => {
  test("every parameter's gradient, and the input's, match finite differences", () => {
    const model = new Sequential([
      new Dense(20, 24, { seed: 7, init: "he" }), new ReLU(), new Dense(24, 16, { seed: 8, init: "he" }), new ReLU(),
      new Dense(16, 3, { seed: 9 }), new Softmax(),
    ]);
    const X = random(6, 20, 41); // [batch, nIn]; a seed whose hidden units stay clear of ReLU's kink
    const keep = new Random(61);
    for (let i = 0; i < X.data.length; i++) if (keep.next() < 0.7) X.data[i] = 0;
    const y = [0, 1, 2, 2, 1, 0];
    const dX = model.backward(softmaxCrossEntropyBackward(model.forward(X), y), { from: 4 }); // [batch, nIn]
    const targets: GradcheckTarget[] = [...model.params(), { name: "X", value: X, grad: dX }];
    const result = gradcheck(() => crossEntropy(model.forward(X), y), targets, { h: 1e-3 });
    expect(result.checked).toBeGreaterThan(500); // large matrices are sampled
    expect(result.maxError).toBeLessThan(1e-2);
    expect(result.ok).toBe(true);
  });
});
