/**
 * Colours for the islands that paint on a canvas. A canvas cannot use CSS
 * variables, so the islands read the theme's colours (`--bg`, `--fg`, …) as
 * text, turn them into [r, g, b] here, and mix them themselves.
 */

export type RGB = [number, number, number];

/** "#3451b2", "#fff" or "rgb(52, 81, 178)" as [r, g, b]; `fallback` when it cannot read it. */
export function parseColour(css: string, fallback: RGB): RGB {
  const s = css.trim();
  let m = /^#([0-9a-f]{6})$/i.exec(s);
  if (m) {
    const n = parseInt(m[1], 16);
    return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  }
  m = /^#([0-9a-f]{3})$/i.exec(s);
  if (m) return [0, 1, 2].map((i) => parseInt(m![1][i] + m![1][i], 16)) as RGB;
  m = /^rgba?\(\s*(\d+)[\s,]+(\d+)[\s,]+(\d+)/i.exec(s);
  if (m) return [Number(m[1]), Number(m[2]), Number(m[3])];
  return fallback;
}

/**
 * The colours named in `wanted` (a CSS variable and a fallback each), read from
 * a computed style: `readColours(getComputedStyle(el), { bg: ["--bg", [255, 255, 255]] })`.
 */
export function readColours<K extends string>(style: { getPropertyValue(name: string): string }, wanted: Record<K, readonly [string, RGB]>): Record<K, RGB> {
  const out = {} as Record<K, RGB>;
  for (const key of Object.keys(wanted) as K[]) out[key] = parseColour(style.getPropertyValue(wanted[key][0]), wanted[key][1]);
  return out;
}

/** A CSS colour with alpha `a`. */
export function rgba([r, g, b]: RGB, a = 1): string {
  return `rgba(${r}, ${g}, ${b}, ${a})`;
}

/**
 * Grey values (0 = paper … 1 = ink, clamped) as opaque RGBA bytes for an
 * ImageData, each pixel mixed from the paper colour `bg` towards the ink `fg`.
 */
export function inkPixels(values: ArrayLike<number>, bg: RGB, fg: RGB): Uint8ClampedArray {
  const out = new Uint8ClampedArray(values.length * 4);
  for (let i = 0; i < values.length; i++) {
    const v = Math.min(1, Math.max(0, values[i]));
    for (let c = 0; c < 3; c++) out[4 * i + c] = bg[c] + (fg[c] - bg[c]) * v;
    out[4 * i + 3] = 255;
  }
  return out;
}
