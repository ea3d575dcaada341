/**
 * Chapter 11: better starting weights. Chapter 3's layers start from normal
 * numbers with spread 1/√nIn, which keeps a weighted sum about the size of one
 * input. ReLU zeroes half of its inputs, so deep ReLU networks lose signal layer
 * after layer; He initialisation makes up for it with a spread √2 times larger.
 * Xavier (Glorot) balances the sizes going forward and backward.
 *
 * Each scheme is a `WeightInit` that `Dense` accepts as `init`, and is also
 * known to `Dense` by name (`init: "he"`), registered here.
 */
import { Matrix } from "./matrix.ts";
import { Random } from "./random.ts";
import { Dense, type WeightInit } from "./dense.ts";

/**
 * Xavier (Glorot & Bengio 2010): uniform in ±√(6 / (nIn + nOut)), for sigmoid
 * and softmax layers.
 *
 * @chapter 11
 * @example
 * new Dense(16, 10, { init: xavier }); // or { init: "xavier" }
 */
export const xavier: WeightInit = (nIn, nOut, rng) => {
  const W = Matrix.zeros(nIn, nOut); // [nIn, nOut]
  const limit = Math.sqrt(6 / (nIn + nOut));
  for (let i = 0; i < W.data.length; i++) W.data[i] = rng.uniform(-limit, limit);
  return W;
};

/**
 * He (He et al. 2015): normal with standard deviation √(2 / nIn), for layers
 * followed by ReLU.
 *
 * @chapter 11
 * @example
 * new Dense(784, 128, { init: he }); // or { init: "he" }
 */
export const he: WeightInit = (nIn, nOut, rng) => normalWeights(nIn, nOut, Math.sqrt(2 / nIn), rng);

/**
 * Normal with standard deviation 0.01, whatever the layer's size: small enough
 * for a shallow network, too small for a deep one.
 *
 * @chapter 11
 * @example
 * new Dense(4, 3, { init: small }); // or { init: "small" }
 */
export const small: WeightInit = (nIn, nOut, rng) => normalWeights(nIn, nOut, 0.01, rng);

function normalWeights(nIn: number, nOut: number, std: number, rng: Random): Matrix {
  const W = Matrix.zeros(nIn, nOut); // [nIn, nOut]
  for (let i = 0; i < W.data.length; i++) W.data[i] = rng.normal(0, std);
  return W;
}

Dense.inits.set("xavier", xavier).set("he", he).set("small", small);

/**
 * The names of the initialisation schemes: `"normal"` (chapter 3's default,
 * spread 1/√nIn), `"xavier"`, `"he"` and `"small"`.
 *
 * @chapter 11
 * @example
 * const scheme: Init = "he";
 */
export type Init = "normal" | "xavier" | "he" | "small";

/**
 * A `[nIn, nOut]` weight matrix drawn with the scheme called `scheme` from `rng`.
 *
 * @chapter 11
 * @example
 * const W = initWeights(784, 128, "he", new Random(0)); // [784, 128]
 */
export function initWeights(nIn: number, nOut: number, scheme: Init, rng: Random): Matrix {
  const init = Dense.inits.get(scheme);
  if (init === undefined) {
    throw new RangeError(`initWeights: unknown scheme ${JSON.stringify(scheme)}; use "normal", "xavier", "he" or "small"`);
  }
  return init(nIn, nOut, rng);
}
