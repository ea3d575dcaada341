import { describe, expect, test } from "vitest";
import { Adam, AdamW, Matrix, type Param, SGD, initWeights, l2Penalty, Random } from "nnfs";

function param(values: number[], grads: number[], decay = true): Param {
  return { name: decay ? "W" : "b", value: Matrix.from([values]), grad: Matrix.from([grads]), decay };
}

describe("SGD", () => {
  test.each([
    { name: "plain", opts: { lr: 0.1 }, w: [1, -2], g: [0.5, 1], decay: true, want: (w: number, g: number) => w - 0.1 * g },
    { name: "L2 on weights", opts: { lr: 0.1, weightDecay: 0.01 }, w: [1, -2], g: [0.5, 1], decay: true, want: (w: number, g: number) => w - 0.1 * (g + 0.01 * w) },
    { name: "no L2 on biases", opts: { lr: 0.1, weightDecay: 0.01 }, w: [1, -2], g: [0.5, 1], decay: false, want: (w: number, g: number) => w - 0.1 * g },
  ])("one step, $name", ({ opts, w, g, decay, want }) => {
    const p = param(w, g, decay);
    new SGD(opts).step([p]);
    w.forEach((wi, i) => expect(p.value.data[i]).toBeCloseTo(want(wi, g[i]), 6));
  });

  test("momentum: the second step adds μ times the first", () => {
    const p = param([1], [2]);
    const opt = new SGD({ lr: 0.1, momentum: 0.9 });
    opt.step([p]); // v = −0.2, w = 0.8
    opt.step([p]); // v = 0.9·(−0.2) − 0.2 = −0.38, w = 0.42
    expect(p.value.data[0]).toBeCloseTo(1 - 0.2 - (0.9 * 0.2 + 0.2), 6);
  });
});

describe("Adam", () => {
  test.each([
    { g: 0.5 }, { g: -3 }, { g: 1e-3 },
  ])("the first step is lr in the direction of −gradient ($g)", ({ g }) => {
    const p = param([1], [g]);
    new Adam({ lr: 0.01 }).step([p]);
    expect(p.value.data[0]).toBeCloseTo(1 - 0.01 * Math.sign(g), 4);
  });

  test("minimises a quadratic", () => {
    const p = param([3, -4], [0, 0]);
    const opt = new Adam({ lr: 0.1 });
    for (let i = 0; i < 500; i++) {
      p.value.data.forEach((w, j) => (p.grad.data[j] = 2 * w)); // ∇ of w²
      opt.step([p]);
    }
    p.value.data.forEach((w) => expect(Math.abs(w)).toBeLessThan(0.05));
  });
});

describe("optimiser options are checked", () => {
  test.each([
    { run: () => new SGD({ lr: -1 }), message: "SGD: lr is -1; it must be in [0, ∞)" },
    { run: () => new SGD({ momentum: 1 }), message: "SGD: momentum is 1; it must be in [0, 1)" },
    { run: () => new Adam({ beta2: 1.5 }), message: "Adam: beta2 is 1.5; it must be in [0, 1)" },
    { run: () => new Adam({ lr: NaN }), message: "Adam: lr is NaN" },
  ])("$message", ({ run, message }) => {
    expect(run).toThrow(message);
  });
});

describe("l2Penalty", () => {
  test("(λ/2)·Σ W² over weights only", () => {
    expect(l2Penalty([param([1, 2], [0, 0]), param([5], [0], false)], 0.1)).toBeCloseTo(0.05 * (1 + 4), 6);
  });
});

