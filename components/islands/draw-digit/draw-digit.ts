/**
 * Chapter 6's island, the logic: the reader draws a digit on a square canvas;
 * the drawing is turned into 784 numbers the way the MNIST digits were made,
 * and those numbers flow through a small, untrained network layer by layer.
 *
 * The drawing lives in `ink`, a square of INK_SIZE × INK_SIZE numbers from 0
 * (paper) to 1 (ink), row after row. MNIST's recipe, which `toMnist` follows:
 * crop the ink to its bounding box, scale it (keeping its proportions) to fit
 * a 20 × 20 box, then place it in the 28 × 28 image so that its centre of mass
 * sits at the centre. Readers draw small or large, high or low; after this
 * every digit arrives framed the way the network's training digits were.
 */
import { Dense, argmax, sigmoid } from "nnfs";
import { clamp, fixed } from "../shared/numbers.ts";

/** Pixels along each side of the drawing buffer. */
export const INK_SIZE = 280;
/** Pixels along each side of an MNIST digit. */
export const SIDE = 28;
/** MNIST scales each digit so that its longer side is 20 pixels… */
export const BOX = 20;
/** …and the brush is this thick on the drawing buffer, about two MNIST pixels after scaling. */
export const BRUSH_RADIUS = 11;

export interface Point {
  x: number;
  y: number;
}

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A blank drawing. */
export function blank(size = INK_SIZE): Float32Array {
  return new Float32Array(size * size);
}

/**
 * Presses a round brush of `radius` pixels into `ink` (in place) at (x, y).
 * The edge is soft over one pixel, and ink only ever darkens (max, not sum),
 * so going over a stroke twice does not make it blacker than black.
 */
export function stamp(ink: Float32Array, size: number, at: Point, radius = BRUSH_RADIUS): void {
  const x0 = Math.max(0, Math.floor(at.x - radius - 1));
  const x1 = Math.min(size - 1, Math.ceil(at.x + radius + 1));
  const y0 = Math.max(0, Math.floor(at.y - radius - 1));
  const y1 = Math.min(size - 1, Math.ceil(at.y + radius + 1));
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      const d = Math.hypot(x + 0.5 - at.x, y + 0.5 - at.y);
      const v = clamp(radius + 0.5 - d, 0, 1);
      const i = y * size + x;
      if (v > ink[i]) ink[i] = v;
    }
  }
}

/** Draws a stroke from `a` to `b` into `ink` (in place) by stamping the brush along it. */
export function stroke(ink: Float32Array, size: number, a: Point, b: Point, radius = BRUSH_RADIUS): void {
  const length = Math.hypot(b.x - a.x, b.y - a.y);
  const steps = Math.max(1, Math.ceil(length / Math.max(1, radius / 3)));
  for (let s = 0; s <= steps; s++) {
    const t = s / steps;
    stamp(ink, size, { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t }, radius);
  }
}

/** The smallest rectangle holding every pixel above `threshold`, or null when there is no ink. */
export function boundingBox(img: ArrayLike<number>, width: number, height: number, threshold = 0.05): Rect | null {
  let minX = width, minY = height, maxX = -1, maxY = -1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (img[y * width + x] > threshold) {
        if (x < minX) minX = x;
        if (x > maxX) maxX = x;
        if (y < minY) minY = y;
        if (y > maxY) maxY = y;
      }
    }
  }
  return maxX < 0 ? null : { x: minX, y: minY, w: maxX - minX + 1, h: maxY - minY + 1 };
}

/**
 * The region `box` of `src` (`width` pixels wide) shrunk or stretched to
 * `outW × outH` by area averaging: each output pixel is the mean of the source
 * area it covers, fractional edges weighted by how much of them it covers.
 */
export function resample(src: ArrayLike<number>, width: number, box: Rect, outW: number, outH: number): Float32Array {
  const out = new Float32Array(outW * outH);
  const sx = box.w / outW;
  const sy = box.h / outH;
  for (let oy = 0; oy < outH; oy++) {
    const top = box.y + oy * sy;
    const bottom = top + sy;
    for (let ox = 0; ox < outW; ox++) {
      const left = box.x + ox * sx;
      const right = left + sx;
      let sum = 0;
      for (let y = Math.floor(top); y < Math.ceil(bottom); y++) {
        const hy = Math.min(bottom, y + 1) - Math.max(top, y);
        for (let x = Math.floor(left); x < Math.ceil(right); x++) {
          const wx = Math.min(right, x + 1) - Math.max(left, x);
          sum += src[y * width + x] * wx * hy;
        }
      }
      out[oy * outW + ox] = sum / (sx * sy);
    }
  }
  return out;
}

/** The ink-weighted mean position, measuring each pixel at its centre (x + 0.5, y + 0.5); null with no ink. */
export function centreOfMass(img: ArrayLike<number>, width: number, height: number): Point | null {
  let total = 0, mx = 0, my = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const v = img[y * width + x];
      total += v;
      mx += v * (x + 0.5);
      my += v * (y + 0.5);
    }
  }
  return total > 0 ? { x: mx / total, y: my / total } : null;
}

