/**
 * Chapter 2's island, the logic: one neuron with three inputs, whose
 * weighted sum the reader changes with a slider per input, per weight and
 * for the bias. The sum itself is the library's own `neuron`, the one the
 * chapter writes.
 */
import { neuron } from "nnfs";
import { clean, fmt, snap } from "../shared/numbers.ts";

export interface NeuronState {
  inputs: number[];
  weights: number[];
  bias: number;
}

/** The chapter's worked example: 1·3 + 2·4 + 3·5 + 3 = 29. */
export const EXAMPLE: NeuronState = { inputs: [1, 2, 3], weights: [3, 4, 5], bias: 3 };

/** Every slider's range and step. */
export const RANGE = { min: -5, max: 5, step: 0.1 };

/** Each input times its weight: the neuron's terms, x_i·w_i. */
export function terms(s: NeuronState): number[] {
  return s.inputs.map((x, i) => clean(x * s.weights[i]));
}

/** The neuron's output z = Σ x_i·w_i + b, computed by `neuron` from nnfs. */
export function output(s: NeuronState): number {
  return clean(neuron(s.inputs, s.weights, s.bias));
}

export type Part = { kind: "input" | "weight"; index: number } | { kind: "bias" };

/** A copy of the state with one part set to `value` (snapped to the slider's grid). */
export function setPart(s: NeuronState, part: Part, value: number): NeuronState {
  const v = snap(value, RANGE);
  if (part.kind === "bias") return { ...s, bias: v };
  const key = part.kind === "input" ? "inputs" : "weights";
  return { ...s, [key]: s[key].map((old, i) => (i === part.index ? v : old)) };
}

/** A factor inside a product: negative numbers go in brackets, `3 · (−2)`. */
function factor(v: number): string {
  return v < 0 ? `(${fmt(v)})` : fmt(v);
}

/** The sum written out: `1 · 3 + 2 · 4 + 3 · 5 + 3 = 29`. */
export function equation(s: NeuronState): string {
  const products = s.inputs.map((x, i) => `${factor(x)} · ${factor(s.weights[i])}`).join(" + ");
  const bias = s.bias < 0 ? ` − ${fmt(-s.bias)}` : ` + ${fmt(s.bias)}`;
  return `${products}${bias} = ${fmt(output(s))}`;
}

/** How a connection is drawn: thicker for a larger weight, and whether it excites or inhibits. */
export function edge(weight: number): { width: number; sign: "positive" | "negative" | "zero" } {
  const width = 1 + (5 * Math.min(Math.abs(weight), RANGE.max)) / RANGE.max;
  const sign = weight > 0 ? "positive" : weight < 0 ? "negative" : "zero";
  return { width: Math.round(width * 100) / 100, sign };
}
