/**
 * The kernel race's roofline: the reader's machine as two limits, and each
 * kernel as a point under them. A kernel that does I flops for each byte it
 * must move from memory can go no faster than bandwidth × I (the slope) nor
 * than the arithmetic allows (the flat roof, here the scalar yardstick). Its
 * point sits at its I and its measured GFLOP/s; how far below the roof says
 * how much its arrangement wastes.
 */
import { STREAM_BYTES_PER_FLOP } from "./kernels.ts";
import { naiveRows, type LaneId, type LaneState } from "./kernel-race.ts";
import { labelWidth, placeLabels } from "./roofline-labels.ts";

export { LABEL_GAP, spreadLabels } from "./roofline-labels.ts";

/**
 * Flops per byte of an [rows × n] by [n × n] product that reads A and B and
 * writes C once each, with `bytes` per number: the least memory traffic any
 * arrangement needs.
 */
export function productIntensity(n: number, rows: number, bytes: number): number {
  return (2 * rows * n * n) / ((rows * n + n * n + rows * n) * bytes);
}

/** Bytes per number of each kernel lane: arrays of rows hold 64-bit numbers, the rest 32-bit floats. */
const BYTES: Partial<Record<LaneId, number>> = { naive: 8, ikj: 8, typed: 4, blocked: 4, tiled: 4, nnfs: 4, simd: 4 };

/** Flops per byte of a lane at size n (null for the yardstick, which moves no memory). */
export function laneIntensity(id: LaneId, n: number): number | null {
  if (id === "yardstick") return null;
  if (id === "stream") return 1 / STREAM_BYTES_PER_FLOP;
  return productIntensity(n, id === "naive" ? naiveRows(n) : n, BYTES[id]!);
}

export interface Point {
  id: LaneId;
  name: string;
  intensity: number;
  gflops: number;
  /** The point's pixel position. */
  x: number;
  y: number;
  /** Its short label and where it goes: its near end and baseline (roofline-labels.ts). */
  label: string;
  labelX: number;
  labelY: number;
  /** A line from the dot to its label, when the label had to move away from beside its dot. */
  leader: { x1: number; y1: number; x2: number; y2: number } | null;
  /** Labels of the rows kernels go left of their points: their column sits just left of the typed kernels'. */
  labelSide: "left" | "right";
}

/** Short labels of the points. */
const SHORT: Partial<Record<LaneId, string>> = {
  stream: "stream", naive: "naive", ikj: "i-k-j", typed: "typed", blocked: "blocked", tiled: "tiled", nnfs: "nnfs", simd: "SIMD",
};
/** The box of "memory" at 12 px around the point it is centred on, before it is turned along the slope. */
const SLOPE_LABEL_BOX = [[-21, -10], [21, -10], [21, 2], [-21, 2]];
/** About how wide "scalar yardstick" is drawn at 12 px. */
export const ROOF_LABEL_WIDTH = 100;

type Box = [left: number, top: number, right: number, bottom: number];
/** The box of a line of 12 px text whose baseline is at y, anchored at x: 10 px above the baseline, 2 below. */
function textBox(x: number, y: number, anchor: "start" | "end", width: number): Box {
  return anchor === "start" ? [x, y - 10, x + width, y + 2] : [x - width, y - 10, x, y + 2];
}
/** A point's dot and its label. */
function pointBoxes(p: Point): Box[] {
  const label = textBox(p.labelX, p.labelY, p.labelSide === "left" ? "end" : "start", labelWidth(p.label));
  return [[p.x - 6, p.y - 6, p.x + 6, p.y + 6], label];
}
/** A box with `m` px more on every side: text needs a little air. */
const grow = (b: Box, m: number): Box => [b[0] - m, b[1] - m, b[2] + m, b[3] + m];
const overlapArea = (a: Box, b: Box): number => Math.max(0, Math.min(a[2], b[2]) - Math.max(a[0], b[0])) * Math.max(0, Math.min(a[3], b[3]) - Math.max(a[1], b[1]));
function overlaps(a: Box, bs: Box[]): boolean {
  return bs.some((b) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]);
}

export interface RooflineChart {
  width: number;
  height: number;
  /** The plot area. */
  box: { left: number; top: number; width: number; height: number };
  /** Memory bandwidth (GB/s) and the yardstick (GFLOP/s), measured. */
  bandwidth: number;
  peak: number;
  /** The intensity where the slope meets the roof. */
  ridge: number;
  /** The roof as an SVG path: the slope up to the ridge, then flat. */
  roof: string;
  /** Where the roofs' labels go (the roof's is drawn with its `anchor` end at x). */
  roofLabel: { x: number; y: number; anchor: "start" | "end" };
  slopeLabel: { x: number; y: number; angle: number };
  xTicks: { value: number; x: number; label: string }[];
  yTicks: { value: number; y: number; label: string }[];
  points: Point[];
}

