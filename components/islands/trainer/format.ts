/** How the trainer writes numbers: accuracies in per cent, choices compactly. */

/** 0.946 → "94.6 %". */
export function percent(v: number): string {
  return `${(100 * v).toFixed(1)} %`;
}

/** A choice's value as a menu shows it: 0.2 → "0.2", 0.0001 → "1e-4". */
export function shortNumber(v: number): string {
  return v >= 1e-3 || v === 0 ? String(v) : v.toExponential(0);
}

/**
 * A sentence cut around its percentages ("94.6 %"), so that the page can keep
 * each number with its sign on one line: the odd-numbered parts are the
 * percentages.
 */
export function percentParts(text: string): string[] {
  return text.split(/(\d+(?:\.\d+)? %)/);
}
