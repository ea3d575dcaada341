/**
 * The network the island keeps (store.ts): the last one trained or loaded,
 * with a line about it, and a note when the browser would not store it. A
 * run that collapsed or validates below the kept network does not replace it
 * without asking (keep-rule.ts): it waits in `pending` until the reader keeps it.
 */
import { useEffect, useState } from "preact/hooks";
import { keepTrained, pack, readTrained } from "../shared/trained-store.ts";
import { askBeforeKeeping, keepButton, type Candidate } from "./keep-rule.ts";

export interface Kept {
  packed: string;
  about: string;
  /** Its validation accuracy (what the keep rule compares); NaN when not measured. */
  validation: number;
}

/** `restore`: start from the network an earlier visit (or chapter) kept, so it can be saved without training again. */
export function useKept(restore: boolean) {
  const [kept, setKept] = useState<Kept | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [pending, setPending] = useState<(Candidate & { question: string; button: string }) | null>(null);
  useEffect(() => {
    const t = readTrained();
    if (t) setKept((k) => k ?? { packed: restore ? pack(t) : "", about: t.about, validation: t.validationAccuracy ?? NaN });
  }, []);
  const keep = (packed: string, about: string, validation = NaN) => {
    setKept({ packed, about, validation });
    setPending(null);
    const stored = keepTrained(packed);
    setNote(stored ? null : "This browser would not store the network, so it is kept only until you leave the page.");
  };
  return {
    kept: kept?.packed ? kept : null,
    note,
    /** A run's network, waiting for the reader's word because it is worse than the kept one; null when none waits. */
    pending,
    /** Keeps a packed network for this page, the drawing pad, the cells and the next chapter. */
    keep,
    /** A finished run's network: kept at once, or held in `pending` with the question (keep-rule.ts). */
    offer(run: Candidate) {
      const question = askBeforeKeeping(kept, run);
      if (question) setPending({ ...run, question, button: keepButton(kept) });
      else keep(run.packed, run.about, run.validation);
    },
    /** The reader chose the pending network after all. */
    keepPending() {
      if (pending) keep(pending.packed, pending.about, pending.validation);
    },
  };
}
