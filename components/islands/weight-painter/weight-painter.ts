/**
 * Chapter 5's island, the logic: one neuron that looks at a 28×28 digit.
 * Its 784 weights are a picture the reader paints (positive where ink should
 * be, negative where it should not), and its output is σ(Σ wᵢ·xᵢ + b). The
 * bias slider moves the threshold the weighted sum has to clear before the
 * neuron lights up.
 *
 * Everything here works on flat arrays of 784 numbers, row after row, the way
 * MNIST stores a digit: pixel (row, col) is at index `row * 28 + col`.
 */

import { sigmoid } from "nnfs";
import { clamp } from "../shared/numbers.ts";
import type { RGB } from "../shared/colours.ts";

/** Pixels along each side of an MNIST digit. */
export const SIDE = 28;
/** Pixels (and so weights) in a digit: 28 × 28 = 784. */
export const PIXELS = SIDE * SIDE;

/** What a stroke of the brush writes into the weights. */
export type Brush = "positive" | "negative" | "erase";

/** The weight each brush paints. */
export const BRUSH_VALUE: Record<Brush, number> = { positive: 1, negative: -1, erase: 0 };

/** What each brush is called beside its radio button. */
export const BRUSH_NAMES: Record<Brush, string> = { positive: "Positive (+1)", negative: "Negative (−1)", erase: `Erase (${BRUSH_VALUE.erase})` };

/** The theme's colours the island's canvases use (a CSS variable each), with fallbacks. */
export const PALETTE = {
  bg: ["--bg", [255, 255, 255]],
  fg: ["--fg", [0, 0, 0]],
  pos: ["--weight-pos", [37, 99, 235]],
  neg: ["--weight-neg", [234, 88, 12]],
  grid: ["--border", [220, 220, 220]],
} as const satisfies Record<string, readonly [string, RGB]>;
export type Palette = Record<keyof typeof PALETTE, RGB>;

/** The bias slider's range: negative biases are thresholds, and the ring's sum for a 0 reaches about 90. */
export const BIAS = { min: -100, max: 20, step: 1, initial: -10 };

/**
 * How dark the chosen digit shows through the weight grid, at full ink: faint
 * enough to paint over, dark enough to see where its strokes are (a digit
 * fills the central 20 × 20 pixels, not the whole grid).
 */
export const GHOST = 0.35;

/** The words the grid's name adds when the chosen digit shows through it. */
export function ghostNote(label: number | null): string {
  return label === null ? "" : ` The handwritten ${label} shows faintly through the grid, so you can paint where its ink is.`;
}

export interface Cell {
  row: number;
  col: number;
}

/** The index of pixel (row, col) in a flat 784-array. */
export function indexOf(row: number, col: number): number {
  return row * SIDE + col;
}

function inside(row: number, col: number): boolean {
  return row >= 0 && row < SIDE && col >= 0 && col < SIDE;
}

/**
 * A copy of `weights` with the brush applied to every cell within `radius`
 * (Euclidean, in cells) of (row, col); radius 0 paints the one cell.
 */
export function paint(weights: Float32Array, at: Cell, brush: Brush, radius = 0): Float32Array {
  const out = weights.slice();
  paintInto(out, at, brush, radius);
  return out;
}

function paintInto(weights: Float32Array, at: Cell, brush: Brush, radius: number): void {
  const value = BRUSH_VALUE[brush];
  const r = Math.max(0, Math.floor(radius));
  for (let dr = -r; dr <= r; dr++) {
    for (let dc = -r; dc <= r; dc++) {
      if (dr * dr + dc * dc > radius * radius) continue;
      const row = at.row + dr;
      const col = at.col + dc;
      if (inside(row, col)) weights[indexOf(row, col)] = value;
    }
  }
}

/**
 * A copy of `weights` painted along the straight line from `from` to `to`, so
 * that a fast pointer drag leaves no gaps between the cells it was seen at.
 */
export function paintLine(weights: Float32Array, from: Cell, to: Cell, brush: Brush, radius = 0): Float32Array {
  const out = weights.slice();
  const steps = Math.max(Math.abs(to.row - from.row), Math.abs(to.col - from.col), 1);
  for (let s = 0; s <= steps; s++) {
    const t = s / steps;
    const cell = { row: Math.round(from.row + (to.row - from.row) * t), col: Math.round(from.col + (to.col - from.col) * t) };
    paintInto(out, cell, brush, radius);
  }
  return out;
}

/** The cell under a point of a square grid drawn `size` pixels wide, or null outside it. */
export function cellAt(x: number, y: number, size: number): Cell | null {
  if (!(size > 0) || x < 0 || y < 0 || x >= size || y >= size) return null;
  return { row: Math.floor((y / size) * SIDE), col: Math.floor((x / size) * SIDE) };
}

/** Where the keyboard cursor goes for a key, or null for a key that does not move it. */
export function moveCursor(cursor: Cell, key: string): Cell | null {
  const inside = (v: number) => clamp(v, 0, SIDE - 1);
  switch (key) {
    case "ArrowUp": return { row: inside(cursor.row - 1), col: cursor.col };
    case "ArrowDown": return { row: inside(cursor.row + 1), col: cursor.col };
    case "ArrowLeft": return { row: cursor.row, col: inside(cursor.col - 1) };
    case "ArrowRight": return { row: cursor.row, col: inside(cursor.col + 1) };
    case "Home": return { row: cursor.row, col: 0 };
    case "End": return { row: cursor.row, col: SIDE - 1 };
    default: return null;
  }
}

