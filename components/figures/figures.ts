/**
 * The geometry of the book's static figures, computed at build time: where
 * the neurons of a network diagram go, and the path of a curve such as the
 * sigmoid. The .astro figures beside this file only draw what these return.
 */

export interface LayerSpec {
  /** What the layer is called under its column ("input", "hidden", "output"). */
  name: string;
  /** How many neurons the layer has. */
  size: number;
}

export interface Node {
  x: number;
  y: number;
  /** The neuron's position in its layer, counting from 0 (-1 for the "⋮" of a long layer). */
  index: number;
}

export interface LayerLayout extends LayerSpec {
  x: number;
  /** The neurons drawn (all of them, or the first and the last few of a long layer). */
  nodes: Node[];
  /** Where the "⋮" of an elided layer goes, or null when every neuron is drawn. */
  gap: { x: number; y: number } | null;
}

export interface NetworkLayout {
  width: number;
  height: number;
  radius: number;
  layers: LayerLayout[];
}

export interface NetworkOptions {
  width?: number;
  /** The most neurons drawn in one column; longer layers show their first and last few and a "⋮". */
  maxShown?: number;
  radius?: number;
  /** Vertical distance between neighbouring neurons. */
  step?: number;
  /** Room above the columns and below them (for the labels). */
  top?: number;
  bottom?: number;
}

/** Which neurons of a layer of `size` are drawn when at most `maxShown` fit: all, or the first ones, a gap, the last ones. */
export function shownIndices(size: number, maxShown: number): { indices: number[]; gapAfter: number | null } {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`shownIndices: size ${size} must be a whole number of neurons, at least 1`);
  if (!Number.isInteger(maxShown) || maxShown < 3) throw new RangeError(`shownIndices: maxShown ${maxShown} must be a whole number, at least 3`);
  if (size <= maxShown) return { indices: Array.from({ length: size }, (_, i) => i), gapAfter: null };
  const tail = Math.floor((maxShown - 1) / 2);
  const head = maxShown - 1 - tail;
  const first = Array.from({ length: head }, (_, i) => i);
  const last = Array.from({ length: tail }, (_, i) => size - tail + i);
  return { indices: [...first, ...last], gapAfter: head - 1 };
}

/** Columns of neurons, evenly spaced from left to right, each centred vertically. */
export function networkLayout(layers: LayerSpec[], options: NetworkOptions = {}): NetworkLayout {
  if (layers.length < 2) throw new RangeError(`networkLayout: ${layers.length} layers; a network diagram needs at least 2`);
  const { width = 480, maxShown = 6, radius = 13, step = 38, top = 16, bottom = 56 } = options;
  const rows = layers.map((l) => {
    const shown = shownIndices(l.size, maxShown);
    return { ...shown, slots: shown.indices.length + (shown.gapAfter === null ? 0 : 1) };
  });
  const tallest = Math.max(...rows.map((r) => r.slots));
  const height = top + (tallest - 1) * step + 2 * radius + bottom;
  const margin = 56;
  const dx = (width - 2 * margin) / (layers.length - 1);
  const out = layers.map((spec, l) => {
    const { indices, gapAfter, slots } = rows[l];
    const x = margin + l * dx;
    const y0 = top + radius + ((tallest - slots) * step) / 2;
    const nodes: Node[] = [];
    let gap: LayerLayout["gap"] = null;
    let slot = 0;
    indices.forEach((index, k) => {
      nodes.push({ x, y: y0 + slot * step, index });
      slot++;
      if (gapAfter === k) {
        gap = { x, y: y0 + slot * step };
        slot++;
      }
    });
    return { ...spec, x, nodes, gap };
  });
  return { width, height, radius, layers: out };
}

/** An SVG path through `samples` points of f on [x0, x1], scaled into a box (SVG y grows downwards). */
export function curvePath(
  f: (x: number) => number,
  domain: { x0: number; x1: number; y0: number; y1: number },
  box: { left: number; top: number; width: number; height: number },
  samples = 97,
): string {
  const { x0, x1, y0, y1 } = domain;
  if (!(x1 > x0) || !(y1 > y0)) throw new RangeError(`curvePath: the domain [${x0}, ${x1}] × [${y0}, ${y1}] is empty`);
  if (!Number.isInteger(samples) || samples < 2) throw new RangeError(`curvePath: ${samples} samples; at least 2 are needed`);
  const points: string[] = [];
  for (let k = 0; k < samples; k++) {
    const x = x0 + ((x1 - x0) * k) / (samples - 1);
    const y = f(x);
    if (!Number.isFinite(y)) throw new RangeError(`curvePath: f(${x}) is ${y}, not a finite number`);
    const [px, py] = toBox(x, y, domain, box);
    points.push(`${k === 0 ? "M" : "L"}${px.toFixed(1)} ${py.toFixed(1)}`);
  }
  return points.join(" ");
}

/** A point of the domain in the box's coordinates. */
export function toBox(
  x: number,
  y: number,
  domain: { x0: number; x1: number; y0: number; y1: number },
  box: { left: number; top: number; width: number; height: number },
): [number, number] {
  const px = box.left + ((x - domain.x0) / (domain.x1 - domain.x0)) * box.width;
  const py = box.top + (1 - (y - domain.y0) / (domain.y1 - domain.y0)) * box.height;
  return [px, py];
}

/** The usual size of a cache line, in bytes (chapter 12). */
export const CACHE_LINE_BYTES = 64;

/**
 * Chapter 12's loop-order figure: an n × n B of 64-bit numbers (the arrays of
 * rows its loops use), cut into cache lines of as many numbers as a 64-byte
 * line holds: eight, so each row of B is one line.
 */
export const LOOP_ORDER_FIGURE = { n: 8, lineLength: CACHE_LINE_BYTES / 8 } as const;

/** One cell of a matrix that a loop reads, in the order it reads them (step 1, 2, …). */
export interface ReadCell {
  row: number;
  col: number;
  step: number;
  /** Which cache line the cell is in: row-major, `lineLength` numbers a line. */
  line: number;
}

/**
 * The cells of B (n × n, row-major) that the innermost loop of a matrix
 * product reads while one element or row of C is worked on, in order: down
 * column `at` for the order i-j-k (k innermost), along row `at` for i-k-j
 * (j innermost). Each cell says which cache line of `lineLength` numbers it
 * sits in, so the figure can show how many lines each order touches.
 */
export function innerLoopReads(order: "ijk" | "ikj", n: number, at: number, lineLength: number): ReadCell[] {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`innerLoopReads: n ${n} must be a whole number, at least 1`);
  if (!Number.isInteger(at) || at < 0 || at >= n) throw new RangeError(`innerLoopReads: at ${at} must be a row or column of an ${n} × ${n} matrix`);
  if (!Number.isInteger(lineLength) || lineLength < 1 || n % lineLength !== 0) {
    throw new RangeError(`innerLoopReads: lineLength ${lineLength} must divide n = ${n}`);
  }
  return Array.from({ length: n }, (_, s) => {
    const row = order === "ijk" ? s : at;
    const col = order === "ijk" ? at : s;
    return { row, col, step: s + 1, line: Math.floor((row * n + col) / lineLength) };
  });
}
