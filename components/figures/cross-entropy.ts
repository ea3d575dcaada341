/**
 * Chapter 7's cross-entropy figure, the geometry (CrossEntropyFigure.tsx
 * draws it; the tests check that the curve misses every label and that the
 * labels miss each other).
 */
import { toSvg, type Frame } from "./curves.ts";

export const CE_FRAME: Frame = { width: 360, height: 220, left: 40, right: 14, top: 12, bottom: 34, xMin: 0, xMax: 1, yMin: 0, yMax: 5 };

/** A marked point of −ln p, with where its label sits relative to the dot (SVG units; the label's baseline). */
export interface Mark {
  p: number;
  label: string;
  dx: number;
  dy: number;
  anchor: "start" | "end";
}

/**
 * Each label where the curve is not: 0.1's to the right of its dot, 0.5's
 * below the curve to the left of its dot, and the certain answer's above the
 * flat tail, high enough that the curve passes under it.
 */
export const CE_MARKS: Mark[] = [
  { p: 1, label: "sure and right: 0", dx: -6, dy: -30, anchor: "end" },
  { p: 0.5, label: "0.5: 0.69", dx: -8, dy: 18, anchor: "end" },
  { p: 0.1, label: "0.1: 2.30", dx: 8, dy: -8, anchor: "start" },
];

/** The box a mark's label covers, from a generous width of 0.65 em per character at 13 units. */
export function labelBox(m: Mark): { x0: number; x1: number; y0: number; y1: number } {
  const [mx, my] = toSvg(CE_FRAME, m.p, -Math.log(m.p));
  const x = mx + m.dx;
  const y = my + m.dy;
  const width = m.label.length * 13 * 0.65;
  return { x0: m.anchor === "end" ? x - width : x, x1: m.anchor === "end" ? x : x + width, y0: y - 13, y1: y + 3 };
}
