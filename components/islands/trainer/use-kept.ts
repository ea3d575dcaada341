/**
 * The network the island keeps (store.ts): the last one trained or loaded,
 * with a line about it, and a note when the browser would not store it.
 */
import { useEffect, useState } from "preact/hooks";
import { keepTrained, pack, readTrained } from "../shared/trained-store.ts";

export interface Kept {
  packed: string;
  about: string;
}

/** `restore`: start from the network an earlier visit (or chapter) kept, so it can be saved without training again. */
export function useKept(restore: boolean) {
  const [kept, setKept] = useState<Kept | null>(null);
  const [note, setNote] = useState<string | null>(null);
  useEffect(() => {
    if (!restore) return;
    const t = readTrained();
    if (t) setKept({ packed: pack(t), about: t.about });
  }, []);
  return {
    kept,
    note,
    /** Keeps a packed network for this page, the drawing pad, the cells and the next chapter. */
    keep(packed: string, about: string) {
      setKept({ packed, about });
      const stored = keepTrained(packed);
      setNote(stored ? null : "This browser would not store the network, so it is kept only until you leave the page.");
    },
  };
}
