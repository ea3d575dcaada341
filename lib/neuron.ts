/**
 * Chapter 2: one neuron. A neuron multiplies each input by a weight, adds the
 * products up and adds a bias. Plain `number[]` here; matrices come in chapter 3.
 */
import { finiteResult } from "./kernels/finite.ts";

function checkVector(op: string, name: string, v: readonly number[]): void {
  if (!Array.isArray(v)) {
    throw new TypeError(`${op}: ${name} must be an array of numbers, got ${typeof v}`);
  }
  for (let i = 0; i < v.length; i++) {
    const x = v[i];
    if (typeof x !== "number" || !Number.isFinite(x)) {
      throw new RangeError(`${op}: ${name}[${i}] is ${String(x)}, not a finite number`);
    }
  }
}

/**
 * The dot product: the sum of `a[i] * b[i]`.
 *
 * @chapter 2
 * @example
 * dot([1, 2, 3], [3, 4, 5]); // 26
 */
export function dot(a: readonly number[], b: readonly number[]): number {
  checkVector("dot", "a", a);
  checkVector("dot", "b", b);
  if (a.length !== b.length) {
    throw new RangeError(`dot: lengths ${a.length} and ${b.length} differ`);
  }
  return finiteResult("dot", weightedSum(a, b), { a, b });
}

function weightedSum(a: readonly number[], b: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i] * b[i];
  return sum;
}

/**
 * One neuron's output: the weighted sum of its inputs plus its bias.
 *
 * @chapter 2
 * @example
 * neuron([1, 2, 3], [3, 4, 5], 3); // 29
 */
export function neuron(inputs: readonly number[], weights: readonly number[], bias: number): number {
  checkVector("neuron", "inputs", inputs);
  checkVector("neuron", "weights", weights);
  if (inputs.length !== weights.length) {
    throw new RangeError(
      `neuron: ${inputs.length} inputs but ${weights.length} weights; there must be one weight per input`,
    );
  }
  if (typeof bias !== "number" || !Number.isFinite(bias)) {
    throw new RangeError(`neuron: bias is ${String(bias)}, not a finite number`);
  }
  return finiteResult("neuron", weightedSum(inputs, weights) + bias, { inputs, weights, bias });
}
