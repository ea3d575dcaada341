/**
 * Chapters 10–11: optimisers, the rule that turns gradients into parameter
 * updates. Plain SGD steps straight downhill; momentum keeps a running
 * velocity so that steps that agree add up; Adam also divides each step by a
 * running size of that parameter's gradients. L2 regularisation
 * (`weightDecay`) adds λ·W to each weight's gradient, pulling weights toward 0;
 * AdamW instead shrinks the weights directly, outside Adam's division.
 */
import type { Matrix } from "./matrix.ts";
import type { Param } from "./layer.ts";
import { finiteResult } from "./kernels/finite.ts";
import { floats, kernelSlot } from "./kernels/slot.ts";

/**
 * An optimiser: `step` updates every parameter from its gradient.
 *
 * @chapter 10
 * @example
 * optimizer.step(model.params());
 */
export interface Optimizer {
  readonly name: string;
  lr: number;
  step(params: readonly Param[]): void;
}

function checkRate(op: string, name: string, value: number, lo: number, hi = Infinity): void {
  if (typeof value !== "number" || !Number.isFinite(value) || value < lo || value >= hi) {
    throw new RangeError(`${op}: ${name} is ${String(value)}; it must be in [${lo}, ${hi === Infinity ? "∞" : hi})`);
  }
}

// W ← W − lr·dW, row by row. A row of dW that is all zeros would change
// nothing, so it is skipped: in the first layer those are the weights of the
// pixels that are black in every digit of the batch, four rows in ten.
// Weights in WebAssembly memory (chapter 12) are stepped there, four at a time.
function plainStep(w: Float32Array, g: Float32Array, cols: number, lr: number): void {
  if (kernelSlot.fast?.sgdStep(w, g, lr)) return;
  for (let row = 0; row < g.length; row += cols) {
    const end = row + cols;
    let i = row;
    while (i < end && g[i] === 0) i++; // leading zeros change nothing either
    for (; i < end; i++) w[i] -= lr * g[i];
  }
}

// After a step, every parameter must still be finite: a learning rate far too
// large can push finite weights past float32's range.
function checkStep(name: string, p: Param): void {
  finiteResult(`${name}.step: ${p.name}`, p.value, { [`gradient of ${p.name}`]: p.grad });
}

/**
 * Stochastic gradient descent: W ← W − lr·(dW + λ·W), or with momentum μ:
 * v ← μ·v − lr·(dW + λ·W), W ← W + v. `weightDecay` λ (L2) applies to weights,
 * not biases.
 *
 * @chapter 10
 * @example
 * new SGD({ lr: 0.1 });
 * new SGD({ lr: 0.05, momentum: 0.9, weightDecay: 1e-4 }); // chapter 11
 */
export class SGD implements Optimizer {
  readonly name: string;
  lr: number;
  readonly momentum: number;
  readonly weightDecay: number;
  private velocity = new WeakMap<Matrix, Float32Array>();

  constructor(options: { lr?: number; momentum?: number; weightDecay?: number } = {}) {
    this.lr = options.lr ?? 0.1;
    this.momentum = options.momentum ?? 0;
    this.weightDecay = options.weightDecay ?? 0;
    checkRate("SGD", "lr", this.lr, 0);
    checkRate("SGD", "momentum", this.momentum, 0, 1);
    checkRate("SGD", "weightDecay", this.weightDecay, 0);
    this.name = this.momentum > 0 ? `SGD(lr=${this.lr}, momentum=${this.momentum})` : `SGD(lr=${this.lr})`;
  }

  step(params: readonly Param[]): void {
    const { lr, momentum } = this;
    for (const p of params) {
      const w = p.value.data, g = p.grad.data;
      const decay = p.decay ? this.weightDecay : 0;
      if (momentum === 0 && decay === 0) plainStep(w, g, p.grad.cols, lr); // the common case
      else if (momentum === 0) {
        for (let i = 0; i < w.length; i++) w[i] -= lr * (g[i] + decay * w[i]);
      } else {
        let v = this.velocity.get(p.value);
        if (v === undefined) this.velocity.set(p.value, (v = new Float32Array(w.length)));
        for (let i = 0; i < w.length; i++) {
          v[i] = momentum * v[i] - lr * (g[i] + decay * w[i]);
          w[i] += v[i];
        }
      }
      checkStep(this.name, p);
    }
  }
}

/**
 * Options of `Adam` and `AdamW`: the learning rate, the rates of the two
 * running averages, ε, and the weight decay λ.
 *
 * @chapter 11
 * @example
 * const options: AdamOptions = { lr: 0.001, beta1: 0.9, beta2: 0.999 };
 */
export interface AdamOptions {
  lr?: number;
  beta1?: number;
  beta2?: number;
  epsilon?: number;
  weightDecay?: number;
}

