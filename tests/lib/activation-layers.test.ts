// The activation layers' forward passes and their bookkeeping; their backward
// passes are checked against finite differences in backward.test.ts.
import { describe, expect, test } from "vitest";
import { Matrix, ReLU, Sigmoid, Softmax, Step, relu, sigmoid, softmax, step } from "nnfs";

const X = Matrix.from([[-2, 0, 3], [1, -1, 0.5]]); // [2, 3]

describe.each([
  { layer: () => new ReLU(), f: relu, type: "relu" },
  { layer: () => new Sigmoid(), f: sigmoid, type: "sigmoid" },
  { layer: () => new Softmax(), f: softmax, type: "softmax" },
  { layer: () => new Step(), f: step, type: "step" },
])("$type layer", ({ layer, f, type }) => {
  test("forward is the function of chapters 4–5", () => {
    expect(layer().forward(X).data).toEqual((f as (X: Matrix) => Matrix)(X).data);
  });

  test("has no parameters, and saves as its type", () => {
    expect(layer().params()).toEqual([]);
    expect(layer().toJSON()).toEqual({ type });
  });

  test("backward before forward is an error; a wrong shape too", () => {
    const l = layer();
    expect(() => l.backward(Matrix.zeros(2, 3))).toThrow("call forward first");
    l.forward(X);
    expect(() => l.backward(Matrix.zeros(3, 2))).toThrow("dY is [3×2] but the last forward output was [2×3]");
  });
});

test("ReLU's backward passes the gradient where the input was positive", () => {
  const layer = new ReLU();
  layer.forward(X);
  expect(Array.from(layer.backward(Matrix.from([[1, 1, 1], [1, 1, 1]])).data)).toEqual([0, 0, 1, 1, 0, 1]);
});

test("Step's backward is all zeros", () => {
  const layer = new Step();
  layer.forward(X);
  expect(Array.from(layer.backward(Matrix.from([[1, 2, 3], [4, 5, 6]])).data)).toEqual([0, 0, 0, 0, 0, 0]);
});
