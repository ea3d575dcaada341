import { describe, expect, test } from "vitest";
import { Matrix, relu, sigmoid, softmax, step } from "nnfs";

// A matrix with one value written straight into its data, past the checks.
function withValue(m: Matrix, i: number, v: number): Matrix {
  m.data[i] = v;
  return m;
}

const inputs = [-30, -2.5, -1, -0.1, 0, 0.1, 1, 2.5, 30];

describe.each([
  { name: "step", f: step, want: (x: number) => (x > 0 ? 1 : 0) },
  { name: "relu", f: relu, want: (x: number) => Math.max(0, x) },
  { name: "sigmoid", f: sigmoid, want: (x: number) => 1 / (1 + Math.exp(-x)) },
])("$name", ({ name, f, want }) => {
  test.each(inputs)(`${name}(%d)`, (x) => {
    expect(f(x)).toBeCloseTo(want(x), 12);
  });

  test("element-wise on a matrix, shape kept", () => {
    const Y = f(Matrix.from([inputs, inputs.map((x) => -x)]));
    expect(Y.shape).toEqual([2, inputs.length]);
    inputs.forEach((x, j) => {
      expect(Y.get(0, j)).toBeCloseTo(want(x), 6);
      expect(Y.get(1, j)).toBeCloseTo(want(-x), 6);
    });
  });

  test.each([NaN, Infinity])(`${name}(%d) throws`, (x) => {
    expect(() => f(x)).toThrow(`${name}: input is ${x}, not a finite number`);
  });
});

describe("sigmoid never overflows", () => {
  test.each([-1000, -100, 100, 1000])("sigmoid(%d) is finite and in [0, 1]", (x) => {
    const y = sigmoid(x);
    expect(Number.isFinite(y)).toBe(true);
    expect(y).toBeGreaterThanOrEqual(0);
    expect(y).toBeLessThanOrEqual(1);
  });
});

describe("softmax", () => {
  const naive = (v: number[]) => {
    const e = v.map(Math.exp);
    const s = e.reduce((a, b) => a + b, 0);
    return e.map((x) => x / s);
  };

  test.each([[[1, 2, 3]], [[0, 0]], [[-1, 0.5, 4, 2]], [[7]]])("softmax(%j) matches exp / sum", (v) => {
    const got = softmax(v);
    naive(v).forEach((w, i) => expect(got[i]).toBeCloseTo(w, 12));
    expect(got.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  test.each([
    { v: [1000, 1000], want: [0.5, 0.5] },
    { v: [1000, 0], want: [1, 0] },
    { v: [-1000, -1000, -1000, -1000], want: [0.25, 0.25, 0.25, 0.25] },
  ])("stable for large inputs: softmax($v)", ({ v, want }) => {
    softmax(v).forEach((x, i) => expect(x).toBeCloseTo(want[i], 12));
  });

  test("row-wise on a matrix: each row sums to 1", () => {
    const rows = [[1, 2, 3], [5, 5, 5], [-10, 0, 10]];
    const Y = softmax(Matrix.from(rows));
    expect(Y.shape).toEqual([3, 3]);
    rows.forEach((row, r) => naive(row).forEach((w, j) => expect(Y.get(r, j)).toBeCloseTo(w, 6)));
  });

  test("shifting a row does not change its softmax", () => {
    const a = softmax([1, 2, 3]);
    softmax([101, 102, 103]).forEach((x, i) => expect(x).toBeCloseTo(a[i], 12));
  });

  test.each([
    { run: () => softmax([]), message: "softmax: the array is empty" },
    { run: () => softmax([1, NaN]), message: "softmax: value 1 is NaN, not a finite number" },
    { run: () => softmax(withValue(Matrix.zeros(1, 2), 1, Infinity)), message: "softmax: X [1×2] has Infinity at (0, 1)" },
  ])("$message", ({ run, message }) => {
    expect(run).toThrow(message);
  });
});
