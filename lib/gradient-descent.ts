/**
 * Chapter 8: gradient descent. To make a function smaller, find which way is
 * downhill (the derivative, here measured numerically with a small step on
 * either side) and take a step that way, scaled by the learning rate `lr`.
 */

function checkFinite(op: string, what: string, x: number): void {
  if (!Number.isFinite(x)) throw new RangeError(`${op}: ${what} is ${x}, not a finite number`);
}

/**
 * The numerical derivative of `f` at `x` by central differences:
 * (f(x + h) − f(x − h)) / 2h. Its error shrinks with h², until rounding wins.
 * For |x| > 1 the step is h·|x|, so that x ± h still differs from x.
 *
 * @chapter 8
 * @example
 * derivative((x) => x ** 2, 3); // ≈ 6
 */
export function derivative(f: (x: number) => number, x: number, h = 1e-5): number {
  checkFinite("derivative", "x", x);
  if (!(h > 0)) throw new RangeError(`derivative: h must be > 0, got ${h}`);
  const step = h * Math.max(1, Math.abs(x));
  const up = f(x + step);
  const down = f(x - step);
  checkFinite("derivative", `f(${x + step})`, up);
  checkFinite("derivative", `f(${x - step})`, down);
  return (up - down) / (2 * step);
}

/**
 * The numerical gradient of a function of several variables: one partial
 * derivative per variable, each by central differences (step h, or h·|vᵢ|
 * for |vᵢ| > 1).
 *
 * @chapter 8
 * @example
 * gradient(([x, y]) => x ** 2 + 3 * y, [1, 2]); // ≈ [2, 3]
 */
export function gradient(f: (v: number[]) => number, v: readonly number[], h = 1e-5): number[] {
  v.forEach((x, i) => checkFinite("gradient", `v[${i}]`, x));
  return v.map((_, i) => {
    const step = h * Math.max(1, Math.abs(v[i]));
    const up = [...v];
    const down = [...v];
    up[i] += step;
    down[i] -= step;
    const fu = f(up);
    const fd = f(down);
    checkFinite("gradient", `f at v[${i}] + h`, fu);
    checkFinite("gradient", `f at v[${i}] − h`, fd);
    return (fu - fd) / (2 * step);
  });
}

/**
 * One step of gradient descent, as `gradientDescent` records it.
 *
 * @chapter 8
 * @example
 * { step: 1, x: [2.4], value: 5.76 }
 */
export interface DescentStep {
  step: number;
  x: number[];
  value: number;
}

/**
 * Options for `gradientDescent`: the learning rate, the number of steps,
 * optionally the gradient itself (otherwise measured numerically), and
 * `warn: false` to leave out the warning about a run that ends far above its
 * start (for a caller that shows divergence its own way).
 *
 * @chapter 8
 * @example
 * { lr: 0.1, steps: 50 }
 */
export interface DescentOptions {
  lr: number;
  steps: number;
  gradient?: (x: number[]) => number[];
  warn?: boolean;
}

/**
 * Minimises `f` from `x0` (one number, or an array for several variables) by
 * repeating x ← x − lr·∇f(x). Returns the path: the start (step 0) and every
 * step. Throws, naming the step, if the numbers blow up, which is what a too
 * large learning rate does. When the run ends with the value far above where
 * it started (more than ten times as large, the steps overshooting and
 * growing but not yet blown up), it warns on the console and still returns
 * the path.
 *
 * @chapter 8
 * @example
 * const path = gradientDescent((x) => (x - 3) ** 2, 0, { lr: 0.1, steps: 50 });
 * path.at(-1).x; // ≈ [3]
 * gradientDescent(([x, y]) => x ** 2 + 10 * y ** 2, [5, 1], { lr: 0.05, steps: 100 });
 */
export function gradientDescent(f: (x: number) => number, x0: number, options: DescentOptions): DescentStep[];
export function gradientDescent(f: (v: number[]) => number, x0: readonly number[], options: DescentOptions): DescentStep[];
export function gradientDescent(
  f: ((x: number) => number) | ((v: number[]) => number),
  x0: number | readonly number[],
  options: DescentOptions,
): DescentStep[] {
  const { lr, steps } = options;
  checkFinite("gradientDescent", "lr", lr);
  if (!(lr > 0)) throw new RangeError(`gradientDescent: lr must be > 0, got ${lr}`);
  if (!Number.isInteger(steps) || steps < 0) throw new RangeError(`gradientDescent: steps must be a whole number ≥ 0, got ${steps}`);
  const scalar = typeof x0 === "number";
  const fv = scalar ? (v: number[]) => (f as (x: number) => number)(v[0]) : (f as (v: number[]) => number);
  const grad = options.gradient ?? ((v: number[]) => gradient(fv, v));
  let x = scalar ? [x0 as number] : [...(x0 as readonly number[])];
  x.forEach((xi, i) => checkFinite("gradientDescent", `x0[${i}]`, xi));
  const path: DescentStep[] = [{ step: 0, x: [...x], value: fv(x) }];
  const tooLarge = (s: number, what: string): RangeError =>
    new RangeError(
      `gradientDescent: step ${s}: ${what} (x = [${x.join(", ")}]); ` +
        `the steps overshoot and grow, so the learning rate (lr = ${lr}) is probably too large`,
    );
  for (let s = 1; s <= steps; s++) {
    let g: number[];
    try {
      g = grad(x);
    } catch (error) {
      throw tooLarge(s, (error as Error).message);
    }
    x = x.map((xi, i) => xi - lr * g[i]);
    const value = fv(x);
    if (!Number.isFinite(value) || x.some((xi) => !Number.isFinite(xi))) throw tooLarge(s, `the value became ${value}`);
    path.push({ step: s, x: [...x], value });
  }
  const first = path[0].value;
  const last = path[path.length - 1].value;
  if (options.warn !== false && last - first > 9 * Math.abs(first) && last - first > 1e-9) {
    const round = (v: number) => Number(v.toPrecision(4));
    console.warn(
      `gradientDescent: after ${steps} steps the value has risen from ${round(first)} to ${round(last)}; ` +
        `the steps overshoot and grow, so the learning rate (lr = ${lr}) is probably too large`,
    );
  }
  return path;
}
