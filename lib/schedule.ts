/**
 * Chapter 11: learning-rate decay. Large steps help early, when the weights
 * are far from good ones; later they overshoot, hopping across the valley they
 * should settle in. A schedule makes the learning rate smaller as training goes
 * on; `train` asks it for the rate before every step (`lrSchedule`).
 */

function checkRate(op: string, name: string, value: number, lo: number, hi = Infinity): void {
  if (typeof value !== "number" || !Number.isFinite(value) || value < lo || value > hi) {
    throw new RangeError(`${op}: ${name} is ${String(value)}; it must be in [${lo}, ${hi === Infinity ? "∞" : hi}]`);
  }
}

/**
 * lr / (1 + decay · step): the rate halves after 1 / decay steps, and keeps
 * shrinking, ever more slowly.
 *
 * @chapter 11
 * @example
 * const schedule = inverseTimeDecay(0.1, 1e-3);
 * schedule(0);    // 0.1
 * schedule(1000); // 0.05
 * await train(model, X, y, { epochs: 10, lrSchedule: schedule });
 */
export function inverseTimeDecay(lr: number, decay: number): (step: number) => number {
  checkRate("inverseTimeDecay", "lr", lr, 0);
  checkRate("inverseTimeDecay", "decay", decay, 0);
  return (step) => lr / (1 + decay * step);
}

/**
 * lr · factor^⌊step / every⌋: the rate drops by `factor` every `every` steps
 * (say, by half every epoch of 250 batches).
 *
 * @chapter 11
 * @example
 * const schedule = stepDecay(0.1, 0.5, 250);
 * schedule(249); // 0.1
 * schedule(250); // 0.05
 */
export function stepDecay(lr: number, factor: number, every: number): (step: number) => number {
  checkRate("stepDecay", "lr", lr, 0);
  checkRate("stepDecay", "factor", factor, 0, 1);
  if (!Number.isInteger(every) || every <= 0) throw new RangeError(`stepDecay: every must be a whole number > 0, got ${String(every)}`);
  return (step) => lr * factor ** Math.floor(step / every);
}
