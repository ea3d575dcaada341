// Never a silent NaN or Infinity: every public operation that computes numbers
// refuses NaN and ±Infinity in its inputs, and refuses to return a result that
// overflowed from finite inputs. Each error names the operation, a shape and
// the first bad position.
import { describe, expect, test } from "vitest";
import {
  Adam, Dense, Dropout, Matrix, ReLU, SGD, Sigmoid, Softmax, Step, accuracy, add, addRow, argmax, crossEntropy,
  Random, Sequential, crossEntropyBackward, derivative, dot, gradient, gradientDescent, l2Penalty, map, matmul, matmulTransA, matmulTransB,
  mse, mseBackward, multiply, neuron, relu, scale, shiftImages, sigmoid, softmax, softmaxCrossEntropy,
  softmaxCrossEntropyBackward, step, subtract, sumRows, trainEpoch, transpose, type Param,
} from "nnfs";

type Bad = "NaN" | "Infinity";
const value = (bad: Bad): number => (bad === "NaN" ? Number.NaN : Number.POSITIVE_INFINITY);

/** A matrix of `fill`, with `bad` put at (r, c) behind the constructor's back. */
function withBad(rows: number, cols: number, bad: Bad, r = 0, c = 0, fill = 0.5): Matrix {
  const M = Matrix.from(Array.from({ length: rows }, () => new Array(cols).fill(fill)));
  M.data[r * cols + c] = value(bad);
  return M;
}
const full = (rows: number, cols: number, fill = 0.5) => Matrix.from(Array.from({ length: rows }, () => new Array(cols).fill(fill)));

function afterForward<T extends { forward(X: Matrix): Matrix }>(layer: T, rows: number, cols: number): T {
  layer.forward(full(rows, cols));
  return layer;
}
const param = (W: Matrix, G: Matrix): Param[] => [{ name: "W", value: W, grad: G, decay: true }];

