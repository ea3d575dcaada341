/**
 * Chapter 1's island, the logic: a tiny network that learns to pass through
 * points the reader drags. Chapter 1 comes before the library's layers, so
 * this is a small, self-contained multilayer perceptron (tanh hidden layers,
 * one linear output) trained by gradient descent with Adam on the mean squared
 * error; only its starting weights come from the library's seeded `Random`, so
 * a network always starts the same way. Later chapters build each of these
 * pieces properly; here they only have to be small, deterministic and quick.
 */
import { Random } from "nnfs";
import { clamp, clean, snap as snapTo } from "../shared/numbers.ts";

export interface Point {
  x: number;
  y: number;
}

/** The plot's value range: x and y both run from -1 to 1. */
export const LIMIT = 1;

/** One layer: `W[j * nIn + i]` is the weight from input i to neuron j. */
interface Layer {
  nIn: number;
  nOut: number;
  W: Float64Array;
  b: Float64Array;
}

export interface Net {
  /** Neurons per layer, input and output included: `[1, 16, 1]`. */
  sizes: number[];
  layers: Layer[];
  /** Adam's running averages, one per parameter array, and its step count. */
  m: Float64Array[];
  v: Float64Array[];
  t: number;
}

/**
 * A network from one input to one output through the given hidden layers,
 * e.g. `createNet([16])` or `createNet([8, 8])`.
 */
export function createNet(hidden: readonly number[], seed = 1): Net {
  if (hidden.length === 0 || hidden.some((n) => !Number.isInteger(n) || n < 1)) {
    throw new RangeError(`createNet: hidden sizes [${hidden.join(", ")}] must be whole numbers of at least 1`);
  }
  const rng = new Random(seed);
  const sizes = [1, ...hidden, 1];
  const layers: Layer[] = [];
  for (let l = 0; l + 1 < sizes.length; l++) {
    const nIn = sizes[l];
    const nOut = sizes[l + 1];
    // The first layer gets large weights and spread-out biases, so that its
    // neurons bend at different places across [-1, 1]; later layers use the
    // usual 1/sqrt(nIn) scale.
    const scale = l === 0 ? 3 : 1 / Math.sqrt(nIn);
    const W = new Float64Array(nIn * nOut).map(() => rng.uniform(-1, 1) * scale);
    const b = new Float64Array(nOut).map(() => (l === 0 ? rng.uniform(-1, 1) * 2 : 0));
    layers.push({ nIn, nOut, W, b });
  }
  const params = layers.flatMap((layer) => [layer.W, layer.b]);
  return {
    sizes,
    layers,
    m: params.map((p) => new Float64Array(p.length)),
    v: params.map((p) => new Float64Array(p.length)),
    t: 0,
  };
}

/** Every layer's outputs for one input, input first; hidden layers after tanh. */
function forward(net: Net, x: number): Float64Array[] {
  const acts = [Float64Array.of(x)];
  net.layers.forEach((layer, l) => {
    const input = acts[l];
    const out = new Float64Array(layer.nOut);
    const last = l === net.layers.length - 1;
    for (let j = 0; j < layer.nOut; j++) {
      let z = layer.b[j];
      for (let i = 0; i < layer.nIn; i++) z += layer.W[j * layer.nIn + i] * input[i];
      out[j] = last ? z : Math.tanh(z);
    }
    acts.push(out);
  });
  return acts;
}

/** The network's answer for one x. */
export function predict(net: Net, x: number): number {
  const acts = forward(net, x);
  return acts[acts.length - 1][0];
}

/** Mean squared error over the points: the average of (prediction − y)². */
export function loss(net: Net, points: readonly Point[]): number {
  if (points.length === 0) return 0;
  let sum = 0;
  for (const p of points) sum += (predict(net, p.x) - p.y) ** 2;
  return sum / points.length;
}

/**
 * The gradient of the loss with respect to every weight and bias, in the
 * order `[W0, b0, W1, b1, …]`, and the loss itself. (Backpropagation:
 * chapter 9 explains every line of this.)
 */
