/**
 * Chapter 3's island, the logic: a matrix product X·W = Z whose entries the
 * reader edits, and which shows, for any one output entry, the row of X and
 * the column of W that make it. Plain `number[][]` with numbers rounded for
 * display (not the library's float32 `Matrix`): the reader types 0.1 and
 * should see 0.1 again, not 0.100000001.
 *
 * An entry the reader is still typing ("-", "2.", "") is `null`; an output
 * that depends on it is `null` too, so the view can show a dash rather than a
 * wrong number.
 */

import { clamp, clean, fmt } from "../shared/numbers.ts";

/** A number as a factor of a product: negative numbers in brackets, `(−0.5)`. */
export function factor(v: number | null): string {
  return v !== null && v < 0 ? `(${formatNumber(v)})` : formatNumber(v);
}

/** A matrix of entries, one inner array per row; `null` marks an unreadable entry. */
export type Grid = (number | null)[][];

/** Which output entry is selected: row i of X, column j of W. */
export interface Selection {
  i: number;
  j: number;
}

/**
 * The chapter's example: the first sample is [1, 2, 3, 2.5], and W holds the
 * three neurons' weights one neuron per column (the transpose of the way
 * chapter 2 writes them), so the first row of X·W + b is [4.8, 1.21, 2.385].
 */
export const EXAMPLE = {
  X: [
    [1, 2, 3, 2.5],
    [2, 5, -1, 2],
    [-1.5, 2.7, 3.3, -0.8],
  ],
  W: [
    [0.2, 0.5, -0.26],
    [0.8, -0.91, -0.27],
    [-0.5, 0.26, 0.17],
    [1, -0.5, 0.87],
  ],
} as const;

/** A fresh, mutable copy of the example. */
export function example(): { X: number[][]; W: number[][] } {
  return { X: EXAMPLE.X.map((r) => [...r]), W: EXAMPLE.W.map((r) => [...r]) };
}

/** `[rows×cols]`, the way the library's error messages write a shape. */
export function shapeOf(m: readonly (readonly unknown[])[]): string {
  return `[${m.length}×${m[0]?.length ?? 0}]`;
}

/** A number as the view prints it: at most four decimals, a true minus sign. */
export function formatNumber(v: number | null): string {
  if (v === null || !Number.isFinite(v)) return "—";
  return fmt(v, 4);
}

/**
 * What the reader typed, as a number, or `null` when it is not (yet) one.
 * Accepts a typographic minus (−) and a decimal comma (2,5).
 */
export function parseEntry(text: string): number | null {
  const t = text.trim().replace(/^[−–]/, "-").replace(",", ".");
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t)) return null;
  const v = Number(t);
  return Number.isFinite(v) && Math.abs(v) <= 1e6 ? v : null;
}

/** The terms of output (i, j): X[i][k] and W[k][j] for every k, and their products. */
export interface Expansion {
  terms: { x: number | null; w: number | null; product: number | null }[];
  sum: number | null;
}

function checkInner(X: Grid, W: Grid): void {
  const inner = X[0]?.length ?? 0;
  if (inner !== W.length) {
    throw new RangeError(`matmul: ${shapeOf(X)}·${shapeOf(W)}: inner sizes ${inner} and ${W.length} differ`);
  }
}

/**
 * Output (i, j) of X·W written out: row i of X and column j of W, multiplied
 * entry by entry and added up. The sum is `null` when any entry is.
 */
export function expand(X: Grid, W: Grid, { i, j }: Selection): Expansion {
  checkInner(X, W);
  const terms = X[i].map((x, k) => {
    const w = W[k][j];
    return { x, w, product: x === null || w === null ? null : clean(x * w) };
  });
  const known = terms.every((t) => t.product !== null);
  const sum = known ? clean(terms.reduce((s, t) => s + (t.x as number) * (t.w as number), 0)) : null;
  return { terms, sum };
}

/** The whole product Z = X·W, `[rows of X, cols of W]`; unknown entries are `null`. */
export function product(X: Grid, W: Grid): Grid {
  checkInner(X, W);
  const cols = W[0]?.length ?? 0;
  return X.map((_, i) => Array.from({ length: cols }, (_, j) => expand(X, W, { i, j }).sum));
}

/** The expansion as one line a screen reader can say: "1 × 0.2 + 2 × 0.8 + … = 2.8". */
export function describeExpansion(e: Expansion): string {
  const term = (t: Expansion["terms"][number]) => `${formatNumber(t.x)} × ${factor(t.w)}`;
  return `${e.terms.map(term).join(" + ")} = ${formatNumber(e.sum)}`;
}

/**
 * Moves the selection with the arrow keys (and Home/End along a row), staying
 * inside a `rows × cols` output; any other key returns `null` (not handled).
 */
export function move(sel: Selection, key: string, rows: number, cols: number): Selection | null {
  switch (key) {
    case "ArrowUp":
      return { i: clamp(sel.i - 1, 0, rows - 1), j: sel.j };
    case "ArrowDown":
      return { i: clamp(sel.i + 1, 0, rows - 1), j: sel.j };
    case "ArrowLeft":
      return { i: sel.i, j: clamp(sel.j - 1, 0, cols - 1) };
    case "ArrowRight":
      return { i: sel.i, j: clamp(sel.j + 1, 0, cols - 1) };
    case "Home":
      return { i: sel.i, j: 0 };
    case "End":
      return { i: sel.i, j: cols - 1 };
    default:
      return null;
  }
}

/** A copy of `m` with entry (r, c) replaced. */
export function setEntry<T>(m: T[][], r: number, c: number, value: T): T[][] {
  return m.map((row, ri) => (ri === r ? row.map((v, ci) => (ci === c ? value : v)) : row));
}

/** How many samples (rows of X) and neurons (columns of W) the reader may have. */
export const LIMITS = { samples: { min: 1, max: 4 }, neurons: { min: 1, max: 3 } } as const;

/** A fourth sample, for when the reader adds one. */
export const SPARE_SAMPLE = [0.5, -1, 1.5, 3] as const;

/**
 * X with `n` samples: existing rows are kept, new ones come from the example
 * (so removing a row and adding it back restores it) or the spare sample.
 */
export function withSamples<T>(X: T[][], n: number, toEntry: (v: number) => T): T[][] {
  const count = clamp(n, LIMITS.samples.min, LIMITS.samples.max);
  return Array.from({ length: count }, (_, r) => X[r] ?? (EXAMPLE.X[r] ?? SPARE_SAMPLE).map(toEntry));
}

/** W with `n` neurons (columns): existing columns are kept, new ones come from the example. */
export function withNeurons<T>(W: T[][], n: number, toEntry: (v: number) => T): T[][] {
  const count = clamp(n, LIMITS.neurons.min, LIMITS.neurons.max);
  return W.map((row, r) => Array.from({ length: count }, (_, c) => (c < row.length ? row[c] : toEntry(EXAMPLE.W[r][c]))));
}

/** The selection moved inside a `rows × cols` output, when the output shrinks. */
export function clampSelection(sel: Selection, rows: number, cols: number): Selection {
  return { i: Math.min(sel.i, rows - 1), j: Math.min(sel.j, cols - 1) };
}
