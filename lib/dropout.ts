/**
 * Chapter 11: dropout. While training, each activation is dropped (set to 0)
 * with probability `rate`, a different random choice on every batch, so that no
 * neuron can rely on one particular other neuron being there: the network has
 * to spread what it knows. The ones kept are scaled by 1 / (1 − rate), so each
 * activation's expected value is the same as without dropout; after training
 * the layer passes everything through unchanged ("inverted" dropout).
 */
import { Matrix, formatShape } from "./matrix.ts";
import { assertFinite, assertMatrix } from "./check.ts";
import { Random } from "./random.ts";
import { Sequential } from "./sequential.ts";
import type { Layer, LayerJSON, Param } from "./layer.ts";

/**
 * Dropout as a layer. Acts only while `training` is true (the training loop
 * turns it on for each batch); otherwise `forward` returns its input.
 *
 * @chapter 11
 * @example
 * const model = new Sequential([new Dense(784, 128), new ReLU(), new Dropout(0.2), new Dense(128, 10), new Softmax()]);
 * const drop = new Dropout(0.5, { seed: 1 });
 * drop.training = true;
 * drop.forward(Matrix.from([[1, 1, 1, 1]])); // e.g. [[2, 0, 0, 2]]: kept values doubled
 */
export class Dropout implements Layer {
  readonly name: string;
  readonly rate: number;
  training = false;
  private readonly rng: Random;
  private mask: Float32Array | undefined = undefined; // 0 or 1/(1 − rate) per element; undefined: nothing dropped
  private shape: [number, number] | undefined = undefined;

  constructor(rate: number, options: { seed?: number; rng?: Random } = {}) {
    if (typeof rate !== "number" || !(rate >= 0 && rate < 1)) {
      throw new RangeError(`Dropout: rate is ${String(rate)}; it must be in [0, 1)`);
    }
    this.rate = rate;
    this.rng = options.rng ?? new Random(options.seed ?? 0);
    this.name = `Dropout(${rate})`;
  }

  /** While training: X ⊙ mask, each mask entry 0 (probability `rate`) or 1 / (1 − rate). Else X. */
  forward<R extends number, C extends number>(X: Matrix<R, C>): Matrix<R, C>;
  forward(X: Matrix): Matrix {
    assertMatrix("Dropout.forward", "X", X);
    assertFinite("Dropout.forward", X, "X");
    this.shape = [X.rows, X.cols];
    if (!this.training || this.rate === 0) {
      this.mask = undefined;
      return X; // [batch, n]
    }
    const keep = 1 / (1 - this.rate);
    const mask = new Float32Array(X.data.length);
    const Y = Matrix.zeros(X.rows, X.cols); // [batch, n]
    for (let i = 0; i < mask.length; i++) {
      mask[i] = this.rng.next() < this.rate ? 0 : keep;
      Y.data[i] = X.data[i] * mask[i];
    }
    this.mask = mask;
    return Y;
  }

  /** dX = dY ⊙ mask: the gradient flows only through the kept activations, scaled the same way. @chapter 11 */
  backward<R extends number, C extends number>(dY: Matrix<R, C>): Matrix<R, C>;
  backward(dY: Matrix): Matrix {
    if (this.shape === undefined) throw new Error("Dropout.backward: call forward first; backward needs its mask");
    assertMatrix("Dropout.backward", "dY", dY);
    assertFinite("Dropout.backward", dY, "dY");
    if (dY.rows !== this.shape[0] || dY.cols !== this.shape[1]) {
      throw new RangeError(`Dropout.backward: dY is ${formatShape(dY)} but the last forward output was [${this.shape[0]}×${this.shape[1]}]`);
    }
    const mask = this.mask;
    if (mask === undefined) return dY; // [batch, n]: nothing was dropped
    const dX = Matrix.zeros(dY.rows, dY.cols); // [batch, n]
    for (let i = 0; i < mask.length; i++) dX.data[i] = dY.data[i] * mask[i];
    return dX;
  }

  params(): Param[] {
    return [];
  }

  toJSON(): LayerJSON {
    return { type: "dropout", rate: this.rate };
  }
}

Sequential.layerTypes.set("dropout", (json) => new Dropout((json as { rate: number }).rate));
