/**
 * Chapter 3 (and 6): what every layer has in common; chapter 3's `Dense` is
 * the first, chapter 6 lists layers in a `Sequential` model. A layer
 * turns a batch `X` into a batch of outputs, and (chapter 9) turns the gradient
 * of the loss with respect to its outputs into the gradient with respect to its
 * inputs, filling in the gradients of its own parameters on the way.
 */
import type { Matrix } from "./matrix.ts";

/**
 * A trainable matrix and its gradient, as an optimiser sees it.
 * `decay` says whether L2 regularisation applies (weights yes, biases no).
 *
 * @chapter 9
 * @example
 * for (const p of layer.params()) console.log(p.name, p.value.shape);
 */
export interface Param {
  name: string;
  value: Matrix;
  grad: Matrix;
  decay: boolean;
}

/**
 * A layer as JSON: its type, and for a dense layer its sizes and numbers.
 *
 * @chapter 10
 * @example
 * { type: "dense", nIn: 2, nOut: 1, W: [0.5, -0.5], b: [0] }
 */
export type LayerJSON =
  | { type: "dense"; nIn: number; nOut: number; W: number[]; b: number[] }
  | { type: "relu" | "sigmoid" | "softmax" | "step" }
  | { type: "dropout"; rate: number };

/**
 * A layer: `forward` maps `[batch, nIn]` to `[batch, nOut]` and remembers what
 * `backward` needs; `backward` maps `dY` ([batch, nOut]) to `dX` ([batch, nIn]).
 *
 * @chapter 6
 * @example
 * const layers: Layer[] = [new Dense(784, 128), new ReLU(), new Dense(128, 10), new Softmax()];
 */
export interface Layer {
  /** A short name for printing, e.g. `Dense(784→128)`. */
  readonly name: string;
  forward(X: Matrix): Matrix;
  backward(dY: Matrix): Matrix;
  params(): Param[];
  toJSON(): LayerJSON;
  /**
   * Whether the layer is being trained (set by `Sequential.setTraining`).
   * Only layers that act differently while training have it (chapter 11's `Dropout`).
   */
  training?: boolean;
}
