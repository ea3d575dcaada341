/**
 * Chapter 8's island, the logic: gradient descent on the valley
 * g(x, y) = x² + 10y², drawn as a contour map. The path comes from the
 * library's own `gradientDescent` (given the exact gradient, so that the
 * drawing is exact); everything the view draws or says is computed here.
 */
import { gradientDescent } from "nnfs";

/** The valley: steep along y, gentle along x, lowest at (0, 0). */
export function g([x, y]: readonly number[]): number {
  return x ** 2 + 10 * y ** 2;
}

/** Its exact gradient, (2x, 20y). */
export function gradG([x, y]: readonly number[]): number[] {
  return [2 * x, 20 * y];
}

/** A slider's range and step. */
export interface Range {
  min: number;
  max: number;
  step: number;
}

export const RANGES = {
  lr: { min: 0.005, max: 0.12, step: 0.005 },
  x: { min: -6, max: 6, step: 0.25 },
  y: { min: -3, max: 3, step: 0.25 },
} as const satisfies Record<string, Range>;

/** Learning rates to try: the island's preset buttons. */
export const PRESETS = [
  { label: "Crawl", lr: 0.01 },
  { label: "Smooth", lr: 0.05 },
  { label: "Zig-zag", lr: 0.09 },
  { label: "Diverges", lr: 0.105 },
] as const;

export const START = { x: -5, y: 2, lr: 0.05 };

/** The most steps the island takes. */
export const MAX_STEPS = 100;

/** Rounds away floating-point noise (and −0). */
export function clean(v: number): number {
  return Math.round(v * 1e9) / 1e9 || 0;
}

/** A slider's value: clamped to its range and snapped to its step. */
export function snap(v: number, r: Range): number {
  if (!Number.isFinite(v)) return clean(Math.min(r.max, Math.max(r.min, 0)));
  const clamped = Math.min(r.max, Math.max(r.min, v));
  return clean(r.min + Math.round((clamped - r.min) / r.step) * r.step);
}

/** One point of the path: where the ball is after `step` steps, and g there. */
export interface Point {
  step: number;
  x: number;
  y: number;
  value: number;
}

/** The first `steps` steps of gradient descent from `start` with learning rate `lr`. */
export function descend(start: { x: number; y: number }, lr: number, steps: number): Point[] {
  const n = Math.max(0, Math.min(MAX_STEPS, Math.floor(steps)));
  // The island shows divergence itself (the loss plot, the description): no console warning.
  return gradientDescent(g, [start.x, start.y], { lr, steps: n, gradient: gradG, warn: false }).map((p) => ({
    step: p.step,
    x: p.x[0],
    y: p.x[1],
    value: p.value,
  }));
}

/**
 * A walk: where it started, and its legs, each a number of steps with one
 * learning rate. Changing the learning rate mid-walk starts a new leg from
 * where the ball is, so the steps already taken stay as they were.
 */
export interface Walk {
  start: { x: number; y: number };
  legs: { lr: number; steps: number }[];
}

/** The number of steps of a walk. */
export function walkSteps(w: Walk): number {
  return w.legs.reduce((s, l) => s + l.steps, 0);
}

/** The walk after `n` more steps with learning rate `lr` (at most MAX_STEPS in all). */
export function stepWalk(w: Walk, lr: number, n: number): Walk {
  const more = Math.max(0, Math.min(MAX_STEPS - walkSteps(w), Math.floor(n)));
  if (more === 0) return w;
  const last = w.legs[w.legs.length - 1];
  if (last && last.lr === lr) return { ...w, legs: [...w.legs.slice(0, -1), { lr, steps: last.steps + more }] };
  return { ...w, legs: [...w.legs, { lr, steps: more }] };
}

