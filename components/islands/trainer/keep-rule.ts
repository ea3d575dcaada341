/**
 * When a run's network replaces the kept one (the reader's network for the
 * drawing pad, the cells and the next chapter): only when it is no worse.
 * A run that collapsed, or that tests below the kept network, is offered
 * instead, with the reason, and replaces it only if the reader says so.
 */

/** A network a run just finished: packed, described, its test accuracy, and the run's warning if it collapsed. */
export interface Candidate {
  packed: string;
  about: string;
  accuracy: number;
  warning?: string;
}

/** The kept network as far as the rule needs it: its test accuracy (NaN when unknown). */
export interface KeptSummary {
  about: string;
  accuracy: number;
}

const pc = (v: number) => `${(100 * v).toFixed(1)} %`;

/**
 * Null when `run` may replace `kept` at once; else the sentence that asks,
 * naming why (the run collapsed, or tests below the kept network).
 */
export function askBeforeKeeping(kept: KeptSummary | null, run: Candidate): string | null {
  if (!kept) return null;
  const better = Number.isFinite(kept.accuracy) && kept.accuracy > run.accuracy;
  if (!run.warning && !better) return null;
  const why = run.warning
    ? `This run collapsed: ${run.warning.replace(/^train: /, "").replace(/: training collapsed\..*$/, "")}. It tests at ${pc(run.accuracy)}`
    : `This run tests at ${pc(run.accuracy)}`;
  const than = Number.isFinite(kept.accuracy) ? `, below the kept network's ${pc(kept.accuracy)}` : "";
  return `${why}${better ? than : ""}: the kept network (${kept.about}) stays unless you keep this one instead.`;
}
