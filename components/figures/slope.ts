/**
 * Chapter 8's slope figure, the geometry (SlopeFigure.tsx draws it; the
 * tests check that the curve misses its label and that the two parallel
 * lines at x = 1 stand apart).
 */
import type { Frame } from "./curves.ts";

export const SLOPE_FRAME: Frame = { width: 360, height: 230, left: 34, right: 14, top: 14, bottom: 34, xMin: -0.5, xMax: 6.5, yMin: -1, yMax: 10 };

/**
 * The figure's h, much larger than a real one. For a parabola the line through
 * x − h and x + h is parallel to the tangent at x, h² above it: with h = 1 the
 * two lines stand a clear unit apart instead of one hiding the other.
 */
export const H = 1;

/** Where the label of the curve sits: the empty top middle, which the curve never reaches. */
export const CURVE_LABEL = { x: 3, y: 8.6 };
