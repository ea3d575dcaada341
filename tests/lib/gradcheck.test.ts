// gradcheck and numericGradient: they must catch a wrong gradient, not only pass right ones.
import { describe, expect, test } from "vitest";
import { Dense, Matrix, ReLU, Random, Sequential, gradcheck, multiply, numericGradient } from "nnfs";

function random(rows: number, cols: number, seed: number): Matrix {
  const rng = new Random(seed);
  const m = Matrix.zeros(rows, cols);
  for (let i = 0; i < m.data.length; i++) m.data[i] = rng.uniform(-1, 1);
  return m;
}

const sum = (A: Matrix): number => A.data.reduce((s, v) => s + v, 0);

describe("gradcheck itself", () => {
  test("catches a wrong gradient", () => {
    const layer = new Dense(3, 2, { seed: 1 });
    const X = random(4, 3, 50);
    const R = random(4, 2, 51);
    layer.forward(X);
    layer.backward(R);
    layer.dW.data[3] *= 1.5; // a bug
    const result = gradcheck(() => sum(multiply(layer.forward(X), R)), layer.params());
    expect(result.ok).toBe(false);
    expect(result.worst).toMatchObject({ name: "W", index: 3 });
  });

  test("numericGradient of Σ x² is 2x and leaves M as it was", () => {
    const M = random(2, 3, 60);
    const before = M.data.slice();
    const g = numericGradient(() => M.data.reduce((s, v) => s + v * v, 0), M);
    before.forEach((x, i) => expect(g[i]).toBeCloseTo(2 * x, 4));
    expect(M.data).toEqual(before);
  });

  test("samples large matrices", () => {
    const layer = new Dense(40, 30, { seed: 1 });
    const X = random(2, 40, 70);
    const R = random(2, 30, 71);
    layer.forward(X);
    layer.backward(R);
    const result = gradcheck(() => sum(multiply(layer.forward(X), R)), layer.params(), { maxChecks: 50 });
    expect(result.checked).toBe(50 + 30);
    expect(result.ok).toBe(true);
  });

  test("shape mismatch is named", () => {
    expect(() => gradcheck(() => 0, [{ name: "W", value: Matrix.zeros(2, 2), grad: Matrix.zeros(2, 3) }])).toThrow(
      "gradcheck: W: value is [2×2] but grad is [2×3]",
    );
  });
});

// One ReLU neuron whose pre-activation for the first sample is 0.0004: a nudge of
// its first weight by h = 0.001 (times an input of 1) crosses ReLU's kink at 0.
function kinkedNeuron() {
  const dense = Dense.fromNeurons([[1, -1]], [-0.9996]);
  const model = new Sequential([dense, new ReLU()]);
  const X = Matrix.from([
    [1, 0], // z = 0.0004, just right of the kink
    [2, 0.5], // z = 0.5004, far from it
  ]); // [batch, nIn]
  const loss = () => sum(model.forward(X));
  model.forward(X);
  model.backward(Matrix.from([[1], [1]]));
  return { dense, model, loss };
}

describe("gradcheck at a kink", () => {
  test("a right ReLU gradient within h of the kink passes, and the kink is named", () => {
    const { dense, loss } = kinkedNeuron();
    const result = gradcheck(loss, dense.params());
    expect(result.ok).toBe(true);
    expect(result.maxError).toBeLessThan(1e-3);
    // W₀ and b move sample 0's pre-activation across 0; W₁ multiplies an input of 0 there.
    expect(result.kinks.map((k) => [k.name, k.index])).toEqual([["W", 0], ["b", 0]]);
    const first = result.kinks[0];
    expect(Math.abs(first.left - first.right)).toBeGreaterThan(0.5); // one side saw ReLU's slope 1 for sample 0, the other 0
    expect(result.checked).toBe(1);
  });

  test("without the kink check the same right gradient would fail", () => {
    const { dense, loss } = kinkedNeuron();
    const numeric = numericGradient(loss, dense.W); // [2, 1]
    expect(Math.abs(numeric[0] - dense.dW.data[0])).toBeGreaterThan(0.1);
  });

  test("a wrong gradient next to a kink is still caught", () => {
    const dense = new Dense(2, 3, { seed: 4 });
    const model = new Sequential([dense, new ReLU()]);
    const X = random(3, 2, 80); // [batch, nIn]
    const R = random(3, 3, 81); // [batch, nOut]
    // Move neuron 0's bias so that sample 0's pre-activation sits 0.0003 above 0.
    const z = model.forward(X); // [batch, nOut]
    const preactivation = X.get(0, 0) * dense.W.get(0, 0) + X.get(0, 1) * dense.W.get(1, 0) + dense.b.get(0, 0);
    dense.b.set(0, 0, dense.b.get(0, 0) - preactivation + 0.0003);
    expect(z.shape).toEqual([3, 3]);
    const loss = () => sum(multiply(model.forward(X), R));
    model.forward(X);
    model.backward(R);
    expect(gradcheck(loss, dense.params()).ok).toBe(true);
    expect(gradcheck(loss, dense.params()).kinks.length).toBeGreaterThan(0);
    dense.dW.data[4] += 0.5; // a bug in a weight of neuron 1, far from any kink
    const result = gradcheck(loss, dense.params());
    expect(result.ok).toBe(false);
    expect(result.worst).toMatchObject({ name: "W", index: 4 });
  });

  test("h must be positive", () => {
    expect(() => gradcheck(() => 0, [], { h: 0 })).toThrow("gradcheck: h must be > 0, got 0");
  });
});

describe("gradcheck's errors", () => {
  test("a loss that is not finite near an element is named", () => {
    const M = Matrix.from([[1, 2]]);
    expect(() => numericGradient(() => (M.data[0] > 1 ? Number.NaN : 0), M)).toThrow("gradcheck: the loss is NaN");
  });
});
