/**
 * When a run's network replaces the kept one (the reader's network for the
 * drawing pad, the cells and the next chapter): only when it is no worse on
 * the validation digits. Which network to keep is a choice, and choices are
 * made on validation digits: the test digits give the final number only. A
 * run that collapsed, or that validates below the kept network, is offered
 * instead, with the reason, and replaces it only if the reader says so.
 */

/** A network a run just finished: packed, described, its test and validation accuracies, and the run's warning if it collapsed. */
export interface Candidate {
  packed: string;
  about: string;
  /** Test accuracy: shown, never compared. */
  accuracy: number;
  /** Validation accuracy of the network as it ended (NaN if not measured). */
  validation: number;
  warning?: string;
}

/** The kept network as far as the rule needs it: its validation accuracy (NaN when unknown). */
export interface KeptSummary {
  about: string;
  validation: number;
}

const pc = (v: number) => `${(100 * v).toFixed(1)} %`;

/**
 * Null when `run` may replace `kept` (or be kept, when none is) at once; else
 * the sentence that asks, naming why (the run collapsed, or validates below
 * the kept network). A collapsed run asks even when nothing is kept yet.
 */
export function askBeforeKeeping(kept: KeptSummary | null, run: Candidate): string | null {
  const worse = kept !== null && Number.isFinite(kept.validation) && !(run.validation >= kept.validation);
  if (!run.warning && !worse) return null;
  const reads = Number.isFinite(run.validation) ? `reads ${pc(run.validation)} of the validation digits` : "was not measured on the validation digits";
  const why = run.warning
    ? `This run collapsed: ${run.warning.replace(/^train: /, "").replace(/: training collapsed\..*$/, "")}. It ${reads}`
    : `This run ${reads}`;
  // A first run that collapsed: nothing is kept yet, and a collapsed network is no reader's network.
  if (!kept) return `${why}: it is not kept unless you keep it.`;
  const than = worse && Number.isFinite(run.validation) ? `, below the kept network's ${pc(kept.validation)}` : "";
  return `${why}${than}: the kept network (${kept.about}) stays unless you keep this one instead.`;
}

/**
 * The label of the button that keeps a waiting run's network: "instead" only
 * when there is a kept network for it to replace (a first run that collapsed
 * waits with nothing kept).
 */
export function keepButton(kept: KeptSummary | null): string {
  return kept ? "Keep this run's network instead" : "Keep this run's network";
}
