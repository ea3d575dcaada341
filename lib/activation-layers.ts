/**
 * Chapter 6: the activation functions as layers, so that a `Sequential` model
 * can list them between dense layers; chapter 9 adds their backward passes.
 * Each remembers what its backward pass needs (its input or its output).
 */
import { Matrix, formatShape } from "./matrix.ts";
import { assertFinite, assertMatrix } from "./check.ts";
import { sigmoid, softmax, step } from "./activations.ts";
import type { Layer, LayerJSON, Param } from "./layer.ts";
import { finiteResult } from "./kernels/finite.ts";

function checkGradient(op: string, dY: Matrix, Y: Matrix | undefined): Matrix {
  if (Y === undefined) throw new Error(`${op}: call forward first; backward needs what forward saw`);
  assertMatrix(op, "dY", dY);
  if (dY.rows !== Y.rows || dY.cols !== Y.cols) {
    throw new RangeError(`${op}: dY is ${formatShape(dY)} but the last forward output was ${formatShape(Y)}`);
  }
  return Y;
}

/**
 * ReLU as a layer. Backward: the gradient passes where the input was > 0 and
 * is 0 elsewhere.
 *
 * @chapter 6
 * @example
 * new ReLU().forward(Matrix.from([[-1, 2]])); // [[0, 2]]
 */
export class ReLU implements Layer {
  readonly name = "ReLU";
  private X: Matrix | undefined = undefined;

  /**
   * relu(X), written out: max(0, x) = (x + |x|) / 2 gives the same numbers
   * without a branch. (Whether a hidden neuron's x is > 0 is a coin flip, and
   * a processor that guesses a branch wrong half the time stalls.)
   */
  forward<R extends number, C extends number>(X: Matrix<R, C>): Matrix<R, C>;
  forward(X: Matrix): Matrix {
    assertMatrix("relu", "X", X);
    assertFinite("relu", X, "X");
    this.X = X;
    const Y = Matrix.zeros(X.rows, X.cols); // [batch, n]
    const x = X.data, y = Y.data;
    for (let i = 0; i < y.length; i++) y[i] = (x[i] + Math.abs(x[i])) * 0.5;
    return Y;
  }

  /**
   * dX = dY where X > 0, else 0: dY times the slope, 1 or 0. Multiplying by
   * +(x > 0) rather than choosing with `?:` avoids the same coin-flip branch as
   * forward. (Where X ≤ 0 and dY < 0 that gives −0, which is 0.) @chapter 9
   */
  backward<R extends number, C extends number>(dY: Matrix<R, C>): Matrix<R, C>;
  backward(dY: Matrix): Matrix {
    const X = checkGradient("ReLU.backward", dY, this.X);
    const dX = Matrix.zeros(dY.rows, dY.cols); // [batch, n]
    const x = X.data, g = dY.data, d = dX.data;
    for (let i = 0; i < d.length; i++) d[i] = g[i] * +(x[i] > 0);
    return finiteResult("ReLU.backward", dX, { dY });
  }

  params(): Param[] {
    return [];
  }

  toJSON(): LayerJSON {
    return { type: "relu" };
  }
}

/**
 * Sigmoid as a layer. Backward: σ′(x) = σ(x)·(1 − σ(x)), from the saved output.
 *
 * @chapter 6
 * @example
 * new Sigmoid().forward(Matrix.from([[0]])); // [[0.5]]
 */
export class Sigmoid implements Layer {
  readonly name = "Sigmoid";
  private Y: Matrix | undefined = undefined;

  forward<R extends number, C extends number>(X: Matrix<R, C>): Matrix<R, C>;
  forward(X: Matrix): Matrix {
    this.Y = sigmoid(X); // [batch, n]
    return this.Y;
  }

  /** dX = dY ⊙ Y ⊙ (1 − Y). @chapter 9 */
  backward<R extends number, C extends number>(dY: Matrix<R, C>): Matrix<R, C>;
  backward(dY: Matrix): Matrix {
    const Y = checkGradient("Sigmoid.backward", dY, this.Y);
    const dX = Matrix.zeros(dY.rows, dY.cols); // [batch, n]
    const y = Y.data, g = dY.data, d = dX.data;
    for (let i = 0; i < d.length; i++) d[i] = g[i] * y[i] * (1 - y[i]);
    return finiteResult("Sigmoid.backward", dX, { dY });
  }

  params(): Param[] {
    return [];
  }

  toJSON(): LayerJSON {
    return { type: "sigmoid" };
  }
}

/**
 * Softmax as a layer, row by row. Backward through the Jacobian of each row:
 * dX = Y ⊙ (dY − (dY·Y)), where dY·Y is the dot product of the row's gradient
 * and output. (With cross-entropy, `softmaxCrossEntropyBackward` is simpler.)
 *
 * @chapter 6
 * @example
 * new Softmax().forward(Matrix.from([[0, 0]])); // [[0.5, 0.5]]
 */
export class Softmax implements Layer {
  readonly name = "Softmax";
  private Y: Matrix | undefined = undefined;

  forward<R extends number, C extends number>(X: Matrix<R, C>): Matrix<R, C>;
  forward(X: Matrix): Matrix {
    this.Y = softmax(X); // [batch, n]
    return this.Y;
  }

  /** dX = Y ⊙ (dY − rowwise dot(dY, Y)). @chapter 9 */
  backward<R extends number, C extends number>(dY: Matrix<R, C>): Matrix<R, C>;
  backward(dY: Matrix): Matrix {
    const Y = checkGradient("Softmax.backward", dY, this.Y);
    const dX = Matrix.zeros(dY.rows, dY.cols); // [batch, n]
    const y = Y.data, g = dY.data, d = dX.data, n = Y.cols;
    for (let r = 0; r < Y.rows; r++) {
      const o = r * n;
      let dotGY = 0;
      for (let j = 0; j < n; j++) dotGY += g[o + j] * y[o + j];
      for (let j = 0; j < n; j++) d[o + j] = y[o + j] * (g[o + j] - dotGY);
    }
    return finiteResult("Softmax.backward", dX, { dY });
  }

  params(): Param[] {
    return [];
  }

  toJSON(): LayerJSON {
    return { type: "softmax" };
  }
}

/**
 * The step function as a layer, for history. Backward returns zeros: the
 * step's slope is 0 wherever it is defined, which is why networks stopped
 * using it once they learned by gradient descent.
 *
 * @chapter 6
 * @example
 * new Step().forward(Matrix.from([[-1, 3]])); // [[0, 1]]
 */
export class Step implements Layer {
  readonly name = "Step";
  private Y: Matrix | undefined = undefined;

  forward<R extends number, C extends number>(X: Matrix<R, C>): Matrix<R, C>;
  forward(X: Matrix): Matrix {
    this.Y = step(X); // [batch, n]
    return this.Y;
  }

  /** dX = 0: no gradient flows through a step. @chapter 9 */
  backward<R extends number, C extends number>(dY: Matrix<R, C>): Matrix<R, C>;
  backward(dY: Matrix): Matrix {
    checkGradient("Step.backward", dY, this.Y);
    return Matrix.zeros(dY.rows, dY.cols); // [batch, n]
  }

  params(): Param[] {
    return [];
  }

  toJSON(): LayerJSON {
    return { type: "step" };
  }
}
