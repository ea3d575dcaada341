/**
 * Numbers as the islands show and take them: rounding away floating-point
 * noise, keeping a value inside a range, snapping a slider's value to its
 * step, and writing numbers for people (a true minus sign, never "−0").
 * Written once here so that every island rounds and prints the same way.
 */

/** A slider's (or a grid's) range and step. */
export interface Range {
  min: number;
  max: number;
  step: number;
}

/** Rounds away floating-point noise (0.1 + 0.2 = 0.30000000000000004) to 6 decimals, and −0 to 0. */
export function clean(v: number): number {
  return Math.round(v * 1e6) / 1e6 || 0;
}

/** `v` kept inside [min, max]. */
export function clamp(v: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, v));
}

/**
 * A value on a range's grid: clamped to [min, max] and snapped to the nearest
 * step counted from `min`. What is not a number snaps as 0 would.
 */
export function snap(v: number, r: Range): number {
  const clamped = clamp(Number.isFinite(v) ? v : 0, r.min, r.max);
  return clean(r.min + Math.round((clamped - r.min) / r.step) * r.step);
}

/** A typographic minus sign (−) in place of the hyphen. */
function minus(s: string): string {
  return s.startsWith("-") ? `−${s.slice(1)}` : s;
}

/** At most `digits` decimals, trailing zeros dropped: 2.5, −1.25, 0 (never −0). */
export function fmt(v: number, digits = 2): string {
  return minus(String(Number(v.toFixed(digits)) || 0));
}

/** Exactly `digits` decimals, so a readout does not jump about as it changes: 3.0, −2.50, 0.0 (never −0.0). */
export function fixed(v: number, digits = 1): string {
  const s = v.toFixed(digits);
  return Number(s) === 0 ? (0).toFixed(digits) : minus(s);
}
