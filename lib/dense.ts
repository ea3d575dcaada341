/**
 * Chapter 3: a dense (fully connected) layer. Every one of its `nOut` neurons
 * sees all `nIn` inputs. For a batch `X` ([batch, nIn]) the layer computes
 * `X·W + b`: one matrix product, then the biases added to every row.
 *
 * The weights are stored `[nIn, nOut]` (one neuron per column) so that the batch
 * forward pass needs no transpose; `Dense.fromNeurons` accepts them the way
 * chapter 2 writes them, one neuron per row.
 */
import { Matrix, formatShape } from "./matrix.ts";
import { assertFinite, assertMatrix } from "./check.ts";
import { matmul, matmulTransA, matmulTransB } from "./matmul.ts";
import { SparseRows } from "./kernels/sparse-rows.ts";
import { assertFiniteNumbers } from "./kernels/finite.ts";
import { floats, resident } from "./kernels/slot.ts";
import { addRow } from "./arithmetic.ts";
import { transpose } from "./transpose.ts";
import { sumRows } from "./arithmetic.ts";
import { Random } from "./random.ts";
import type { Layer, LayerJSON, Param } from "./layer.ts";
import type { DenseOutput } from "./shapes.ts";

/**
 * A way to draw a layer's starting weights: given the layer's sizes and a
 * seeded generator, a `[nIn, nOut]` matrix.
 *
 * @chapter 3
 * @example
 * const tiny: WeightInit = (nIn, nOut, rng) => map(Matrix.zeros(nIn, nOut), () => rng.normal(0, 0.01));
 * new Dense(4, 3, { init: tiny });
 */
export type WeightInit = (nIn: number, nOut: number, rng: Random) => Matrix;

/**
 * The starting weights of a new `Dense` layer unless told otherwise: normal
 * random numbers with mean 0 and standard deviation 1/√nIn. A neuron adds up
 * nIn inputs times weights; with this spread the sum of nIn such terms stays
 * about as large as one input, however many inputs the layer has.
 *
 * @chapter 3
 * @example
 * const W = scaledNormal(784, 16, new Random(0)); // [784, 16], spread 1/28
 */
export function scaledNormal(nIn: number, nOut: number, rng: Random): Matrix {
  const W = Matrix.zeros(nIn, nOut); // [nIn, nOut]
  const std = 1 / Math.sqrt(nIn);
  for (let i = 0; i < W.data.length; i++) W.data[i] = rng.normal(0, std);
  return W;
}

/**
 * Options for a new `Dense` layer: how to draw the starting weights (default
 * `scaledNormal`; a function, or the name of one in `Dense.inits`, such as
 * `"he"` and `"xavier"`, which chapter 11 adds), and the random generator or
 * seed (default seed 0), so that the same code always starts from the same
 * weights.
 *
 * @chapter 3
 * @example
 * new Dense(784, 128, { seed: 1 });
 * new Dense(784, 128, { init: "he", seed: 1 }); // chapter 11
 */
export interface DenseOptions {
  init?: WeightInit | string;
  seed?: number;
  rng?: Random;
}

// W where the products read it without a copy: in WebAssembly memory once
// chapter 12's fast kernels are loaded, else W itself.
function kept(W: Matrix): Matrix {
  const data = resident(W.data);
  return data === W.data ? W : new Matrix(W.rows, W.cols, data); // [nIn, nOut]
}

function checkSize(name: string, n: number): void {
  if (!Number.isInteger(n) || n <= 0) {
    throw new RangeError(`Dense: ${name} must be a whole number > 0, got ${String(n)}`);
  }
}

/**
 * A dense layer with weights `W` ([nIn, nOut]) and biases `b` ([1, nOut]).
 * Its type carries its sizes where the code knows them: `new Dense(784, 128)`
 * is a `Dense<784, 128>`, whose `forward` takes a `Matrix<batch, 784>` and
 * gives a `Matrix<batch, 128>`.
 *
 * @chapter 3
 * @example
 * const layer = Dense.fromNeurons(
 *   [[0.2, 0.8, -0.5, 1.0], [0.5, -0.91, 0.26, -0.5], [-0.26, -0.27, 0.17, 0.87]],
 *   [2, 3, 0.5],
 * );
 * layer.forward([1, 2, 3, 2.5]); // [4.8, 1.21, 2.385]
 */
