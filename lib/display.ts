/**
 * Showing pictures from a cell: a line plot of numbers (say a loss curve), a
 * 28×28 digit, and a bar chart of named numbers (chapter 12's speeds). Each call prints a one-line text stand-in, so a cell that
 * plots still has output the chapter tests can check; in the book's page the
 * same line arrives with the data and is drawn as a picture (captioned with
 * that line). The page connects through a host function stored on
 * `globalThis` under `Symbol.for("nnfs.display")`; without one, the line is
 * logged with `console.log`.
 */

/** One line of a plot: its y values, and x values (0, 1, 2, … when left out). */
export interface PlotSeries {
  name?: string;
  x: number[];
  y: number[];
}

/** What a cell asked to show, as the page receives it. */
export type DisplayItem =
  | { kind: "plot"; text: string; title: string | null; series: PlotSeries[]; fit?: boolean }
  | { kind: "digit"; text: string; label: string | null; pixels: number[] }
  | { kind: "bars"; text: string; title: string | null; bars: Bar[] };

/** One bar of a bar chart: a name and a value of 0 or more. */
export interface Bar {
  name: string;
  value: number;
}

/**
 * Where display items go when a host (the book's page) listens: the page's
 * worker puts a function under this key of `globalThis`.
 *
 * @chapter 5
 */
export const DISPLAY_HOST = Symbol.for("nnfs.display");

type Host = (item: DisplayItem) => void;

function show(item: DisplayItem): string {
  const host = (globalThis as Record<symbol, unknown>)[DISPLAY_HOST];
  if (typeof host === "function") (host as Host)(item);
  else console.log(item.text);
  return item.text;
}

function short(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  return String(Number(x.toPrecision(4)));
}

/** The smallest and largest finite values, by a loop (spreading a million values into Math.min overflows the stack); null when there are none. */
function finiteRange(values: readonly number[]): { min: number; max: number } | null {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return min <= max ? { min, max } : null;
}

function toNumbers(op: string, name: string, values: ArrayLike<number>): number[] {
  if (values == null || typeof values.length !== "number") {
    throw new TypeError(`${op}: ${name} must be an array of numbers, got ${values === null ? "null" : typeof values}`);
  }
  const out = Array.from(values, Number);
  const bad = out.findIndex((v) => Number.isNaN(v));
  if (bad >= 0) throw new RangeError(`${op}: ${name}[${bad}] is NaN`);
  return out;
}

/** Options of {@link plot}. */
export interface PlotOptions {
  /** The x value of each point (0, 1, 2, … when left out). */
  x?: ArrayLike<number>;
  title?: string;
  /** Names of the lines, in the order given. */
  names?: string[];
  /**
   * Let the y axis span only the values, even when they all lie in [0, 1]
   * (which otherwise get the axis 0 to 1 of a probability), so that a change
   * of a few hundredths fills the picture.
   */
  fit?: boolean;
}

/**
 * Draws a line plot of `y` (one line, or several as an array of arrays) and
 * returns its text stand-in: `[plot: 3 points, y from 1 to 0.25]`.
 *
 * @chapter 5
 * @example
 * plot([1, 0.5, 0.25], { title: "loss" }); // [plot "loss": 3 points, y from 1 to 0.25 (min 0.25, max 1)]
 */
