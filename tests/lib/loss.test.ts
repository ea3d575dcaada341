import { describe, expect, test } from "vitest";
import {
  EPSILON, Matrix, accuracy, crossEntropy, crossEntropyLoss, mse, mseLoss, oneHot,
} from "nnfs";

// A 1×1 matrix holding NaN, written past the checks (as a diverged network would).
function nanMatrix(): Matrix {
  const m = Matrix.zeros(1, 1);
  m.data[0] = NaN;
  return m;
}

const yHat = [[0.7, 0.1, 0.2], [0.1, 0.5, 0.4], [0.02, 0.9, 0.08]];
const labels = [0, 1, 1];

describe("oneHot", () => {
  test.each([
    { y: [2, 0], n: 3 },
    { y: [0, 1, 2, 3], n: 4 },
    { y: [], n: 2 },
  ])("oneHot($y, $n)", ({ y, n }) => {
    const Y = oneHot(y, n);
    expect(Y.shape).toEqual([y.length, n]);
    y.forEach((c, i) => Array.from({ length: n }, (_, j) => expect(Y.get(i, j)).toBe(j === c ? 1 : 0)));
  });

  test.each([
    { y: [3], n: 3, message: "oneHot: y[0] is 3, not a class index in 0…2" },
    { y: [0.5], n: 3, message: "oneHot: y[0] is 0.5, not a class index in 0…2" },
    { y: [0], n: 0, message: "oneHot: nClasses must be a whole number > 0, got 0" },
  ])("oneHot($y, $n) throws", ({ y, n, message }) => {
    expect(() => oneHot(y, n)).toThrow(message);
  });
});

describe("crossEntropy", () => {
  const direct = (p: number[][], y: number[]) => -y.reduce((s, c, i) => s + Math.log(p[i][c]), 0) / y.length;

  test.each([
    { name: "class indices", y: labels as number[] | Matrix },
    { name: "Int32Array", y: Int32Array.from(labels) as unknown as number[] },
    { name: "one-hot rows", y: oneHot(labels, 3) },
  ])("with $name: mean of −log p(right class)", ({ y }) => {
    expect(crossEntropy(Matrix.from(yHat), y)).toBeCloseTo(direct(yHat, labels), 6);
  });

  test.each([
    { p: [[1, 0]], y: [0], want: -Math.log(1 - EPSILON) },
    { p: [[0, 1]], y: [0], want: -Math.log(EPSILON) },
  ])("clipped: $p with label $y is finite", ({ p, y, want }) => {
    expect(crossEntropy(Matrix.from(p), y)).toBeCloseTo(want, 6);
  });

  test("the Loss object agrees", () => {
    expect(crossEntropyLoss.forward(Matrix.from(yHat), labels)).toBe(crossEntropy(Matrix.from(yHat), labels));
  });
});

describe("mse", () => {
  test.each([
    { p: [[0.5, 1]], y: [[0, 1]] },
    { p: [[1, 2], [3, 4]], y: [[1, 1], [1, 1]] },
  ])("mse($p, $y) is the mean of squared differences", ({ p, y }) => {
    const flat = p.flat().map((v, i) => (v - y.flat()[i]) ** 2);
    expect(mse(Matrix.from(p), Matrix.from(y))).toBeCloseTo(flat.reduce((a, b) => a + b) / flat.length, 6);
    expect(mseLoss.forward(Matrix.from(p), Matrix.from(y))).toBe(mse(Matrix.from(p), Matrix.from(y)));
  });

  test("class indices are compared as one-hot rows", () => {
    expect(mse(Matrix.from(yHat), labels)).toBeCloseTo(mse(Matrix.from(yHat), oneHot(labels, 3)), 6);
  });
});

describe("accuracy", () => {
  test.each([
    { y: [0, 1, 1], want: 1 },
    { y: [0, 2, 1], want: 2 / 3 },
    { y: [2, 2, 2], want: 0 },
  ])("argmax of yHat against $y is $want", ({ y, want }) => {
    expect(accuracy(Matrix.from(yHat), y)).toBeCloseTo(want, 12);
    expect(accuracy(Matrix.from(yHat), oneHot(y, 3))).toBeCloseTo(want, 12);
  });

  test("predicted classes against labels", () => {
    expect(accuracy([1, 2, 3, 4], [1, 2, 0, 0])).toBe(0.5);
  });
});

describe("loss errors", () => {
  test.each([
    { run: () => crossEntropy(Matrix.from(yHat), [0, 1]), message: "crossEntropy: yHat has 3 rows (samples) but y has 2 labels" },
    { run: () => crossEntropy(Matrix.from(yHat), [0, 1, 3]), message: "crossEntropy: y[2] is 3, not a class index in 0…2" },
    { run: () => mse(Matrix.from(yHat), Matrix.zeros(3, 2)), message: "mse: yHat is [3×3] but y is [3×2]; they must match" },
    { run: () => mse(nanMatrix(), [0]), message: "mse: yHat [1×1] has NaN at (0, 0)" },
    { run: () => crossEntropy(Matrix.zeros(0, 3), []), message: "crossEntropy: yHat [0×3] has no samples" },
    { run: () => accuracy([1, 2], [1]), message: "accuracy: 2 predictions but 1 labels" },
  ])("$message", ({ run, message }) => {
    expect(run).toThrow(message);
  });
});
