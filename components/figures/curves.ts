/**
 * The static figures of chapters 7–9, the logic: curves as SVG paths in a
 * plot's coordinates. The figures render at build time (no JavaScript in the
 * page), so they are there before the reader runs anything.
 */

/** A plot's frame: its SVG size, margins, and the ranges of x and y it shows. */
export interface Frame {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

/** SVG coordinates of the point (x, y) in the frame (y grows upwards). */
export function toSvg(f: Frame, x: number, y: number): [number, number] {
  const px = f.left + ((x - f.xMin) / (f.xMax - f.xMin)) * (f.width - f.left - f.right);
  const py = f.top + (1 - (y - f.yMin) / (f.yMax - f.yMin)) * (f.height - f.top - f.bottom);
  return [Math.round(px * 100) / 100, Math.round(py * 100) / 100];
}

/**
 * The curve y = g(x) for x from `from` to `to`, as an SVG path through
 * `samples` points; points above the frame are clamped to its top edge.
 */
export function curve(f: Frame, g: (x: number) => number, from: number, to: number, samples = 121): string {
  const parts: string[] = [];
  for (let k = 0; k < samples; k++) {
    const x = from + (k / (samples - 1)) * (to - from);
    const y = Math.min(f.yMax, Math.max(f.yMin, g(x)));
    const [px, py] = toSvg(f, x, y);
    parts.push(`${k === 0 ? "M" : "L"}${px},${py}`);
  }
  return parts.join(" ");
}

/** The straight line through (x0, y0) with slope m, from x = a to x = b: a tangent. */
export function tangent(f: Frame, x0: number, y0: number, m: number, a: number, b: number): string {
  const [p1x, p1y] = toSvg(f, a, y0 + m * (a - x0));
  const [p2x, p2y] = toSvg(f, b, y0 + m * (b - x0));
  return `M${p1x},${p1y} L${p2x},${p2y}`;
}