export class Dense<In extends number = number, Out extends number = number> implements Layer {
  /** Weights, `[nIn, nOut]`: column j holds neuron j's weights. */
  W: Matrix<In, Out>;
  /** Biases, `[1, nOut]`. */
  b: Matrix<1, Out>;
  /** Gradient of the loss with respect to `W`, filled by `backward` (chapter 9). */
  dW: Matrix<In, Out>;
  /** Gradient of the loss with respect to `b`, filled by `backward` (chapter 9). */
  db: Matrix<1, Out>;
  /**
   * Whether `backward` computes `dX`. The first layer of a network does not
   * need it (nothing before it learns), and skipping it saves a matrix product.
   */
  needsInputGradient = true;
  private X: Matrix | undefined = undefined;
  // X's non-zeros, listed by forward when X is mostly zeros (else undefined),
  // for both products: X·W now and Xᵀ·dZ in backward.
  private nonZeros: SparseRows | undefined = undefined;
  private listed = new SparseRows();

  /**
   * A layer of `nOut` neurons with `nIn` inputs each; random weights (seeded),
   * zero biases.
   *
   * @example
   * const layer = new Dense(4, 3); // W [4, 3], b [1, 3]
   */
  constructor(nIn: In, nOut: Out, options: DenseOptions = {}) {
    checkSize("nIn", nIn);
    checkSize("nOut", nOut);
    const rng = options.rng ?? new Random(options.seed ?? 0);
    this.W = kept(Dense.initFor(options.init)(nIn, nOut, rng)); // [nIn, nOut]
    this.b = Matrix.zeros(1, nOut); // [1, nOut]
    this.dW = new Matrix(nIn, nOut, floats(nIn * nOut)); // [nIn, nOut]
    this.db = Matrix.zeros(1, nOut); // [1, nOut]
  }

  /**
   * The weight initialisations known by name: `"normal"` (`scaledNormal`, the
   * default) here; chapter 11's file adds `"xavier"`, `"he"` and `"small"`.
   *
   * @example
   * [...Dense.inits.keys()]; // ["normal", "xavier", "he", "small"]
   */
  static readonly inits = new Map<string, WeightInit>([["normal", scaledNormal]]);

  private static initFor(init: WeightInit | string | undefined): WeightInit {
    if (init === undefined) return scaledNormal;
    if (typeof init === "function") return init;
    const named = Dense.inits.get(init);
    if (named === undefined) {
      const known = [...Dense.inits.keys()].map((k) => JSON.stringify(k)).join(", ");
      throw new RangeError(`Dense: unknown init ${JSON.stringify(init)}; use a function or one of ${known}`);
    }
    return named;
  }

  /**
   * A layer with the given weights `W` ([nIn, nOut]) and biases `b` ([1, nOut]),
   * both copied.
   *
   * @example
   * Dense.from(Matrix.from([[1], [1]]), Matrix.from([[0]])); // adds its two inputs
   */
  static from<I extends number, O extends number>(W: Matrix<I, O>, b: NoInfer<Matrix<1, O>>): Dense<I, O>;
  static from(W: Matrix, b: Matrix): Dense {
    assertMatrix("Dense.from", "W", W);
    assertMatrix("Dense.from", "b", b);
    if (b.rows !== 1 || b.cols !== W.cols) {
      throw new RangeError(`Dense.from: W is ${formatShape(W)} so b must be [1×${W.cols}], got ${formatShape(b)}`);
    }
    assertFinite("Dense.from", W, "W");
    assertFinite("Dense.from", b, "b");
    const layer = new Dense(1, 1); // replaced below; saves drawing random weights
    layer.W = kept(W.clone()); // [nIn, nOut]
    layer.b = b.clone(); // [1, nOut]
    layer.dW = new Matrix(W.rows, W.cols, floats(W.rows * W.cols)); // [nIn, nOut]
    layer.db = Matrix.zeros(1, W.cols); // [1, nOut]
    return layer;
  }

  /**
   * A layer from weights written one neuron per row (`[nOut, nIn]`, as in
   * chapter 2) and one bias per neuron; stored transposed as `[nIn, nOut]`.
   *
   * @example
   * Dense.fromNeurons([[1, 1], [1, -1]], [0, 0]).forward([3, 2]); // [5, 1]
   */
  static fromNeurons(weights: readonly (readonly number[])[], biases: readonly number[]): Dense {
    const perNeuron = Matrix.from(weights); // [nOut, nIn]
    if (!Array.isArray(biases) || biases.length !== perNeuron.rows) {
      const got = Array.isArray(biases) ? `${biases.length} biases` : typeof biases;
      throw new RangeError(`Dense.fromNeurons: ${perNeuron.rows} neurons (rows of weights) but ${got}`);
    }
    return Dense.from(transpose(perNeuron), Matrix.from([biases])); // W [nIn, nOut], b [1, nOut]
  }

  /** Number of inputs of each neuron. */
  get nIn(): number {
    return this.W.rows;
  }

  /** Number of neurons (outputs). */
  get nOut(): number {
    return this.W.cols;
  }

