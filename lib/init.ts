/**
 * Chapter 10: how to choose a layer's starting weights. Too large and the
 * activations blow up layer after layer; too small and they fade away. Xavier
 * (Glorot) and He scale the random weights by the number of inputs so that the
 * signal keeps roughly the same size through the network.
 */
import { Matrix } from "./matrix.ts";
import { Random } from "./random.ts";

/**
 * A weight initialisation scheme:
 * - `"xavier"`: uniform in ±√(6 / (nIn + nOut)) (Glorot & Bengio 2010), for
 *   sigmoid and softmax layers, and a safe default;
 * - `"he"`: normal with standard deviation √(2 / nIn) (He et al. 2015), for ReLU;
 * - `"small"`: normal with standard deviation 0.01, the simple choice of chapter 3.
 *
 * @chapter 10
 * @example
 * new Dense(784, 128, { init: "he" });
 */
export type Init = "xavier" | "he" | "small";

/**
 * A `[nIn, nOut]` weight matrix drawn with `scheme` from `rng`.
 *
 * @chapter 10
 * @example
 * const W = initWeights(784, 128, "he", new Random(0)); // [784, 128]
 */
export function initWeights(nIn: number, nOut: number, scheme: Init, rng: Random): Matrix {
  const W = Matrix.zeros(nIn, nOut); // [nIn, nOut]
  const d = W.data;
  if (scheme === "xavier") {
    const limit = Math.sqrt(6 / (nIn + nOut));
    for (let i = 0; i < d.length; i++) d[i] = rng.uniform(-limit, limit);
  } else if (scheme === "he") {
    const std = Math.sqrt(2 / nIn);
    for (let i = 0; i < d.length; i++) d[i] = rng.normal(0, std);
  } else if (scheme === "small") {
    for (let i = 0; i < d.length; i++) d[i] = rng.normal(0, 0.01);
  } else {
    throw new RangeError(`initWeights: unknown scheme ${JSON.stringify(scheme)}; use "xavier", "he" or "small"`);
  }
  return W;
}
