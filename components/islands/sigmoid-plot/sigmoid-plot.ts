/**
 * Chapter 4's island, the logic: the curve y = σ(w·x + b) for the reader's
 * w and b, drawn as an SVG path, with a probe point at an x the reader picks.
 * Everything the view needs to draw or say is computed here, so it can be
 * tested without a browser.
 */
import { sigmoid as nnfsSigmoid } from "nnfs";
import { clamp, clean, fmt, type Range } from "../shared/numbers.ts";

/** The sliders: the weight w, the bias b, and the probe's x. */
export const RANGES = {
  w: { min: -5, max: 5, step: 0.1 },
  b: { min: -10, max: 10, step: 0.5 },
  x: { min: -10, max: 10, step: 0.1 },
} as const satisfies Record<string, Range>;

/** Where the sliders start: the plain sigmoid, probed at x = 2. */
export const START = { w: 1, b: 0, x: 2 };

/** σ(z) = 1 / (1 + e^(−z)): the library's own `sigmoid`, the one chapter 4 adds. */
export function sigmoid(z: number): number {
  return nnfsSigmoid(z);
}

/** The neuron's output for input x: σ(w·x + b). */
export function neuronOutput(w: number, b: number, x: number): number {
  return sigmoid(w * x + b);
}

/** The drawing area, in SVG units: x from −10 to 10, y from 0 to 1. */
export const VIEW = {
  width: 320,
  height: 200,
  left: 34,
  right: 10,
  top: 12,
  bottom: 26,
  xMin: -10,
  xMax: 10,
} as const;

const plotW = VIEW.width - VIEW.left - VIEW.right;
const plotH = VIEW.height - VIEW.top - VIEW.bottom;

/** SVG coordinates of the point (x, y) of the plot (y = 1 at the top). */
export function toPx(x: number, y: number): [number, number] {
  const px = VIEW.left + ((x - VIEW.xMin) / (VIEW.xMax - VIEW.xMin)) * plotW;
  const py = VIEW.top + (1 - y) * plotH;
  return [clean(px), clean(py)];
}

/** The x of the plot under SVG coordinate `px` (clamped to the plot). */
export function xFromPx(px: number): number {
  const t = clamp((px - VIEW.left) / plotW, 0, 1);
  return VIEW.xMin + t * (VIEW.xMax - VIEW.xMin);
}

/** The x of each of `samples` points evenly across the plot. */
export function sampleXs(samples = 161): number[] {
  return Array.from({ length: samples }, (_, k) => VIEW.xMin + (k / (samples - 1)) * (VIEW.xMax - VIEW.xMin));
}

/** An SVG path through the points (xs[k], ys[k]). */
export function valuesPath(xs: number[], ys: number[]): string {
  return xs
    .map((x, k) => {
      const [px, py] = toPx(x, ys[k]);
      return `${k === 0 ? "M" : "L"}${px.toFixed(2)},${py.toFixed(2)}`;
    })
    .join(" ");
}

/** The curve σ(w·x + b) as an SVG path through `samples` points across the plot. */
export function curvePath(w: number, b: number, samples = 161): string {
  const xs = sampleXs(samples);
  return valuesPath(xs, xs.map((x) => neuronOutput(w, b, x)));
}

/** How far (in SVG units) a curve must leave σ(x) before the dashed σ(x) peeks out from under it: half its 3-unit stroke plus half the dashed line's 1.5. */
const HIDDEN_UNDER = 2.25;

/**
 * Whether the dashed σ(x), drawn for comparison, can be seen: the curve
 * drawn on top (values ys at xs) is 3 units wide and covers it wherever the
 * two lie closer than that. At the start (w = 1, b = 0), which is also what
 * the page shows before its script runs, the two are the same curve, so the
 * view leaves the comparison, and its legend entry, out.
 */
export function referenceShows(xs: number[], ys: number[]): boolean {
  return xs.some((x, k) => Math.abs(toPx(x, ys[k])[1] - toPx(x, sigmoid(x))[1]) > HIDDEN_UNDER);
}

/**
 * What the reader's own sigmoid is asked to draw the same curve: one call
 * per sample, z = w·x + b, then one for the probe's z (last).
 */
export function readerArgs(w: number, b: number, x: number, xs: number[] = sampleXs()): number[][] {
  return [...xs.map((xi) => [clean(w * xi + b)]), [clean(w * x + b)]];
}

