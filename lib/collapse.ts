/**
 * Chapter 10: a run that went wrong without a NaN. Too large a learning rate
 * does not always overflow: the weights can jump to where every answer is the
 * same, and training goes on, epoch after epoch, at the accuracy of a guess.
 * `train` and `trainEpoch` name that collapse instead of returning the network
 * as if it had learned.
 */

/**
 * How a run went, as `collapseWarning` judges it: the loss of the first batch
 * (before any update) and the loss at the end, the accuracy at the end and the
 * best on the way, and how many classes the answers choose among.
 *
 * @chapter 10
 * @example
 * { startLoss: 2.35, endLoss: 2.31, peakLoss: 41.7, endAccuracy: 0.098, bestAccuracy: 0.62, bestEpoch: 1, classes: 10 }
 */
export interface RunOutcome {
  startLoss: number;
  endLoss: number;
  /** The largest batch loss on the way. */
  peakLoss?: number;
  endAccuracy?: number;
  bestAccuracy?: number;
  /** The epoch of `bestAccuracy`, for the message. */
  bestEpoch?: number;
  /** Classes the model chooses among (its outputs); fewer than 2: accuracy is not judged. */
  classes?: number;
}

// How far above a pure guess (1 / classes) an accuracy may be and still count as chance.
const CHANCE_MARGIN = 0.05;

const pct = (v: number): string => `${(100 * v).toFixed(1)} %`;

/**
 * Names a collapsed run, or returns undefined for a run that learned. A run
 * collapsed when its loss ended more than 5 % above where it started, or when
 * its accuracy ended within 5 points of a guess among `classes` after it had
 * been better, or after the loss jumped to more than twice where it started.
 * (A learning rate too small to learn anything yet leaves the loss where it
 * started, without a jump: that is slow, not a collapse.)
 *
 * @chapter 10
 * @example
 * collapseWarning({ startLoss: 2.3, endLoss: 9.1, endAccuracy: 0.1, classes: 10 });
 * // "the loss ended at 9.10, above where it started (2.30), and the accuracy at 10.0 %, no better than a guess among 10 classes: training collapsed. …"
 */
export function collapseWarning(run: RunOutcome): string | undefined {
  const signs: string[] = [];
  const lossUp = Number.isFinite(run.startLoss) && run.endLoss > run.startLoss * 1.05;
  if (lossUp) signs.push(`the loss ended at ${num(run.endLoss)}, above where it started (${num(run.startLoss)})`);
  const k = run.classes ?? 0;
  const chance = 1 / k + CHANCE_MARGIN;
  if (k >= 2 && run.endAccuracy !== undefined && run.endAccuracy <= chance) {
    const fell = run.bestAccuracy !== undefined && run.bestAccuracy > chance + CHANCE_MARGIN;
    const jumped = run.peakLoss !== undefined && run.peakLoss > 2 * run.startLoss;
    if (lossUp || fell || jumped) {
      const how = fell ? ` after reaching ${pct(run.bestAccuracy!)}${run.bestEpoch ? ` in epoch ${run.bestEpoch}` : ""}` : "";
      const jump = jumped && !lossUp ? ` (the loss jumped to ${num(run.peakLoss!)} on the way)` : "";
      signs.push(`the accuracy ${lossUp ? "at" : "ended at"} ${pct(run.endAccuracy)}${how}, no better than a guess among ${k} classes${jump}`);
    }
  }
  if (!signs.length) return undefined;
  return `${signs.join(", and ")}: training collapsed. The learning rate is probably too large; try one 3–10 times smaller.`;
}

const num = (v: number): string => (Math.abs(v) >= 1e4 ? v.toExponential(2) : v.toFixed(2));
