/**
 * Chapter 9's island, the logic: a 2-2-1 network (sigmoids throughout, a
 * squared error against a target) computed one step at a time, forwards and
 * then backwards, each step with its formula and its numbers. Everything is
 * done by hand here, with plain numbers, so that each step is one line; the
 * tests check the result against the library's `backward`.
 */

/** The network's numbers: inputs, target, hidden weights w (w[i][j]: input i → hidden j), b, output weights v, c. */
export interface Net {
  x: [number, number];
  y: number;
  w: [[number, number], [number, number]];
  b: [number, number];
  v: [number, number];
  c: number;
}

export const EXAMPLE: Net = {
  x: [1, 0.5],
  y: 1,
  w: [
    [0.6, -0.4],
    [0.3, 0.8],
  ],
  b: [0.1, -0.2],
  v: [0.7, -0.5],
  c: 0.2,
};

/** The learning rate of the last step, one step of gradient descent. */
export const LR = 1;

const sigma = (z: number): number => 1 / (1 + Math.exp(-z));

/** Every value of the forward pass. */
export interface Forward {
  z: [number, number];
  h: [number, number];
  zOut: number;
  yHat: number;
  loss: number;
}

export function forward(n: Net): Forward {
  const z: [number, number] = [0, 1].map((j) => n.x[0] * n.w[0][j] + n.x[1] * n.w[1][j] + n.b[j]) as [number, number];
  const h: [number, number] = [sigma(z[0]), sigma(z[1])];
  const zOut = h[0] * n.v[0] + h[1] * n.v[1] + n.c;
  const yHat = sigma(zOut);
  return { z, h, zOut, yHat, loss: (yHat - n.y) ** 2 };
}

/** Every gradient of the backward pass (d… is ∂L/∂…). */
export interface Backward {
  dYHat: number;
  dZOut: number;
  dV: [number, number];
  dC: number;
  dH: [number, number];
  dZ: [number, number];
  dW: [[number, number], [number, number]];
  dB: [number, number];
}

export function backward(n: Net, f: Forward): Backward {
  const dYHat = 2 * (f.yHat - n.y);
  const dZOut = dYHat * f.yHat * (1 - f.yHat);
  const dV: [number, number] = [dZOut * f.h[0], dZOut * f.h[1]];
  const dH: [number, number] = [dZOut * n.v[0], dZOut * n.v[1]];
  const dZ: [number, number] = [dH[0] * f.h[0] * (1 - f.h[0]), dH[1] * f.h[1] * (1 - f.h[1])];
  const dW: [[number, number], [number, number]] = [
    [dZ[0] * n.x[0], dZ[1] * n.x[0]],
    [dZ[0] * n.x[1], dZ[1] * n.x[1]],
  ];
  return { dYHat, dZOut, dV, dC: dZOut, dH, dZ, dW, dB: [dZ[0], dZ[1]] };
}

/** The network after one step of gradient descent: every parameter minus lr times its gradient. */
export function updated(n: Net, g: Backward, lr = LR): Net {
  return {
    x: n.x,
    y: n.y,
    w: [
      [n.w[0][0] - lr * g.dW[0][0], n.w[0][1] - lr * g.dW[0][1]],
      [n.w[1][0] - lr * g.dW[1][0], n.w[1][1] - lr * g.dW[1][1]],
    ],
    b: [n.b[0] - lr * g.dB[0], n.b[1] - lr * g.dB[1]],
    v: [n.v[0] - lr * g.dV[0], n.v[1] - lr * g.dV[1]],
    c: n.c - lr * g.dC,
  };
}

/** The graph's nodes, and the edges that carry a weight. */
export type NodeId = "x1" | "x2" | "h1" | "h2" | "out" | "L";
export type EdgeId = "w11" | "w12" | "w21" | "w22" | "v1" | "v2";