/** Every point of a walk, each leg continuing from where the one before ended. */
export function walkPath(w: Walk): Point[] {
  let path: Point[] = descend(w.start, w.legs[0]?.lr ?? START.lr, 0);
  for (const leg of w.legs) {
    const end = path[path.length - 1];
    const next = descend({ x: end.x, y: end.y }, leg.lr, leg.steps).slice(1);
    path = path.concat(next.map((p) => ({ ...p, step: p.step + end.step })));
  }
  return path;
}

/** The learning rates of a walk with the step each began at, when there was more than one. */
export function lrChanges(w: Walk): { step: number; lr: number }[] {
  if (w.legs.length < 2) return [];
  let at = 0;
  return w.legs.map((l) => {
    const change = { step: at, lr: l.lr };
    at += l.steps;
    return change;
  });
}

/** How the walk is going: arrived, on its way, or climbing out of the valley. */
export type Trend = "start" | "arrived" | "descending" | "diverging";

export function trend(path: readonly Point[]): Trend {
  if (path.length < 2) return "start";
  const last = path[path.length - 1];
  const before = path[path.length - 2];
  if (last.value > before.value && last.value > path[0].value) return "diverging";
  if (last.value < 1e-3) return "arrived";
  return "descending";
}

/** The map: the SVG size, and the part of the (x, y) plane it shows (the same scale on both axes). */
export const MAP = { width: 360, height: 180, xMin: -6, xMax: 6, yMin: -3, yMax: 3 } as const;

/** SVG coordinates of the point (x, y) on the map (y grows upwards). */
export function toMap(x: number, y: number): [number, number] {
  const px = ((x - MAP.xMin) / (MAP.xMax - MAP.xMin)) * MAP.width;
  const py = (1 - (y - MAP.yMin) / (MAP.yMax - MAP.yMin)) * MAP.height;
  return [clean(px), clean(py)];
}

/** The point of the plane under SVG coordinates (px, py), snapped to the sliders' steps. */
export function fromMap(px: number, py: number): { x: number; y: number } {
  const x = MAP.xMin + (px / MAP.width) * (MAP.xMax - MAP.xMin);
  const y = MAP.yMin + (1 - py / MAP.height) * (MAP.yMax - MAP.yMin);
  return { x: snap(x, RANGES.x), y: snap(y, RANGES.y) };
}

/** The contour levels drawn: the values of g along each ellipse. */
export const LEVELS = [0.5, 2, 5, 10, 20, 35, 55, 80];

/** The ellipse x² + 10y² = c on the map: centre and radii in SVG units. */
export function contour(c: number): { cx: number; cy: number; rx: number; ry: number } {
  const [cx, cy] = toMap(0, 0);
  const unit = MAP.width / (MAP.xMax - MAP.xMin); // SVG units per unit of x (and of y)
  return { cx, cy, rx: clean(Math.sqrt(c) * unit), ry: clean(Math.sqrt(c / 10) * unit) };
}

/** The path as SVG points, stopping where it leaves a generous margin around the map. */
export function pathPoints(path: readonly Point[]): [number, number][] {
  const out: [number, number][] = [];
  for (const p of path) {
    out.push(toMap(p.x, p.y));
    if (Math.abs(p.x) > 4 * MAP.xMax || Math.abs(p.y) > 4 * MAP.yMax) break;
  }
  return out;
}

/** The loss plot: SVG size; g is drawn on a log scale, from 10⁻⁴ up to its largest value. */
export const LOSS = { width: 360, height: 120, left: 42, right: 8, top: 8, bottom: 20 } as const;