describe("initWeights", () => {
  test.each([
    { scheme: "xavier" as const, nIn: 300, nOut: 100, std: Math.sqrt(6 / 400) / Math.sqrt(3), max: Math.sqrt(6 / 400) },
    { scheme: "he" as const, nIn: 300, nOut: 100, std: Math.sqrt(2 / 300), max: Infinity },
    { scheme: "small" as const, nIn: 300, nOut: 100, std: 0.01, max: Infinity },
  ])("$scheme: shape, mean 0, std $std", ({ scheme, nIn, nOut, std, max }) => {
    const W = initWeights(nIn, nOut, scheme, new Random(1));
    expect(W.shape).toEqual([nIn, nOut]);
    const n = W.data.length;
    const mean = W.data.reduce((a, b) => a + b, 0) / n;
    const s = Math.sqrt(W.data.reduce((a, b) => a + (b - mean) ** 2, 0) / n);
    expect(Math.abs(mean)).toBeLessThan(0.05 * std);
    expect(Math.abs(s - std) / std).toBeLessThan(0.03);
    for (const w of W.data) expect(Math.abs(w)).toBeLessThanOrEqual(max);
  });

  test("an unknown scheme is named", () => {
    expect(() => initWeights(2, 2, "lecun" as never, new Random(0))).toThrow('initWeights: unknown scheme "lecun"');
  });
});

describe("AdamW", () => {
  test("a step shrinks the weights by 1 − lr·λ, then takes Adam's step", () => {
    const p = param([2, -1], [0.5, -3]);
    new AdamW({ lr: 0.01, weightDecay: 0.1 }).step([p]);
    // Adam's first step is lr·sign(g), from the gradient alone
    expect(p.value.data[0]).toBeCloseTo(2 * (1 - 0.001) - 0.01, 5);
    expect(p.value.data[1]).toBeCloseTo(-1 * (1 - 0.001) + 0.01, 5);
  });

  test("biases do not decay", () => {
    const p = param([2], [0.5], false);
    new AdamW({ lr: 0.01, weightDecay: 0.1 }).step([p]);
    expect(p.value.data[0]).toBeCloseTo(2 - 0.01, 5);
  });

  test("weightDecay 0 is Adam", () => {
    const a = param([1, 2], [0.3, -0.2]);
    const b = param([1, 2], [0.3, -0.2]);
    new Adam({ lr: 0.01 }).step([a]);
    new AdamW({ lr: 0.01, weightDecay: 0 }).step([b]);
    expect(Array.from(b.value.data)).toEqual(Array.from(a.value.data));
  });

  test("differs from L2 in Adam: there, the decay is divided by √v̂ with the gradient", () => {
    // A weight of 1 with gradient 0: L2 makes λ·W its whole gradient, and
    // Adam's first step turns any gradient into a step of lr, so the weight
    // moves by lr = 0.01. AdamW moves it by lr·λ·W = 0.0001 only.
    const l2 = param([1], [0]);
    const decoupled = param([1], [0]);
    new Adam({ lr: 0.01, weightDecay: 0.01 }).step([l2]);
    new AdamW({ lr: 0.01, weightDecay: 0.01 }).step([decoupled]);
    expect(l2.value.data[0]).toBeCloseTo(1 - 0.01, 6);
    expect(decoupled.value.data[0]).toBeCloseTo(1 - 0.0001, 6);
    // A weight with large gradients: L2's pull is drowned in √v̂, AdamW's is not.
    const bigL2 = param([1], [100]);
    const bigW = param([1], [100]);
    const noDecay = param([1], [100]);
    new Adam({ lr: 0.01, weightDecay: 0.01 }).step([bigL2]);
    new AdamW({ lr: 0.01, weightDecay: 0.01 }).step([bigW]);
    new Adam({ lr: 0.01 }).step([noDecay]);
    expect(bigL2.value.data[0]).toBeCloseTo(noDecay.value.data[0], 6);
    expect(noDecay.value.data[0] - bigW.value.data[0]).toBeCloseTo(0.0001, 6);
  });

  test("its name, default decay, and errors name AdamW", () => {
    const opt = new AdamW();
    expect(opt.name).toBe("AdamW(lr=0.001)");
    expect(opt.weightDecay).toBe(0.01);
    expect(new Adam().weightDecay).toBe(0);
    expect(() => new AdamW({ weightDecay: -1 })).toThrow("AdamW: weightDecay is -1; it must be in [0, ∞)");
    expect(() => new AdamW({ lr: 2, weightDecay: 0.5 }).step([param([1], [1])])).toThrow("AdamW(lr=2).step: lr·weightDecay is 1; it must be below 1");
  });
});
