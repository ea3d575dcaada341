/**
 * Chapter 6: a network as a list of layers, each feeding the next. The forward
 * pass runs them in order; the backward pass (chapter 9) in reverse.
 */
import { Matrix } from "./matrix.ts";
import type { SizesFit } from "./sizes.ts";
import { assertMatrix } from "./check.ts";
import { argmax } from "./reduce.ts";
import { Dense } from "./dense.ts";
import { ReLU, Sigmoid, Softmax, Step } from "./activation-layers.ts";
import type { Layer, LayerJSON, Param } from "./layer.ts";

/**
 * A model as JSON: its layers in order.
 *
 * @chapter 10
 * @example
 * const json: ModelJSON = model.toJSON();
 */
export interface ModelJSON {
  format: "nnfs-sequential";
  version: 1;
  layers: LayerJSON[];
}

/**
 * The width a layer hands on, looking back over at most four layers before
 * it: the number of outputs of the nearest `Dense` among `P1` (the layer just
 * before) to `P4`, or `number` when there is none (then only the run checks).
 * Activation layers keep the width, so they are looked through, as the run-time
 * check does.
 *
 * @chapter 6
 * @example
 * type W = WidthBefore<ReLU, Dense<784, 128>, unknown, unknown>; // 128
 */
export type WidthBefore<P1, P2, P3, P4> =
  P1 extends Dense<number, infer O> ? O : P2 extends Dense<number, infer O> ? O : P3 extends Dense<number, infer O> ? O : P4 extends Dense<number, infer O> ? O : number;

type At<T, K> = K extends keyof T ? T[K] : unknown;
type Index<K> = K extends `${infer N extends number}` ? N : "?";
type Link<L, W extends number, K> = L extends Dense<infer I, infer O>
  ? SizesFit<I, W> extends true ? L : `layer ${Index<K>}, Dense(${I}→${O}), takes ${I} inputs but the layer before gives ${W}`
  : L;

/**
 * The layers of a `Sequential`, each `Dense` checked against the one before
 * it: a layer that fits stays as it is, one that does not becomes the message
 * the editor shows. A mapped type over the list, with no recursion, so that
 * long networks cost the type checker no more than short ones.
 *
 * @chapter 6
 * @example
 * new Sequential([new Dense(784, 128), new ReLU(), new Dense(64, 10)]);
 * // underlined: layer 2, Dense(64→10), takes 64 inputs but the layer before gives 128
 */
export type Chained<L extends readonly unknown[]> = {
  [K in keyof L]: Link<L[K], WidthBefore<At<[unknown, ...L], K>, At<[unknown, unknown, ...L], K>, At<[unknown, unknown, unknown, ...L], K>, At<[unknown, unknown, unknown, unknown, ...L], K>>, K>;
};

/**
 * The number of inputs of a network whose first layer is a `Dense`, else `number`.
 *
 * @chapter 6
 * @example
 * type N = InputWidth<[Dense<784, 128>, ReLU]>; // 784
 */
export type InputWidth<L extends readonly unknown[]> = L extends readonly [Dense<infer I, number>, ...unknown[]] ? I : number;

/**
 * The number of outputs of a network: those of its last `Dense`, if it is
 * among its last four layers, else `number`.
 *
 * @chapter 6
 * @example
 * type N = OutputWidth<[Dense<784, 128>, ReLU, Dense<128, 10>, Softmax]>; // 10
 */
export type OutputWidth<L extends readonly unknown[]> = L extends readonly [...unknown[], infer A, infer B, infer C, infer D]
  ? WidthBefore<D, C, B, A>
  : L extends readonly [...unknown[], infer A, infer B, infer C]
    ? WidthBefore<C, B, A, unknown>
    : L extends readonly [...unknown[], infer A, infer B]
      ? WidthBefore<B, A, unknown, unknown>
      : L extends readonly [infer A]
        ? WidthBefore<A, unknown, unknown, unknown>
        : number;

/**
 * A network of layers applied one after the other. Where the code knows the
 * layers' sizes, so does the editor: layers that do not chain are underlined
 * before the code runs, and `forward` says the shape it gives.
 *
 * @chapter 6
 * @example
 * const model = new Sequential([new Dense(784, 128), new ReLU(), new Dense(128, 10), new Softmax()]);
 * const yHat = model.forward(mnist.test.X); // [1000, 10]
 * model.predict(mnist.test.X);              // 1000 predicted digits
 */