/** The loss curve (log scale) as an SVG path, and the decades its axis marks. */
export function lossPath(path: readonly Point[], steps = MAX_STEPS): { d: string; ticks: { value: number; py: number }[] } {
  const logs = path.map((p) => Math.log10(Math.max(p.value, 1e-4)));
  const top = Math.max(2, Math.ceil(Math.max(...logs)));
  const bottom = -4;
  const w = LOSS.width - LOSS.left - LOSS.right;
  const h = LOSS.height - LOSS.top - LOSS.bottom;
  const px = (s: number) => clean(LOSS.left + (s / Math.max(1, steps)) * w);
  const py = (l: number) => clean(LOSS.top + (1 - (l - bottom) / (top - bottom)) * h);
  const d = logs.map((l, s) => `${s === 0 ? "M" : "L"}${px(s)},${py(l)}`).join(" ");
  const ticks: { value: number; py: number }[] = [];
  const every = top - bottom > 8 ? 4 : 2;
  for (let l = bottom; l <= top; l += every) ticks.push({ value: 10 ** l, py: py(l) });
  return { d, ticks };
}

/** A tick of the loss axis, short enough for its margin: 1e−4, 1e−2, 1, 100, 1e4, 1e8. */
export function tickLabel(value: number): string {
  const exponent = Math.round(Math.log10(value));
  return exponent >= 0 && exponent <= 2 ? String(10 ** exponent) : `1e${exponent}`.replace("-", "−");
}

/** A number with at most `digits` decimals and a true minus sign. */
export function fmt(v: number, digits = 2): string {
  if (Math.abs(v) >= 1e5) return v.toExponential(1).replace("-", "−");
  const s = String(Number(v.toFixed(digits)) || 0);
  return s.startsWith("-") ? `−${s.slice(1)}` : s;
}

/** "1 step", "2 steps". */
export function stepsText(n: number): string {
  return `${n} step${n === 1 ? "" : "s"}`;
}

/** One sentence for the readout and screen readers; `changes` names the learning rates of a walk that changed them. */
export function describe(path: readonly Point[], lr: number, changes: readonly { step: number; lr: number }[] = []): string {
  const last = path[path.length - 1];
  const where = `(${fmt(last.x)}, ${fmt(last.y)})`;
  const after = `After ${stepsText(last.step)}`;
  const legs = changes.length
    ? ` Learning rates: ${changes.map((c) => `${fmt(c.lr, 3)} from step ${c.step}`).join(", ")}.`
    : "";
  switch (trend(path)) {
    case "start":
      return `The ball is at ${where}, where g = ${fmt(last.value, 3)}. Press Step to take a step with learning rate ${fmt(lr, 3)}.`;
    case "arrived":
      return `${after} the ball is at the bottom: ${where}, g = ${fmt(last.value, 4)}.${legs}`;
    case "diverging":
      return `${after} g has grown to ${fmt(last.value, 1)}: the steps overshoot and grow, so learning rate ${fmt(lr, 3)} is too large.${legs}`;
    default:
      return `${after} the ball is at ${where}, g = ${fmt(last.value, 3)}, still going down.${legs}`;
  }
}

/**
 * Downhill arrows on the map: at points of three contours, the direction of
 * −∇g, drawn `length` SVG units long. They cross every contour at a right
 * angle; where the ellipses are narrow they point mostly across the valley,
 * not along it, which is why a walk that follows them zig-zags.
 */
export function arrows(length = 13): { x1: number; y1: number; x2: number; y2: number }[] {
  const out: { x1: number; y1: number; x2: number; y2: number }[] = [];
  for (const c of [5, 20, 55]) {
    for (let k = 0; k < 12; k++) {
      const t = (k / 12) * 2 * Math.PI + Math.PI / 12;
      const x = Math.sqrt(c) * Math.cos(t);
      const y = Math.sqrt(c / 10) * Math.sin(t);
      const [gx, gy] = gradG([x, y]);
      const n = Math.hypot(gx, gy);
      const [x1, y1] = toMap(x, y);
      // −∇g in map units: x to the right, y upwards (the map's y grows downwards).
      out.push({ x1, y1, x2: clean(x1 - (gx / n) * length), y2: clean(y1 + (gy / n) * length) });
    }
  }
  return out.filter((a) => a.x1 >= 0 && a.x1 <= MAP.width && a.y1 >= 0 && a.y1 <= MAP.height);
}