/** The widest the chart is drawn (CSS pixels), and the narrowest: below it the drawing is scaled down. */
export const MAX_WIDTH = 560;
export const MIN_WIDTH = 300;

/**
 * The drawing for a width in CSS pixels: the plot area takes what the axis
 * labels leave, so that at any width from MIN_WIDTH to MAX_WIDTH the SVG is
 * drawn at scale 1 and its text at its own size (12 px on a phone too).
 */
function frame(width: number) {
  const narrow = width < 420;
  const left = narrow ? 46 : 58, right = narrow ? 20 : 22;
  const height = narrow ? 260 : 300;
  return { width, height, box: { left, top: 14, width: width - left - right, height: height - 64 } };
}

const decadeLabel = (v: number) => (v >= 1 ? String(v) : String(Number(v.toPrecision(1))));

/**
 * The roofline of a race, once its yardstick and stream are measured (null
 * before): log–log axes from a tenth of a flop per byte to a thousand, and
 * GFLOP/s over whole decades around every point and roof. `width` is the
 * width it will be shown at, in CSS pixels (kept between MIN_WIDTH and MAX_WIDTH).
 */
export function rooflineChart(lanes: readonly LaneState[], n: number, width = MAX_WIDTH): RooflineChart | null {
  const speed = (id: LaneId) => lanes.find((l) => l.id === id)?.gflops ?? null;
  const peak = speed("yardstick");
  const streamGflops = speed("stream");
  if (peak === null || streamGflops === null || !(peak > 0) || !(streamGflops > 0)) return null;
  const bandwidth = streamGflops * STREAM_BYTES_PER_FLOP;
  const ridge = peak / bandwidth;
  const { width: WIDTH, height: HEIGHT, box: BOX } = frame(Math.round(Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, width))));

  const measured = lanes.filter((l) => l.gflops !== null && l.gflops > 0 && l.id !== "yardstick");
  const x0 = -1, x1 = 3; // log10 of flops per byte
  const lows = [streamGflops, ...measured.map((l) => l.gflops!), bandwidth * 10 ** x0];
  const highs = [peak, ...measured.map((l) => l.gflops!)];
  const y0 = Math.floor(Math.log10(Math.min(...lows)));
  const y1 = Math.max(y0 + 1, Math.ceil(Math.log10(Math.max(...highs))));
  const px = (I: number) => BOX.left + ((Math.log10(I) - x0) / (x1 - x0)) * BOX.width;
  const py = (g: number) => BOX.top + (1 - (Math.log10(g) - y0) / (y1 - y0)) * BOX.height;
  const xMin = 10 ** x0, xMax = 10 ** x1;

  const line = (top: number) => {
    const knee = top / bandwidth;
    const start = Math.max(xMin, 10 ** y0 / bandwidth); // where the slope enters the plot
    if (knee <= start) return `M${px(xMin).toFixed(1)} ${py(top).toFixed(1)} L${px(xMax).toFixed(1)} ${py(top).toFixed(1)}`;
    const k = Math.min(knee, xMax);
    return `M${px(start).toFixed(1)} ${py(bandwidth * start).toFixed(1)} L${px(k).toFixed(1)} ${py(bandwidth * k).toFixed(1)} L${px(xMax).toFixed(1)} ${py(top).toFixed(1)}`;
  };

  // The slope's label lies along it, above it near the middle of its stretch in the plot; where that
  // would bring it within a few pixels of the y axis, the top, or the stream's dot and label, it slides
  // along the slope, or goes under it.
  const slopeLabel = () => {
    const start = Math.max(xMin, 10 ** y0 / bandwidth);
    const end = Math.min(ridge, xMax);
    const angle = (Math.atan2(py(bandwidth * end) - py(bandwidth * start), px(end) - px(start)) * 180) / Math.PI;
    const a = (angle * Math.PI) / 180;
    const stream = points.find((p) => p.id === "stream");
    const obstacles = stream ? [[stream.x, stream.y, 5], ...Array.from({ length: 8 }, (_, k) => [stream.labelX + (k * labelWidth(stream.label)) / 7, stream.labelY - 4, 6])] : [];
    const place = (t: number, side: 1 | -1) => {
      const I = start * (end / start) ** t;
      const d = side === 1 ? 4 : -14; // the baseline's distance from the slope, up-left of it or down-right
      const x = px(I) + d * Math.sin(a), y = py(bandwidth * I) - d * Math.cos(a);
      const corners = SLOPE_LABEL_BOX.map(([dx, dy]) => [x + dx * Math.cos(a) - dy * Math.sin(a), y + dx * Math.sin(a) + dy * Math.cos(a)]);
      // How far the obstacles are from the label, in the label's own frame.
      const apart = obstacles.map(([ox, oy, r]) => {
        const u = (ox - x) * Math.cos(a) + (oy - y) * Math.sin(a), v = -(ox - x) * Math.sin(a) + (oy - y) * Math.cos(a);
        return Math.hypot(Math.max(0, Math.abs(u) - SLOPE_LABEL_BOX[1][0]), Math.max(0, v < -4 ? -10 - v : v - 2)) - r;
      });
      const clear = Math.min(
        Math.min(...corners.map(([cx]) => cx)) - BOX.left - 8,
        Math.min(...corners.map(([, cy]) => cy)) - BOX.top - 2,
        BOX.top + BOX.height - 2 - Math.max(...corners.map(([, cy]) => cy)),
        ...apart.map((g) => g - 4),
      );
      return { x, y, angle, clear };
    };
    const tries = ([1, -1] as const).flatMap((side) => [0.5, 0.62, 0.38, 0.75, 0.25, 0.88].map((t) => place(t, side)));
    const { x, y } = tries.find((p) => p.clear >= 0) ?? tries.reduce((best, p) => (p.clear > best.clear ? p : best));
    return { x, y, angle };
  };

  const points: Point[] = [];
  for (const l of measured) {
    const intensity = laneIntensity(l.id, n);
    if (intensity === null) continue;
    points.push({ id: l.id, name: l.name, intensity, gflops: l.gflops!, x: px(intensity), y: py(l.gflops!), label: SHORT[l.id] ?? l.id, labelX: 0, labelY: 0, leader: null, labelSide: l.id === "naive" || l.id === "ikj" ? "left" : "right" });
  }
  placeLabels(points.map((p) => ({ x: p.x, y: p.y, label: p.label, side: p.labelSide })), { width: WIDTH, top: BOX.top + 12, bottom: BOX.top + BOX.height - 3 }).forEach((place, i) => {
    Object.assign(points[i], { labelX: place.x, labelY: place.y, labelSide: place.side, leader: place.leader });
  });
  // The roof's label: at the end of the roof, above it, unless a point or its label is in the
  // way (or within 2 px); then below it, or at the start of the flat roof, where the least is in the way.
  const places = [-6, 16, -22, 32].flatMap((dy) => [
    { x: px(xMax) - 4, y: py(peak) + dy, anchor: "end" as const },
    { x: px(Math.max(ridge, xMin)) + 6, y: py(peak) + dy, anchor: "start" as const },
  ]).filter((p) => p.y - 11 > BOX.top && p.y + 3 < BOX.top + BOX.height);
  const roofLabel = (places.length ? places : [{ x: px(xMax) - 4, y: py(peak) - 6, anchor: "end" as const }])
    .map((place) => {
      const box = textBox(place.x, place.y, place.anchor, ROOF_LABEL_WIDTH);
      // First the fewest dots and labels it covers; then the least of the 2 px of air around it taken.
      const n = points.filter((p) => overlaps(box, pointBoxes(p))).length;
      const air = points.flatMap(pointBoxes).reduce((sum, b) => sum + overlapArea(grow(box, 2), b), 0);
      return { place, n: n * 1e6 + air };
    })
    .reduce((best, next) => (next.n < best.n ? next : best)).place;
  const slope = slopeLabel();
  const decades = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => 10 ** (from + i));
  return {
    width: WIDTH,
    height: HEIGHT,
    box: BOX,
    bandwidth,
    peak,
    ridge,
    roof: line(peak),
    roofLabel,
    slopeLabel: slope,
    xTicks: decades(x0, x1).map((v) => ({ value: v, x: px(v), label: decadeLabel(v) })),
    yTicks: decades(y0, y1).map((v) => ({ value: v, y: py(v), label: decadeLabel(v) })),
    points,
  };
}

/** The chart in words, for screen readers and as the figure's caption. */
export function describeRoofline(c: RooflineChart): string {
  const fmt = (v: number) => String(v >= 100 ? Math.round(v) : Number(v.toPrecision(2)));
  const kernels = c.points.filter((p) => p.id !== "stream");
  const right = kernels.every((p) => p.intensity > c.ridge);
  const ridge = fmt(c.ridge);
  return (
    `Memory brings ${fmt(c.bandwidth)} GB/s and the scalar yardstick is ${fmt(c.peak)} GFLOP/s, so the roofs meet at ${ridge} ${ridge === "1" ? "flop" : "flops"} per byte. ` +
    (kernels.length === 0
      ? "No kernel is timed yet."
      : right
        ? "Every product lies to the right of that point: memory would let each of them reach the yardstick, and how far below the roof a kernel sits is what its arrangement wastes."
        : "Some products lie left of that point, where memory alone limits them.")
  );
}
