import { describe, expect, test } from "vitest";
import { Dense, Matrix, Sequential, Sigmoid, mse, mseBackward } from "nnfs";
import {
  EXAMPLE, LR, PARAMS, backward, fmt, forward, nodeLabel, paramHot, paramRow, steps, updated, type Net,
} from "../../../components/islands/tiny-network/tiny-network.ts";

/** The same network in the library: Dense(2→2), Sigmoid, Dense(2→1), Sigmoid. */
function libraryModel(n: Net): Sequential {
  const hidden = Dense.from(Matrix.from(n.w), Matrix.from([n.b])); // W [2, 2], b [1, 2]
  const out = Dense.from(Matrix.from([[n.v[0]], [n.v[1]]]), Matrix.from([[n.c]])); // W [2, 1], b [1, 1]
  return new Sequential([hidden, new Sigmoid(), out, new Sigmoid()]);
}

const OTHER: Net = { x: [-0.5, 2], y: 0, w: [[1, -1], [0.2, 0.4]], b: [0, 0.3], v: [-1.5, 2], c: -0.1 };

describe.each([
  { name: "the example", n: EXAMPLE },
  { name: "other numbers", n: OTHER },
])("$name: the hand-made passes agree with the library", ({ n }) => {
  const model = libraryModel(n);
  const X = Matrix.from([n.x]); // [1, 2]
  const T = Matrix.from([[n.y]]); // [1, 1]
  const yHat = model.forward(X); // [1, 1]
  model.backward(mseBackward(yHat, T));
  const [W1, b1, W2, b2] = model.params();
  const f = forward(n);
  const g = backward(n, f);

  test("forward: ŷ and the loss", () => {
    expect(f.yHat).toBeCloseTo(yHat.get(0, 0), 6);
    expect(f.loss).toBeCloseTo(mse(yHat, T), 6);
  });

  test("backward: every weight's and bias's gradient", () => {
    expect(g.dW.flat()).toEqual(Array.from(W1.grad.data, (v) => expect.closeTo(v, 6)));
    expect(g.dB).toEqual(Array.from(b1.grad.data, (v) => expect.closeTo(v, 6)));
    expect(g.dV).toEqual(Array.from(W2.grad.data, (v) => expect.closeTo(v, 6)));
    expect(g.dC).toBeCloseTo(b2.grad.data[0], 6);
  });

  test("backward: ∂L/∂x, the sum over both hidden neurons, is the library's dX", () => {
    const dX = model.backward(mseBackward(model.forward(X), T)); // [1, 2]
    expect(g.dX).toEqual(Array.from(dX.data, (v) => expect.closeTo(v, 6)));
    // Through one hidden neuron alone it would be a different number: both paths count.
    expect(Math.abs(g.dX[0] - g.dZ[0] * n.w[0][0])).toBeGreaterThan(1e-3);
  });

  test("one step of gradient descent lowers the loss", () => {
    expect(forward(updated(n, g)).loss).toBeLessThan(f.loss);
  });
});