/**
 * A drawing as MNIST would have it: 784 numbers in [0, 1], the ink cropped,
 * scaled to fit a 20 × 20 box, centred by its centre of mass in 28 × 28, and
 * stretched so that its darkest pixel is 1. A blank drawing gives all zeros.
 */
export function toMnist(ink: ArrayLike<number>, size = INK_SIZE): Float32Array {
  const out = new Float32Array(SIDE * SIDE);
  const box = boundingBox(ink, size, size);
  if (!box) return out;
  const scale = BOX / Math.max(box.w, box.h);
  const w = Math.max(1, Math.round(box.w * scale));
  const h = Math.max(1, Math.round(box.h * scale));
  const small = resample(ink, size, box, w, h);
  const com = centreOfMass(small, w, h)!;
  // Where the small image's top-left corner goes so that its centre of mass lands on (14, 14).
  const left = clamp(Math.round(SIDE / 2 - com.x), 0, SIDE - w);
  const top = clamp(Math.round(SIDE / 2 - com.y), 0, SIDE - h);
  let max = 0;
  for (const v of small) if (v > max) max = v;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) out[(top + y) * SIDE + left + x] = Math.min(1, small[y * w + x] / max);
  }
  return out;
}

/** A 28 × 28 digit blown up to a `size × size` drawing (bilinear), to show a real digit on the canvas. */
export function fromMnist(pixels: ArrayLike<number>, size = INK_SIZE): Float32Array {
  const ink = new Float32Array(size * size);
  const at = (x: number, y: number) =>
    x < 0 || y < 0 || x >= SIDE || y >= SIDE ? 0 : pixels[y * SIDE + x];
  for (let y = 0; y < size; y++) {
    const fy = ((y + 0.5) * SIDE) / size - 0.5;
    const y0 = Math.floor(fy), ty = fy - y0;
    for (let x = 0; x < size; x++) {
      const fx = ((x + 0.5) * SIDE) / size - 0.5;
      const x0 = Math.floor(fx), tx = fx - x0;
      const v =
        at(x0, y0) * (1 - tx) * (1 - ty) + at(x0 + 1, y0) * tx * (1 - ty) +
        at(x0, y0 + 1) * (1 - tx) * ty + at(x0 + 1, y0 + 1) * tx * ty;
      ink[y * size + x] = v;
    }
  }
  return ink;
}

/** A pointer position (client pixels) on the canvas whose box is `rect`, in drawing-buffer pixels. */
export function toInk(clientX: number, clientY: number, rect: { left: number; top: number; width: number }, size = INK_SIZE): Point {
  const k = size / rect.width;
  return { x: (clientX - rect.left) * k, y: (clientY - rect.top) * k };
}

/** The keyboard pen: where it is on the drawing, and whether it is pressed down (drawing as it moves). */
export interface Pen {
  x: number;
  y: number;
  down: boolean;
}

/** How far one arrow key moves the pen: one MNIST pixel's worth of the drawing. */
export const PEN_STEP = INK_SIZE / SIDE;

/** The pen in the middle of the canvas, lifted. */
export function startPen(): Pen {
  return { x: INK_SIZE / 2, y: INK_SIZE / 2, down: false };
}

/**
 * What a key does to the keyboard pen: arrows move it (by a larger step with
 * Shift), Space or Enter presses it down or lifts it. Null for other keys.
 */
export function penKey(pen: Pen, key: string, shift = false): Pen | null {
  const step = PEN_STEP * (shift ? 3 : 1);
  const inside = (v: number) => clamp(v, 0, INK_SIZE - 1);
  switch (key) {
    case "ArrowUp": return { ...pen, y: inside(pen.y - step) };
    case "ArrowDown": return { ...pen, y: inside(pen.y + step) };
    case "ArrowLeft": return { ...pen, x: inside(pen.x - step) };
    case "ArrowRight": return { ...pen, x: inside(pen.x + step) };
    case " ":
    case "Enter": return { ...pen, down: !pen.down };
    default: return null;
  }
}

/**
 * Moves the keyboard pen from `pen` to `next` on the drawing (in place):
 * putting it down stamps the brush, moving it while down draws a stroke.
 * Returns whether anything was drawn.
 */
export function movePen(ink: Float32Array, pen: Pen, next: Pen): boolean {
  if (!next.down) return false;
  if (!pen.down) stamp(ink, INK_SIZE, next);
  else stroke(ink, INK_SIZE, pen, next);
  return true;
}

/** How many of the 784 input pixels are inked (at least half-dark). */
export function inkedCount(pixels: ArrayLike<number>): number {
  let n = 0;
  for (let i = 0; i < pixels.length; i++) if (pixels[i] >= 0.5) n++;
  return n;
}

/** The small network of the island: 784 inputs, two hidden layers of 16, 10 outputs. */
export const SIZES = [784, 16, 16, 10] as const;

/** A network: one dense layer per step from one size to the next. */
export interface Network {
  layers: Dense[];
  seed: number;
}