/**
 * Adam (Kingma & Ba 2015): running means of each gradient (m) and of its square
 * (v), corrected for starting at zero, and the step lr·m̂ / (√v̂ + ε). Each
 * parameter gets a step size suited to its own gradients. Defaults: lr 0.001,
 * beta1 0.9, beta2 0.999, epsilon 1e-8. `weightDecay` λ is L2: λ·W is added to
 * the gradient, so it too is divided by √v̂ (see `AdamW` for the other way).
 *
 * @chapter 11
 * @example
 * new Adam({ lr: 0.001 });
 */
export class Adam implements Optimizer {
  readonly name: string;
  lr: number;
  readonly beta1: number;
  readonly beta2: number;
  readonly epsilon: number;
  readonly weightDecay: number;
  private t = 0;
  private moments = new WeakMap<Matrix, { m: Float32Array; v: Float32Array }>();

  constructor(options: AdamOptions = {}) {
    const kind = this.decoupled ? "AdamW" : "Adam";
    this.lr = options.lr ?? 0.001;
    this.beta1 = options.beta1 ?? 0.9;
    this.beta2 = options.beta2 ?? 0.999;
    this.epsilon = options.epsilon ?? 1e-8;
    this.weightDecay = options.weightDecay ?? (this.decoupled ? 0.01 : 0);
    checkRate(kind, "lr", this.lr, 0);
    checkRate(kind, "beta1", this.beta1, 0, 1);
    checkRate(kind, "beta2", this.beta2, 0, 1);
    checkRate(kind, "epsilon", this.epsilon, 0);
    checkRate(kind, "weightDecay", this.weightDecay, 0);
    this.name = `${kind}(lr=${this.lr})`;
  }

  /** Whether weight decay shrinks the weights directly (AdamW) instead of joining the gradient. */
  protected get decoupled(): boolean {
    return false;
  }

  step(params: readonly Param[]): void {
    this.t++;
    const { lr, beta1, beta2, epsilon } = this;
    if (this.decoupled && lr * this.weightDecay >= 1) {
      throw new RangeError(`${this.name}.step: lr·weightDecay is ${lr * this.weightDecay}; it must be below 1, or every weight would flip sign`);
    }
    const correction1 = 1 - beta1 ** this.t;
    const correction2 = 1 - beta2 ** this.t;
    for (const p of params) {
      const w = p.value.data, g = p.grad.data;
      const decay = p.decay && !this.decoupled ? this.weightDecay : 0; // L2: into the gradient
      const keep = p.decay && this.decoupled ? 1 - lr * this.weightDecay : 1; // AdamW: W ← (1 − lr·λ)·W
      let s = this.moments.get(p.value);
      if (s === undefined) {
        s = { m: floats(w.length), v: floats(w.length) }; // beside w in WebAssembly memory (chapter 12)
        this.moments.set(p.value, s);
      }
      const { m, v } = s;
      const rates = { lr, beta1, beta2, s1: 1 / correction1, s2: 1 / correction2, epsilon, decay, keep };
      if (kernelSlot.fast?.adamStep(w, g, m, v, rates)) {
        checkStep(this.name, p);
        continue; // done there, four at a time in 32 bits
      }
      for (let i = 0; i < w.length; i++) {
        const gi = g[i] + decay * w[i];
        m[i] = beta1 * m[i] + (1 - beta1) * gi;
        v[i] = beta2 * v[i] + (1 - beta2) * gi * gi;
        w[i] = keep * w[i] - (lr * (m[i] / correction1)) / (Math.sqrt(v[i] / correction2) + epsilon);
      }
      checkStep(this.name, p);
    }
  }
}

/**
 * AdamW (Loshchilov & Hutter 2019): Adam with decoupled weight decay. Each
 * step first shrinks every weight (not bias) by the factor 1 − lr·λ, then takes
 * Adam's step from the gradient alone, so every weight decays at the same rate
 * whatever the size of its gradients. With L2 in Adam (`Adam`'s
 * `weightDecay`), λ·W is divided by √v̂ like the gradient, and weights with
 * large gradients hardly decay. Defaults as `Adam`, and `weightDecay` 0.01.
 *
 * @chapter 11
 * @example
 * new AdamW({ lr: 0.001, weightDecay: 0.01 });
 */
export class AdamW extends Adam {
  protected override get decoupled(): boolean {
    return true;
  }
}

/**
 * The L2 penalty (λ/2)·Σ W² over the weights (not biases) of `params`; its
 * gradient λ·W is what `weightDecay` adds. Add it to the loss to report the
 * regularised loss.
 *
 * @chapter 11
 * @example
 * const total = crossEntropy(yHat, y) + l2Penalty(model.params(), 1e-4);
 */
export function l2Penalty(params: readonly Param[], lambda: number): number {
  checkRate("l2Penalty", "lambda", lambda, 0);
  let sum = 0;
  for (const p of params) {
    if (!p.decay) continue;
    for (const w of p.value.data) sum += w * w;
  }
  return finiteResult("l2Penalty", (lambda / 2) * sum, Object.fromEntries(params.map((p, i) => [`${p.name} (parameter ${i})`, p.value])));
}
