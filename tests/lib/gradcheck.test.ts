// gradcheck and numericGradient: they must catch a wrong gradient, not only pass right ones.
import { describe, expect, test } from "vitest";
import { Dense, Matrix, Random, gradcheck, multiply, numericGradient } from "nnfs";

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

describe("gradcheck's errors", () => {
  test("a loss that is not finite near an element is named", () => {
    const M = Matrix.from([[1, 2]]);
    expect(() => numericGradient(() => (M.data[0] > 1 ? Number.NaN : 0), M)).toThrow("gradcheck: the loss is NaN");
  });
});