  /** `Dense(nIn→nOut)`. */
  get name(): string {
    return `Dense(${this.nIn}→${this.nOut})`;
  }

  /**
   * The layer's outputs: for one sample (`number[]` of length nIn) a `number[]`
   * of length nOut; for a batch `X` ([batch, nIn]) the matrix `X·W + b`
   * ([batch, nOut]). Remembers `X` for `backward`, and, when X is mostly zeros
   * (a batch of digits), the list of its non-zeros that both products use.
   *
   * @example
   * layer.forward([1, 2, 3, 2.5]);              // one sample → number[]
   * layer.forward(Matrix.from([[1, 2, 3, 2.5]])); // a batch → [1, 3]
   */
  forward<const X extends Matrix<number, In> | readonly number[]>(input: X): DenseOutput<X, Out>;
  forward(input: Matrix | readonly number[]): Matrix | number[] {
    if (Array.isArray(input)) {
      if (input.length !== this.nIn) {
        throw new RangeError(`Dense.forward: the layer has ${this.nIn} inputs but the sample has ${input.length} values`);
      }
      assertFiniteNumbers("Dense.forward", input, "x");
      return this.forward(Matrix.from([input])).row(0); // [1, nOut] → number[]
    }
    const X = input as Matrix;
    assertMatrix("Dense.forward", "X", X);
    if (X.cols !== this.nIn) {
      throw new RangeError(
        `Dense.forward: X is ${formatShape(X)} but the layer has ${this.nIn} inputs; X must be [batch×${this.nIn}]`,
      );
    }
    // A batch of digits is mostly zeros (black pixels): list X's non-zeros once,
    // and both products skip the zeros. Listing also finds any NaN in X.
    const S = SparseRows.from(X, this.listed); // [batch, nIn], its non-zeros only
    if (!S.finite) assertFinite("Dense.forward", X, "X"); // throws, naming where
    this.X = X;
    this.nonZeros = S.sparseEnough ? S : undefined;
    const W: Matrix = this.W, b: Matrix = this.b; // [nIn, nOut], [1, nOut]: sizes checked above, at run time
    const Z = matmul(this.nonZeros ?? X, W); // [batch, nOut]
    return addRow(Z, b, Z); // [batch, nOut]
  }

  /**
   * Given `dZ`, the gradient of the loss with respect to this layer's outputs
   * ([batch, nOut]), fills `dW = Xᵀ·dZ` ([nIn, nOut]) and `db = sumRows(dZ)`
   * ([1, nOut]) and returns `dX = dZ·Wᵀ` ([batch, nIn]).
   *
   * @chapter 9
   * @example
   * const Z = layer.forward(X);        // [batch, nOut]
   * const dX = layer.backward(dZ);     // [batch, nIn]; layer.dW and layer.db are set
   */
  backward<B extends number>(dZ: Matrix<B, Out>): Matrix<B, In>;
  backward(dZ: Matrix): Matrix {
    const X = this.X;
    if (X === undefined) throw new Error("Dense.backward: call forward first; backward needs its input X");
    assertMatrix("Dense.backward", "dZ", dZ);
    if (dZ.rows !== X.rows || dZ.cols !== this.nOut) {
      throw new RangeError(
        `Dense.backward: dZ is ${formatShape(dZ)} but the last forward output was [${X.rows}×${this.nOut}]`,
      );
    }
    assertFinite("Dense.backward", dZ, "dZ");
    matmulTransA(this.nonZeros ?? X, dZ, this.dW); // [nIn, nOut]
    sumRows(dZ, this.db); // [1, nOut]
    if (!this.needsInputGradient) return Matrix.zeros(X.rows, 0); // [batch, 0]: not computed
    const W: Matrix = this.W; // [nIn, nOut]: sizes checked above, at run time
    return matmulTransB(dZ, W); // [batch, nIn]
  }

  /**
   * The layer's parameters and their gradients: `W`/`dW` (with L2 decay) and
   * `b`/`db` (without).
   *
   * @chapter 9
   * @example
   * layer.params().map((p) => p.name); // ["W", "b"]
   */
  params(): Param[] {
    return [
      { name: "W", value: this.W, grad: this.dW, decay: true },
      { name: "b", value: this.b, grad: this.db, decay: false },
    ];
  }

  /**
   * The layer as JSON (sizes, weights and biases as plain arrays).
   *
   * @chapter 10
   * @example
   * JSON.stringify(layer); // {"type":"dense","nIn":4,"nOut":3,"W":[…],"b":[…]}
   */
  toJSON(): LayerJSON {
    return { type: "dense", nIn: this.nIn, nOut: this.nOut, W: Array.from(this.W.data), b: Array.from(this.b.data) };
  }
}
