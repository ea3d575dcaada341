/**
 * Chapter 10: the reader's trained network reads the drawing pad. The
 * network is the one the trainer kept (trainer/store.ts); this module turns
 * a drawing's 784 inputs into its ten outputs and a sentence about them.
 */
import { Matrix, argmax, type Sequential } from "nnfs";

/** The network's ten outputs (softmax: they add up to 1) for one 28×28 input. */
export function readDigit(network: Sequential, pixels: ArrayLike<number>): number[] {
  if (pixels.length !== 784) throw new RangeError(`readDigit: expected 784 pixels, got ${pixels.length}`);
  const X = new Matrix(1, 784, Float32Array.from(pixels)); // [1, 784]
  const yHat = network.forward(X); // [1, 10]
  return Array.from(yHat.data, Number);
}

/** What the reader is told: the answer, how sure, and the runner-up when it is close. */
export function describeReading(outputs: readonly number[], label: number | null): string {
  const best = argmax(outputs as number[]);
  const second = argmax(outputs.map((v, j) => (j === best ? -1 : v)));
  const sure = outputs[best];
  let text = `It reads a ${best} (${Math.round(100 * sure)} %)`;
  if (outputs[second] >= 0.15) text += `, or perhaps a ${second} (${Math.round(100 * outputs[second])} %)`;
  text += ".";
  if (label !== null) text += label === best ? ` Right: the digit is a ${label}.` : ` Wrong: the digit is a ${label}.`;
  return text;
}