// Each row: an operation given one bad input; the error must name the operation,
// the bad value and where it is.
const badInputs: { op: string; run: (bad: Bad) => unknown; where: string }[] = [
  { op: "dot", run: (bad) => dot([1, value(bad)], [1, 2]), where: "a[1]" },
  { op: "neuron", run: (bad) => neuron([1, 2], [value(bad), 1], 0), where: "weights[0]" },
  { op: "matmul", run: (bad) => matmul(withBad(2, 3, bad, 1, 2), full(3, 2)), where: "A [2×3] has {bad} at (1, 2)" },
  { op: "matmul", run: (bad) => matmul(full(2, 3), withBad(3, 20, bad, 2, 7)), where: "B [3×20] has {bad} at (2, 7)" },
  { op: "matmulTransA", run: (bad) => matmulTransA(withBad(3, 2, bad, 2, 1), full(3, 4)), where: "A [3×2] has {bad} at (2, 1)" },
  { op: "matmulTransB", run: (bad) => matmulTransB(full(2, 3), withBad(4, 3, bad, 3, 0)), where: "B [4×3] has {bad} at (3, 0)" },
  { op: "transpose", run: (bad) => transpose(withBad(2, 3, bad, 0, 1)), where: "A [2×3] has {bad} at (0, 1)" },
  { op: "addRow", run: (bad) => addRow(full(2, 3), withBad(1, 3, bad, 0, 2)), where: "row [1×3] has {bad} at (0, 2)" },
  { op: "sumRows", run: (bad) => sumRows(withBad(3, 2, bad, 1, 1)), where: "A [3×2] has {bad} at (1, 1)" },
  { op: "add", run: (bad) => add(withBad(2, 2, bad, 1, 0), full(2, 2)), where: "A [2×2] has {bad} at (1, 0)" },
  { op: "subtract", run: (bad) => subtract(full(2, 2), withBad(2, 2, bad, 0, 1)), where: "B [2×2] has {bad} at (0, 1)" },
  { op: "multiply", run: (bad) => multiply(withBad(2, 2, bad), full(2, 2)), where: "A [2×2] has {bad} at (0, 0)" },
  { op: "scale", run: (bad) => scale(withBad(1, 3, bad, 0, 2), 2), where: "A [1×3] has {bad} at (0, 2)" },
  { op: "map", run: (bad) => map(withBad(1, 3, bad, 0, 1), (x) => x + 1), where: "A [1×3] has {bad} at (0, 1)" },
  { op: "step", run: (bad) => step(withBad(2, 2, bad, 1, 1)), where: "X [2×2] has {bad} at (1, 1)" },
  { op: "sigmoid", run: (bad) => sigmoid(withBad(2, 2, bad, 1, 1)), where: "X [2×2] has {bad} at (1, 1)" },
  { op: "relu", run: (bad) => relu(withBad(2, 2, bad, 1, 1)), where: "X [2×2] has {bad} at (1, 1)" },
  { op: "softmax", run: (bad) => softmax(withBad(2, 2, bad, 1, 1)), where: "X [2×2] has {bad} at (1, 1)" },
  { op: "softmax", run: (bad) => softmax([1, value(bad)]), where: "value 1 is {bad}" },
  { op: "argmax", run: (bad) => argmax(withBad(2, 3, bad, 1, 2)), where: "A [2×3] has {bad} at (1, 2)" },
  { op: "argmax", run: (bad) => argmax([0, 1, value(bad)]), where: "values [length 3] has {bad} at [2]" },
  { op: "Dense.forward", run: (bad) => new Dense(3, 2).forward(withBad(2, 3, bad, 1, 0)), where: "X [2×3] has {bad} at (1, 0)" },
  { op: "Dense.forward", run: (bad) => new Dense(3, 2).forward([1, value(bad), 0]), where: "x [length 3] has {bad} at [1]" },
  { op: "Dense.backward", run: (bad) => afterForward(new Dense(3, 2), 2, 3).backward(withBad(2, 2, bad, 1, 1)), where: "dZ [2×2] has {bad} at (1, 1)" },
  { op: "Dropout.forward", run: (bad) => Object.assign(new Dropout(0.5), { training: true }).forward(withBad(2, 2, bad, 0, 1)), where: "X [2×2] has {bad} at (0, 1)" },
  { op: "relu", run: (bad) => new ReLU().forward(withBad(2, 2, bad)), where: "X [2×2] has {bad} at (0, 0)" },
  { op: "ReLU.backward", run: (bad) => afterForward(new ReLU(), 2, 2).backward(withBad(2, 2, bad)), where: "dY [2×2] has {bad} at (0, 0)" },
  { op: "Sigmoid.backward", run: (bad) => afterForward(new Sigmoid(), 2, 2).backward(withBad(2, 2, bad)), where: "dY [2×2] has {bad} at (0, 0)" },
  { op: "Softmax.backward", run: (bad) => afterForward(new Softmax(), 2, 2).backward(withBad(2, 2, bad)), where: "dY [2×2] has {bad} at (0, 0)" },
  { op: "step", run: (bad) => new Step().forward(withBad(2, 2, bad)), where: "X [2×2] has {bad} at (0, 0)" },
  { op: "Dropout.backward", run: (bad) => afterForward(Object.assign(new Dropout(0.5), { training: true }), 2, 2).backward(withBad(2, 2, bad)), where: "dY [2×2] has {bad} at (0, 0)" },
  { op: "mse", run: (bad) => mse(withBad(2, 2, bad, 1, 0), [0, 1]), where: "yHat [2×2] has {bad} at (1, 0)" },
  { op: "mseBackward", run: (bad) => mseBackward(withBad(2, 2, bad, 1, 0), [0, 1]), where: "yHat [2×2] has {bad} at (1, 0)" },
  { op: "crossEntropy", run: (bad) => crossEntropy(withBad(2, 2, "NaN", 1, 1), [0, 1]), where: "yHat [2×2] has NaN at (1, 1)" },
  { op: "crossEntropyBackward", run: (bad) => crossEntropyBackward(full(2, 2), withBad(2, 2, bad, 1, 1)), where: "y [2×2] has {bad} at (1, 1)" },
  { op: "softmaxCrossEntropyBackward", run: (bad) => softmaxCrossEntropyBackward(withBad(2, 2, bad, 1, 1), [0, 1]), where: "yHat [2×2] has {bad} at (1, 1)" },
  { op: "crossEntropy", run: (bad) => softmaxCrossEntropy.forward(withBad(2, 2, "NaN"), [0, 1]), where: "yHat [2×2] has NaN at (0, 0)" },
  { op: "accuracy", run: (bad) => accuracy(withBad(2, 2, bad, 1, 1), [0, 1]), where: "yHat [2×2] has {bad} at (1, 1)" },
  { op: "SGD(lr=0.1).step: W", run: (bad) => new SGD().step(param(full(2, 2), withBad(2, 2, bad, 1, 1))), where: "gradient of W [2×2] has {bad} at (1, 1)" },
  { op: "SGD(lr=0.1, momentum=0.9).step: W", run: (bad) => new SGD({ momentum: 0.9 }).step(param(full(2, 2), withBad(2, 2, bad))), where: "gradient of W [2×2] has {bad} at (0, 0)" },
  { op: "Adam(lr=0.001).step: W", run: (bad) => new Adam().step(param(full(2, 2), withBad(2, 2, bad, 0, 1))), where: "gradient of W [2×2] has {bad} at (0, 1)" },
  { op: "l2Penalty", run: (bad) => l2Penalty(param(withBad(2, 2, bad), full(2, 2)), 0.1), where: "W (parameter 0) [2×2] has {bad} at (0, 0)" },
  { op: "shiftImages", run: (bad) => shiftImages(withBad(1, 784, bad, 0, 400)), where: "X [1×784] has {bad} at (0, 400)" },
  { op: "Random.uniform", run: (bad) => new Random(1).uniform(value(bad), 1), where: "lo is {bad}" },
  { op: "Random.uniform", run: (bad) => new Random(1).uniform(0, value(bad)), where: "hi is {bad}" },
  { op: "Random.normal", run: (bad) => new Random(1).normal(value(bad)), where: "mean is {bad}" },
  { op: "Random.normal", run: (bad) => new Random(1).normal(0, value(bad)), where: "std is {bad}" },
  { op: "derivative", run: (bad) => derivative((x) => x * x, value(bad)), where: "x is {bad}" },
  { op: "gradient", run: (bad) => gradient((v) => v[0], [value(bad)]), where: "v[0] is {bad}" },
  { op: "gradientDescent", run: (bad) => gradientDescent((x: number) => x * x, value(bad), { lr: 0.1, steps: 1 }), where: "x0[0] is {bad}" },
];

