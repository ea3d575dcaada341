import { describe, expect, test } from "vitest";
import { Dense, Matrix, Sequential, Sigmoid, Softmax, accuracy, crossEntropy, defaultLoss, evaluate, mse, mseLoss, softmaxCrossEntropy } from "nnfs";

describe("evaluate", () => {
  const model = new Sequential([Dense.from(Matrix.from([[1, -1], [-1, 1]]), Matrix.from([[0, 0]])), new Softmax()]);
  const X = Matrix.from([[2, 0], [0, 2], [1, 0]]);
  const y = [0, 1, 1];

  test("loss and accuracy over all samples, without training", () => {
    const before = model.params().map((p) => Array.from(p.value.data));
    const result = evaluate(model, X, y);
    expect(result.accuracy).toBeCloseTo(2 / 3, 12);
    expect(result.loss).toBeCloseTo(crossEntropy(model.forward(X), y), 6);
    expect(model.params().map((p) => Array.from(p.value.data))).toEqual(before);
  });

  test("in chunks of 1,000 samples, with the same result", () => {
    const big = Matrix.from(Array.from({ length: 2500 }, (_, i) => [i % 3, (i * 7) % 5]));
    const labels = Array.from({ length: 2500 }, (_, i) => i % 2);
    const result = evaluate(model, big, labels);
    expect(result.accuracy).toBeCloseTo(accuracy(model.forward(big), labels), 12);
  });

  test("the default loss follows the last layer; another loss may be given", () => {
    expect(defaultLoss(model)).toBe(softmaxCrossEntropy);
    const sigmoidModel = new Sequential([new Dense(2, 2), new Sigmoid()]);
    expect(defaultLoss(sigmoidModel)).toBe(mseLoss);
    expect(evaluate(model, X, y, mseLoss).loss).toBeCloseTo(mse(model.forward(X), y), 6);
  });

  test("no samples, or labels that do not match, are errors", () => {
    expect(() => evaluate(model, Matrix.zeros(0, 2), [])).toThrow("evaluate: X has no samples");
    expect(() => evaluate(model, X, [0, 1])).toThrow("evaluate: X is [3×2] but y has 2 labels");
  });
});
