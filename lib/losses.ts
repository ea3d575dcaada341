/**
 * Chapter 9: a loss as one object with its forward and backward pass, the way
 * the training loop uses it. The last one, `softmaxCrossEntropy`, is the pair
 * chapter 9 meets at the end of every classifier: a final `Softmax` layer
 * followed by cross-entropy. Their two backward passes chained collapse into one
 * short formula, (ŷ − y) / batch, the gradient with respect to the scores that
 * went into the softmax. So this loss takes the softmax's backward pass on
 * itself, and says so (`includesSoftmax`), and no layer needs special handling.
 */
import type { Matrix } from "./matrix.ts";
import {
  crossEntropy, crossEntropyBackward, mse, mseBackward, softmaxCrossEntropyBackward, type Targets,
} from "./loss.ts";

/**
 * A loss as the training loop uses it: its value (`forward`) and its gradient
 * with respect to the model's output (`backward`). A loss with
 * `includesSoftmax` returns instead the gradient with respect to the input of
 * the model's final `Softmax` layer, whose own backward pass is then skipped.
 *
 * @chapter 9
 * @example
 * const loss: Loss = softmaxCrossEntropy;
 * const value = loss.forward(yHat, y);        // a number
 * model.backward(loss.backward(yHat, y), { from: model.layers.length - 2 });
 */
export interface Loss {
  readonly name: string;
  forward(yHat: Matrix, y: Targets): number;
  backward(yHat: Matrix, y: Targets): Matrix;
  readonly includesSoftmax?: boolean;
}

/**
 * Mean squared error as a `Loss`.
 *
 * @chapter 9
 * @example
 * mseLoss.forward(yHat, y); // same as mse(yHat, y)
 */
export const mseLoss: Loss = { name: "mse", forward: mse, backward: mseBackward };

/**
 * Categorical cross-entropy as a `Loss`, on its own: its backward is
 * −y / ŷ / batch. After a final `Softmax` layer, training uses
 * `softmaxCrossEntropy` in its place (the same loss, a better gradient).
 *
 * @chapter 9
 * @example
 * crossEntropyLoss.forward(yHat, y); // same as crossEntropy(yHat, y)
 */
export const crossEntropyLoss: Loss = { name: "crossEntropy", forward: crossEntropy, backward: crossEntropyBackward };

/**
 * Softmax and cross-entropy as one loss: `forward` is the cross-entropy of the
 * probabilities `yHat` (the output of the model's final `Softmax`), and
 * `backward` is (ŷ − y) / batch, the gradient with respect to the scores that
 * went into that softmax. Exact, cheaper than the two passes chained, and it
 * never divides by a tiny probability.
 *
 * @chapter 9
 * @example
 * const yHat = model.forward(X);                                  // [batch, 10], ends in Softmax
 * softmaxCrossEntropy.forward(yHat, y);                           // the loss
 * const dZ = softmaxCrossEntropy.backward(yHat, y);               // [batch, 10]: (ŷ − y) / batch
 * model.backward(dZ, { from: model.layers.length - 2 });          // on from the last Dense layer
 */
export const softmaxCrossEntropy: Loss = {
  name: "softmaxCrossEntropy",
  forward: crossEntropy,
  backward: softmaxCrossEntropyBackward,
  includesSoftmax: true,
};