/** One step of the walk through the network. */
export interface Step {
  phase: "start" | "forward" | "backward" | "update";
  /** The node this step computes something at, highlighted. */
  node: NodeId | null;
  /** Edges whose gradient this step computes. */
  edges: EdgeId[];
  /** What is computed, as a formula in symbols. */
  formula: string;
  /** The same with the numbers put in, and the result. */
  numbers: string;
}

/** A number with 3 decimals and a true minus sign, in brackets when negative inside a product. */
export function fmt(v: number, digits = 3): string {
  const s = (Number(v.toFixed(digits)) || 0).toFixed(digits);
  return s.startsWith("-") ? `−${s.slice(1)}` : s;
}
const p = (v: number) => (v < 0 && fmt(v) !== fmt(0) ? `(${fmt(v)})` : fmt(v));

/** The whole walk: the start, seven forward steps, the backward steps, and the update. */
export function steps(n: Net): Step[] {
  const f = forward(n);
  const g = backward(n, f);
  const next = forward(updated(n, g));
  const out: Step[] = [
    {
      phase: "start",
      node: null,
      edges: [],
      formula: "Inputs x₁, x₂ and the target y are given; the weights are on the edges.",
      numbers: `x₁ = ${fmt(n.x[0])}, x₂ = ${fmt(n.x[1])}, y = ${fmt(n.y)}`,
    },
  ];
  for (const j of [0, 1] as const) {
    const J = j === 0 ? "₁" : "₂";
    out.push(
      {
        phase: "forward",
        node: j === 0 ? "h1" : "h2",
        edges: [],
        formula: `z${J} = x₁·w₁${J} + x₂·w₂${J} + b${J}`,
        numbers: `z${J} = ${p(n.x[0])}·${p(n.w[0][j])} + ${p(n.x[1])}·${p(n.w[1][j])} + ${p(n.b[j])} = ${fmt(f.z[j])}`,
      },
      {
        phase: "forward",
        node: j === 0 ? "h1" : "h2",
        edges: [],
        formula: `h${J} = σ(z${J})`,
        numbers: `h${J} = σ(${fmt(f.z[j])}) = ${fmt(f.h[j])}`,
      },
    );
  }
  out.push(
    {
      phase: "forward",
      node: "out",
      edges: [],
      formula: "z = h₁·v₁ + h₂·v₂ + c",
      numbers: `z = ${p(f.h[0])}·${p(n.v[0])} + ${p(f.h[1])}·${p(n.v[1])} + ${p(n.c)} = ${fmt(f.zOut)}`,
    },
    { phase: "forward", node: "out", edges: [], formula: "ŷ = σ(z)", numbers: `ŷ = σ(${fmt(f.zOut)}) = ${fmt(f.yHat)}` },
    { phase: "forward", node: "L", edges: [], formula: "L = (ŷ − y)²", numbers: `L = (${fmt(f.yHat)} − ${fmt(n.y)})² = ${fmt(f.loss, 4)}` },
    {
      phase: "backward",
      node: "out",
      edges: [],
      formula: "∂L/∂ŷ = 2(ŷ − y)",
      numbers: `∂L/∂ŷ = 2·(${fmt(f.yHat)} − ${fmt(n.y)}) = ${fmt(g.dYHat)}`,
    },
    {
      phase: "backward",
      node: "out",
      edges: [],
      formula: "∂L/∂z = ∂L/∂ŷ · ŷ(1 − ŷ)",
      numbers: `∂L/∂z = ${p(g.dYHat)}·${fmt(f.yHat)}·${fmt(1 - f.yHat)} = ${fmt(g.dZOut)}`,
    },
    {
      phase: "backward",
      node: "out",
      edges: ["v1", "v2"],
      formula: "∂L/∂v₁ = ∂L/∂z · h₁,  ∂L/∂v₂ = ∂L/∂z · h₂,  ∂L/∂c = ∂L/∂z",
      numbers: `∂L/∂v₁ = ${p(g.dZOut)}·${fmt(f.h[0])} = ${fmt(g.dV[0])},  ∂L/∂v₂ = ${p(g.dZOut)}·${fmt(f.h[1])} = ${fmt(g.dV[1])},  ∂L/∂c = ${fmt(g.dC)}`,
    },
  );
  for (const j of [0, 1] as const) {
    const J = j === 0 ? "₁" : "₂";
    const node = j === 0 ? "h1" : "h2";
    out.push(
      {
        phase: "backward",
        node,
        edges: [],
        formula: `∂L/∂h${J} = ∂L/∂z · v${J}`,
        numbers: `∂L/∂h${J} = ${p(g.dZOut)}·${p(n.v[j])} = ${fmt(g.dH[j])}`,
      },
      {
        phase: "backward",
        node,
        edges: [],
        formula: `∂L/∂z${J} = ∂L/∂h${J} · h${J}(1 − h${J})`,
        numbers: `∂L/∂z${J} = ${p(g.dH[j])}·${fmt(f.h[j])}·${fmt(1 - f.h[j])} = ${fmt(g.dZ[j])}`,
      },
      {
        phase: "backward",
        node,
        edges: j === 0 ? ["w11", "w21"] : ["w12", "w22"],
        formula: `∂L/∂w₁${J} = ∂L/∂z${J} · x₁,  ∂L/∂w₂${J} = ∂L/∂z${J} · x₂,  ∂L/∂b${J} = ∂L/∂z${J}`,
        numbers: `∂L/∂w₁${J} = ${fmt(g.dW[0][j])},  ∂L/∂w₂${J} = ${fmt(g.dW[1][j])},  ∂L/∂b${J} = ${fmt(g.dB[j])}`,
      },
    );
  }
  out.push({
    phase: "update",
    node: "L",
    edges: ["w11", "w12", "w21", "w22", "v1", "v2"],
    formula: `Every weight and bias: w ← w − η·∂L/∂w, with η = ${LR}`,
    numbers: `L = ${fmt(f.loss, 4)} → ${fmt(next.loss, 4)}`,
  });
  return out;
}

