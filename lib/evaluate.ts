/**
 * Chapter 10: measuring a model without training it: its loss and accuracy on
 * samples it does not learn from (validation, test).
 */
import type { Matrix } from "./matrix.ts";
import { accuracy, type Targets } from "./loss.ts";
import { mseLoss, softmaxCrossEntropy, type Loss } from "./losses.ts";
import { Softmax } from "./activation-layers.ts";
import { checkSamples, gatherBatch, identityOrder } from "./batches.ts";
import type { Sequential } from "./sequential.ts";

/**
 * The loss a model trains with unless told otherwise: softmax + cross-entropy
 * if it ends in `Softmax`, else mean squared error.
 *
 * @chapter 10
 * @example
 * defaultLoss(new Sequential([new Dense(4, 3), new Softmax()])); // softmaxCrossEntropy
 */
export function defaultLoss(model: Sequential): Loss {
  return model.layers[model.layers.length - 1] instanceof Softmax ? softmaxCrossEntropy : mseLoss;
}

/**
 * The loss and accuracy of `model` on `X`, `y`, computed 1,000 samples at a
 * time. No training.
 *
 * @chapter 10
 * @example
 * evaluate(model, mnist.test.X, mnist.test.y); // { loss: 0.16, accuracy: 0.953 }
 */
export function evaluate(model: Sequential, X: Matrix, y: Targets, loss?: Loss): { loss: number; accuracy: number } {
  checkSamples("evaluate", X, y);
  if (X.rows === 0) throw new RangeError("evaluate: X has no samples");
  const lossFn = loss ?? defaultLoss(model);
  const chunk = 1000;
  let lossSum = 0;
  let right = 0;
  const all = identityOrder(X.rows);
  for (let from = 0; from < X.rows; from += chunk) {
    const to = Math.min(X.rows, from + chunk);
    const { Xb, yb } = gatherBatch(X, y, all, from, to);
    const yHat = model.forward(Xb); // [chunk, nOut]
    lossSum += lossFn.forward(yHat, yb) * (to - from);
    right += accuracy(yHat, yb) * (to - from);
  }
  return { loss: lossSum / X.rows, accuracy: right / X.rows };
}
