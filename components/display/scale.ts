/**
 * The arithmetic of a plot's axes: the range of the values (by a loop, so a
 * million points do not overflow the stack), round tick values (1, 2 or 5
 * times a power of ten), and tick labels short enough to stay on one line.
 */

export interface Extent {
  min: number;
  max: number;
}

/** The smallest and largest finite numbers in all the lists; null when there are none. */
export function extent(lists: readonly ArrayLike<number>[]): Extent | null {
  let min = Infinity;
  let max = -Infinity;
  for (const list of lists) {
    for (let i = 0; i < list.length; i++) {
      const v = list[i];
      if (!Number.isFinite(v)) continue;
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  return min <= max ? { min, max } : null;
}

/** A round step (1, 2 or 5 times a power of ten) that cuts `span` into about `count` pieces. */
export function niceStep(span: number, count = 5): number {
  const raw = span / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const f = raw / power;
  return (f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10) * power;
}

/** The multiples of `step` from `min` to `max` (both inclusive, give or take rounding). */
export function ticksBetween(min: number, max: number, step: number): number[] {
  const out: number[] = [];
  const first = Math.ceil(min / step - 1e-9);
  const last = Math.floor(max / step + 1e-9);
  for (let k = first; k <= last; k++) out.push(k * step === 0 ? 0 : Number((k * step).toPrecision(12)));
  return out;
}

/**
 * An axis for values from `min` to `max`: widened to round numbers at both
 * ends (`pad`), or kept exactly as given. An empty range (one value) becomes
 * one unit either side of it.
 */
export function axis(min: number, max: number, { pad = true, count = 5 } = {}): { min: number; max: number; ticks: number[] } {
  if (!(max > min)) {
    const d = min === 0 ? 1 : Math.abs(min) / 2;
    [min, max] = [min - d, max + d];
  }
  const step = niceStep(max - min, count);
  if (pad) {
    min = Math.floor(min / step + 1e-9) * step;
    max = Math.ceil(max / step - 1e-9) * step;
  }
  return { min, max, ticks: ticksBetween(min, max, step) };
}

/**
 * A tick label: at most three significant digits, exponent form for very
 * large or small numbers ("3.06e-7", "1.5e+6"), and a true minus sign.
 */
export function tickLabel(v: number): string {
  if (v === 0) return "0";
  const a = Math.abs(v);
  let s: string;
  if (a >= 1e5 || a < 1e-3) {
    const [mant, exp] = v.toExponential(2).split("e");
    s = `${String(Number(mant))}e${exp}`;
  } else {
    s = String(Number(v.toPrecision(3)));
  }
  return s.replace(/^-/, "−");
}