export class Sequential<L extends Layer[] | [] = Layer[]> {
  readonly layers: Layer[];

  constructor(layers: L extends Chained<L> ? L : Chained<L>);
  constructor(layers: Layer[]) {
    if (!Array.isArray(layers) || layers.length === 0) {
      throw new RangeError("Sequential: give a non-empty array of layers");
    }
    layers.forEach((layer, i) => {
      if (layer === null || typeof layer !== "object" || typeof layer.forward !== "function") {
        throw new TypeError(`Sequential: layer ${i} is not a layer (it has no forward method)`);
      }
    });
    let width: number | undefined;
    layers.forEach((layer, i) => {
      if (layer instanceof Dense) {
        if (width !== undefined && layer.nIn !== width) {
          throw new RangeError(
            `Sequential: layer ${i}, ${layer.name}, takes ${layer.nIn} inputs but the layer before gives ${width}`,
          );
        }
        width = layer.nOut;
      }
    });
    this.layers = layers;
  }

  /**
   * Runs `X` ([batch, nIn]) through every layer; returns `yHat` ([batch, nOut]).
   *
   * @example
   * model.forward(Matrix.from([[0.5, -1]])); // [1, nOut]
   */
  forward<B extends number>(X: Matrix<B, InputWidth<L>>): Matrix<B, OutputWidth<L>>;
  forward(X: Matrix): Matrix {
    assertMatrix("Sequential.forward", "X", X);
    let A = X; // [batch, nIn]
    for (const layer of this.layers) A = layer.forward(A); // [batch, that layer's nOut]
    return A; // [batch, nOut]
  }

  /**
   * The predicted class of each sample: the argmax of each row of `forward(X)`.
   *
   * @example
   * model.predict(mnist.test.X).slice(0, 5); // e.g. [7, 2, 1, 0, 4]
   */
  predict(X: Matrix<number, InputWidth<L>>): number[] {
    return argmax(this.forward(X)); // [batch, nOut] → batch class indices
  }

  /**
   * Backpropagates `dYHat` ([batch, nOut]), the gradient of the loss with respect
   * to the output, through the layers in reverse, from layer `from` (default:
   * the last) down. Every layer's parameter gradients are filled. Returns the
   * gradient with respect to the input, unless `inputGradient` is false (then
   * the first dense layer skips it and a [batch, 0] matrix is returned).
   *
   * @chapter 9
   * @example
   * model.forward(X);
   * model.backward(dYHat);  // every Dense layer's dW and db are now set
   */
  backward(dYHat: Matrix, options: { from?: number; inputGradient?: boolean } = {}): Matrix {
    const from = options.from ?? this.layers.length - 1;
    const first = this.layers[0];
    if (first instanceof Dense) first.needsInputGradient = options.inputGradient ?? true;
    let d = dYHat; // [batch, nOut of layer `from`]
    for (let i = from; i >= 0; i--) d = this.layers[i].backward(d); // [batch, nIn of layer i]
    if (first instanceof Dense) first.needsInputGradient = true;
    return d; // [batch, nIn]
  }

  /**
   * Tells every layer that has a `training` switch (chapter 11's `Dropout`)
   * whether the model is being trained; the training loop turns it on for its
   * batches and off again, so `forward` and `predict` run the model as it is used.
   *
   * @chapter 10
   * @example
   * model.setTraining(true);  // Dropout drops
   * model.setTraining(false); // Dropout passes everything through
   */
  setTraining(on: boolean): void {
    for (const layer of this.layers) if ("training" in layer) layer.training = on;
  }

  /**
   * Every trainable parameter of every layer, with its gradient.
   *
   * @chapter 9
   * @example
   * model.params().length; // 4 for two dense layers: W, b, W, b
   */
  params(): Param[] {
    return this.layers.flatMap((layer) => layer.params());
  }