describe("the walk", () => {
  const all = steps(EXAMPLE);

  test("starts, goes forwards through the seven values, backwards through the gradients, and ends with the update", () => {
    expect(all.map((s) => s.phase[0]).join("")).toBe("sfffffffbbbbbbbbbbbu");
    expect(all[0].formula).toMatch(/^Inputs/);
    expect(all.at(-1)!.numbers).toMatch(/^L = 0\.\d{4} → 0\.\d{4}$/);
  });

  test("each step's numbers end with the value the passes compute", () => {
    const f = forward(EXAMPLE);
    const g = backward(EXAMPLE, f);
    expect(all[1].numbers).toBe(`z₁ = 1.500·0.500 + (−0.700)·(−1.000) + (−0.100) = ${fmt(f.z[0])}`);
    expect(all[6].numbers.endsWith(`= ${fmt(f.yHat)}`)).toBe(true);
    expect(all[8].formula).toBe("∂L/∂ŷ = 2(ŷ − y)");
    expect(all[9].numbers.endsWith(`= ${fmt(g.dZOut)}`)).toBe(true);
    expect(all[12].numbers.endsWith(`= ${fmt(g.dZ[0])}`)).toBe(true);
  });

  test("negative numbers are bracketed inside products", () => {
    expect(all[3].numbers).toContain("·(−0.600)");
  });

  test("a weight's row shows its gradient only from the step that computes it", () => {
    const at = (k: number) => paramRow(EXAMPLE, all, k, "v1").grad;
    const k = all.findIndex((s) => s.edges.includes("v1"));
    expect(at(k - 1)).toBeNull();
    expect(at(k)).toBeCloseTo(backward(EXAMPLE, forward(EXAMPLE)).dV[0], 12);
    expect(paramRow(EXAMPLE, all, 0, "w12").value).toBe(-0.6);
    expect(paramHot(all, k, "v1")).toBe(true);
    expect(paramHot(all, k, "w11")).toBe(false);
  });

  test("a bias's gradient arrives with its neuron's weights", () => {
    const k = all.findIndex((s) => s.edges.includes("w11"));
    expect(paramRow(EXAMPLE, all, k - 1, "b1").grad).toBeNull();
    expect(paramRow(EXAMPLE, all, k, "b1").grad).toBeCloseTo(backward(EXAMPLE, forward(EXAMPLE)).dB[0], 12);
  });

  test("after the update step every row shows its new value, and only then", () => {
    const g = backward(EXAMPLE, forward(EXAMPLE));
    const next = updated(EXAMPLE, g);
    const last = all.length - 1;
    expect(PARAMS.map((p) => paramRow(EXAMPLE, all, last - 1, p.id).next)).toEqual(PARAMS.map(() => null));
    expect(paramRow(EXAMPLE, all, last, "w21").next).toBeCloseTo(next.w[1][0], 12);
    expect(paramRow(EXAMPLE, all, last, "c").next).toBeCloseTo(next.c, 12);
    expect(PARAMS.every((p) => paramHot(all, last, p.id))).toBe(true);
  });

  test("the inputs' gradients come last, each the sum of two paths", () => {
    const g = backward(EXAMPLE, forward(EXAMPLE));
    const k = all.findIndex((s) => s.node === "x1");
    expect(all[k].edges).toEqual(["w11", "w12"]);
    expect(all[k].numbers.endsWith(`= ${fmt(g.dX[0])}`)).toBe(true);
    expect(nodeLabel(EXAMPLE, all, k - 1, "x1").grad).toBeNull();
    expect(nodeLabel(EXAMPLE, all, k, "x1").grad).toBeCloseTo(g.dX[0], 12);
  });

  test("no two numbers on show look alike (values to 2 decimals, gradients to 3)", () => {
    const f = forward(EXAMPLE);
    const g = backward(EXAMPLE, f);
    const n = EXAMPLE;
    const values = [...n.x, ...n.w.flat(), ...n.b, ...n.v, n.c, ...f.z, ...f.h, f.zOut, f.yHat, f.loss];
    const grads = [g.dYHat, g.dZOut, ...g.dV, ...g.dH, ...g.dZ, ...g.dW.flat(), ...g.dX];
    const shown = (vs: number[], d: number) => vs.map((v) => Math.abs(v).toFixed(d));
    expect(new Set(shown(values, 2)).size).toBe(values.length);
    expect(new Set(shown(grads, 3)).size).toBe(grads.length);
  });

  test("a node shows its value once computed and its gradient once reached backwards", () => {
    const f = forward(EXAMPLE);
    expect(nodeLabel(EXAMPLE, all, 1, "h1").value).toBeNull(); // z₁ only
    expect(nodeLabel(EXAMPLE, all, 2, "h1").value).toBeCloseTo(f.h[0], 12);
    expect(nodeLabel(EXAMPLE, all, 6, "out").value).toBeCloseTo(f.yHat, 12);
    expect(nodeLabel(EXAMPLE, all, 7, "out").grad).toBeNull();
    expect(nodeLabel(EXAMPLE, all, 8, "out").grad).toBeNull(); // ∂L/∂ŷ is not yet ∂L/∂z
    expect(nodeLabel(EXAMPLE, all, 9, "out").grad).toBeCloseTo(backward(EXAMPLE, f).dZOut, 12);
    expect(nodeLabel(EXAMPLE, all, 5, "out").z).toBeCloseTo(f.zOut, 12);
    expect(nodeLabel(EXAMPLE, all, 4, "out").z).toBeNull();
    expect(nodeLabel(EXAMPLE, all, 0, "x2").value).toBe(-0.7);
  });

  test("the update uses the learning rate", () => {
    const g = backward(EXAMPLE, forward(EXAMPLE));
    expect(updated(EXAMPLE, g).c).toBeCloseTo(EXAMPLE.c - LR * g.dC, 12);
  });
});
