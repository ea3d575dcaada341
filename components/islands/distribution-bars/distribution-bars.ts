/**
 * Chapter 7's island, the logic: ten probabilities the reader drags, a true
 * digit, and what the losses of chapter 7 say about them. Setting one bar
 * rescales the other nine so that the ten still add up to 1. The losses are
 * the library's own `crossEntropy` and `mse`, so the island shows exactly what
 * the cells compute.
 */
import { Matrix, crossEntropy, mse, oneHot } from "nnfs";

/** Number of digits, and of bars. */
export const N = 10;

/** Distributions to start from: the island's preset buttons. */
export const PRESETS = {
  even: { label: "Even", probs: new Array(N).fill(0.1) as number[], truth: 3 },
  right: {
    label: "Confident and right",
    probs: [0.01, 0.01, 0.02, 0.85, 0.01, 0.03, 0.01, 0.02, 0.03, 0.01],
    truth: 3,
  },
  wrong: {
    label: "Confident and wrong",
    probs: [0.01, 0.01, 0.02, 0.03, 0.01, 0.03, 0.01, 0.02, 0.85, 0.01],
    truth: 3,
  },
  unsure: {
    label: "Unsure",
    probs: [0.02, 0.02, 0.05, 0.3, 0.03, 0.25, 0.03, 0.05, 0.22, 0.03],
    truth: 3,
  },
} as const;

export type PresetName = keyof typeof PRESETS;

/** How far one key press moves a bar: arrows by 0.01, Page Up/Down by 0.1. */
export const STEP = 0.01;
export const BIG_STEP = 0.1;

const clamp01 = (p: number): number => (Number.isFinite(p) ? Math.min(1, Math.max(0, p)) : 0);

/** Rounds away floating-point noise (and −0). */
export function clean(v: number): number {
  return Math.round(v * 1e9) / 1e9 || 0;
}

/**
 * Sets bar `k` to `p` (clamped to [0, 1]) and rescales the other bars so
 * that all ten add up to 1, keeping their proportions; if they were all 0,
 * they share what is left evenly.
 */
export function setProbability(probs: readonly number[], k: number, p: number): number[] {
  if (!Number.isInteger(k) || k < 0 || k >= probs.length) {
    throw new RangeError(`setProbability: bar ${k} is not one of 0…${probs.length - 1}`);
  }
  const target = clamp01(p);
  const rest = probs.reduce((s, q, j) => (j === k ? s : s + q), 0);
  const left = 1 - target;
  return probs.map((q, j) => {
    if (j === k) return clean(target);
    return clean(rest > 0 ? (q / rest) * left : left / (probs.length - 1));
  });
}

/** The position of the largest probability (the first, if several are equal). */
export function answerOf(probs: readonly number[]): number {
  let best = 0;
  for (let j = 1; j < probs.length; j++) if (probs[j] > probs[best]) best = j;
  return best;
}

/** What the losses say about a distribution and a true digit. */
export interface Verdict {
  crossEntropy: number;
  mse: number;
  answer: number;
  right: boolean;
  pTrue: number;
}

/** Cross-entropy and MSE (against the one-hot row) from the library, and whether the answer is right. */
export function verdict(probs: readonly number[], truth: number): Verdict {
  const yHat = Matrix.from([probs]); // [1, 10]
  const answer = answerOf(probs);
  return {
    crossEntropy: crossEntropy(yHat, [truth]),
    mse: mse(yHat, oneHot([truth], probs.length)),
    answer,
    right: answer === truth,
    pTrue: probs[truth],
  };
}

/** A bar's new value after a key press, or null for keys that do not change it. */
export function keyValue(key: string, p: number): number | null {
  switch (key) {
    case "ArrowUp":
      return clamp01(clean(p + STEP));
    case "ArrowDown":
      return clamp01(clean(p - STEP));
    case "PageUp":
      return clamp01(clean(p + BIG_STEP));
    case "PageDown":
      return clamp01(clean(p - BIG_STEP));
    case "Home":
      return 0;
    case "End":
      return 1;
    default:
      return null;
  }
}

/** The bar to focus after a key press (left and right arrows move between bars), or null. */
export function keyBar(key: string, k: number): number | null {
  if (key === "ArrowLeft") return Math.max(0, k - 1);
  if (key === "ArrowRight") return Math.min(N - 1, k + 1);
  return null;
}

/**
 * Which bar a pointer is over and the probability its height stands for:
 * `fx` and `fy` are the pointer's position as fractions of the plot's width
 * and height (0 at the left and at the top).
 */
export function barAt(fx: number, fy: number): { k: number; p: number } {
  const k = Math.min(N - 1, Math.max(0, Math.floor(clamp01(fx) * N)));
  return { k, p: clean(Math.round((1 - clamp01(fy)) * 100) / 100) };
}

/** A number with `digits` decimals and a true minus sign. */
export function fmt(v: number, digits = 2): string {
  const s = v.toFixed(digits);
  return s.startsWith("-") ? `−${s.slice(1)}` : s;
}

/** One sentence for screen readers and the readout. */
export function describe(probs: readonly number[], truth: number): string {
  const v = verdict(probs, truth);
  const answer = v.right
    ? `The answer, ${v.answer}, is right`
    : `The answer is ${v.answer}, but the true digit is ${truth}`;
  return (
    `${answer}. The true digit gets a probability of ${fmt(v.pTrue)}, ` +
    `so the cross-entropy is ${fmt(v.crossEntropy, 3)} and the mean squared error ${fmt(v.mse, 3)}.`
  );
}