  /**
   * A summary: one line per layer with its parameter count, then the total.
   *
   * @example
   * console.log(String(model));
   * // Sequential
   * //   Dense(784→128)  100480 parameters
   * //   ReLU
   * //   …
   */
  toString(): string {
    const lines = this.layers.map((layer) => {
      const n = layer.params().reduce((s, p) => s + p.value.data.length, 0);
      return n > 0 ? `  ${layer.name.padEnd(16)} ${n} parameters` : `  ${layer.name}`;
    });
    const total = this.params().reduce((s, p) => s + p.value.data.length, 0);
    return ["Sequential", ...lines, `  total: ${total} parameters`].join("\n");
  }

  /**
   * The model as JSON-ready data: every layer's type, and the weights of dense
   * layers (exact float32 values). `JSON.stringify(model)` uses it.
   *
   * @chapter 10
   * @example
   * const saved = JSON.stringify(model);
   * const copy = Sequential.fromJSON(JSON.parse(saved));
   */
  toJSON(): ModelJSON {
    return { format: "nnfs-sequential", version: 1, layers: this.layers.map((layer) => layer.toJSON()) };
  }

  /**
   * How to rebuild layers of other types from JSON, by type; a later chapter's
   * layer adds its own (chapter 11: `"dropout"`).
   *
   * @chapter 10
   * @example
   * Sequential.layerTypes.get("dropout")?.({ type: "dropout", rate: 0.2 }); // a Dropout layer
   */
  static readonly layerTypes = new Map<string, (json: LayerJSON) => Layer>();

  /**
   * Rebuilds a model saved with `toJSON` (or `JSON.stringify`); accepts the
   * object or the JSON string.
   *
   * @chapter 10
   * @example
   * const model = Sequential.fromJSON(localStorage.getItem("digits")!);
   */
  static fromJSON(json: ModelJSON | string): Sequential {
    const data = (typeof json === "string" ? JSON.parse(json) : json) as ModelJSON;
    if (data === null || typeof data !== "object" || data.format !== "nnfs-sequential" || !Array.isArray(data.layers)) {
      throw new TypeError('Sequential.fromJSON: not a saved model (expected format "nnfs-sequential")');
    }
    const layers = data.layers.map((l, i): Layer => {
      switch (l.type) {
        case "dense": {
          const ok =
            Number.isInteger(l.nIn) && Number.isInteger(l.nOut) &&
            Array.isArray(l.W) && l.W.length === l.nIn * l.nOut &&
            Array.isArray(l.b) && l.b.length === l.nOut;
          if (!ok) throw new RangeError(`Sequential.fromJSON: layer ${i} (dense): W must have nIn·nOut values and b nOut`);
          for (const [name, values] of [["W", l.W], ["b", l.b]] as const) checkWeights(`Sequential.fromJSON: layer ${i} (dense)`, name, values);
          const W = new Matrix(l.nIn, l.nOut, Float32Array.from(l.W)); // [nIn, nOut]
          const b = new Matrix(1, l.nOut, Float32Array.from(l.b)); // [1, nOut]
          return Dense.from(W, b);
        }
        case "relu":
          return new ReLU();
        case "sigmoid":
          return new Sigmoid();
        case "softmax":
          return new Softmax();
        case "step":
          return new Step();
        default: {
          const make = Sequential.layerTypes.get(l.type);
          if (make !== undefined) return make(l);
          throw new RangeError(`Sequential.fromJSON: layer ${i} has unknown type ${cut(JSON.stringify((l as { type: unknown }).type) ?? "undefined")}`);
        }
      }
    });
    return new Sequential(layers);
  }
}

// The largest float32: a weight beyond it would load as Infinity.
const FLOAT32_MAX = 3.4028234663852886e38;

// Every weight a number a float32 can hold: not a string, not null (which would load as 0), not beyond ±3.4·10³⁸.
function checkWeights(where: string, name: string, values: readonly unknown[]): void {
  for (let k = 0; k < values.length; k++) {
    const v = values[k];
    if (typeof v !== "number" || !(Math.abs(v) <= FLOAT32_MAX)) {
      const what = typeof v === "number" ? `${v}, beyond what a float32 holds (±3.4·10³⁸)` : `${cut(JSON.stringify(v) ?? String(v))}, not a number`;
      throw new RangeError(`${where}: ${name}[${k}] is ${what}`);
    }
  }
}

// A value quoted in a message, cut to 200 characters (a file may hold millions).
const cut = (text: string): string => (text.length <= 200 ? text : `${text.slice(0, 200)}… (${text.length} characters in all)`);