describe.each(["NaN", "Infinity"] as const)("%s in an input", (bad) => {
  test.each(badInputs)("$op: $where", ({ op, run, where }) => {
    const expected = where.replaceAll("{bad}", bad);
    expect(() => run(bad)).toThrow(RangeError);
    expect(() => run(bad)).toThrow(`${op}`);
    expect(() => run(bad)).toThrow(expected);
  });
});

// A size that is not a whole number would make the epoch's summary 0 / 0.
test.each(["NaN", "Infinity"] as const)("trainEpoch: batchSize %s is named, not turned into a loss of NaN", async (bad) => {
  const model = new Sequential([new Dense(2, 2)]);
  const run = trainEpoch(model, full(4, 2), [0, 1, 0, 1], { loss: softmaxCrossEntropy, optimizer: new SGD(), batchSize: value(bad) });
  await expect(run).rejects.toThrow(RangeError);
  await expect(trainEpoch(model, full(4, 2), [0, 1, 0, 1], { loss: softmaxCrossEntropy, optimizer: new SGD(), batchSize: value(bad) }))
    .rejects.toThrow(`trainEpoch: batchSize must be a whole number > 0, got ${bad}`);
});

// Finite inputs whose result is too large for the floats that hold it.
const big = 3e38; // float32 holds up to about 3.4e38
const overflows: { op: string; run: () => unknown; where: string }[] = [
  { op: "dot", run: () => dot([1e200, 1e200], [1e200, 1e200]), where: "the result is Infinity" },
  { op: "neuron", run: () => neuron([1e308], [10], 0), where: "the result is Infinity" },
  { op: "matmul: [1×2]·[2×1]", run: () => matmul(full(1, 2, big), full(2, 1, 10)), where: "the result [1×1] is Infinity at (0, 0)" },
  { op: "matmul: [1×2]·[2×16]", run: () => matmul(full(1, 2, big), full(2, 16, 10)), where: "the result [1×16] is Infinity at (0, 0)" },
  { op: "matmul: [6×6]·[6×20]", run: () => matmul(full(6, 6, big), full(6, 20, 1)), where: "the result [6×20] is Infinity at (0, 0)" },
  { op: "matmulTransA: [2×1]ᵀ·[2×1]", run: () => matmulTransA(full(2, 1, big), full(2, 1, 10)), where: "the result [1×1] is Infinity at (0, 0)" },
  { op: "matmulTransA: [2×1]ᵀ·[2×20]", run: () => matmulTransA(full(2, 1, big), full(2, 20, 10)), where: "the result [1×20] is Infinity at (0, 0)" },
  { op: "matmulTransB: [1×1]·[1×1]ᵀ", run: () => matmulTransB(full(1, 1, big), full(1, 1, 10)), where: "the result [1×1] is Infinity at (0, 0)" },
  { op: "addRow: [2×2] + [1×2]", run: () => addRow(full(2, 2, big), full(1, 2, big)), where: "the result [2×2] is Infinity at (0, 0)" },
  { op: "sumRows: [3×2]", run: () => sumRows(full(3, 2, big)), where: "the result [1×2] is Infinity at (0, 0)" },
  { op: "add: [1×1] and [1×1]", run: () => add(full(1, 1, big), full(1, 1, big)), where: "the result [1×1] is Infinity at (0, 0)" },
  { op: "subtract: [1×1] and [1×1]", run: () => subtract(full(1, 1, big), full(1, 1, -big)), where: "the result [1×1] is Infinity at (0, 0)" },
  { op: "multiply: [1×1] and [1×1]", run: () => multiply(full(1, 1, big), full(1, 1, 10)), where: "the result [1×1] is Infinity at (0, 0)" },
  { op: "scale: [1×2] · 10", run: () => scale(full(1, 2, big), 10), where: "the result [1×2] is Infinity at (0, 0)" },
  { op: "map: [1×2]", run: () => map(full(1, 2, big), (x) => x * 10), where: "the result [1×2] is Infinity at (0, 0): f(" },
  { op: "matmul: [1×2]·[2×1]", run: () => new Dense(2, 1, { init: () => full(2, 1, big) }).forward([1, 1]), where: "the result [1×1] is Infinity" },
  { op: "matmulTransB", run: () => afterForward(new Dense(1, 2, { init: () => full(1, 2, big) }), 1, 1).backward(full(1, 2, big)), where: "the result [1×1] is Infinity" },
  { op: "mseBackward", run: () => mseBackward(full(1, 1, big), full(1, 1, -big)), where: "the result [1×1] is Infinity at (0, 0)" },
  { op: "crossEntropyBackward", run: () => crossEntropyBackward(full(1, 2, 1e-30), full(1, 2, big)), where: "the result [1×2] is -Infinity at (0, 0)" },
  { op: "SGD(lr=1e+30).step: W", run: () => new SGD({ lr: 1e30 }).step(param(full(1, 1), full(1, 1, 1e10))), where: "the result [1×1] is -Infinity at (0, 0)" },
  { op: "Adam(lr=1e+39).step: W", run: () => new Adam({ lr: 1e39 }).step(param(full(1, 1), full(1, 1, 1))), where: "the result [1×1] is -Infinity at (0, 0)" },
  { op: "l2Penalty", run: () => l2Penalty(param(full(1, 1, big), full(1, 1)), 1e300), where: "the result is Infinity" },
  { op: "Matrix.from", run: () => Matrix.from([[1, 1e39]]), where: "value at (0, 1) is 1e+39, beyond float32's range" },
  { op: "Matrix.set", run: () => Matrix.zeros(1, 1).set(0, 0, -1e39), where: "value at (0, 0) is -1e+39, beyond float32's range" },
];

describe("finite inputs that overflow", () => {
  test.each(overflows)("$op: $where", ({ op, run, where }) => {
    expect(run).toThrow(RangeError);
    expect(run).toThrow(op);
    expect(run).toThrow(where);
  });

  test("a plain number's range is float64's, and the message says so", () => {
    expect(() => dot([1e300], [1e300])).toThrow("dot: the result is Infinity: the inputs are finite but the numbers grew beyond ±1.8·10³⁰⁸ (float64)");
  });

  test("mse cannot overflow: float32 differences squared stay within float64", () => {
    expect(mse(full(1, 1, big), full(1, 1, -big))).toBeCloseTo(3.6e77, -75);
  });
});
