/**
 * A line of a hundred thousand points drawn on a plot a few hundred pixels
 * wide: most points land on the same pixel column. Keeping, for each column,
 * the first and last point and the lowest and highest draws the same picture
 * (every peak and dip stays) from at most four points a column.
 */

export interface Line {
  x: ArrayLike<number>;
  y: ArrayLike<number>;
}

/**
 * The indices of the points to draw: all of them when there are few, else the
 * first, last, lowest and highest point (in order) of each of `buckets` runs
 * of consecutive points. A non-finite y is always kept (it breaks the line).
 */
export function downsample(line: Line, buckets: number): number[] {
  const n = line.y.length;
  if (n <= 4 * buckets) return Array.from({ length: n }, (_, i) => i);
  const out: number[] = [];
  const size = n / buckets;
  for (let b = 0; b < buckets; b++) {
    const start = Math.floor(b * size);
    const end = Math.min(n, Math.floor((b + 1) * size));
    let lo = -1;
    let hi = -1;
    const keep = new Set<number>([start, end - 1]);
    for (let i = start; i < end; i++) {
      const v = line.y[i];
      if (!Number.isFinite(v)) {
        keep.add(i);
        continue;
      }
      if (lo < 0 || v < line.y[lo]) lo = i;
      if (hi < 0 || v > line.y[hi]) hi = i;
    }
    if (lo >= 0) keep.add(lo);
    if (hi >= 0) keep.add(hi);
    out.push(...[...keep].sort((a, b) => a - b));
  }
  return out;
}
