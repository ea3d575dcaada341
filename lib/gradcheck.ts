/**
 * Chapter 9: checking a backward pass. Backpropagation is easy to get subtly
 * wrong; the numerical derivative of chapter 8 is slow but hard to get wrong.
 * Nudge each parameter a little up and down, watch the loss, and compare the
 * slope with what `backward` said.
 */
import type { Matrix } from "./matrix.ts";
import { assertMatrix } from "./check.ts";
import { Random } from "./random.ts";

/**
 * The numerical gradient of `f` (a function that computes a loss from the
 * current contents of `M`) with respect to each element of `M`, by central
 * differences. `M` is changed and restored element by element.
 *
 * @chapter 9
 * @example
 * const W = layer.W;
 * const numeric = numericGradient(() => crossEntropy(model.forward(X), y), W); // [nIn, nOut]
 */
export function numericGradient(f: () => number, M: Matrix, h = 1e-2): Float64Array {
  assertMatrix("numericGradient", "M", M);
  const out = new Float64Array(M.data.length);
  for (let i = 0; i < out.length; i++) out[i] = numericPartial(f, M, i, h);
  return out;
}

function numericPartial(f: () => number, M: Matrix, i: number, h: number): number {
  const d = M.data;
  const x = d[i];
  d[i] = x + h;
  const up = d[i]; // rounded to float32: the step actually taken
  const fUp = f();
  d[i] = x - h;
  const down = d[i];
  const fDown = f();
  d[i] = x;
  if (!Number.isFinite(fUp) || !Number.isFinite(fDown)) {
    throw new RangeError(`gradcheck: the loss is ${fUp} / ${fDown} near element ${i}; check the forward pass first`);
  }
  return (fUp - fDown) / (up - down);
}

/**
 * A matrix whose gradient is to be checked: the values, the gradient that
 * `backward` computed for them, and a name for the report. A layer's
 * `params()` are exactly this.
 *
 * @chapter 9
 * @example
 * { name: "W", value: layer.W, grad: layer.dW }
 */
export interface GradcheckTarget {
  name?: string;
  value: Matrix;
  grad: Matrix;
}

/**
 * What `gradcheck` found: whether all gradients agree, the worst error (the
 * largest difference as a fraction of the largest gradient of that matrix),
 * and where it was.
 *
 * @chapter 9
 * @example
 * { ok: true, maxError: 0.0004, checked: 30, worst: { name: "W", index: 7, analytic: 0.12, numeric: 0.1201 } }
 */
export interface GradcheckResult {
  ok: boolean;
  maxError: number;
  checked: number;
  worst: { name: string; index: number; analytic: number; numeric: number } | null;
}

/**
 * Compares the gradients that `backward` computed with numerical ones. `f`
 * recomputes the loss from the current parameters (forward pass and loss, no
 * backward); call backward once before, so that each target's `grad` is set.
 * For each matrix the error is max |analytic − numeric| / max |gradient|;
 * `ok` when every error is below `tolerance`. Large matrices are sampled
 * (`maxChecks` elements each, chosen with a seeded generator).
 *
 * @chapter 9
 * @example
 * const loss = () => crossEntropy(model.forward(X), y);
 * model.backward(softmaxCrossEntropyBackward(model.forward(X), y), { from: 2 });
 * gradcheck(loss, model.params()).ok; // true
 */
export function gradcheck(
  f: () => number,
  targets: readonly GradcheckTarget[],
  options: { h?: number; tolerance?: number; maxChecks?: number } = {},
): GradcheckResult {
  const h = options.h ?? 1e-2;
  const tolerance = options.tolerance ?? 1e-2;
  const maxChecks = options.maxChecks ?? 200;
  const rng = new Random(0);
  let maxError = 0;
  let checked = 0;
  let worst: GradcheckResult["worst"] = null;
  targets.forEach((t, n) => {
    const name = t.name ?? `target ${n}`;
    assertMatrix("gradcheck", `${name}.value`, t.value);
    assertMatrix("gradcheck", `${name}.grad`, t.grad);
    if (t.value.rows !== t.grad.rows || t.value.cols !== t.grad.cols) {
      throw new RangeError(
        `gradcheck: ${name}: value is [${t.value.rows}×${t.value.cols}] but grad is [${t.grad.rows}×${t.grad.cols}]`,
      );
    }
    const size = t.value.data.length;
    const indices = size <= maxChecks ? Array.from({ length: size }, (_, i) => i) : Array.from(rng.permutation(size).subarray(0, maxChecks));
    const analytic = t.grad.data.slice(); // f() may run backward-free code that overwrites grads
    const numeric = indices.map((i) => numericPartial(f, t.value, i, h));
    let scale = 0;
    indices.forEach((i, k) => (scale = Math.max(scale, Math.abs(analytic[i]), Math.abs(numeric[k]))));
    if (scale === 0) scale = 1;
    indices.forEach((i, k) => {
      const error = Math.abs(analytic[i] - numeric[k]) / scale;
      if (error > maxError || worst === null) {
        maxError = Math.max(maxError, error);
        worst = { name, index: i, analytic: analytic[i], numeric: numeric[k] };
      }
    });
    checked += indices.length;
  });
  return { ok: maxError < tolerance, maxError, checked, worst };
}
