import { describe, expect, test } from "vitest";
import { dot, neuron } from "nnfs";

describe("dot", () => {
  test.each([
    { a: [1, 2, 3], b: [3, 4, 5], want: 1 * 3 + 2 * 4 + 3 * 5 },
    { a: [], b: [], want: 0 },
    { a: [-1.5], b: [2], want: -3 },
    { a: [0.1, 0.2], b: [10, 10], want: 0.1 * 10 + 0.2 * 10 },
  ])("dot($a, $b) = $want", ({ a, b, want }) => {
    expect(dot(a, b)).toBeCloseTo(want, 12);
  });

  test.each([
    { a: [1, 2], b: [1], message: "dot: lengths 2 and 1 differ" },
    { a: [1, NaN], b: [1, 2], message: "dot: a[1] is NaN, not a finite number" },
    { a: [1, 2], b: [Infinity, 2], message: "dot: b[0] is Infinity, not a finite number" },
  ])("dot($a, $b) throws $message", ({ a, b, message }) => {
    expect(() => dot(a, b)).toThrow(message);
  });
});

describe("neuron", () => {
  test.each([
    { inputs: [1, 2, 3], weights: [3, 4, 5], bias: 3, want: 29 },
    { inputs: [1, 2, 3, 2.5], weights: [0.2, 0.8, -0.5, 1.0], bias: 2, want: 4.8 },
    { inputs: [0, 0], weights: [5, 7], bias: -1, want: -1 },
  ])("neuron($inputs, $weights, $bias) = $want", ({ inputs, weights, bias, want }) => {
    expect(neuron(inputs, weights, bias)).toBeCloseTo(want, 12);
  });

  test.each([
    { inputs: [1, 2, 3], weights: [3, 4], bias: 0, message: "neuron: 3 inputs but 2 weights" },
    { inputs: [1], weights: [1], bias: NaN, message: "neuron: bias is NaN" },
    { inputs: [1, -Infinity], weights: [1, 1], bias: 0, message: "neuron: inputs[1] is -Infinity" },
  ])("neuron($inputs, $weights, $bias) throws", ({ inputs, weights, bias, message }) => {
    expect(() => neuron(inputs, weights, bias)).toThrow(message);
  });
});
