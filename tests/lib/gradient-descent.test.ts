import { afterEach, describe, expect, test, vi } from "vitest";
import { derivative, gradient, gradientDescent } from "nnfs";

describe("derivative", () => {
  test.each([
    { name: "x²", f: (x: number) => x * x, df: (x: number) => 2 * x, x: 3 },
    { name: "sin", f: Math.sin, df: Math.cos, x: 0.7 },
    { name: "eˣ", f: Math.exp, df: Math.exp, x: -1.2 },
    { name: "x³ − 2x", f: (x: number) => x ** 3 - 2 * x, df: (x: number) => 3 * x * x - 2, x: 1.5 },
  ])("d/dx $name at $x", ({ f, df, x }) => {
    expect(derivative(f, x)).toBeCloseTo(df(x), 6);
  });

  test("a function that returns NaN is named", () => {
    expect(() => derivative(() => NaN, 1)).toThrow("derivative: f(1.00001) is NaN, not a finite number");
  });

  test("large x: the step scales with x, so the slope is not lost to rounding", () => {
    expect(derivative((x) => x * x, 1e12) / 2e12).toBeCloseTo(1, 6);
  });
});

describe("gradient", () => {
  test.each([
    { name: "x² + 3y", f: ([x, y]: number[]) => x * x + 3 * y, g: ([x]: number[]) => [2 * x, 3], v: [1, 2] },
    { name: "xy + sin z", f: ([x, y, z]: number[]) => x * y + Math.sin(z), g: ([x, y, z]: number[]) => [y, x, Math.cos(z)], v: [0.5, -2, 1] },
  ])("∇($name) at $v", ({ f, g, v }) => {
    gradient(f, v).forEach((gi, i) => expect(gi).toBeCloseTo(g(v)[i], 6));
  });
});

describe("gradientDescent", () => {
  test.each([
    { name: "(x − 3)²", f: (x: number) => (x - 3) ** 2, x0: 0, lr: 0.1, steps: 100, want: [3] },
    { name: "x⁴ − 3x + 1", f: (x: number) => x ** 4 - 3 * x + 1, x0: 2, lr: 0.02, steps: 500, want: [Math.cbrt(3 / 4)] },
  ])("one variable: $name from $x0 goes to $want", ({ f, x0, lr, steps, want }) => {
    const path = gradientDescent(f, x0, { lr, steps });
    expect(path).toHaveLength(steps + 1);
    expect(path[0]).toEqual({ step: 0, x: [x0], value: f(x0) });
    path.at(-1)!.x.forEach((xi, i) => expect(xi).toBeCloseTo(want[i], 4));
    // Each step goes downhill for a small enough learning rate.
    for (let s = 1; s < path.length; s++) expect(path[s].value).toBeLessThanOrEqual(path[s - 1].value + 1e-12);
  });

  test.each([
    { name: "x² + 10y²", f: ([x, y]: number[]) => x * x + 10 * y * y, x0: [5, 1], lr: 0.05, steps: 200, want: [0, 0] },
    { name: "(x − 1)² + (y + 2)²", f: ([x, y]: number[]) => (x - 1) ** 2 + (y + 2) ** 2, x0: [0, 0], lr: 0.1, steps: 200, want: [1, -2] },
  ])("two variables: $name from $x0 goes to $want", ({ f, x0, lr, steps, want }) => {
    const path = gradientDescent(f, x0, { lr, steps });
    path.at(-1)!.x.forEach((xi, i) => expect(xi).toBeCloseTo(want[i], 4));
  });

  test("an exact gradient can be given", () => {
    const path = gradientDescent(([x]: number[]) => x * x, [4], { lr: 0.25, steps: 1, gradient: ([x]) => [2 * x] });
    expect(path[1].x).toEqual([4 - 0.25 * 8]);
  });

  test.each([
    { name: "numerical gradient", gradient: undefined },
    { name: "exact gradient", gradient: ([x]: number[]) => [2 * x] },
  ])("too large a learning rate is reported with its step ($name)", ({ gradient }) => {
    expect(() => gradientDescent((x) => x * x, 1, { lr: 1.5, steps: 2000, gradient })).toThrow(
      /gradientDescent: step \d+: .*the learning rate \(lr = 1\.5\) is probably too large/,
    );
  });

  test.each([
    { options: { lr: 0, steps: 1 }, message: "gradientDescent: lr must be > 0, got 0" },
    { options: { lr: 0.1, steps: -1 }, message: "gradientDescent: steps must be a whole number ≥ 0, got -1" },
  ])("rejects $options", ({ options, message }) => {
    expect(() => gradientDescent((x) => x, 0, options)).toThrow(message);
  });
});

describe("gradientDescent's warning", () => {
  afterEach(() => vi.restoreAllMocks());
  const f = (x: number) => (x - 3) ** 2;

  test("a run that ends far above where it started warns, naming the values and the learning rate", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const path = gradientDescent(f, 0, { lr: 1.05, steps: 20 });
    expect(path).toHaveLength(21); // the path is still returned
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0][0]).toBe(
      `gradientDescent: after 20 steps the value has risen from 9 to ${Number(path[20].value.toPrecision(4))}; ` +
        "the steps overshoot and grow, so the learning rate (lr = 1.05) is probably too large",
    );
  });

  test.each([
    { name: "a converging run", lr: 0.1, steps: 20 },
    { name: "an overshooting run that still converges", lr: 0.9, steps: 20 },
    { name: "a diverging run that has not yet risen tenfold", lr: 1.05, steps: 3 },
  ])("$name does not warn", ({ lr, steps }) => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    gradientDescent(f, 0, { lr, steps });
    expect(warn).not.toHaveBeenCalled();
  });

  test("warn: false leaves the warning out", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    expect(gradientDescent(f, 0, { lr: 1.05, steps: 20, warn: false })).toHaveLength(21);
    expect(warn).not.toHaveBeenCalled();
  });

  test("a negative start is compared by how far the value rose", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    gradientDescent(([x, y]) => x ** 2 - y ** 2 - 1, [0, 0.5], { lr: 0.1, steps: 2 }); // −1.25 to about −1.36: downhill
    expect(warn).not.toHaveBeenCalled();
    gradientDescent((x) => x ** 2 - 1, 0.5, { lr: 1.5, steps: 6 }); // from −0.75 upwards, far
    expect(warn).toHaveBeenCalledTimes(1);
  });
});