/** Weights from a rule `(row, col) → weight`. */
function fromRule(rule: (row: number, col: number) => number): Float32Array {
  const w = new Float32Array(PIXELS);
  for (let row = 0; row < SIDE; row++) for (let col = 0; col < SIDE; col++) w[indexOf(row, col)] = rule(row, col);
  return w;
}

/** Distance of a pixel's centre from the centre of the image. */
function fromCentre(row: number, col: number): number {
  return Math.hypot(row + 0.5 - SIDE / 2, col + 0.5 - SIDE / 2);
}

export interface Preset {
  id: string;
  label: string;
  /** One sentence for the reader (and for screen readers) on what the pattern looks for. */
  description: string;
  weights(): Float32Array;
}

/**
 * Patterns to start from. Each is positive where it wants ink and negative on
 * either side, so that a digit scores high only when its ink falls on the
 * positive band and misses the negative one.
 */
export const PRESETS: Preset[] = [
  {
    id: "vertical",
    label: "Upright stroke",
    description: "Positive down the middle columns, negative on both sides with a one-pixel gap: it looks for an upright stroke, like a 1.",
    weights: () =>
      fromRule((row, col) => {
        if (row < 4 || row > 23) return 0;
        if (col >= 12 && col <= 15) return 1;
        if ((col >= 7 && col <= 10) || (col >= 17 && col <= 20)) return -1;
        return 0;
      }),
  },
  {
    id: "ring",
    label: "Ring",
    description: "Positive on a ring, negative in its hole: it looks for a loop with an empty middle, like a 0.",
    weights: () =>
      fromRule((row, col) => {
        const d = fromCentre(row, col);
        if (d <= 4) return -1;
        if (d >= 6.5 && d <= 10.5) return 1;
        return 0;
      }),
  },
  {
    id: "blank",
    label: "Blank",
    description: "Every weight zero: the weighted sum is 0 for every digit.",
    weights: () => new Float32Array(PIXELS),
  },
];

/** The preset with this id; throws for an unknown one. */
export function preset(id: string): Float32Array {
  const p = PRESETS.find((q) => q.id === id);
  if (!p) throw new RangeError(`preset: no pattern called ${JSON.stringify(id)}; try ${PRESETS.map((q) => q.id).join(", ")}`);
  return p.weights();
}

/** Σ wᵢ·xᵢ over the 784 pixels. */
export function weightedSum(weights: ArrayLike<number>, pixels: ArrayLike<number>): number {
  if (weights.length !== pixels.length) {
    throw new RangeError(`weightedSum: ${weights.length} weights but ${pixels.length} pixels`);
  }
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += weights[i] * pixels[i];
  return sum;
}

/** Each pixel's share of the sum: wᵢ·xᵢ. */
export function contributions(weights: ArrayLike<number>, pixels: ArrayLike<number>): Float32Array {
  const out = new Float32Array(weights.length);
  for (let i = 0; i < weights.length; i++) out[i] = weights[i] * pixels[i];
  return out;
}

export interface Response {
  /** Σ wᵢ·xᵢ. */
  sum: number;
  /** Σ wᵢ·xᵢ + b. */
  z: number;
  /** σ(z): how brightly the neuron lights up, from 0 to 1. */
  activation: number;
}

/** How the neuron responds to one digit. */
export function respond(weights: ArrayLike<number>, pixels: ArrayLike<number>, bias: number): Response {
  const sum = weightedSum(weights, pixels);
  const z = sum + bias;
  return { sum, z, activation: sigmoid(z) };
}

/** Counts of positive and negative weights, for the screen-reader summary of the grid. */
export function describeWeights(weights: ArrayLike<number>): string {
  let pos = 0;
  let neg = 0;
  for (let i = 0; i < weights.length; i++) {
    if (weights[i] > 0) pos++;
    else if (weights[i] < 0) neg++;
  }
  return `${pos} positive and ${neg} negative weights; the other ${weights.length - pos - neg} are zero.`;
}

/**
 * For each class 0…classes−1, the index of its most typical example: the one
 * closest (in squared distance, pixel by pixel) to the average image of its
 * class. `X` holds one image per row, `n` values each. An upright 1 rather than
 * a slanted one, a round 0 rather than a squashed one.
 */
export function mostTypical(X: ArrayLike<number>, y: ArrayLike<number>, n: number, classes = 10): number[] {
  const mean = Array.from({ length: classes }, () => new Float64Array(n));
  const count = new Array<number>(classes).fill(0);
  for (let i = 0; i < y.length; i++) {
    const m = mean[y[i]];
    count[y[i]]++;
    for (let p = 0; p < n; p++) m[p] += X[i * n + p];
  }
  mean.forEach((m, c) => m.forEach((v, p) => (m[p] = v / Math.max(1, count[c]))));
  const best = new Array<number>(classes).fill(-1);
  const bestDistance = new Array<number>(classes).fill(Infinity);
  for (let i = 0; i < y.length; i++) {
    const m = mean[y[i]];
    let d = 0;
    for (let p = 0; p < n; p++) d += (X[i * n + p] - m[p]) ** 2;
    if (d < bestDistance[y[i]]) {
      bestDistance[y[i]] = d;
      best[y[i]] = i;
    }
  }
  return best.filter((i) => i >= 0);
}

/**
 * The colour of a weight as an [r, g, b, a] quadruple: `pos` for positive
 * weights and `neg` for negative ones, opaque in proportion to |w| (capped at 1).
 */
export function weightColour(w: number, pos: RGB, neg: RGB): [number, number, number, number] {
  const [r, g, b] = w >= 0 ? pos : neg;
  return [r, g, b, Math.min(1, Math.abs(w))];
}
