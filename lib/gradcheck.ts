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
export function numericGradient(f: () => number, M: Matrix, h = DEFAULT_H): Float64Array {
  assertMatrix("numericGradient", "M", M);
  const out = new Float64Array(M.data.length);
  const f0 = f();
  for (let i = 0; i < out.length; i++) out[i] = numericPartial(f, f0, M, i, h).central;
  return out;
}

/**
 * The step of a numerical slope: small enough that a nudge rarely crosses a
 * kink (ReLU's corner at 0) and that the central difference's error (about
 * h² times the third derivative) is negligible, large enough that the loss,
 * computed in 32-bit floats, still changes by many rounding steps.
 */
const DEFAULT_H = 1e-3;

/** The slopes measured at element i: to the right, to the left, and their mean. */
interface Partial {
  right: number;
  left: number;
  central: number;
}

/** `f0` is the loss at the unchanged parameters. */
function numericPartial(f: () => number, f0: number, M: Matrix, i: number, h: number): Partial {
  const d = M.data;
  const x = d[i];
  d[i] = x + h;
  const up = d[i]; // rounded to float32: the step actually taken
  const fUp = f();
  d[i] = x - h;
  const down = d[i];
  const fDown = f();
  d[i] = x;
  if (!Number.isFinite(fUp) || !Number.isFinite(fDown) || !Number.isFinite(f0)) {
    throw new RangeError(`gradcheck: the loss is ${fUp} / ${fDown} near element ${i}; check the forward pass first`);
  }
  return { right: (fUp - f0) / (up - x), left: (f0 - fDown) / (x - down), central: (fUp - fDown) / (up - down) };
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
 * where it was, and the elements left out because their nudge crossed a kink.
 *
 * @chapter 9
 * @example
 * { ok: true, maxError: 0.0004, checked: 30, kinks: [], worst: { name: "W", index: 7, analytic: 0.12, numeric: 0.1201 } }
 */
export interface GradcheckResult {
  ok: boolean;
  maxError: number;
  /** How many elements were compared (kinks not included). */
  checked: number;
  /** Elements whose slope to the left and to the right of the value differ: the nudge crossed a kink. */
  kinks: { name: string; index: number; left: number; right: number }[];
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
 * A **kink** is a point where the loss bends sharply, such as ReLU's corner
 * at 0: a nudge of ±h that carries a pre-activation across it measures a
 * mixture of two slopes, and the central difference is wrong there although
 * `backward` is right. Such an element shows itself: its slope measured to
 * the right (f(x + h) − f(x)) / h and to the left (f(x) − f(x − h)) / h differ
 * by more than twice the tolerance (on a smooth loss they differ by about h
 * times the curvature). It is left out of the comparison and listed in `kinks`.
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
  const h = options.h ?? DEFAULT_H;
  const tolerance = options.tolerance ?? 1e-2;
  const maxChecks = options.maxChecks ?? 200;
  if (!(h > 0)) throw new RangeError(`gradcheck: h must be > 0, got ${h}`);
  const rng = new Random(0);
  let maxError = 0;
  let checked = 0;
  let worst: GradcheckResult["worst"] = null;
  const kinks: GradcheckResult["kinks"] = [];
  const f0 = f();
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
    const numeric = indices.map((i) => numericPartial(f, f0, t.value, i, h));
    let scale = 0;
    indices.forEach((i, k) => (scale = Math.max(scale, Math.abs(analytic[i]), Math.abs(numeric[k].central))));
    if (scale === 0) scale = 1;
    indices.forEach((i, k) => {
      const { left, right, central } = numeric[k];
      if (Math.abs(right - left) / scale > 2 * tolerance) {
        kinks.push({ name, index: i, left, right });
        return;
      }
      const error = Math.abs(analytic[i] - central) / scale;
      if (error > maxError || worst === null) {
        maxError = Math.max(maxError, error);
        worst = { name, index: i, analytic: analytic[i], numeric: central };
      }
      checked++;
    });
  });
  return { ok: maxError < tolerance, maxError, checked, kinks, worst };
}
