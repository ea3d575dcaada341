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

/**
 * Chosen so that no two numbers the island shows look alike (values to two
 * decimals, gradients to three), so a reader can follow each one.
 */
export const EXAMPLE: Net = {
  x: [1.5, -0.7],
  y: 1,
  w: [
    [0.5, -0.6],
    [-1, 0.3],
  ],
  b: [-0.1, 0.4],
  v: [1.1, -0.9],
  c: -0.2,
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
  /** ∂L/∂x: each input reaches the loss through both hidden neurons, and the two paths add up. */
  dX: [number, number];
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
  const dX: [number, number] = [dZ[0] * n.w[0][0] + dZ[1] * n.w[0][1], dZ[0] * n.w[1][0] + dZ[1] * n.w[1][1]];
  return { dYHat, dZOut, dV, dC: dZOut, dH, dZ, dW, dB: [dZ[0], dZ[1]], dX };
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
      formula: "Inputs x₁, x₂ and the target y are given; the weights and biases are in the table.",
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
  for (const i of [0, 1] as const) {
    const I = i === 0 ? "₁" : "₂";
    out.push({
      phase: "backward",
      node: i === 0 ? "x1" : "x2",
      edges: i === 0 ? ["w11", "w12"] : ["w21", "w22"],
      formula: `∂L/∂x${I} = ∂L/∂z₁ · w${I}₁ + ∂L/∂z₂ · w${I}₂ (two paths, added)`,
      numbers: `∂L/∂x${I} = ${p(g.dZ[0])}·${p(n.w[i][0])} + ${p(g.dZ[1])}·${p(n.w[i][1])} = ${fmt(g.dX[i])}`,
    });
  }
  out.push({
    phase: "update",
    node: "L",
    edges: ["w11", "w12", "w21", "w22", "v1", "v2"],
    formula: `Every weight and bias: w ← w − η·∂L/∂w, with η = ${LR}; the new values are in the table`,
    numbers: `L = ${fmt(f.loss, 4)} → ${fmt(next.loss, 4)}`,
  });
  return out;
}

/** The parameters, in the order the table lists them. */
export type ParamId = EdgeId | "b1" | "b2" | "c";
export const PARAMS: { id: ParamId; name: string }[] = [
  { id: "w11", name: "w₁₁" },
  { id: "w21", name: "w₂₁" },
  { id: "b1", name: "b₁" },
  { id: "w12", name: "w₁₂" },
  { id: "w22", name: "w₂₂" },
  { id: "b2", name: "b₂" },
  { id: "v1", name: "v₁" },
  { id: "v2", name: "v₂" },
  { id: "c", name: "c" },
];

function param(n: Net, id: ParamId): number {
  return { w11: n.w[0][0], w12: n.w[0][1], w21: n.w[1][0], w22: n.w[1][1], b1: n.b[0], b2: n.b[1], v1: n.v[0], v2: n.v[1], c: n.c }[id];
}

function paramGrad(g: Backward, id: ParamId): number {
  return { w11: g.dW[0][0], w12: g.dW[0][1], w21: g.dW[1][0], w22: g.dW[1][1], b1: g.dB[0], b2: g.dB[1], v1: g.dV[0], v2: g.dV[1], c: g.dC }[id];
}

/** Which step computes a parameter's gradient: its edge's step, or (for a bias) its neuron's last backward step. */
function gradStep(all: readonly Step[], id: ParamId): number {
  const edge: EdgeId = id === "b1" ? "w11" : id === "b2" ? "w12" : id === "c" ? "v1" : id;
  return all.findIndex((s) => s.phase === "backward" && s.edges.includes(edge) && s.node !== "x1" && s.node !== "x2");
}

/** A row of the table by step `k`: the value, its gradient once computed, the new value after the update step. */
export function paramRow(n: Net, all: readonly Step[], k: number, id: ParamId): { value: number; grad: number | null; next: number | null } {
  const g = backward(n, forward(n));
  const updatedAt = all.findIndex((s) => s.phase === "update");
  return {
    value: param(n, id),
    grad: k >= gradStep(all, id) ? paramGrad(g, id) : null,
    next: k >= updatedAt ? param(updated(n, g), id) : null,
  };
}

/** Whether the row of parameter `id` belongs to the current step (its gradient or its update is computed now). */
export function paramHot(all: readonly Step[], k: number, id: ParamId): boolean {
  return all[k].phase === "update" || gradStep(all, id) === k;
}

/**
 * What each node shows by step `k`: its value once computed forwards, its
 * sum z (hidden and output neurons) once computed, and its gradient once
 * reached backwards: ∂L/∂z for a neuron, ∂L/∂x for an input.
 */
export function nodeLabel(
  n: Net,
  all: readonly Step[],
  k: number,
  id: NodeId,
): { value: number | null; z: number | null; grad: number | null } {
  const f = forward(n);
  const g = backward(n, f);
  const done = all.slice(0, k + 1);
  const seen = (phase: Step["phase"]) => done.filter((s) => s.phase === phase && s.node === id).length;
  switch (id) {
    case "x1":
    case "x2": {
      const i = id === "x1" ? 0 : 1;
      return { value: n.x[i], z: null, grad: seen("backward") >= 1 ? g.dX[i] : null };
    }
    case "h1":
    case "h2": {
      const j = id === "h1" ? 0 : 1;
      return { value: seen("forward") >= 2 ? f.h[j] : null, z: seen("forward") >= 1 ? f.z[j] : null, grad: seen("backward") >= 2 ? g.dZ[j] : null };
    }
    case "out":
      return { value: seen("forward") >= 2 ? f.yHat : null, z: seen("forward") >= 1 ? f.zOut : null, grad: seen("backward") >= 2 ? g.dZOut : null };
    case "L":
      return { value: seen("forward") >= 1 ? f.loss : null, z: null, grad: null };
  }
}