export function gradients(net: Net, points: readonly Point[]): { grads: Float64Array[]; loss: number } {
  const grads = net.layers.flatMap((layer) => [new Float64Array(layer.W.length), new Float64Array(layer.b.length)]);
  let total = 0;
  const n = points.length;
  if (n === 0) return { grads, loss: 0 };
  for (const p of points) {
    const acts = forward(net, p.x);
    const err = acts[acts.length - 1][0] - p.y;
    total += err * err;
    // d(loss)/d(output) for this point.
    let delta = Float64Array.of((2 * err) / n);
    for (let l = net.layers.length - 1; l >= 0; l--) {
      const layer = net.layers[l];
      const input = acts[l];
      const gW = grads[2 * l];
      const gb = grads[2 * l + 1];
      const back = new Float64Array(layer.nIn);
      for (let j = 0; j < layer.nOut; j++) {
        gb[j] += delta[j];
        for (let i = 0; i < layer.nIn; i++) {
          gW[j * layer.nIn + i] += delta[j] * input[i];
          back[i] += delta[j] * layer.W[j * layer.nIn + i];
        }
      }
      if (l > 0) for (let i = 0; i < layer.nIn; i++) back[i] *= 1 - input[i] * input[i]; // tanh'
      delta = back;
    }
  }
  return { grads, loss: total / n };
}

/** One step of Adam on all the points; returns the loss before the step. */
export function trainStep(net: Net, points: readonly Point[], lr = 0.02): number {
  const { grads, loss: before } = gradients(net, points);
  const beta1 = 0.9;
  const beta2 = 0.999;
  const eps = 1e-8;
  net.t += 1;
  const c1 = 1 - beta1 ** net.t;
  const c2 = 1 - beta2 ** net.t;
  const params = net.layers.flatMap((layer) => [layer.W, layer.b]);
  params.forEach((p, k) => {
    const g = grads[k];
    const m = net.m[k];
    const v = net.v[k];
    for (let i = 0; i < p.length; i++) {
      m[i] = beta1 * m[i] + (1 - beta1) * g[i];
      v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i];
      p[i] -= (lr * (m[i] / c1)) / (Math.sqrt(v[i] / c2) + eps);
    }
  });
  return before;
}

/** Many steps; returns the loss after the last one. */
export function train(net: Net, points: readonly Point[], steps: number, lr = 0.02): number {
  for (let s = 0; s < steps; s++) trainStep(net, points, lr);
  return loss(net, points);
}

/** The network's curve, sampled at `n` evenly spaced x from -1 to 1. */
export function curve(net: Net, n = 121): Point[] {
  return Array.from({ length: n }, (_, k) => {
    const x = -LIMIT + (2 * LIMIT * k) / (n - 1);
    return { x, y: predict(net, x) };
  });
}

// ---------------------------------------------------------------- points

export type Shape = "wave" | "line" | "step" | "bump";

export const SHAPES: Record<Shape, (x: number) => number> = {
  wave: (x) => 0.8 * Math.sin(Math.PI * x),
  line: (x) => 0.6 * x,
  step: (x) => (x < 0 ? -0.6 : 0.6),
  bump: (x) => 1.4 * Math.exp(-8 * x * x) - 0.6,
};

/** `count` points evenly spaced in x from -0.9 to 0.9, with y from a shape, rounded to 0.05. */
export function preset(shape: Shape, count = 9): Point[] {
  return Array.from({ length: count }, (_, k) => {
    const x = count === 1 ? 0 : -0.9 + (1.8 * k) / (count - 1);
    return { x: clean(x), y: snap(SHAPES[shape](x)) };
  });
}

/** The keyboard's and the pointer's grid: y moves in steps of 0.05. */
export const STEP = 0.05;

/** Clamp to [-1, 1] and snap to the 0.05 grid. */
export function snap(y: number): number {
  return snapTo(y, { min: -LIMIT, max: LIMIT, step: STEP });
}