/** Edge weights and, once their gradients are known at step `k`, the gradients. */
export function edgeLabel(n: Net, all: readonly Step[], k: number, e: EdgeId): { weight: number; grad: number | null } {
  const f = forward(n);
  const g = backward(n, f);
  const weight = { w11: n.w[0][0], w12: n.w[0][1], w21: n.w[1][0], w22: n.w[1][1], v1: n.v[0], v2: n.v[1] }[e];
  const grad = { w11: g.dW[0][0], w12: g.dW[0][1], w21: g.dW[1][0], w22: g.dW[1][1], v1: g.dV[0], v2: g.dV[1] }[e];
  const known = all.slice(0, k + 1).some((s) => s.phase === "backward" && s.edges.includes(e));
  return { weight, grad: known ? grad : null };
}

/** What each node shows by step `k`: its value once computed forwards, its gradient once computed backwards. */
export function nodeLabel(n: Net, all: readonly Step[], k: number, id: NodeId): { value: number | null; grad: number | null } {
  const f = forward(n);
  const g = backward(n, f);
  const done = all.slice(0, k + 1);
  const seen = (phase: Step["phase"]) => done.filter((s) => s.phase === phase && s.node === id).length;
  switch (id) {
    case "x1":
      return { value: n.x[0], grad: null };
    case "x2":
      return { value: n.x[1], grad: null };
    case "h1":
    case "h2": {
      const j = id === "h1" ? 0 : 1;
      return { value: seen("forward") >= 2 ? f.h[j] : null, grad: seen("backward") >= 1 ? g.dH[j] : null };
    }
    case "out":
      return { value: seen("forward") >= 2 ? f.yHat : null, grad: seen("backward") >= 1 ? g.dYHat : null };
    case "L":
      return { value: seen("forward") >= 1 ? f.loss : null, grad: null };
  }
}