/** Where the curve crosses ½ (w·x + b = 0, so x = −b/w); `null` when w = 0 and it never does. */
export function midpoint(w: number, b: number): number | null {
  return w === 0 ? null : clean(-b / w);
}

/** The tick marks of the axes. */
export const X_TICKS = [-10, -5, 0, 5, 10];
export const Y_TICKS = [0, 0.5, 1];

/** One sentence that says what the curve looks like, for the readout and screen readers. */
export function describeCurve(w: number, b: number): string {
  if (w === 0) return `w is 0, so the input is ignored: a flat line at σ(${fmt(b, 1)}) = ${fmt(sigmoid(b), 3)}.`;
  const mid = midpoint(w, b) as number;
  const dir = w > 0 ? "rises from 0 to 1" : "falls from 1 to 0";
  const where =
    mid < VIEW.xMin || mid > VIEW.xMax ? `, off the plot at x = ${fmt(mid)}` : ` at x = −b/w = ${fmt(mid)}`;
  const width = 4.4 / Math.abs(w); // σ goes from 0.1 to 0.9 over Δz = 2·ln 9 ≈ 4.39
  const sharp = Math.abs(w) >= 3 ? "almost a step" : Math.abs(w) <= 0.3 ? "a gentle ramp" : "an S";
  const span = w > 0 ? "from 0.1 to 0.9" : "from 0.9 to 0.1";
  return `The curve ${dir}, crossing ½${where}; ${sharp}, going ${span} over about ${fmt(width, 1)} units of x.`;
}

/** A stretch of a readout sentence: prose, free to wrap, or a formula, drawn on one line. */
export interface Run {
  text: string;
  formula: boolean;
}

/** An equation of the readout: "x = −b/w = 1.5", "σ(0) = 0.5."; a comma or semicolon after it stays outside. */
const EQUATION = /\S+(?: = \S+?)+(?=[,;]?(?:\s|$))/gu;

/**
 * A readout sentence cut into prose and formulas, so that a narrow screen
 * wraps it between words and never inside "x = −b/w = 1.5" (a browser left
 * to itself breaks at any space or after a slash). Joined, the runs give the
 * sentence back.
 */
export function formulaRuns(sentence: string): Run[] {
  const runs: Run[] = [];
  let at = 0;
  for (const m of sentence.matchAll(EQUATION)) {
    if (m.index > at) runs.push({ text: sentence.slice(at, m.index), formula: false });
    runs.push({ text: m[0], formula: true });
    at = m.index + m[0].length;
  }
  if (at < sentence.length) runs.push({ text: sentence.slice(at), formula: false });
  return runs;
}

/**
 * One sentence that says what a curve drawn from sampled values looks like:
 * the reader's own function, which may not be a sigmoid at all (a missing
 * minus sign makes it fall). It reads the values, never the formula: which
 * way they go, between which heights, and where they first cross ½.
 */
export function describeValues(xs: number[], ys: number[], name: string): string {
  const first = ys[0];
  const last = ys[ys.length - 1];
  let up = false;
  let down = false;
  for (let k = 1; k < ys.length; k++) {
    if (ys[k] > ys[k - 1] + 1e-9) up = true;
    if (ys[k] < ys[k - 1] - 1e-9) down = true;
  }
  const lo = Math.min(...ys);
  const hi = Math.max(...ys);
  const whose = `Your ${name}`;
  if (hi - lo < 1e-3) return `${whose} draws a flat line at ${fmt(first, 3)}: the input makes no difference.`;
  let cross: number | null = null;
  for (let k = 1; k < ys.length && cross === null; k++) {
    const a = ys[k - 1] - 0.5;
    const b = ys[k] - 0.5;
    if (a === 0) cross = xs[k - 1];
    else if (a * b < 0 || b === 0) cross = xs[k - 1] + (a / (a - b)) * (xs[k] - xs[k - 1]);
  }
  const half = cross === null ? "never crossing ½ on the plot" : `crossing ½ at x = ${fmt(cross, 1)}`;
  if (up && down) return `${whose} draws a curve that goes up and down between ${fmt(lo, 3)} and ${fmt(hi, 3)}, ${half}: not an S.`;
  const dir = up ? "rises" : "falls";
  return `${whose} draws a curve that ${dir} from ${fmt(first, 3)} to ${fmt(last, 3)}, ${half}.`;
}