/** An untrained network: each layer's weights drawn at random from `Random(seed + i)`, biases zero. */
export function createNetwork(seed: number, sizes: readonly number[] = SIZES): Network {
  const layers: Dense[] = [];
  for (let i = 0; i + 1 < sizes.length; i++) layers.push(new Dense(sizes[i], sizes[i + 1], { seed: seed + i }));
  return { layers, seed };
}

/**
 * Every layer's activations for one digit, the input first: the pixels, then
 * σ(a·W + b) for each layer in turn. Each list is computed from the one before
 * it, and from nothing else.
 */
export function activations(net: Network, pixels: ArrayLike<number>): number[][] {
  const out: number[][] = [Array.from(pixels)];
  for (const layer of net.layers) {
    const z = layer.forward(out[out.length - 1]);
    out.push(z.map((v) => sigmoid(v)));
  }
  return out;
}

/** The network's answer: the digit whose output neuron is brightest. */
export function answer(acts: number[][]): number {
  return argmax(acts[acts.length - 1]);
}

/** The `count` connections with the largest |weight| into each neuron of `layer`, for drawing lines. */
export function strongest(layer: Dense, count: number): { from: number; to: number; w: number }[] {
  const out: { from: number; to: number; w: number }[] = [];
  const { rows, cols, data } = layer.W; // [nIn, nOut]
  for (let j = 0; j < cols; j++) {
    const into: { from: number; to: number; w: number }[] = [];
    for (let i = 0; i < rows; i++) into.push({ from: i, to: j, w: data[i * cols + j] });
    into.sort((a, b) => Math.abs(b.w) - Math.abs(a.w));
    out.push(...into.slice(0, count));
  }
  return out;
}

/** What the network picture says to a screen reader (and what its answer line shows). */
export function describeOutputs(out: readonly number[], label: number | null, empty: boolean): string {
  if (empty) return "Nothing drawn yet: every output sits near one half.";
  const best = argmax(out);
  return `The network says ${best}${label !== null ? `; the digit is a ${label}` : ""}. Its outputs: ${out.map((a, j) => `${j}: ${fixed(a, 2)}`).join(", ")}.`;
}

/** The line under the drawing pad: how the keyboard pen is, or which real digit is shown. */
export function penStatus(focused: boolean, pen: Pen, label: number | null): string {
  if (focused) return pen.down ? "Pen down: the arrow keys draw." : "Pen up: the arrow keys move it; Space puts it down.";
  return label !== null ? `A real handwritten ${label}, from the training digits.` : " ";
}

/** What follows the network's answer: whether it was right, and why that means little. */
export function verdict(best: number, label: number | null): string {
  return label === best ? "Right, but only by luck: it has not learned anything yet." : "It has not learned anything yet: this is a guess.";
}

// ---------------------------------------------------------------- the picture

/** The network picture's size in SVG units, and its margin. */
export const VIEW = { w: 300, h: 250, pad: 14 };
/** The x of each drawn layer (two hidden, then the outputs; room on the right for the outputs' values), and its neurons' radius. */
export const COLUMNS = [52, 138, 220];
export const RADIUS = [6, 6, 9];

/** The y of each of `n` neurons spread evenly down the picture. */
export function columnYs(n: number): number[] {
  const top = VIEW.pad + RADIUS[2];
  const span = VIEW.h - 2 * top;
  return Array.from({ length: n }, (_, i) => top + (n === 1 ? span / 2 : (i * span) / (n - 1)));
}

export interface Wire {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /** Whether the weight it stands for is positive. */
  positive: boolean;
  /** From 0.15 for the weakest drawn weight to 0.75 for the strongest. */
  opacity: number;
}

/**
 * The lines of the picture: a fan from the 784 inputs into the first layer
 * (too many to draw one by one), then each neuron's `perNeuron` strongest
 * weights from one drawn layer to the next.
 */
export function wires(net: Network, perNeuron = 3): { fan: Wire[]; lines: Wire[] } {
  const ys = SIZES.slice(1).map((n) => columnYs(n));
  const fan = ys[0].map((y) => ({ x1: 0, y1: VIEW.h / 2 + (y - VIEW.h / 2) * 0.55, x2: COLUMNS[0] - RADIUS[0], y2: y, positive: true, opacity: 0.18 }));
  const chosen = net.layers.slice(1).map((layer) => strongest(layer, perNeuron));
  let maxW = 0;
  for (const c of chosen) for (const { w } of c) maxW = Math.max(maxW, Math.abs(w));
  const lines = chosen.flatMap((layerLines, l) =>
    layerLines.map(({ from, to, w }) => ({
      x1: COLUMNS[l] + RADIUS[l],
      y1: ys[l][from],
      x2: COLUMNS[l + 1] - RADIUS[l + 1],
      y2: ys[l + 1][to],
      positive: w >= 0,
      opacity: 0.15 + 0.6 * (maxW > 0 ? Math.abs(w) / maxW : 0),
    })),
  );
  return { fan, lines };
}
