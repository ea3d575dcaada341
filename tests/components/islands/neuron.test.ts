import { describe, expect, test } from "vitest";
import { edge, equation, EXAMPLE, output, setPart, terms, type NeuronState } from "../../../components/islands/neuron/neuron.ts";

const state = (inputs: number[], weights: number[], bias: number): NeuronState => ({ inputs, weights, bias });

describe("the neuron", () => {
  test.each([
    { s: EXAMPLE, terms: [3, 8, 15], z: 29, eq: "1 · 3 + 2 · 4 + 3 · 5 + 3 = 29" },
    { s: state([0.1, 0.2, 0.3], [0.2, 0.1, 0.1], 0), terms: [0.02, 0.02, 0.03], z: 0.07, eq: "0.1 · 0.2 + 0.2 · 0.1 + 0.3 · 0.1 + 0 = 0.07" },
    { s: state([1, -2, 0.5], [-3, 4, 0], -1.5), terms: [-3, -8, 0], z: -12.5, eq: "1 · (−3) + (−2) · 4 + 0.5 · 0 − 1.5 = −12.5" },
    { s: state([0, 0, 0], [5, -5, 5], 2.5), terms: [0, 0, 0], z: 2.5, eq: "0 · 5 + 0 · (−5) + 0 · 5 + 2.5 = 2.5" },
    { s: state([5, 5, 5], [5, 5, 5], 5), terms: [25, 25, 25], z: 80, eq: "5 · 5 + 5 · 5 + 5 · 5 + 5 = 80" },
  ])("$eq", ({ s, terms: t, z, eq }) => {
    expect(terms(s)).toEqual(t);
    expect(output(s)).toBe(z);
    expect(equation(s)).toBe(eq);
  });
});

describe("sliders", () => {
  test.each([
    { part: { kind: "input" as const, index: 0 }, value: -2, expected: state([-2, 2, 3], [3, 4, 5], 3) },
    { part: { kind: "weight" as const, index: 2 }, value: 0.33, expected: state([1, 2, 3], [3, 4, 0.3], 3) },
    { part: { kind: "bias" as const }, value: -10, expected: state([1, 2, 3], [3, 4, 5], -5) },
  ])("setPart $part to $value", ({ part, value, expected }) => {
    expect(setPart(EXAMPLE, part, value)).toEqual(expected);
    expect(EXAMPLE).toEqual(state([1, 2, 3], [3, 4, 5], 3)); // untouched
  });
});

describe("edges", () => {
  test.each([
    [5, { width: 6, sign: "positive" }],
    [-2.5, { width: 3.5, sign: "negative" }],
    [0, { width: 1, sign: "zero" }],
  ])("edge(%d)", (w, expected) => expect(edge(w)).toEqual(expected));
});