/**
 * Where a key moves a point's y, or null for keys the point ignores:
 * arrows by 0.05, Page Up/Down by 0.25, Home/End to the top and bottom.
 */
export function keyMove(key: string, y: number): number | null {
  switch (key) {
    case "ArrowUp":
    case "ArrowRight":
      return snap(y + STEP);
    case "ArrowDown":
    case "ArrowLeft":
      return snap(y - STEP);
    case "PageUp":
      return snap(y + 5 * STEP);
    case "PageDown":
      return snap(y - 5 * STEP);
    case "Home":
      return LIMIT;
    case "End":
      return -LIMIT;
    default:
      return null;
  }
}

/** A copy of the points with point `i` moved to height `y` (clamped and snapped). */
export function moveTo(points: readonly Point[], i: number, y: number): Point[] {
  return points.map((p, k) => (k === i ? { x: p.x, y: snap(y) } : p));
}

// ---------------------------------------------------------------- the plot

/** The plot's size in SVG units and its margin. */
export const PLOT = { width: 600, height: 320, pad: 20 };

/** SVG coordinates of a point in value space. */
export function toSvg(p: Point): { sx: number; sy: number } {
  const { width, height, pad } = PLOT;
  return {
    sx: pad + ((p.x + LIMIT) / (2 * LIMIT)) * (width - 2 * pad),
    sy: pad + ((LIMIT - p.y) / (2 * LIMIT)) * (height - 2 * pad),
  };
}

/**
 * Where the axes' names go, centred on `sy`: "x" past the right end of the
 * x axis, in the margin no dot and no curve reaches, and "y" left of the y
 * axis at its top, clear of the middle column of dots (a dot is up to 18
 * units wide on a phone, a label up to 26 units high).
 */
export const AXIS_LABELS: Record<"x" | "y", { sx: number; sy: number; anchor: "start" | "end" }> = {
  x: { sx: toSvg({ x: LIMIT, y: 0 }).sx + 3, sy: toSvg({ x: 0, y: 0 }).sy, anchor: "start" },
  y: { sx: toSvg({ x: 0, y: 0 }).sx - 22, sy: toSvg({ x: 0, y: LIMIT }).sy + 14, anchor: "end" },
};

/**
 * The value y under a pointer, given the pointer's clientY and the plot's
 * on-screen top and height (the SVG scales with the page).
 */
export function yFromClient(clientY: number, top: number, heightOnScreen: number): number {
  const { height, pad } = PLOT;
  const sy = ((clientY - top) / heightOnScreen) * height;
  return snap(LIMIT - ((sy - pad) / (height - 2 * pad)) * 2 * LIMIT);
}

/** An SVG path through the points. */
export function pathOf(points: readonly Point[]): string {
  return points
    .map((p, k) => {
      const { sx, sy } = toSvg({ x: p.x, y: clamp(p.y, -3, 3) });
      return `${k === 0 ? "M" : "L"}${sx.toFixed(1)},${sy.toFixed(1)}`;
    })
    .join(" ");
}

/** The networks the reader can pick, smallest first. */
export const SIZES: { id: string; label: string; hidden: number[] }[] = [
  { id: "1", label: "1 neuron", hidden: [1] },
  { id: "3", label: "3 neurons", hidden: [3] },
  { id: "16", label: "16 neurons", hidden: [16] },
  { id: "8x8", label: "2 layers of 8", hidden: [8, 8] },
];

/**
 * The point whose column holds a pointer at SVG x-coordinate `sx`: the
 * nearest in x, so a touch anywhere above or below a dot grabs it.
 */
export function nearestIndex(points: readonly Point[], sx: number): number {
  let best = 0;
  points.forEach((p, k) => {
    if (Math.abs(toSvg(p).sx - sx) < Math.abs(toSvg(points[best]).sx - sx)) best = k;
  });
  return best;
}