export function plot(y: ArrayLike<number> | ArrayLike<number>[], options: PlotOptions = {}): string {
  const lines: ArrayLike<number>[] =
    y != null && typeof y === "object" && y.length > 0 && typeof (y as ArrayLike<unknown>)[0] === "object"
      ? Array.from(y as ArrayLike<number>[])
      : [y as ArrayLike<number>];
  const series = lines.map((line, i): PlotSeries => {
    const ys = toNumbers("plot", lines.length > 1 ? `y[${i}]` : "y", line);
    const xs = options.x ? toNumbers("plot", "x", options.x) : ys.map((_, j) => j);
    if (xs.length !== ys.length) throw new RangeError(`plot: x has ${xs.length} values and y has ${ys.length}`);
    return { name: options.names?.[i], x: xs, y: ys };
  });
  const title = options.title ?? null;
  const parts = series.map((s) => {
    const r = finiteRange(s.y);
    const range = r ? `y from ${short(s.y[0])} to ${short(s.y[s.y.length - 1])} (min ${short(r.min)}, max ${short(r.max)})` : "no points";
    return `${s.name ? `${s.name}: ` : ""}${s.y.length} point${s.y.length === 1 ? "" : "s"}, ${range}`;
  });
  const text = `[plot${title ? ` ${JSON.stringify(title)}` : ""}: ${parts.join("; ")}]`;
  return show(options.fit ? { kind: "plot", text, title, series, fit: true } : { kind: "plot", text, title, series });
}

/**
 * Shows a 28×28 grey image (784 values, 0 = white … 1 = black) and returns its
 * text stand-in: `[digit 28×28: 112 of 784 pixels inked]`. Values outside 0–1
 * are drawn (0–255 read as bytes) with a warning that names normalisation.
 *
 * @chapter 5
 * @example
 * showDigit(new Float32Array(784), { label: "blank" }); // [digit 28×28 "blank": 0 of 784 pixels inked]
 */
export function showDigit(pixels: ArrayLike<number>, options: { label?: string | number } = {}): string {
  const values = toNumbers("showDigit", "pixels", pixels);
  if (values.length !== 784) {
    throw new RangeError(`showDigit: pixels has ${values.length} values, a 28×28 image needs 784`);
  }
  const scale = values.some((v) => v > 1) ? 255 : 1;
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  if (lo < 0 || hi > 1) {
    const range = `pixels range from ${short(lo)} to ${short(hi)}, not from 0 to 1`;
    const fix =
      lo >= 0 && hi <= 255
        ? "divide them by 255 first (normalisation); drawn as if you had."
        : `normalise them to 0–1 first; values ${hi > 1 ? "above 1 are drawn as 1" : "below 0 are drawn as 0"}.`;
    console.warn(`showDigit: ${range}: ${fix}`);
  }
  const norm = values.map((v) => Math.min(1, Math.max(0, v / scale)));
  const inked = norm.filter((v) => v >= 0.5).length;
  const label = options.label === undefined ? null : String(options.label);
  const text = `[digit 28×28${label !== null ? ` ${JSON.stringify(label)}` : ""}: ${inked} of 784 pixels inked]`;
  return show({ kind: "digit", text, label, pixels: norm });
}

/**
 * Draws a bar chart, one bar per entry (names in the order given, values of
 * 0 or more, say the speeds of several kernels), and returns its text stand-in:
 * `[bars "GFLOP/s": naive 0.41, i-k-j 1.2]`. Call it again with one entry more
 * and the chart under that cell has grown by a bar.
 *
 * @chapter 12
 * @example
 * bars({ naive: 0.41, "i-k-j": 1.2 }, { title: "GFLOP/s" }); // [bars "GFLOP/s": naive 0.41, i-k-j 1.2]
 */
export function bars(values: Record<string, number> | Map<string, number>, options: { title?: string } = {}): string {
  if (values == null || typeof values !== "object") {
    throw new TypeError(`bars: values must be an object of names and numbers, as in bars({ naive: 0.4 }), got ${values === null ? "null" : typeof values}`);
  }
  const entries = values instanceof Map ? [...values] : Object.entries(values);
  const list = entries.map(([name, value]): Bar => {
    if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
      throw new RangeError(`bars: the bar ${JSON.stringify(name)} is ${String(value)}; a bar needs a finite number of 0 or more`);
    }
    return { name: String(name), value };
  });
  const title = options.title ?? null;
  const parts = list.map((b) => `${b.name} ${short(b.value)}`).join(", ");
  const text = `[bars${title ? ` ${JSON.stringify(title)}` : ""}: ${parts || "no bars"}]`;
  return show({ kind: "bars", text, title, bars: list });
}
